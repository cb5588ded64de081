#!/usr/bin/env bash
# The suggestions export on 1,000,000 suggestions, against the database's own CSV
# export of the same columns in the same run: PostgreSQL's COPY (SELECT …) TO STDOUT
# WITH CSV, and the sqlite3 shell's CSV mode. Also the server's peak memory during an
# export over HTTP, above its idle size.
#
#   bash bench/export.sh      # reuses the databases bench/moderation-queue.sh keeps
#                             # (KEEP=1, WORK=/tmp/kq), else seeds its own
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-/tmp/kq}
PG_DB=${PG_DB:-kenes_queue}   # the queue benchmark's PostgreSQL database, as it was run
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
if [ ! -f "$WORK/kenes.db" ]; then
    KEEP=1 WORK="$WORK" PG_DB="$PG_DB" DURATION=1s bash bench/moderation-queue.sh >/dev/null
fi
cargo build --release --quiet
KENES=$PWD/target/release/kenes
# The same columns as the export, by the database alone (joins for the clause's place;
# tags, pseudonyms and neutralisation are the export's own additions).
COLUMNS="s.tracking_number, c.slug, v.number, ch.heading, a.number, cl.reference, substr(cl.body, 1, 200), s.kind, s.body, s.proposed_text, s.status, s.reason_code, s.official_response, s.upvotes, s.duplicate_of, s.cluster_id, s.cluster_size, s.created_at, s.decided_at, s.author_id, u.region"
FROM="FROM suggestions s JOIN consultations c ON c.id = s.consultation_id JOIN clauses cl ON cl.id = s.clause_id JOIN articles a ON a.id = cl.article_id LEFT JOIN chapters ch ON ch.id = a.chapter_id JOIN document_versions v ON v.id = cl.version_id JOIN users u ON u.id = s.author_id ORDER BY s.id"

echo "| backend | what | mean s | rows |"
echo "| --- | --- | --- | --- |"
for backend in sqlite postgres; do
    if [ "$backend" = sqlite ]; then
        export DATABASE_URL="$WORK/kenes.db"
        native="sqlite3 -csv -header $DATABASE_URL \"SELECT $COLUMNS $FROM\" > $WORK/native.csv"
    else
        export DATABASE_URL="${PG_ADMIN%/*}/$PG_DB"
        native="psql -qAt $DATABASE_URL -c \"\\copy (SELECT $COLUMNS $FROM) TO STDOUT WITH CSV HEADER\" > $WORK/native.csv"
    fi
    export KENES_DATA_DIR="$WORK/data-$backend" KENES_LOG=error
    hyperfine --runs 3 --warmup 1 --export-json "$WORK/export-$backend.json" \
        -n "database's own CSV" "$native" \
        -n "kenes export suggestions" "$KENES export suggestions --out $WORK/kenes.csv" >/dev/null
    rows=$(($(wc -l < "$WORK/native.csv") - 1))
    python3 - "$WORK/export-$backend.json" "$backend" "$rows" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
native, kenes = results[0]["mean"], results[1]["mean"]
print(f"| {sys.argv[2]} | database's own CSV | {native:.2f} | {sys.argv[3]} |")
print(f"| {sys.argv[2]} | kenes export suggestions | {kenes:.2f} | {sys.argv[3]} |")
print(f"| {sys.argv[2]} | ratio (kenes / database) | {kenes / native:.2f} | |")
PY
    # Peak memory of the server while it streams the export over HTTP.
    export KENES_BIND=127.0.0.1:18392 KENES_CLUSTER_SECS=0
    printf 'export-bench-password\n' | "$KENES" user create --email bench-analyst@gov.kz --name "Bench Analyst" --role analyst >/dev/null 2>&1 || true
    "$KENES" serve & PID=$!
    for _ in $(seq 1 300); do curl -fs http://127.0.0.1:18392/healthz >/dev/null 2>&1 && break; sleep 0.1; done
    jar="$WORK/jar-$backend"; rm -f "$jar"
    token=$(curl -s -c "$jar" http://127.0.0.1:18392/en/sign-in | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
    curl -s -b "$jar" -c "$jar" -o /dev/null -X POST http://127.0.0.1:18392/en/sign-in --data-urlencode "csrf_token=$token" \
        --data-urlencode "email=bench-analyst@gov.kz" --data-urlencode "password=export-bench-password"
    idle=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)
    first=$(curl -s -b "$jar" -o "$WORK/http.csv" -w '%{time_starttransfer} %{time_total}' "http://127.0.0.1:18392/analytics/export?export=suggestions")
    peak=$(awk '/VmHWM/ {print $2}' /proc/$PID/status)
    echo "| $backend | over HTTP: first byte, total (s) | $first | $(($(wc -l < "$WORK/http.csv") - 1)) lines |"
    echo "| $backend | server memory: idle, peak, peak above idle (MiB) | $((idle / 1024)), $((peak / 1024)), $(((peak - idle) / 1024)) | |"
    kill $PID; wait $PID 2>/dev/null || true
done
