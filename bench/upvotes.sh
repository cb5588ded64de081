#!/usr/bin/env bash
# Upvote throughput over HTTP: many distinct signed-in citizens voting at once, each
# request a new vote, against the raw single-row INSERT rate of the database itself
# in the same run (pgbench for PostgreSQL, the sqlite3 shell for SQLite). Target:
# kenes at least 0.3 of the raw rate. Afterwards the stored counts must equal the
# vote rows and the votes acknowledged with HTTP 200.
#
#   bash bench/upvotes.sh        # 10 s per run
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
# Concurrent connections, for the database's reference and for kenes alike.
CONNECTION_COUNTS=${CONNECTIONS:-16 64}
CITIZENS=${CITIZENS:-2000}
BACKENDS=${BACKENDS:-sqlite postgres}
# Rows of the sqlite3 reference: a few seconds' worth. 50,000 rows (about a second)
# ranged from 37,000 to 48,000 rows/s between runs of one session.
REF_ROWS=${REF_ROWS:-200000}
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
# Debian keeps pgbench with the server binaries, off the PATH.
PATH="$PATH:$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n1)"
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v pgbench >/dev/null || need+=(postgresql-contrib)
if ((${#need[@]})); then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi

cargo build --release --quiet
KENES=$PWD/target/release/kenes
WORK=$(mktemp -d /tmp/kenes-votes.XXXXXX)
PID=""
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
    psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_votes WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; exit 1; }

echo "| backend | connections | raw single-row INSERT/s | kenes upvotes/s | ratio | counts check |"
echo "| --- | --- | --- | --- | --- | --- |"
for CONNECTIONS in $CONNECTION_COUNTS; do
for backend in $BACKENDS; do
    if [ "$backend" = sqlite ]; then
        DB="$WORK/kenes.db"; export DATABASE_URL="$DB"
        rm -f "$WORK"/kenes.db* "$WORK/ref.db"
        run_sql() { sqlite3 "$DB"; }
        # Reference: single-row INSERTs, each its own transaction, WAL + synchronous=NORMAL.
        python3 -c "
import random
print('PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE ref (a INTEGER, b INTEGER, PRIMARY KEY (a, b));')
for i in range($REF_ROWS): print(f'INSERT INTO ref VALUES ({i}, {random.randint(1, 10**9)}) ON CONFLICT DO NOTHING;')
" > "$WORK/ref.sql"
        start=$(date +%s.%N); sqlite3 "$WORK/ref.db" < "$WORK/ref.sql" >/dev/null; end=$(date +%s.%N)
        raw=$(python3 -c "print(round($REF_ROWS / ($end - $start)))")
    else
        psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_votes WITH (FORCE)" >/dev/null
        psql "$PG_ADMIN" -qc "CREATE DATABASE kenes_votes" >/dev/null
        export DATABASE_URL="${PG_ADMIN%/*}/kenes_votes"
        run_sql() { psql -q "$DATABASE_URL" >/dev/null; }
        psql -q "$DATABASE_URL" -c "CREATE TABLE ref (a BIGINT, b BIGINT, PRIMARY KEY (a, b))"
        printf '%s\n' '\set a random(1, 1000000000)' '\set b random(1, 1000000000)' \
            'INSERT INTO ref VALUES (:a, :b) ON CONFLICT DO NOTHING;' > "$WORK/ref.pgbench"
        raw=$(pgbench -n -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" -f "$WORK/ref.pgbench" "$DATABASE_URL" 2>/dev/null | awk '/^tps/ {print int($3)}')
    fi
    export KENES_DATA_DIR="$WORK/data" KENES_LOG=error KENES_BIND=127.0.0.1:18290
    "$KENES" import-draft tests/data/constitution-us.txt --consultation votes --status open >/dev/null
    "$KENES" seed --consultation votes --citizens "$CITIZENS" --suggestions 2000 --votes 0 >/dev/null
    # Sessions for every seeded citizen, made directly: a random token, its SHA-256 stored.
    python3 - "$WORK" <<'PY'
import hashlib, secrets, sys
work = sys.argv[1]
with open(f"{work}/tokens.txt", "w") as tokens, open(f"{work}/sessions.sql", "w") as sql:
    sql.write("UPDATE users SET password_hash = 'seeded' WHERE email LIKE 'seed-%';\n")
    for i in range(int(__import__('os').environ.get('CITIZENS', '2000'))):
        token = secrets.token_urlsafe(32)
        tokens.write(token + "\n")
        digest = hashlib.sha256(token.encode()).hexdigest()
        sql.write(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) "
            f"SELECT '{digest}', id, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '2099-01-01 00:00:00' "
            f"FROM users WHERE email LIKE 'seed-%' ORDER BY id LIMIT 1 OFFSET {i};\n"
        )
PY
    run_sql < "$WORK/sessions.sql"
    if [ "$backend" = sqlite ]; then
        sqlite3 "$DB" "SELECT tracking_number FROM suggestions WHERE visible" > "$WORK/numbers.txt"
    else
        psql -qAt "$DATABASE_URL" -c "SELECT tracking_number FROM suggestions WHERE visible" > "$WORK/numbers.txt"
    fi
    KENES_PAGE_CACHE_SECS=0 "$KENES" serve & PID=$!
    wait_for http://127.0.0.1:18290/healthz
    # A CSRF token per session (tokens are bound to their session), one cookie for all.
    csrf_cookie=$(python3 bench/kenes_bench.py csrf 127.0.0.1 18290 "$WORK/tokens.txt" "$WORK/voters.txt")
    out=$(BENCH_SESSIONS="$WORK/voters.txt" BENCH_NUMBERS="$WORK/numbers.txt" BENCH_CSRF_COOKIE="$csrf_cookie" \
        wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s bench/upvote.lua http://127.0.0.1:18290)
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
    requests=$(echo "$out" | awk -F'[= ]' '/^requests=/ {print $2}')
    errors=$(echo "$out" | awk -F'[= ]' '/^requests=/ {print $4}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')
    acknowledged=$((requests - errors))
    if [ "$backend" = sqlite ]; then
        check=$(sqlite3 "$DB" "SELECT (SELECT SUM(upvotes) FROM suggestions) || ' ' || (SELECT COUNT(*) FROM upvotes)")
    else
        check=$(psql -qAt "$DATABASE_URL" -c "SELECT (SELECT SUM(upvotes) FROM suggestions) || ' ' || (SELECT COUNT(*) FROM upvotes)")
    fi
    stored=${check% *}; rows=${check#* }
    # wrk counts only completed responses: votes committed by requests still in flight
    # when it stops (at most one per connection) are stored but not acknowledged.
    in_flight=$((rows - acknowledged))
    if [ "$stored" = "$rows" ] && [ "$in_flight" -ge 0 ] && [ "$in_flight" -le "$CONNECTIONS" ]; then
        verdict="yes: $rows rows = stored count; $acknowledged acknowledged + $in_flight in flight at cutoff"
    else
        verdict="NO: stored $stored, rows $rows, acknowledged $acknowledged"
    fi
    ratio=$(python3 -c "print(f'{$rps / $raw:.2f}')")
    echo "| $backend | $CONNECTIONS | $raw | $rps | $ratio | $verdict |"
done
done
