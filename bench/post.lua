-- wrk script: POST the file named in BODY_FILE (or the JSON in BODY) with the Content-Type in CONTENT_TYPE.
-- Used by bench/run.sh for income reports (JSON) and payslip photos (JPEG).
local body_file = os.getenv("BODY_FILE")
if body_file then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
else
  wrk.body = os.getenv("BODY")
end
wrk.method = "POST"
wrk.headers["Content-Type"] = os.getenv("CONTENT_TYPE") or "application/json"
wrk.headers["Accept"] = "application/json"
