-- wrk script: POST /api/v1/organisaties as a beheerder. Every request is a durable write
-- (one new organisation, with its processing-log record), so this measures the store's
-- commit path. The token comes from the environment:
--   TOKEN=... wrk -t2 -c64 -d10s -s bench/admin_write.lua http://127.0.0.1:PORT
local token = os.getenv("TOKEN")
if token == nil or token == "" then
  io.stderr:write("admin_write.lua: set TOKEN to a beheerder token\n")
  os.exit(2)
end

local threads = {}
local next_thread = 0

-- Each wrk thread gets its own number, so names stay unique across threads.
function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
  table.insert(threads, thread)
end

local counter = 0
local headers = {
  ["Authorization"] = "Bearer " .. token,
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json",
}

function request()
  counter = counter + 1
  local body = string.format(
    '{"naam":"Bench aanbieder %d-%d","soort":"jeugdhulpaanbieder","gemeentecode":"GM0363"}',
    thread_id or 0, counter)
  return wrk.format("POST", "/api/v1/organisaties", headers, body)
end

-- Count statuses, so a run that only produced 4xx is not mistaken for throughput.
statuses = {}  -- global: done() reads it from each thread with thread:get
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local created = 0
  local other = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses") or {}
    for code, n in pairs(s) do
      if code == 201 then
        created = created + n
      else
        other[code] = (other[code] or 0) + n
      end
    end
  end
  io.write(string.format("admin_write: %d created (201)", created))
  for code, n in pairs(other) do
    io.write(string.format(", %d x %d", n, code))
  end
  io.write("\n")
end
