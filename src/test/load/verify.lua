-- wrk script: public verification of random real codes (target/load/codes.txt from LoadData).
local codes = {}
for line in io.lines((os.getenv("LOAD_DIR") or "target/load") .. "/codes.txt") do codes[#codes + 1] = line end
local counter = 0

request = function()
  counter = counter + 1
  local code = codes[(counter * 7919) % #codes + 1]
  return wrk.format("GET", "/api/verify/" .. code)
end

local failures = 0
response = function(status, headers, body)
  if status ~= 200 or not string.find(body, '"valid":true', 1, true) then failures = failures + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT verification requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d non_2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
