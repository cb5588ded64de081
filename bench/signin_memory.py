#!/usr/bin/env python3
"""RSS of a `kenes serve` process across thousands of sign-ins (bench/signin-memory.sh).

    signin_memory.py HOST PORT PID COUNT CONCURRENCY EMAILS PASSWORD

Half the sign-ins succeed (accounts in EMAILS, comma-separated, spread so no account
meets its limit), half fail with unknown emails (which hash just the same); every one
comes from a random address (the server trusts X-Forwarded-For here) so throttling
never short-circuits the argon2 work. A sign-in shed with 503 (the database queue
was full) is retried after 0.2 s and counted apart. Prints one JSON line: idle RSS before, the
peak during, RSS right after and after IDLE_AFTER seconds of rest, in MiB.
"""
import http.client
import json
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from kenes_bench import TOKEN, rss_mib, threads  # noqa: E402

HOST, PORT, PID = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
COUNT, CONCURRENCY = int(sys.argv[4]), int(sys.argv[5])
EMAILS, PASSWORD = sys.argv[6].split(","), sys.argv[7]
IDLE_AFTER = float(os.environ.get("IDLE_AFTER", "20"))


def form(conn):
    conn.request("GET", "/en/sign-in")
    resp = conn.getresponse()
    body = resp.read().decode()
    cookie = [v for k, v in resp.getheaders() if k.lower() == "set-cookie"][0].split(";")[0]
    return TOKEN.search(body).group(1), cookie


def worker(jobs, statuses, shed):
    conn = http.client.HTTPConnection(HOST, PORT, timeout=120)
    token, cookie = form(conn)
    while True:
        try:
            n = jobs.pop()
        except IndexError:
            return
        email = EMAILS[n % len(EMAILS)] if n % 2 == 0 else f"nobody-{n}@example.kz"
        ip = ".".join(str(random.randint(1, 254)) for _ in range(4))
        body = f"csrf_token={token}&email={email.replace('@', '%40')}&password={PASSWORD.replace(' ', '+')}&next=/"
        conn.request("POST", "/sign-in", body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie,
            "X-Forwarded-For": ip,
        })
        resp = conn.getresponse()
        resp.read()
        if resp.status == 503:
            # Shed (the database queue was full): try again shortly, as a person would,
            # so that COUNT sign-ins are really hashed.
            shed.append(n)
            jobs.append(n)
            time.sleep(0.2)
            continue
        statuses.append(resp.status)


def main():
    # Warm up: a few pages and one sign-in, so "idle" is a process that has served.
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
    for _ in range(20):
        conn.request("GET", "/en/")
        conn.getresponse().read()
    time.sleep(1)
    idle = rss_mib(PID)
    jobs, statuses, shed = list(range(COUNT)), [], []
    peak, peak_threads, stop = [idle], [threads(PID)], threading.Event()

    def sampler():
        while not stop.is_set():
            peak[0] = max(peak[0], rss_mib(PID))
            peak_threads[0] = max(peak_threads[0], threads(PID))
            time.sleep(0.05)

    watch = threading.Thread(target=sampler)
    watch.start()
    started = time.time()
    pool = [threading.Thread(target=worker, args=(jobs, statuses, shed)) for _ in range(CONCURRENCY)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.time() - started
    stop.set()
    watch.join()
    after = rss_mib(PID)
    time.sleep(IDLE_AFTER)
    rested = rss_mib(PID)
    ok = sum(1 for s in statuses if s == 303)
    print(json.dumps({
        "sign_ins": len(statuses), "succeeded": ok, "shed_503": len(shed),
        "other_statuses": sorted({s for s in statuses if s not in (303, 401)}),
        "per_second": round(len(statuses) / elapsed, 1),
        "idle_mib": round(idle, 1), "peak_mib": round(peak[0], 1),
        "after_mib": round(after, 1), "rested_mib": round(rested, 1),
        "peak_threads": peak_threads[0],
    }))


main()
