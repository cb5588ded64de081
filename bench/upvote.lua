-- wrk script for bench/upvotes.sh: every request is a new vote, by citizen i on
-- suggestion j, cycling so that no (citizen, suggestion) pair repeats.
local sessions, numbers = {}, {}
local counter = 0
local csrf_cookie, csrf_token
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
  sessions = lines(os.getenv("BENCH_SESSIONS"))
  numbers = lines(os.getenv("BENCH_NUMBERS"))
  local csrf = lines(os.getenv("BENCH_CSRF"))
  csrf_cookie, csrf_token = csrf[1], csrf[2]
  counter = thread_id * 1000000
end

acknowledged = 0

function request()
  counter = counter + 1
  local s = sessions[(counter % #sessions) + 1]
  local n = numbers[(math.floor(counter / #sessions) % #numbers) + 1]
  return wrk.format("POST", "/suggestions/" .. n .. "/upvote", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "application/json",
    ["Cookie"] = "kenes_session=" .. s .. "; kenes_csrf=" .. csrf_cookie,
  }, "csrf_token=" .. csrf_token .. "&vote=add&return_to=/")
end

local ok = 0
function response(status, headers, body)
  if status == 200 then ok = ok + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("requests=%d errors_status=%d\n", summary.requests, summary.errors.status))
end
