#!/usr/bin/env bash
# Mail throughput: MESSAGES queued in the outbox, delivered by one `kenes serve` and
# then by three on one PostgreSQL database, to a local SMTP receiver (Python's
# standard smtpd, itself the slower party). Reports messages per second from the
# first message received to the last, and checks that each arrived exactly once.
# Target: the worker keeps claiming while mail is due ("hundreds per second"); before,
# it sent at most 20 a second per process.
#
#   bash bench/mail.sh            # 2,000 messages
set -euo pipefail
cd "$(dirname "$0")/.."

MESSAGES=${MESSAGES:-2000}
PG_ADMIN=${TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}
cargo build --release --quiet
KENES=$PWD/target/release/kenes
WORK=$(mktemp -d /tmp/kenes-mail.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_mail WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 100); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done; exit 1; }

echo "| backend | processes | messages | delivered | per second | outbox left |"
echo "| --- | --- | --- | --- | --- | --- |"
run() { # backend processes
    local backend=$1 processes=$2 i
    rm -rf "$WORK/data" "$WORK/count"
    if [ "$backend" = sqlite ]; then
        export DATABASE_URL="$WORK/kenes.db"; rm -f "$WORK"/kenes.db*
        sql() { sqlite3 "$DATABASE_URL" "$1"; }
    else
        psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS kenes_mail WITH (FORCE)" >/dev/null
        psql "$PG_ADMIN" -qc "CREATE DATABASE kenes_mail" >/dev/null
        export DATABASE_URL="${PG_ADMIN%/*}/kenes_mail"
        sql() { psql -qAt "$DATABASE_URL" -c "$1"; }
    fi
    export KENES_DATA_DIR="$WORK/data" KENES_LOG=error
    "$KENES" migrate >/dev/null
    sql "INSERT INTO outbox (to_address, subject, text_body, html_body, created_at, next_attempt_at, attempts)
         SELECT 'citizen' || n || '@example.kz', 'Message ' || n, 'Body of message ' || n || '.',
                '<p>Body of message ' || n || '.</p>', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0
         FROM (WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < $MESSAGES) SELECT n FROM s) AS numbers" >/dev/null
    python3 bench/mail_sink.py 18341 "$WORK/count" & PIDS+=($!)
    sleep 0.5
    for i in $(seq 1 "$processes"); do
        KENES_BIND=127.0.0.1:$((18341 + i)) KENES_SMTP_URL=smtp://127.0.0.1:18341 "$KENES" serve & PIDS+=($!)
    done
    for _ in $(seq 1 600); do
        [ -f "$WORK/count" ] && [ "$(cut -d' ' -f1 "$WORK/count")" -ge "$MESSAGES" ] && break
        sleep 0.1
    done
    sleep 1 # a duplicate would arrive now
    left=$(sql "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
    PIDS=()
    read -r n first last < "$WORK/count"
    rate=$(python3 -c "print(round(($n - 1) / max($last - $first, 1e-6)))")
    echo "| $backend | $processes | $MESSAGES | $n | $rate | $left |"
}
run sqlite 1
run postgres 1
run postgres 3
