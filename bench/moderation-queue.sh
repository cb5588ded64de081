#!/usr/bin/env bash
# The moderation queue on 1,000,000 suggestions and 10,000,000 upvote draws, on both
# backends: p50/p95/p99 of the queue page for representative filters and orders
# (full-text search, a page far into the queue, and one clause in each of the queue's
# three orders among them), as a signed-in moderator, page cache off; in one table,
# with how many suggestions each filter matches and the indexes in the plan of its
# page's query (`kenes queue-plan`). Also the time to cluster all 1,000,000
# suggestions, and an incremental pass after 1,000 more.
#
#   bash bench/moderation-queue.sh            # SUGGESTIONS=1000000 VOTES=10000000
#   KEEP=1 bash bench/moderation-queue.sh     # keep the seeded databases for a rerun
#   RANDOM_SEED=11 PG_DB=kenes_queue11 WORK=/tmp/kq11 bash bench/moderation-queue.sh
#                                             # another seed's data, in its own databases
#   ONLY="one clause" bash bench/moderation-queue.sh   # only the combinations named so
#   PORT=18392 KENES=/tmp/kenes bash bench/moderation-queue.sh
#                                             # beside another run, with a copied binary
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
SUGGESTIONS=${SUGGESTIONS:-1000000}
VOTES=${VOTES:-10000000}
CITIZENS=${CITIZENS:-200000}
RANDOM_SEED=${RANDOM_SEED:-2024}
PG_DB=${PG_DB:-kenes_queue}
ONLY=${ONLY:-}
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet
KENES=${KENES:-$PWD/target/release/kenes}
WORK=${WORK:-/tmp/kenes-queue}
mkdir -p "$WORK"
PID=""
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
    if [ -z "${KEEP:-}" ]; then
        psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 || true
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 300); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; exit 1; }
PORT=${PORT:-18391}
BASE=http://127.0.0.1:$PORT

