-- wrk script: send prepared applications, each once. APPLICATIONS_FILE has one "token id" per line (a citizen's app
-- access token and the id of their complete concept). Every request sends the next application with its own
-- Idempotency-Key, as the app does. When the list runs out, done() says so: the measured rate is then not of real
-- sends any more, and the run must be repeated with more applications (APPLICANTS) or a shorter SEND_DURATION.
local list = {}
for line in io.lines(os.getenv("APPLICATIONS_FILE")) do
  local token, id = line:match("^(%S+)%s+(%S+)$")
  if token then list[#list + 1] = { token, id } end
end
local threads = 0
local all = {}
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
  thread:set("thread_count", 0)
  all[#all + 1] = thread
end
local sent = 0
local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }
request = function()
  -- Threads take turns through the list: thread t sends items t, t + T, t + 2T, ... (T: the number of threads).
  local n = (thread_id - 1) + sent * thread_total + 1
  sent = sent + 1
  local item = list[(n - 1) % #list + 1]
  headers["Authorization"] = "Bearer " .. item[1]
  headers["Idempotency-Key"] = string.format("bench-send-%s", item[2])
  return wrk.format("POST", "/api/v1/aanvragen/" .. item[2] .. "/versturen", headers, "")
end
function init(args)
  thread_total = tonumber(os.getenv("THREADS") or "2")
end
done = function(summary, latency, requests)
  if summary.requests > #list then
    io.write(string.format("WARNING: %d requests for %d applications: the list ran out\n", summary.requests, #list))
  end
end
