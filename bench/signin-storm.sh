#!/usr/bin/env bash
# Sign-in storm: 50 concurrent sign-ins (each a full argon2id verification) while a
# prober loads an anonymous article page 50 times a second; the page's p50/p99 latency
# under the storm against the same page unloaded, for SQLite and PostgreSQL, with the
# page cache on and off. Also the median time of a failed sign-in for a known and an
# unknown email (they should match: no account enumeration by timing).
#
#   bash bench/signin-storm.sh           # 15 s per phase
#   SECONDS_PER_PHASE=30 bash bench/signin-storm.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PHASE=${SECONDS_PER_PHASE:-15}
STORM=${STORM:-50}
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}

cargo build --release --quiet
KENES=$PWD/target/release/kenes
WORK=$(mktemp -d /tmp/kenes-storm.XXXXXX)
PID=""
cleanup() {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null || true
    psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_storm WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

printf '# Storm\n\n## Chapter 1\n\n### Article 1\n\n1. The text of the article, to be read during a storm.\n' > "$WORK/draft.md"
wait_for() { for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; exit 1; }

echo "| backend | page cache | phase | page p50 ms | page p99 ms | sign-ins/s |"
echo "| --- | --- | --- | --- | --- | --- |"
TIMING=()
for backend in sqlite postgres; do
    if [ "$backend" = sqlite ]; then
        export DATABASE_URL="$WORK/kenes.db"
    else
        psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_storm WITH (FORCE)" >/dev/null
        psql "$PG_ADMIN" -qc "CREATE DATABASE kenes_storm" >/dev/null
        export DATABASE_URL="${PG_ADMIN%/*}/kenes_storm"
    fi
    export KENES_DATA_DIR="$WORK/data" KENES_LOG=error KENES_BIND=127.0.0.1:18190 KENES_TRUST_PROXY=1
    "$KENES" import-draft "$WORK/draft.md" --consultation storm --status open >/dev/null
    known=()
    # Ten accounts: 40 failed sign-ins per run spread over them stay under the
    # per-account limit (10 per 15 min) in both runs, so each one really hashes.
    for i in $(seq 1 10); do
        echo "a long storm passphrase" | "$KENES" user create --email "known$i@example.kz" --name "Known $i" >/dev/null
        known+=("known$i@example.kz")
    done
    for cache in 2 0; do
        KENES_PAGE_CACHE_SECS=$cache "$KENES" serve & PID=$!
        wait_for http://127.0.0.1:18190/healthz
        label=$([ "$cache" = 0 ] && echo off || echo "${cache} s")
        python3 bench/signin_storm.py 127.0.0.1 18190 /en/consultations/storm/articles/1 "$PHASE" "$STORM" "$(IFS=,; echo "${known[*]}")" |
        while read -r line; do
            python3 - "$backend" "$label" "$line" <<'PY'
import json, sys
backend, label, d = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
if d["phase"] == "timing":
    print(f"TIMING {backend} {label} known={d['known_median_ms']} unknown={d['unknown_median_ms']}", file=sys.stderr)
else:
    print(f"| {backend} | {label} | {d['phase']} | {d['p50_ms']} | {d['p99_ms']} | {d['sign_ins_per_s']} |")
PY
        done
        kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
    done
done
