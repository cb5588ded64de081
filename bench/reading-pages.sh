#!/usr/bin/env bash
# The pages people read and work on, rendered every time (page cache off), against
# nginx serving each page's own bytes, in the same run, on SQLite and PostgreSQL
# (issue 16). For each page and viewer (anonymous, a signed-in citizen, a moderator for
# the queue) it saves the HTML kenes sends, serves that file from nginx, and runs wrk
# on both; it also counts the SQL statements one request sends (the pool's counter on
# /metrics, before and after). Then the clause page holding 10,000 suggestions,
# unloaded (one connection), for its p99.
#
#   bash bench/reading-pages.sh                 # 5 s per run, 32 connections, the
#                                               # median of 3 rounds of nginx then kenes
#   DURATION=10s BACKENDS=postgres bash bench/reading-pages.sh
#   ONLY="article clause-600" bash bench/reading-pages.sh
#   NO_BUILD=1 ...                              # the release binary as it is
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-3}
BACKENDS=${BACKENDS:-sqlite postgres}
ONLY=${ONLY:-}
ONLY=${ONLY//,/ }   # "article,clause-600" as well as "article clause-600"
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
command -v sqlite3 >/dev/null || need+=(sqlite3)
if ((${#need[@]})); then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi

[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet   # NO_BUILD=1: use the binary as built
KENES=$PWD/target/release/kenes
WORK=$(mktemp -d /tmp/kenes-reading.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as www-data and must read the pages
PID=""
cleanup() {
    nginx -c "$WORK/nginx/nginx.conf" -s quit 2>/dev/null || true
    [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
    psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_reading WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }

# The draft: Article 1 has 20 clauses of real text (the first 20 numbered clauses of
# the Kazakh constitution in tests/data), as in bench/article-throughput.sh.
python3 - "$WORK/draft.md" <<'PY'
import re, sys
text = open("tests/data/constitution-kazakhstan-en.txt", encoding="utf-8").read()
clauses = [m.group(1) for m in re.finditer(r"^\d+(?:-\d+)?\.\s?(.+)$", text, re.M)][:20]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("# Benchmark draft\n\n## Chapter 1: Twenty clauses\n\n### Article 1: Twenty clauses\n\n")
    for i, c in enumerate(clauses, 1):
        f.write(f"{i}. {c}\n\n")
    f.write("### Article 2\n\n1. A neighbour, so the page has a next link.\n")
PY

mkdir -p "$WORK/www" "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<NGX
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx;
    proxy_temp_path $WORK/nginx;
    fastcgi_temp_path $WORK/nginx;
    uwsgi_temp_path $WORK/nginx;
    scgi_temp_path $WORK/nginx;
    server {
        listen 127.0.0.1:18491;
        location / { root $WORK/www; default_type text/html; }
    }
}
NGX

SITE=http://127.0.0.1:18490
METRICS=http://127.0.0.1:18492/metrics
statements() { curl -fs "$METRICS" | awk '$1 == "kenes_db_statements_total" {print $2}'; }
# wrk output -> "req/s p50 p99" (milliseconds).
wrk_figures() {
    awk '/Requests\/sec/ {rps = int($2)}
         function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
         $1 == "50%" {p50 = ms($2)} $1 == "99%" {p99 = ms($2)}
         END {printf "%d %.2f %.2f\n", rps, p50, p99}'
}
run_wrk() { # url cookie connections
    local header=()
    [ -n "$2" ] && header=(-H "Cookie: $2")
    wrk -t2 -c"$3" -d"$DURATION" --latency "${header[@]}" "$1" | wrk_figures
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

results=()
unloaded=()
for backend in $BACKENDS; do
    if [ "$backend" = sqlite ]; then
        export DATABASE_URL="$WORK/kenes.db"
        rm -f "$WORK"/kenes.db*
        query() { sqlite3 "$DATABASE_URL" "$1"; }
    else
        psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_reading WITH (FORCE)" >/dev/null
        psql "$PG_ADMIN" -qc "CREATE DATABASE kenes_reading" >/dev/null
        export DATABASE_URL="${PG_ADMIN%/*}/kenes_reading"
        query() { psql -qAt "$DATABASE_URL" -c "$1"; }
    fi
    export KENES_DATA_DIR="$WORK/data-$backend" KENES_LOG=error KENES_BIND=127.0.0.1:18490 \
        KENES_METRICS_BIND=127.0.0.1:18492 KENES_PAGE_CACHE_SECS=0
    "$KENES" import-draft "$WORK/draft.md" --consultation bench --status open >/dev/null
    # Clause 1.1 holds 600 suggestions, clause 1.2 10,000 (skewed support).
    "$KENES" seed --consultation bench --clause 1.1 --citizens 600 --suggestions 600 --votes 12000 >/dev/null
    "$KENES" seed --consultation bench --clause 1.2 --citizens 2000 --suggestions 10000 --votes 100000 --random-seed 7 >/dev/null
    # Cluster them now: the server's first background pass (after KENES_CLUSTER_SECS)
    # would otherwise cluster 10,600 suggestions in the middle of the measurements, on
    # PostgreSQL for several seconds, and renew every page's data when it ends.
    "$KENES" cluster >/dev/null
    # The citizen who wrote the most suggestions on 1.1 reads as "signed in"; another
    # citizen, made a moderator, opens the queue. Sessions are made directly (a random
    # token, its SHA-256 stored), as bench/upvotes.sh does.
    citizen=$(query "SELECT s.author_id FROM suggestions s JOIN clauses c ON c.lineage = s.clause_lineage WHERE c.reference = '1.1' GROUP BY s.author_id ORDER BY COUNT(*) DESC, s.author_id LIMIT 1")
    moderator=$(query "SELECT MIN(id) FROM users WHERE id <> $citizen")
    query "UPDATE users SET role = 'moderator' WHERE id = $moderator" >/dev/null
    # Seeded accounts have no password, and such an account has no sessions.
    query "UPDATE users SET password_hash = 'seeded' WHERE id IN ($citizen, $moderator)" >/dev/null
    number=$(query "SELECT tracking_number FROM suggestions WHERE author_id = $citizen AND visible ORDER BY id LIMIT 1")
    citizen_token=$(python3 -c "import secrets; print(secrets.token_urlsafe(32))")
    moderator_token=$(python3 -c "import secrets; print(secrets.token_urlsafe(32))")
    for pair in "$citizen:$citizen_token" "$moderator:$moderator_token"; do
        digest=$(printf '%s' "${pair#*:}" | sha256sum | cut -d' ' -f1)
        query "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ('$digest', ${pair%%:*}, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '2099-01-01 00:00:00')" >/dev/null
    done
    "$KENES" serve & PID=$!
    wait_for "$SITE/healthz"
    csrf=$(curl -fsi "$SITE/en/sign-in" | tr -d '\r' | sed -n 's/^set-cookie: kenes_csrf=\([^;]*\).*/\1/Ip' | head -1)
    citizen_cookie="kenes_session=$citizen_token; kenes_csrf=$csrf"
    # What one read of /metrics itself sends (the fewest over three).
    scrape=""
    for _ in 1 2 3; do
        before=$(statements); after=$(statements)
        n=$(python3 -c "print(int(float('$after') - float('$before')))")
        if [ -z "$scrape" ] || [ "$n" -lt "$scrape" ]; then scrape=$n; fi
    done
    moderator_cookie="kenes_session=$moderator_token; kenes_csrf=$csrf"

    # page | path | viewers
    pages=(
        "home|/en/|anonymous citizen"
        "contents|/en/consultations/bench|anonymous citizen"
        "article|/en/consultations/bench/articles/1|anonymous citizen"
        "clause-600|/en/consultations/bench/clauses/1.1|anonymous citizen"
        "clause-10000|/en/consultations/bench/clauses/1.2|anonymous citizen"
        "receipt|/en/receipt/$number|anonymous citizen"
        "mine|/en/account/suggestions|citizen"
        "queue|/en/moderation|moderator"
    )
    for entry in "${pages[@]}"; do
        IFS='|' read -r page path viewers <<<"$entry"
        if [ -n "$ONLY" ] && [[ " $ONLY " != *" $page "* ]]; then continue; fi
        for viewer in $viewers; do
            case $viewer in
                anonymous) cookie="" ;;
                citizen) cookie=$citizen_cookie ;;
                moderator) cookie=$moderator_cookie ;;
            esac
            file="$page-$viewer-$backend.html"
            curl -fs ${cookie:+-H "Cookie: $cookie"} "$SITE$path" > "$WORK/www/$file" \
                || { echo "$SITE$path failed for $viewer on $backend" >&2; exit 1; }
            if [ "$viewer" != anonymous ] && ! grep -q 'action="/en/sign-out"\|/sign-out' "$WORK/www/$file"; then
                echo "$page: the $viewer is not signed in" >&2; exit 1
            fi
            bytes=$(wc -c < "$WORK/www/$file")
            # Statements of one request: the fewest over three tries (the housekeeping
            # thread may send its own in between), less what reading /metrics sends.
            sent=""
            for _ in 1 2 3; do
                before=$(statements)
                curl -fs ${cookie:+-H "Cookie: $cookie"} "$SITE$path" >/dev/null
                after=$(statements)
                n=$(python3 -c "print(int(float('$after') - float('$before')) - $scrape)")
                if [ -z "$sent" ] || [ "$n" -lt "$sent" ]; then sent=$n; fi
            done
            nginx -c "$WORK/nginx/nginx.conf"
            wait_for "http://127.0.0.1:18491/$file"
            wrk -t1 -c4 -d1s ${cookie:+-H "Cookie: $cookie"} "$SITE$path" >/dev/null   # warm-up
            # nginx and kenes in turn, ROUNDS times, and the median of each: one run of
            # nginx alone varied by a third between two files of the same size.
            nginx_runs=(); kenes_runs=(); p99_runs=()
            for _ in $(seq 1 "$ROUNDS"); do
                read -r n _ _ <<<"$(run_wrk "http://127.0.0.1:18491/$file" "" "$CONNECTIONS")"
                read -r k _ p <<<"$(run_wrk "$SITE$path" "$cookie" "$CONNECTIONS")"
                nginx_runs+=("$n"); kenes_runs+=("$k"); p99_runs+=("$p")
            done
            nginx_rps=$(median "${nginx_runs[@]}"); kenes_rps=$(median "${kenes_runs[@]}"); p99=$(median "${p99_runs[@]}")
            nginx -c "$WORK/nginx/nginx.conf" -s quit; sleep 0.3
            ratio=$(python3 -c "print(f'{$kenes_rps / $nginx_rps:.3f}')")
            results+=("| $backend | $page | $viewer | $bytes | $sent | $nginx_rps | $kenes_rps | $ratio | $p99 |")
        done
    done
    if [ -z "$ONLY" ] || [[ " $ONLY " == *" clause-10000 "* ]]; then
        for viewer in anonymous citizen; do
            cookie=""; [ "$viewer" = citizen ] && cookie=$citizen_cookie
            read -r rps p50 p99 <<<"$(wrk -t1 -c1 -d"$DURATION" --latency ${cookie:+-H "Cookie: $cookie"} "$SITE/en/consultations/bench/clauses/1.2" | wrk_figures)"
            unloaded+=("| $backend | clause-10000 | $viewer | $p50 | $p99 | $rps |")
        done
    fi
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
done

echo
echo "wrk -t2 -c$CONNECTIONS -d$DURATION, median of $ROUNDS alternating rounds of nginx and kenes, page cache off, $(nproc) cores, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)"
echo
echo "| backend | page | viewer | bytes | SQL statements | nginx req/s | kenes req/s | kenes / nginx | kenes p99 ms |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${results[@]}"
if ((${#unloaded[@]})); then
    echo
    echo "Unloaded: wrk -t1 -c1 -d$DURATION on the clause holding 10,000 suggestions"
    echo
    echo "| backend | page | viewer | p50 ms | p99 ms | req/s |"
    echo "| --- | --- | --- | --- | --- | --- |"
    printf '%s\n' "${unloaded[@]}"
fi
