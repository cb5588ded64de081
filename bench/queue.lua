-- wrk reporter for bench/moderation-queue.sh: p50, p95 and p99 in milliseconds.
function done(summary, latency, requests)
    io.write(string.format("PCT %.2f %.2f %.2f %d %d\n",
        latency:percentile(50) / 1000, latency:percentile(95) / 1000,
        latency:percentile(99) / 1000, summary.requests,
        summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
