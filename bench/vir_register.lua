-- wrk script: POST /api/v1/verwijsindex/meldingen as many melders. Every request is a real,
-- durable registration: the VIR rules, matching, signals and log records in one commit.
-- Pairs (melder, youth) never repeat, so no request is a 409:
--   request i (over all threads) registers youth i mod Y by melder (i div Y) mod M,
--   starting at i = START.
-- Files come from the environment (one item per line):
--   BSNS=youths.txt TOKENS=melders.txt START=0 wrk -t2 -c64 -d10s -s bench/vir_register.lua URL
local function lines(path)
  local out = {}
  local f = io.open(path or "", "r")
  if f == nil then
    io.stderr:write("vir_register.lua: cannot read " .. tostring(path) .. "\n")
    os.exit(2)
  end
  for line in f:lines() do
    if line ~= "" then table.insert(out, line) end
  end
  f:close()
  return out
end

local bsns = lines(os.getenv("BSNS"))
local tokens = lines(os.getenv("TOKENS"))
local start = tonumber(os.getenv("START") or "0")
-- LIMIT (optional): requests per run in all; each thread stops after its share and then
-- creates the file DONE_DIR/thread-N, because wrk itself only ends after its -d duration (or
-- on SIGINT, which bench/vir sends once every thread's file is there).
local limit = tonumber(os.getenv("LIMIT") or "0")
local done_dir = os.getenv("DONE_DIR")
local threads = {}
local nthreads = 0

function setup(thread)
  thread:set("thread_id", nthreads)
  nthreads = nthreads + 1
  table.insert(threads, thread)
end

local n = 0
function init(args)
  nthreads_total = tonumber(os.getenv("WRK_THREADS") or "2")
end

function request()
  local i = start + (thread_id or 0) + n * nthreads_total
  n = n + 1
  local y = #bsns
  local youth = bsns[(i % y) + 1]
  local melder = tokens[(math.floor(i / y) % #tokens) + 1]
  local body = '{"bsn":"' .. youth .. '","redelijkVermoeden":true}'
  return wrk.format("POST", "/api/v1/verwijsindex/meldingen", {
    ["Authorization"] = "Bearer " .. melder,
    ["Content-Type"] = "application/json",
  }, body)
end

statuses = {}
local answered = 0
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  answered = answered + 1
  if limit > 0 and answered >= limit / nthreads_total then
    if done_dir then
      local f = io.open(done_dir .. "/thread-" .. tostring(thread_id or 0), "w")
      if f then f:close() end
    end
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local created, other = 0, {}
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses") or {}) do
      if code == 201 then created = created + count else other[code] = (other[code] or 0) + count end
    end
  end
  io.write(string.format("vir_register: %d created (201)", created))
  for code, count in pairs(other) do io.write(string.format(", %d x %d", count, code)) end
  io.write("\n")
end
