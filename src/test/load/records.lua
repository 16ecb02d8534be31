-- wrk script: a participant's records (every training, JP per year) for random participants
-- (target/load/participants.txt from LoadData). The token comes in the Authorization header (-H).
local ids = {}
for line in io.lines((os.getenv("LOAD_DIR") or "target/load") .. "/participants.txt") do ids[#ids + 1] = line end
local counter = 0

request = function()
  counter = counter + 1
  local id = ids[(counter * 7919) % #ids + 1]
  return wrk.format("GET", "/api/participants/" .. id .. "/records")
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT records requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d non_2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
