#!/usr/bin/env python3
"""Overload and slow clients, for bench/overload.sh (standard library only).

  overload.py probe HOST PORT PID PATH COOKIE SECONDS
      While wrk floods the server (bench/overload.sh), asks for PATH with COOKIE 20
      times a second on a keep-alive connection, as a person would. Prints JSON:
      p50/p99 of the pages served (200), how many were shed (503) and how fast, other
      statuses, the server's peak thread count.

  overload.py slow HOST PORT PID PATH SLOW SECONDS
      Holds SLOW connections that send a POST's headers and then one byte of the body
      every 5 s (reconnecting when the server cuts one), while a reader fetches the
      anonymous PATH on a new connection 20 times a second. Prints JSON: the reader's
      p50/p99 with no slow clients and with them, slow connections held, cuts seen.
"""
import asyncio
import json
import os
import sys
import threading
import time
import http.client

sys.path.insert(0, os.path.dirname(__file__))
from kenes_bench import percentile, threads  # noqa: E402


async def read_response(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        if line.lower().startswith("content-length:"):
            length = int(line.split(":", 1)[1])
    if length:
        await reader.readexactly(length)
    return status


def probe(host, port, pid, path, cookie, seconds):
    """While wrk floods the server: one more client asks for the page 20 times a
    second, as a person would, and records what it got and how long it took; and
    the server's thread count is sampled."""
    served, shed, other = [], [], {}
    peak, stop = [threads(pid)], threading.Event()

    def watch():
        while not stop.is_set():
            peak[0] = max(peak[0], threads(pid))
            time.sleep(0.1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    conn = http.client.HTTPConnection(host, port, timeout=30)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            conn.request("GET", path, headers={"Cookie": cookie})
            resp = conn.getresponse()
            resp.read()
            took = (time.monotonic() - started) * 1000
            if resp.status == 200:
                served.append(took)
            elif resp.status == 503:
                shed.append(took)
            else:
                other[resp.status] = other.get(resp.status, 0) + 1
            if resp.getheader("Connection", "").lower() == "close":
                conn.close()
        except OSError:
            other["connection"] = other.get("connection", 0) + 1
            conn.close()
        time.sleep(max(0.0, 0.05 - (time.monotonic() - started)))
    stop.set()
    watcher.join()
    return {
        "served": len(served), "served_p50_ms": round(percentile(served, 0.5), 1),
        "served_p99_ms": round(percentile(served, 0.99), 1),
        "shed": len(shed), "shed_p99_ms": round(percentile(shed, 0.99), 1),
        "other": other, "peak_threads": peak[0],
    }


def reader_probe(host, port, path, seconds):
    """The anonymous reader: a new connection per page, 20 pages a second."""
    samples, failures = [], 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            conn = http.client.HTTPConnection(host, port, timeout=30)
            conn.request("GET", path)
            resp = conn.getresponse()
            resp.read()
            conn.close()
            if resp.status == 200:
                samples.append((time.monotonic() - started) * 1000)
            else:
                failures += 1
        except OSError:
            failures += 1
        time.sleep(max(0.0, 0.05 - (time.monotonic() - started)))
    return samples, failures


async def slow(host, port, pid, path, count, seconds):
    quiet, _ = reader_probe(host, port, path, 5)
    held, cuts = [0], [0]
    stop = asyncio.Event()
    head = (f"POST /sign-in HTTP/1.1\r\nHost: {host}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            "Content-Length: 10000\r\n\r\n").encode()
    # Loopback has one source address per client port range: spread the slow clients
    # over several source addresses so that reconnecting never runs out of ports.
    sources = [f"127.0.0.{i}" for i in range(2, 10)]

    async def client(n):
        while not stop.is_set():
            try:
                reader, writer = await asyncio.open_connection(
                    host, port, local_addr=(sources[n % len(sources)], 0))
            except OSError:
                await asyncio.sleep(0.5)
                continue
            held[0] += 1
            try:
                writer.write(head)
                while not stop.is_set():
                    await writer.drain()
                    try:
                        # The server answers (408) or closes when it cuts us.
                        await asyncio.wait_for(reader.read(1024), timeout=5)
                        cuts[0] += 1
                        break
                    except asyncio.TimeoutError:
                        writer.write(b"a")
            except OSError:
                cuts[0] += 1
            finally:
                held[0] -= 1
                writer.close()

    clients = [asyncio.create_task(client(n)) for n in range(count)]
    # Let them connect, then read while they are held.
    for _ in range(600):
        if held[0] >= count * 0.95:
            break
        await asyncio.sleep(0.1)
    ramp_held = held[0]
    loop = asyncio.get_running_loop()
    busy, failures = await loop.run_in_executor(None, reader_probe, host, port, path, seconds)
    held_during = held[0]
    stop.set()
    await asyncio.gather(*clients, return_exceptions=True)
    return {
        "slow_wanted": count, "slow_held_at_start": ramp_held, "slow_held_at_end": held_during,
        "cuts": cuts[0],
        "quiet_p50_ms": round(percentile(quiet, 0.5), 2), "quiet_p99_ms": round(percentile(quiet, 0.99), 2),
        "busy_p50_ms": round(percentile(busy, 0.5), 2), "busy_p99_ms": round(percentile(busy, 0.99), 2),
        "reader_pages": len(busy), "reader_failures": failures,
    }


def main():
    mode = sys.argv[1]
    host, port, pid, path = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    if mode == "probe":
        result = probe(host, port, pid, path, sys.argv[6], float(sys.argv[7]))
    else:
        result = asyncio.run(slow(host, port, pid, path, int(sys.argv[6]), float(sys.argv[7])))
    print(json.dumps(result))


main()
