-- wrk script for bench/run.sh: after the run, one machine-readable line
--   RESULT <requests/s> <p50 µs> <p99 µs> <non-2xx/3xx responses> <socket errors> <requests>
-- It defines no request/response hooks, so wrk sends its fastest plain GET.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format("RESULT %.1f %d %d %d %d %d\n",
    summary.requests / seconds,
    latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout,
    summary.requests))
end
