#!/usr/bin/env bash
# A clause page with 10,000 suggestions (skewed votes): latency of the first page and
# of pages 1,000 and about 9,980 suggestions deep (keyset cursors), sorted by support
# and by newest, page cache off so every request queries. wrk -t1 -c4 --latency.
#
#   bash bench/clause-pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
cargo build --release --quiet
KENES=$PWD/target/release/kenes
WORK=$(mktemp -d /tmp/kenes-pages.XXXXXX)
PID=""
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
    psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_pages WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; exit 1; }

echo "| backend | sort | position | p50 ms | p99 ms | req/s |"
echo "| --- | --- | --- | --- | --- | --- |"
for backend in sqlite postgres; do
    if [ "$backend" = sqlite ]; then
        export DATABASE_URL="$WORK/kenes.db"
        query() { sqlite3 "$DATABASE_URL" "$1"; }
    else
        psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_pages WITH (FORCE)" >/dev/null
        psql "$PG_ADMIN" -qc "CREATE DATABASE kenes_pages" >/dev/null
        export DATABASE_URL="${PG_ADMIN%/*}/kenes_pages"
        query() { psql -qAt "$DATABASE_URL" -c "$1"; }
    fi
    export KENES_DATA_DIR="$WORK/data" KENES_LOG=error KENES_BIND=127.0.0.1:18390 KENES_PAGE_CACHE_SECS=0
    "$KENES" import-draft tests/data/constitution-us.txt --consultation pages --status open >/dev/null
    "$KENES" seed --consultation pages --clause I.8 --citizens 5000 --suggestions 10000 --votes 200000 >/dev/null
    visible=$(query "SELECT COUNT(*) FROM suggestions WHERE visible")
    "$KENES" serve & PID=$!
    wait_for http://127.0.0.1:18390/healthz
    base=http://127.0.0.1:18390/en/consultations/pages/clauses/I.8
    for sort in top newest; do
        if [ "$sort" = top ]; then order="upvotes DESC, id DESC"; else order="id DESC"; fi
        for position in 0 1000 $((visible - 20)); do
            if [ "$position" = 0 ]; then
                url="$base?sort=$sort"
            else
                if [ "$sort" = top ]; then
                    cursor=$(query "SELECT upvotes || '_' || id FROM suggestions WHERE visible ORDER BY $order LIMIT 1 OFFSET $((position - 1))")
                else
                    cursor=$(query "SELECT id FROM suggestions WHERE visible ORDER BY $order LIMIT 1 OFFSET $((position - 1))")
                fi
                url="$base?sort=$sort&after=$cursor"
            fi
            count=$(curl -s "$url" | grep -c 'class="suggestion"' || true)
            [ "$count" -ge 1 ] || { echo "no suggestions at $url" >&2; exit 1; }
            out=$(wrk -t1 -c4 -d"$DURATION" --latency "$url")
            p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
            p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
            rps=$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')
            echo "| $backend | $sort | $position of $visible | $p50 | $p99 | $rps |"
        done
    done
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done
