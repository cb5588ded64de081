#!/usr/bin/env python3
"""Read one benchmark's output (its Markdown tables) and print one line per target:

    measure | target | figure | reference | pass / FALLS SHORT

Used by bench/check.sh:  bash bench/X.sh | python3 bench/targets.py X
Exits 1 if any target falls short or the output has none of the expected rows.
"""
import re
import sys


def tables(text):
    """Every Markdown table row as a dict from its table's header cells."""
    rows, header, previous = [], None, None
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            header = previous = None
            continue
        cells = [c.strip().strip("*") for c in line.strip("|").split("|")]
        if all(set(c) <= set("-: ") for c in cells):
            # A separator: the line before it was a header, not a row.
            if previous is not None and rows and rows[-1] is previous[1]:
                rows.pop()
            header = previous[0] if previous else None
            continue
        row = dict(zip(header, cells)) if header else {}
        if header:
            rows.append(row)
        previous = (cells, row)
    return rows


def num(cell):
    match = re.search(r"-?[\d,]*\.?\d+", cell.replace(" ", ""))
    return float(match.group(0).replace(",", "")) if match else float("nan")


results = []


def target(measure, wanted, figure, ok, reference=""):
    results.append((measure, wanted, figure, reference, ok))


def article_throughput(rows, text):
    for r in rows:
        if r.get("page cache", "").startswith("2"):
            ratio = num(r["kenes / nginx"])
            target(f"article page, {r['backend']}, {r.get('interface', 'en')}, cache on: kenes / nginx", ">= 0.50",
                   f"{ratio:.2f}", ratio >= 0.5, f"nginx {r['nginx static req/s']} req/s")


def upvotes(rows, text):
    for r in rows:
        ratio = num(r["ratio"])
        target(f"upvotes, {r['backend']}, {r['connections']} connections: kenes / raw INSERT", ">= 0.30",
               f"{ratio:.2f}", ratio >= 0.3 and r["counts check"].startswith("yes"),
               f"raw {r['raw single-row INSERT/s']}/s")


def moderation_queue(rows, text):
    for r in rows:
        for backend in ("SQLite", "PostgreSQL"):
            cell = r.get(f"{backend} p50 / p95 / p99 ms")
            if cell and cell != "-":
                p95 = num(cell.split("/")[1])
                target(f"queue, {backend}, {r['filter and order (50 rows a page)']}: p95",
                       "< 50 ms", f"{p95:.1f} ms", p95 < 50)


def export(rows, text):
    for r in rows:
        if r.get("") == "ratio":
            for backend in ("SQLite", "PostgreSQL"):
                ratio = num(r[backend])
                target(f"suggestions export, {backend}: kenes / database's CSV", "<= 2.0", f"{ratio:.2f}", ratio <= 2)
        if r.get("", "").startswith("server memory"):
            for backend in ("SQLite", "PostgreSQL"):
                above = num(r[backend].split("/")[2])
                target(f"export over HTTP, {backend}: memory above idle", "< 100 MiB", f"{above:.0f} MiB", above < 100)


def scale_out(rows, text):
    by = {r["processes"]: r for r in rows}
    ratio = num(by["3"]["votes/s"]) / num(by["1"]["votes/s"])
    counts = re.search(r"counts exact: (\S+)", text)
    target("votes, 3 processes / 1 on one PostgreSQL", ">= 0.80", f"{ratio:.2f}",
           ratio >= 0.8 and counts and counts.group(1) == "yes:", f"1 process {by['1']['votes/s']}/s")
    deadlocks = num(by["1"]["deadlocks"]) + num(by["3"]["deadlocks"])
    target("votes, deadlocks in PostgreSQL's statistics", "0", f"{deadlocks:.0f}", deadlocks == 0)


def signin_memory(rows, text):
    for r in rows:
        above = num(r["peak MiB"]) - num(r["idle MiB"])
        target(f"2,000 sign-ins, {r['backend']}: peak RSS above idle", "<= 100 MiB", f"{above:.0f} MiB",
               r["verdict"].startswith("pass"), f"idle {r['idle MiB']} MiB")


