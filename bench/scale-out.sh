#!/usr/bin/env bash
# Scale-out: votes per second through one `kenes serve` process against three
# processes on the same PostgreSQL database, in one run, every vote on the same few
# popular suggestions (the case that deadlocked: batches from different processes
# changing the same rows). Target: three processes at least 0.8 of one (the three
# processes, PostgreSQL and the load generator share this machine's two cores), zero
# deadlocks in PostgreSQL's statistics, and stored counts equal to the vote rows.
#
# Both phases use three wrk processes (one thread each, CONNECTIONS/3 connections
# each); in the first all three send to one server, in the second each to its own.
# Each phase votes on its own HOT suggestions, so the second starts as fresh as the first.
#
#   bash bench/scale-out.sh                     # 10 s per phase, 20 hot suggestions
#   DURATION=30s HOT=5 bash bench/scale-out.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-48}
HOT=${HOT:-20}
# Each phase can cast CITIZENS x HOT distinct votes; more and votes would repeat
# (answered, but not new rows), so keep it well above votes/s x DURATION.
CITIZENS=${CITIZENS:-8000}
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

cargo build --release --quiet
KENES=$PWD/target/release/kenes
WORK=$(mktemp -d /tmp/kenes-scale.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_scale WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; exit 1; }

psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_scale WITH (FORCE)" >/dev/null
psql "$PG_ADMIN" -qc "CREATE DATABASE kenes_scale" >/dev/null
export DATABASE_URL="${PG_ADMIN%/*}/kenes_scale"
sql() { psql -qAt "$DATABASE_URL" -c "$1"; }
export KENES_DATA_DIR="$WORK/data" KENES_LOG=error KENES_PAGE_CACHE_SECS=0
"$KENES" import-draft tests/data/constitution-us.txt --consultation votes --status open >/dev/null
"$KENES" seed --consultation votes --citizens "$CITIZENS" --suggestions 200 --votes 0 >/dev/null
# A session for every seeded citizen, made directly: a random token, its SHA-256
# stored, for the citizens in id order.
CITIZENS=$CITIZENS python3 - "$WORK" <<'PY'
import hashlib, os, secrets, sys
work = sys.argv[1]
with open(f"{work}/sessions.txt", "w") as tokens, open(f"{work}/sessions.sql", "w") as sql:
    rows = []
    for n in range(int(os.environ["CITIZENS"])):
        token = secrets.token_urlsafe(32)
        tokens.write(token + "\n")
        rows.append(f"('{hashlib.sha256(token.encode()).hexdigest()}', {n})")
    # Seeded citizens have no password, and such an account cannot hold a session.
    sql.write("UPDATE users SET password_hash = 'seeded' WHERE email LIKE 'seed-%';\n")
    sql.write("CREATE TEMP TABLE tokens (token_hash text, n bigint);\n")
    sql.write("INSERT INTO tokens VALUES " + ",\n".join(rows) + ";\n")
    sql.write("""INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
SELECT t.token_hash, u.id, now(), now(), now() + interval '1 day' FROM tokens t
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users WHERE email LIKE 'seed-%') u
  ON u.n = t.n;\n""")
PY
psql -q "$DATABASE_URL" -f "$WORK/sessions.sql" >/dev/null
sql "SELECT tracking_number FROM suggestions WHERE visible ORDER BY id LIMIT $HOT" > "$WORK/hot-1.txt"
sql "SELECT tracking_number FROM suggestions WHERE visible ORDER BY id OFFSET $HOT LIMIT $HOT" > "$WORK/hot-2.txt"

start_server() { KENES_BIND=127.0.0.1:$1 "$KENES" serve & PIDS+=($!); wait_for "http://127.0.0.1:$1/healthz"; }
start_server 18301
csrf_cookie=$(python3 bench/kenes_bench.py csrf 127.0.0.1 18301 "$WORK/sessions.txt" "$WORK/voters.txt")

# phase NAME NUMBERS PORT PORT PORT: three wrk processes at once; prints "votes/s acknowledged".
phase() {
    local numbers=$2 offset=0 port loaders=()
    shift 2
    for port in "$@"; do
        BENCH_SESSIONS="$WORK/voters.txt" BENCH_NUMBERS="$numbers" BENCH_CSRF_COOKIE="$csrf_cookie" \
            BENCH_OFFSET=$offset BENCH_SLOTS=3 \
            wrk -t1 -c$((CONNECTIONS / 3)) -d"$DURATION" -s bench/upvote.lua "http://127.0.0.1:$port" \
            > "$WORK/wrk-$offset.txt" &
        loaders+=($!)
        offset=$((offset + 1))
    done
    wait "${loaders[@]}"
    python3 - "$WORK" <<'PY'
import re, sys, glob
rps = acknowledged = 0
for path in glob.glob(f"{sys.argv[1]}/wrk-*.txt"):
    text = open(path).read()
    rps += float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    m = re.search(r"requests=(\d+) errors_status=(\d+)", text)
    acknowledged += int(m.group(1)) - int(m.group(2))
print(f"{rps:.0f} {acknowledged}")
PY
    rm -f "$WORK"/wrk-*.txt
}
deadlocks() { sleep 1.5; sql "SELECT deadlocks FROM pg_stat_database WHERE datname = 'kenes_scale'"; }

before=$(deadlocks)
read -r one one_ack < <(phase one "$WORK/hot-1.txt" 18301 18301 18301)
start_server 18302
start_server 18303
mid=$(deadlocks)
read -r three three_ack < <(phase three "$WORK/hot-2.txt" 18301 18302 18303)
after=$(deadlocks)
for pid in "${PIDS[@]}"; do kill "$pid"; wait "$pid" 2>/dev/null || true; done
PIDS=()

check=$(sql "SELECT (SELECT SUM(upvotes) FROM suggestions) || ' ' || (SELECT COUNT(*) FROM upvotes)")
stored=${check% *}; rows=${check#* }
acknowledged=$((one_ack + three_ack))
in_flight=$((rows - acknowledged))
if [ "$one_ack" -gt $((CITIZENS * HOT)) ] || [ "$three_ack" -gt $((CITIZENS * HOT)) ]; then
    counts="NOT CHECKED: a phase voted more than CITIZENS x HOT times, so pairs repeated; raise CITIZENS"
elif [ "$stored" = "$rows" ] && [ "$in_flight" -ge 0 ] && [ "$in_flight" -le $((2 * CONNECTIONS)) ]; then
    counts="yes: $rows rows = stored count; $acknowledged acknowledged + $in_flight in flight at cutoff"
else
    counts="NO: stored $stored, rows $rows, acknowledged $acknowledged"
fi
ratio=$(python3 -c "print(f'{$three / $one:.2f}')")
echo "| processes | hot suggestions | connections | votes/s | deadlocks |"
echo "| --- | --- | --- | --- | --- |"
echo "| 1 | $HOT | $CONNECTIONS | $one | $((mid - before)) |"
echo "| 3 | $HOT | $CONNECTIONS | $three | $((after - mid)) |"
echo
echo "three processes / one: $ratio (target at least 0.80); counts exact: $counts"
