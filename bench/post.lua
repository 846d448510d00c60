-- wrk script: POST the file named in BODY_FILE (or the JSON in BODY) with the Content-Type in CONTENT_TYPE, each
-- request as the next citizen of TOKENS_FILE (one app access token per line), so the load spreads over citizens.
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

request = function()
  i = i % #tokens + 1
  headers["Authorization"] = "Bearer " .. tokens[i]
  return wrk.format("POST", nil, headers, body)
end
