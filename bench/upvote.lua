-- wrk script for bench/upvotes.sh and bench/scale-out.sh: every request is a new
-- vote, by citizen i on suggestion j, cycling so that no (citizen, suggestion) pair
-- repeats. BENCH_SESSIONS holds "session csrf_token" lines (a CSRF token is bound to
-- its session), BENCH_CSRF_COOKIE the one CSRF cookie, BENCH_NUMBERS the suggestions'
-- tracking numbers. The (citizen, suggestion) pairs are split into BENCH_SLOTS equal
-- ranges (default 2, one per wrk thread); thread t of a wrk process started with
-- BENCH_OFFSET=k takes range k + t, so several wrk processes voting at once never
-- send the same pair.
local sessions, tokens, numbers = {}, {}, {}
local counter = 0
local csrf_cookie
-- Not `local`: `thread:set` assigns the thread's global, which a local would shadow.
thread_id = 0
local threads = 0

function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

local function lines(path)
  local out = {}
  for line in io.lines(path) do out[#out + 1] = line end
  return out
end

function init(args)
  for _, line in ipairs(lines(os.getenv("BENCH_SESSIONS"))) do
    local session, token = line:match("^(%S+) (%S+)$")
    sessions[#sessions + 1] = session
    tokens[#tokens + 1] = token
  end
  numbers = lines(os.getenv("BENCH_NUMBERS"))
  csrf_cookie = os.getenv("BENCH_CSRF_COOKIE")
  local slots = tonumber(os.getenv("BENCH_SLOTS") or "2")
  local slot = tonumber(os.getenv("BENCH_OFFSET") or "0") + thread_id
  counter = slot * math.floor(#sessions * #numbers / slots)
end

function request()
  counter = counter + 1
  -- Citizen and suggestion both move with the counter; a pair repeats only after
  -- #sessions * #numbers votes.
  local i = (counter % #sessions) + 1
  local n = numbers[(math.floor(counter / #sessions) % #numbers) + 1]
  return wrk.format("POST", "/suggestions/" .. n .. "/upvote", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["Cookie"] = "kenes_session=" .. sessions[i] .. "; kenes_csrf=" .. csrf_cookie,
  }, "csrf_token=" .. tokens[i] .. "&vote=add&return_to=/")
end

function done(summary, latency, requests)
  io.write(string.format("requests=%d errors_status=%d\n", summary.requests, summary.errors.status))
end
