#!/usr/bin/env bash
# Throughput of an article page with 20 clauses: `kenes serve` (release) against nginx
# serving the same page saved as a static file, measured with wrk on loopback in the
# same run, for SQLite and PostgreSQL, with the anonymous page cache on (the default,
# KENES_PAGE_CACHE_SECS=2) and off (every request renders from the database). Prints a
# Markdown table of requests/s and the ratio kenes/nginx (target: at least 0.5).
#
#   bash bench/article-throughput.sh            # 10 s per run, 32 connections
#   DURATION=20s CONNECTIONS=64 bash bench/article-throughput.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
# The interface languages to measure the page in (issue 15: no slower in any).
LANGS=${LANGS:-kk ru en}
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || need+=(nginx-light)
if ((${#need[@]})); then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi

cargo build --release --quiet
KENES=$PWD/target/release/kenes
WORK=$(mktemp -d /tmp/kenes-bench.XXXXXX)
chmod 755 "$WORK"   # nginx workers run as www-data and must read the page
PIDS=()
cleanup() {
    nginx -c "$WORK/nginx/nginx.conf" -s quit 2>/dev/null || true
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_bench WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

# A draft whose Article 1 has 20 clauses of real text (the first 20 numbered clauses of
# the Kazakh constitution in tests/data), as a Markdown outline.
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

wait_for() { for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; echo "no answer from $1" >&2; exit 1; }
rps() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1" | tee -a "$WORK/wrk.log" | awk '/Requests\/sec/ {print $2}'; }

# nginx serving the page as a static file, with the same worker count as kenes.
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
        listen 127.0.0.1:18091;
        location / { root $WORK/www; default_type text/html; }
    }
}
NGX

results=()
for backend in sqlite postgres; do
    if [ "$backend" = sqlite ]; then
        export DATABASE_URL="$WORK/kenes.db"
    else
        psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_bench WITH (FORCE)" >/dev/null
        psql "$PG_ADMIN" -qc "CREATE DATABASE kenes_bench" >/dev/null
        export DATABASE_URL="${PG_ADMIN%/*}/kenes_bench"
    fi
    export KENES_DATA_DIR="$WORK/data" KENES_LOG=warn KENES_BIND=127.0.0.1:18090
    "$KENES" import-draft "$WORK/draft.md" --consultation bench --status open >/dev/null
    for cache_secs in 2 0; do
    for lang in $LANGS; do
        KENES_PAGE_CACHE_SECS=$cache_secs "$KENES" serve & PIDS+=($!)
        # Each interface language has its own address (an unprefixed one redirects).
        URL=http://127.0.0.1:18090/$lang/consultations/bench/articles/1
        wait_for "$URL"
        curl -fs "$URL" > "$WORK/www/article.html"
        clauses=$(grep -c 'class="clause"' "$WORK/www/article.html")
        nginx -c "$WORK/nginx/nginx.conf"
        wait_for http://127.0.0.1:18091/article.html
        wrk -t1 -c4 -d2s "$URL" >/dev/null   # warm-up
        nginx_rps=$(rps http://127.0.0.1:18091/article.html)
        kenes_rps=$(rps "$URL")
        nginx -c "$WORK/nginx/nginx.conf" -s quit; sleep 0.5
        kill "${PIDS[-1]}"; wait "${PIDS[-1]}" 2>/dev/null || true
        ratio=$(python3 -c "print(f'{$kenes_rps / $nginx_rps:.2f}')")
        cache=$([ "$cache_secs" = 0 ] && echo "off" || echo "${cache_secs} s")
        results+=("| $backend | $lang | $cache | $clauses | $(printf '%.0f' "$nginx_rps") | $(printf '%.0f' "$kenes_rps") | $ratio |")
    done
    done
done

echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| backend | interface | page cache | clauses on page | nginx static req/s | kenes req/s | kenes / nginx |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${results[@]}"
