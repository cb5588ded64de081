#!/usr/bin/env python3
"""Sign-in storm: 50 concurrent sign-ins while a prober loads an anonymous page.

Run by bench/signin-storm.sh against a running `kenes serve`. Prints JSON lines:
  {"phase": ..., "p50_ms": ..., "p99_ms": ..., ...}
Only the standard library is used.
"""
import http.client
import json
import random
import re
import statistics
import sys
import threading
import time

HOST, PORT = sys.argv[1], int(sys.argv[2])
PAGE = sys.argv[3]
SECONDS = float(sys.argv[4])
STORM = int(sys.argv[5])


def token_and_cookie(conn):
    conn.request("GET", "/en/sign-in")
    resp = conn.getresponse()
    body = resp.read().decode()
    cookie = resp.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf_token" value="([0-9a-f]+)"', body).group(1)
    return token, cookie


def sign_in(conn, token, cookie, email, password):
    ip = ".".join(str(random.randint(1, 254)) for _ in range(4))
    body = f"csrf_token={token}&email={email}&password={password}&next=/"
    start = time.perf_counter()
    conn.request("POST", "/sign-in", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie,
        "X-Forwarded-For": ip,
    })
    resp = conn.getresponse()
    resp.read()
    return resp.status, time.perf_counter() - start


def prober(stop, samples):
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
    while not stop.is_set():
        start = time.perf_counter()
        conn.request("GET", PAGE)
        resp = conn.getresponse()
        resp.read()
        samples.append((time.perf_counter() - start) * 1000)
        time.sleep(max(0.0, 0.02 - (time.perf_counter() - start)))


def stormer(stop, results):
    conn = http.client.HTTPConnection(HOST, PORT, timeout=60)
    token, cookie = token_and_cookie(conn)
    while not stop.is_set():
        email = f"nobody-{random.getrandbits(48):x}%40example.kz"
        status, _ = sign_in(conn, token, cookie, email, "wrong+password+here")
        results.append(status)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def run(phase, storm):
    stop = threading.Event()
    samples, statuses = [], []
    threads = [threading.Thread(target=prober, args=(stop, samples))]
    threads += [threading.Thread(target=stormer, args=(stop, statuses)) for _ in range(storm)]
    for t in threads:
        t.start()
    time.sleep(SECONDS)
    stop.set()
    for t in threads:
        t.join()
    counts = {str(s): statuses.count(s) for s in sorted(set(statuses))}
    print(json.dumps({
        "phase": phase,
        "page_requests": len(samples),
        "p50_ms": round(percentile(samples, 0.50), 2),
        "p99_ms": round(percentile(samples, 0.99), 2),
        "sign_ins_per_s": round(len(statuses) / SECONDS, 1),
        "sign_in_statuses": counts,
    }), flush=True)


def timing(known_emails):
    """Median time of a failed sign-in for known vs unknown emails (enumeration)."""
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
    token, cookie = token_and_cookie(conn)
    known, unknown = [], []
    for i in range(40):
        email = known_emails[i % len(known_emails)].replace("@", "%40")
        known.append(sign_in(conn, token, cookie, email, "wrong+password")[1] * 1000)
        unknown.append(sign_in(conn, token, cookie, f"ghost-{i}%40example.kz", "wrong+password")[1] * 1000)
    print(json.dumps({
        "phase": "timing",
        "known_median_ms": round(statistics.median(known), 2),
        "unknown_median_ms": round(statistics.median(unknown), 2),
    }), flush=True)


if __name__ == "__main__":
    run("unloaded", 0)
    run("storm", STORM)
    timing(sys.argv[6].split(","))