def overload(rows, text):
    for r in rows:
        if r.get("wrk connections") == "500":
            p99 = num(r["served p99 ms"])
            target(f"wrk -c500 signed-in clause page, {r['backend']}: served p99", "< 1000 ms",
                   f"{p99:.0f} ms", p99 < 1000)
            threads = num(r["server's peak threads"])
            target(f"wrk -c500, {r['backend']}: server's peak threads", "< 100", f"{threads:.0f}", threads < 100)
        if "slow-body connections" in r:
            alone, busy = (num(r[k].split("/")[1]) for k in
                           ("reader p50 / p99 ms, alone", "reader p50 / p99 ms, with them"))
            target(f"{r['slow-body connections']} slow bodies, {r['backend']}: reader p99", "< 1000 ms",
                   f"{busy:.0f} ms", busy < 1000 and num(r["reader failures"]) == 0, f"alone {alone:.0f} ms")


def mail(rows, text):
    for r in rows:
        rate = num(r["per second"])
        target(f"mail, {r['backend']}, {r['processes']} process(es): messages/s", ">= 100", f"{rate:.0f}",
               rate >= 100 and r["delivered"] == r["messages"] and r["outbox left"] == "0")


def reading_pages(rows, text):
    """Issue 16: pages rendered every time, as a share of nginx serving their bytes."""
    wanted = {("article", "sqlite"): 0.30, ("article", "postgres"): 0.20,
              ("clause-600", "sqlite"): 0.25, ("clause-600", "postgres"): 0.15}
    rendered = {}
    for r in rows:
        if "kenes / nginx" in r:
            rendered[(r["backend"], r["page"], r["viewer"])] = (num(r["kenes req/s"]), num(r["kenes / nginx"]))
            floor = wanted.get((r["page"], r["backend"]))
            if floor is not None:
                ratio = num(r["kenes / nginx"])
                target(f"{r['page']} page, {r['backend']}, {r['viewer']}, rendered: kenes / nginx",
                       f">= {floor:.2f}", f"{ratio:.3f}", ratio >= floor, f"nginx {r['nginx req/s']} req/s")
        elif r.get("viewer") and "p99 ms" in r and r["backend"] == "postgres":
            p99 = num(r["p99 ms"])
            target(f"clause page of 10,000 suggestions, postgres, {r['viewer']}, unloaded: p99", "< 10 ms",
                   f"{p99:.2f} ms", p99 < 10)
    # As every target of issue 16, measured against nginx serving the same bytes: a
    # signed-in page carries two forms per suggestion (about twice the bytes), which
    # slows nginx as much; the raw rates are the reference.
    for (backend, page, viewer), (rps, share) in sorted(rendered.items()):
        anonymous = rendered.get((backend, page, "anonymous"))
        if viewer == "citizen" and anonymous:
            ratio = share / anonymous[1]
            target(f"{page} page, {backend}: signed-in / anonymous rendering, each as a share of nginx",
                   ">= 0.90", f"{ratio:.2f}", ratio >= 0.9,
                   f"{share:.3f} / {anonymous[1]:.3f}; raw {rps:.0f} / {anonymous[0]:.0f} req/s")


PARSERS = {
    "reading-pages": reading_pages,
    "article-throughput": article_throughput, "upvotes": upvotes,
    "moderation-queue": moderation_queue, "export": export, "scale-out": scale_out,
    "signin-memory": signin_memory, "overload": overload, "mail": mail,
}

if __name__ == "__main__":
    name = sys.argv[1]
    text = sys.stdin.read()
    try:
        PARSERS[name](tables(text), text)
    except (KeyError, ZeroDivisionError, IndexError) as error:
        print(f"{name} | its output could not be read ({error!r}) | - | - | FALLS SHORT")
        sys.exit(1)
    if not results:
        print(f"{name} | no results in its output | - | - | FALLS SHORT")
        sys.exit(1)
    for measure, wanted, figure, reference, ok in results:
        print(f"{measure} | {wanted} | {figure} | {reference} | {'pass' if ok else 'FALLS SHORT'}")
    sys.exit(0 if all(r[4] for r in results) else 1)
