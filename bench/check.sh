#!/usr/bin/env bash
# Re-check every performance target under bench/ in one command, and print one line
# per target: measure | target | figure | reference in the same run | verdict.
#
#   bash bench/check.sh                  # quick mode (shorter runs; full size where
#                                        # the target depends on it, as for the queue)
#   bash bench/check.sh --full           # the documented full runs
#   bash bench/check.sh scale-out mail   # only these benchmarks
#
# The moderation queue's target is about 1,000,000 suggestions, so it is seeded at
# full size in both modes (about 4 minutes on SQLite and 8-12 on PostgreSQL here); the
# export benchmark reuses those databases. Each benchmark's own table goes to
# $OUT/<name>.txt (default /tmp/kenes-check); paste the summary into BENCHMARKS.md.
set -uo pipefail
cd "$(dirname "$0")/.."

FULL=""
if [ "${1:-}" = --full ]; then FULL=1; shift; fi
ALL=(article-throughput reading-pages upvotes scale-out signin-memory overload mail moderation-queue export)
WANTED=("$@")
[ ${#WANTED[@]} -eq 0 ] && WANTED=("${ALL[@]}")
OUT=${OUT:-/tmp/kenes-check}
mkdir -p "$OUT"

need=()
for tool in wrk nginx hyperfine sqlite3; do command -v "$tool" >/dev/null || need+=("$tool"); done
if ((${#need[@]})); then
    apt-get update -qq && apt-get install -y -qq wrk nginx-light hyperfine sqlite3 postgresql-contrib >/dev/null
fi
cargo build --release --quiet || exit 1

# Quick settings per benchmark (ignored with --full).
quick() {
    case $1 in
        article-throughput) echo "DURATION=5s" ;;
        # The pages with targets (the others are measured by --full), each the median
        # of three rounds.
        reading-pages) echo "DURATION=5s ONLY=article,clause-600,clause-10000" ;;
        upvotes) echo "DURATION=5s" ;;
        scale-out) echo "DURATION=8s" ;;
        signin-memory) echo "COUNT=2000" ;;
        overload) echo "SECONDS_PER_PHASE=10 SLOW=15000" ;;
        mail) echo "MESSAGES=2000" ;;
        moderation-queue) echo "DURATION=5s KEEP=1 WORK=/tmp/kq" ;;
        export) echo "WORK=/tmp/kq" ;;
    esac
}

failed=0
summary="$OUT/summary.txt"
{
    echo "bench/check.sh${FULL:+ --full} on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)"
    echo
    echo "| benchmark | measure | target | figure | reference (same run) | verdict |"
    echo "| --- | --- | --- | --- | --- | --- |"
} > "$summary"
for name in "${WANTED[@]}"; do
    settings=""
    [ -z "$FULL" ] && settings=$(quick "$name")
    [ -n "$FULL" ] && [ "$name" = moderation-queue ] && settings="KEEP=1 WORK=/tmp/kq"
    echo "== $name ${settings}" >&2
    started=$(date +%s)
    env $settings bash "bench/$name.sh" > "$OUT/$name.txt" 2> "$OUT/$name.log"
    status=$?
    if [ $status -ne 0 ]; then
        echo "| $name | the benchmark failed (exit $status; see $OUT/$name.log) | - | - | - | FALLS SHORT |" >> "$summary"
        failed=1
        continue
    fi
    python3 bench/targets.py "$name" < "$OUT/$name.txt" | sed "s/^/| $name | /; s/\$/ |/" >> "$summary" || failed=1
    echo "   $(( $(date +%s) - started )) s" >&2
done
cat "$summary"
exit $failed
