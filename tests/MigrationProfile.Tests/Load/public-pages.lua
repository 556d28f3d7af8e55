-- wrk script for LoadWithEditsTests: requests the paths given after "--" in turn and counts every answer that is
-- not 2xx (wrk's own count lets 3xx pass). After the run it prints one line:
--   LOAD requests=N responses=N not2xx=N statuses=<first few bad statuses> connect=N read=N write=N timeout=N
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = args
  next_path = 0
  responses = 0
  not2xx = 0
  statuses = ""
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then
    not2xx = not2xx + 1
    if not2xx <= 20 then
      statuses = statuses .. status .. ","
    end
  end
end

function done(summary, latency, requests)
  local total_responses, total_not2xx, all_statuses = 0, 0, ""
  for _, thread in ipairs(threads) do
    total_responses = total_responses + thread:get("responses")
    total_not2xx = total_not2xx + thread:get("not2xx")
    all_statuses = all_statuses .. thread:get("statuses")
  end
  local errors = summary.errors
  io.write(string.format("LOAD requests=%d responses=%d not2xx=%d statuses=%s connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, total_responses, total_not2xx, all_statuses == "" and "-" or all_statuses,
    errors.connect, errors.read, errors.write, errors.timeout))
end
