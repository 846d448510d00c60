-- wrk script: at the end, the latency percentiles the issue asks for (p50, p95, p99 in milliseconds) and the
-- requests that did not answer 200, so a redirect to the login page cannot pass for a fast page.
local non200 = 0
response = function(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("P50 %.2f\nP95 %.2f\nP99 %.2f\nNON200 %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, non200))
end
