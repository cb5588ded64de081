"""Helpers shared by the benchmark scripts under bench/ (standard library only).

- `csrf`: one CSRF token per session. Tokens are bound to the session they were
  issued for (src/auth/csrf.rs), so a load generator that votes as many citizens
  needs each one's own token: this loads one page per session and reads it.
- `rss_mib`, `threads`: a process's resident memory and thread count, from /proc.
- `percentile`.
"""
import http.client
import re
import sys

TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')


def csrf(host, port, sessions_path, out_path, page="/en/"):
    """Write "session csrf_token" lines for every session in `sessions_path`;
    return the CSRF cookie's value (one cookie serves every session)."""
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("GET", "/en/sign-in")
    resp = conn.getresponse()
    resp.read()
    cookie = None
    for name, value in resp.getheaders():
        if name.lower() == "set-cookie" and value.startswith("kenes_csrf="):
            cookie = value.split(";")[0].split("=", 1)[1]
    if cookie is None:
        sys.exit("no kenes_csrf cookie from /sign-in")
    with open(sessions_path) as sessions, open(out_path, "w") as out:
        for line in sessions:
            session = line.strip()
            if not session:
                continue
            conn.request("GET", page, headers={
                "Cookie": f"kenes_session={session}; kenes_csrf={cookie}",
            })
            resp = conn.getresponse()
            body = resp.read().decode()
            found = TOKEN.search(body)
            if resp.status != 200 or not found:
                sys.exit(f"no CSRF token on {page} for a session (HTTP {resp.status})")
            out.write(f"{session} {found.group(1)}\n")
    return cookie


def _status_field(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


def rss_mib(pid):
    return _status_field(pid, "VmRSS") / 1024


def threads(pid):
    return _status_field(pid, "Threads")


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


if __name__ == "__main__":
    # python3 bench/kenes_bench.py csrf HOST PORT SESSIONS OUT  -> prints the cookie
    if sys.argv[1] == "csrf":
        print(csrf(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]))
