-- wrk script: POST the file named in BODY_FILE (or the JSON in BODY) with the Content-Type in CONTENT_TYPE, each
-- request as the next citizen of TOKENS_FILE (one app access token per line) and for one of the PERIODS, so the
-- load spreads over citizens and their reports.
local body_file = os.getenv("BODY_FILE")
local body
if body_file then
  local f = assert(io.open(body_file, "rb"))
  body = f:read("*a")
  f:close()
else
  body = os.getenv("BODY")
end
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  if line ~= "" then tokens[#tokens + 1] = line end
end
local headers = { ["Content-Type"] = os.getenv("CONTENT_TYPE") or "application/json", ["Accept"] = "application/json" }
local i = math.random(#tokens)

-- Every request carries its own Idempotency-Key, as the app sends one: thread number, run start and a counter.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end
local sent = 0
local started = os.time()

-- PERIODS: the period codes to spread over (space-separated); the path is /api/v1/inkomsten/<period><SUFFIX>.
local periods = {}
for code in string.gmatch(os.getenv("PERIODS") or "", "%S+") do periods[#periods + 1] = code end
local suffix = os.getenv("SUFFIX") or ""

request = function()
  i = i % #tokens + 1
  sent = sent + 1
  headers["Authorization"] = "Bearer " .. tokens[i]
  headers["Idempotency-Key"] = string.format("bench-%d-%d-%d", started, thread_id or 0, sent)
  -- One pass over all citizens per period: first the current period for everyone, then the one before, and so on.
  local period = periods[math.floor((sent - 1) / #tokens) % #periods + 1]
  return wrk.format("POST", "/api/v1/inkomsten/" .. period .. suffix, headers, body)
end
