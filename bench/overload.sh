#!/usr/bin/env bash
# Overload and slow clients, on SQLite and PostgreSQL, release build, page cache off.
#
# 1. Flood: CONNECTIONS (500) keep-alive connections of one signed-in citizen ask for
#    a clause page holding 5,000 suggestions as fast as they are answered. Target:
#    p99 of the pages served under 1 s, the rest shed with 503 at once (p99 of the
#    503s), pages still served at about the rate 8 connections get (the reference
#    row), and no thread explosion (the server's peak thread count; it went from 19
#    to 522 before the database queue was bounded).
# 2. Slow bodies: SLOW connections send a POST's headers and then a byte every 5 s,
#    reconnecting when cut, while an anonymous reader loads an article page on a new
#    connection 20 times a second. Target: every reader page served, its median
#    unchanged and its p99 under 1 s, and the slow bodies cut (408) after
#    KENES_BODY_TIMEOUT_SECS.
#    SLOW defaults to 15,000: this machine's hard descriptor limit is 20,000 per
#    process (`ulimit -Hn`), for the server as for the client, so the issue's 24,000
#    cannot be held open here by one server; see BENCHMARKS.md for what happens
#    beyond the connection cap.
#
#   bash bench/overload.sh                    # 20 s per phase
#   SLOW=18000 SECONDS_PER_PHASE=30 bash bench/overload.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PHASE=${SECONDS_PER_PHASE:-20}
CONNECTIONS=${CONNECTIONS:-500}
SLOW=${SLOW:-15000}
BACKENDS=${BACKENDS:-sqlite postgres}
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
PASSWORD="a long overload passphrase"
ulimit -n "$(ulimit -Hn)"

cargo build --release --quiet
KENES=$PWD/target/release/kenes
WORK=$(mktemp -d /tmp/kenes-overload.XXXXXX)
PID=""
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
    psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_overload WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; exit 1; }
BASE=http://127.0.0.1:18330

echo "Signed-in clause page, 5,000 suggestions, page cache off:"
echo
echo "| backend | wrk connections | pages served/s | 503s/s | probe: served p50 ms | served p99 ms | shed | 503 p99 ms | other | server's peak threads |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
SLOW_ROWS=()
for backend in $BACKENDS; do
    rm -rf "$WORK/data"
    if [ "$backend" = sqlite ]; then
        export DATABASE_URL="$WORK/kenes.db"; rm -f "$WORK"/kenes.db*
    else
        psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_overload WITH (FORCE)" >/dev/null
        psql "$PG_ADMIN" -qc "CREATE DATABASE kenes_overload" >/dev/null
        export DATABASE_URL="${PG_ADMIN%/*}/kenes_overload"
    fi
    export KENES_DATA_DIR="$WORK/data" KENES_LOG=error KENES_BIND=127.0.0.1:18330 KENES_PAGE_CACHE_SECS=0
    "$KENES" import-draft tests/data/constitution-us.txt --consultation load --status open >/dev/null
    "$KENES" seed --consultation load --clause I.8 --citizens 2000 --suggestions 5000 --votes 50000 >/dev/null
    echo "$PASSWORD" | "$KENES" user create --email reader@example.kz --name "Reader" >/dev/null
    "$KENES" serve & PID=$!
    wait_for "$BASE/healthz"
    # Sign in once; every flood connection carries that session.
    rm -f "$WORK/jar"
    token=$(curl -s -c "$WORK/jar" "$BASE/en/sign-in" | grep -o 'name="csrf_token" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//; s/"//')
    curl -s -b "$WORK/jar" -c "$WORK/jar" -o /dev/null \
        --data-urlencode "csrf_token=$token" --data-urlencode "email=reader@example.kz" \
        --data-urlencode "password=$PASSWORD" --data-urlencode "next=/" "$BASE/en/sign-in"
    cookie=$(awk '$6 ~ /^kenes_(session|csrf)$/ {printf "%s=%s; ", $6, $7}' "$WORK/jar")
    case "$cookie" in *kenes_session=*) ;; *) echo "sign-in failed" >&2; exit 1 ;; esac
    # First the page's capacity without overload (8 connections), then the flood.
    # wrk makes the load; a probe, one client among them asking 20 times a second,
    # times what a person gets (wrk cannot tell served pages' latency from 503s').
    for connections in 8 "$CONNECTIONS"; do
        wrk -t2 -c"$connections" -d"${PHASE}s" -H "Cookie: $cookie" "$BASE/en/consultations/load/clauses/I.8" > "$WORK/wrk.txt" &
        loader=$!
        probe=$(python3 bench/overload.py probe 127.0.0.1 18330 "$PID" /en/consultations/load/clauses/I.8 "$cookie" "$PHASE")
        wait "$loader"
        python3 - "$backend" "$connections" "$PHASE" "$probe" "$WORK/wrk.txt" <<'PY'
import json, re, sys
backend, connections, seconds, d, wrk = sys.argv[1], sys.argv[2], float(sys.argv[3]), json.loads(sys.argv[4]), open(sys.argv[5]).read()
total = int(re.search(r"(\d+) requests in", wrk).group(1))
non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", wrk)) else 0
print(f"| {backend} | {connections} | {(total - non2xx) / seconds:.0f} | {non2xx / seconds:.0f} "
      f"| {d['served_p50_ms']} | {d['served_p99_ms']} | {d['shed']} of {d['shed'] + d['served']} | {d['shed_p99_ms']} "
      f"| {d['other'] or ''} | {d['peak_threads']} |")
PY
    done
    SLOW_ROWS+=("$(python3 bench/overload.py slow 127.0.0.1 18330 "$PID" /en/consultations/load/articles/I "$SLOW" "$PHASE" |
        python3 -c "
import json, sys
d = json.load(sys.stdin)
print(f\"| $backend | {d['slow_wanted']} | {d['slow_held_at_start']} / {d['slow_held_at_end']} | {d['cuts']} | {d['quiet_p50_ms']} / {d['quiet_p99_ms']} | {d['busy_p50_ms']} / {d['busy_p99_ms']} | {d['reader_pages']} | {d['reader_failures']} |\")")")
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
echo
echo "| backend | slow-body connections | held at start / end | cut by the server | reader p50 / p99 ms, alone | reader p50 / p99 ms, with them | reader pages | reader failures |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${SLOW_ROWS[@]}"