declare -A timing index page_rows matching
for backend in ${BACKENDS:-sqlite postgres}; do
    if [ "$backend" = sqlite ]; then
        export DATABASE_URL="$WORK/kenes.db"
        query() { sqlite3 "$DATABASE_URL" "$1"; }
        fresh=$([ -f "$DATABASE_URL" ] && echo no || echo yes)
    else
        export DATABASE_URL="${PG_ADMIN%/*}/$PG_DB"
        query() { psql -qAt "$DATABASE_URL" -c "$1"; }
        if psql "$PG_ADMIN" -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1; then
            fresh=no
        else
            psql "$PG_ADMIN" -qc "CREATE DATABASE $PG_DB" >/dev/null
            fresh=yes
        fi
    fi
    export KENES_DATA_DIR="$WORK/data-$backend" KENES_LOG=error KENES_BIND=127.0.0.1:$PORT \
        KENES_PAGE_CACHE_SECS=0 KENES_CLUSTER_SECS=0
    if [ "$fresh" = yes ]; then
        "$KENES" import-draft tests/data/constitution-us.txt --consultation queue --status open >/dev/null
        echo "[$backend] seed: $( { /usr/bin/time -f '%e s' "$KENES" seed --consultation queue \
            --citizens "$CITIZENS" --suggestions "$SUGGESTIONS" --votes "$VOTES" \
            --random-seed "$RANDOM_SEED" >/dev/null; } 2>&1 )" >&2
        echo "$backend | full clustering of $(query "SELECT COUNT(*) FROM suggestions") suggestions | $( { /usr/bin/time -f '%e s, peak %M KiB' "$KENES" cluster --all >/dev/null; } 2>&1 )"
        "$KENES" seed --consultation queue --citizens 100 --suggestions 1000 --votes 1000 --random-seed "$((RANDOM_SEED + 1))" >/dev/null
        echo "$backend | incremental clustering after 1,000 new | $( { /usr/bin/time -f '%e s' "$KENES" cluster >/dev/null; } 2>&1 )"
        printf 'queue-bench-password\n' | "$KENES" user create --email bench-moderator@gov.kz --name "Bench Moderator" --role moderator >/dev/null
        # Some work in progress, as in a real queue: assignments, tags, reports.
        query "UPDATE suggestions SET assignee_id = (SELECT id FROM users WHERE email = 'bench-moderator@gov.kz') WHERE id % 97 = 0"
        query "UPDATE suggestions SET flagged = TRUE, flag_count = 1 WHERE id % 1009 = 0"
        # What autovacuum would have done by now (it is off on this machine's server):
        # the clustering pass leaves a dead version of every row it marked.
        if [ "$backend" = postgres ]; then
            echo "[$backend] vacuum: $( { /usr/bin/time -f '%e s' psql -qAt "$DATABASE_URL" -c "VACUUM ANALYZE" >/dev/null; } 2>&1 )" >&2
        fi
    fi
    "$KENES" serve & PID=$!
    wait_for "$BASE/healthz"
    jar="$WORK/cookies-$backend"
    rm -f "$jar"
    token=$(curl -s -c "$jar" "$BASE/en/sign-in" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
    curl -s -b "$jar" -c "$jar" -o /dev/null -X POST "$BASE/sign-in" \
        --data-urlencode "csrf_token=$token" --data-urlencode "email=bench-moderator@gov.kz" \
        --data-urlencode "password=queue-bench-password" --data-urlencode "next=/moderation"
    session=$(awk '$6 == "kenes_session" {print $7}' "$jar")
    [ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }
    total=$(query "SELECT COUNT(*) FROM suggestions")
    pending=$(query "SELECT COUNT(*) FROM suggestions WHERE status = 'pending'")
    deep_old=$(query "SELECT id FROM suggestions WHERE status = 'pending' ORDER BY id LIMIT 1 OFFSET $((pending * 9 / 10))")
    deep_top=$(query "SELECT upvotes || '_' || id FROM suggestions ORDER BY upvotes DESC, id DESC LIMIT 1 OFFSET $((total / 2))")
    week_from=$(query "SELECT MIN(created_at) FROM suggestions" | cut -c1-10)
    kz=$(printf 'тілді' | jq -sRr @uri 2>/dev/null || python3 -c "import urllib.parse;print(urllib.parse.quote('тілді'))")
    ru=$(python3 -c "import urllib.parse;print(urllib.parse.quote('право граждан'))")
    declare -a names=(
        "pending, oldest first (default)"
        "pending, most upvoted"
        "any status, newest first"
        "published in one consultation, most upvoted"
        "one clause (I.8), any status"
        "one clause (I.8), any status, newest first"
        "one clause (I.8), any status, most upvoted"
        "one article (I), amendments only"
        "at least 500 upvotes, any status"
        "pending, one week of submissions"
        "full text: Kazakh word, any status"
        "full text: two Russian words, published"
        "pending, 90% deep (oldest first)"
        "any status, half-way deep (most upvoted)"
        "assigned to me, any status"
        "reported, any status"
        "in a cluster, pending"
    )
    declare -a paths=(
        "/en/moderation"
        "/en/moderation?sort=upvotes"
        "/en/moderation?status=all&sort=newest"
        "/en/moderation?status=published&consultation=queue&sort=upvotes"
        "/en/moderation?status=all&clause=I.8"
        "/en/moderation?status=all&clause=I.8&sort=newest"
        "/en/moderation?status=all&clause=I.8&sort=upvotes"
        "/en/moderation?status=all&article=I&kind=amend"
        "/en/moderation?status=all&min_upvotes=500"
        "/en/moderation?from=$week_from&to=$(date -d "$week_from + 7 days" +%F)"
        "/en/moderation?status=all&q=$kz"
        "/en/moderation?status=published&q=$ru"
        "/en/moderation?after=0_$deep_old"
        "/en/moderation?status=all&sort=upvotes&after=$deep_top"
        "/en/moderation?status=all&assignee=me"
        "/en/moderation?status=all&flagged=1"
        "/en/moderation?clustered=1"
    )
    for i in "${!paths[@]}"; do
        if [ -n "$ONLY" ] && [[ "${names[$i]}" != *"$ONLY"* ]]; then continue; fi
        url="$BASE${paths[$i]}"
        rows=$(curl -s -b "kenes_session=$session" "$url" | grep -c 'class="queue-row"' || true)
        out=$(wrk -t1 -c2 -d"$DURATION" -s bench/queue.lua -H "Cookie: kenes_session=$session" "$url")
        read -r p50 p95 p99 n errors <<<"$(echo "$out" | awk '$1 == "PCT" {print $2, $3, $4, $5, $6}')"
        echo "$backend | ${names[$i]} | $rows rows | $p50 | $p95 | $p99 | $n | $errors" >&2
        # What the database does for it (issue 20): how many suggestions match, and the
        # indexes (or scans) in the plan of the page's query, from `kenes queue-plan`.
        query_string=${paths[$i]#/en/moderation}
        plan=$(KENES_LOG=error timeout 120 "$KENES" queue-plan "${query_string#\?}" --as bench-moderator@gov.kz 2>&1 || true)
        count=$(echo "$plan" | head -1 | tr -cd '0-9')
        matching["$backend,$i"]=${count:-not counted}
        used=$(echo "$plan" | tail -n +2 | grep -oE 'USING (COVERING )?INDEX [a-z0-9_]+|USING INTEGER PRIMARY KEY|TEMP B-TREE FOR ORDER BY|SCAN [a-z0-9_]+|Index (Only )?Scan (Backward )?using [a-z0-9_]+|Seq Scan on [a-z0-9_]+|Bitmap Index Scan on [a-z0-9_]+|(^|> +)Sort  |search order: FTS5' \
            | sed -E 's/USING (COVERING )?INDEX //; s/USING INTEGER PRIMARY KEY/by id/; s/TEMP B-TREE FOR ORDER BY/sort/; s/Index (Only )?Scan (Backward )?using //; s/Bitmap Index Scan on /bitmap /; s/Seq Scan on /scan /; s/^SCAN /scan /; s/^(> +)?Sort  $/sort/' | awk '!seen[$0]++' | paste -sd, - | sed 's/,/, /g')
        timing["$backend,$i"]="$p50 / $p95 / $p99"
        index["$backend,$i"]=${used:--}
        page_rows["$backend,$i"]=$rows
        [ "$errors" = 0 ] || index["$backend,$i"]="${index["$backend,$i"]} ($errors errors)"
    done
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done

# One table for every combination and both backends (issue 20, point 3).
echo
echo "wrk -t1 -c2 -d$DURATION per combination, page cache off, seed $RANDOM_SEED, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)"
echo
echo "| filter and order (50 rows a page) | rows matching | SQLite p50 / p95 / p99 ms | SQLite plan | PostgreSQL p50 / p95 / p99 ms | PostgreSQL plan |"
echo "| --- | --- | --- | --- | --- | --- |"
for i in "${!names[@]}"; do
    if [ -n "$ONLY" ] && [[ "${names[$i]}" != *"$ONLY"* ]]; then continue; fi
    rows=${matching["sqlite,$i"]:-${matching["postgres,$i"]:--}}
    other=${matching["postgres,$i"]:-$rows}
    [ "$other" = "$rows" ] || rows="$rows (PostgreSQL $other)"
    echo "| ${names[$i]} | $rows | ${timing["sqlite,$i"]:--} | ${index["sqlite,$i"]:--} | ${timing["postgres,$i"]:--} | ${index["postgres,$i"]:--} |"
done
