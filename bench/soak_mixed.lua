-- wrk script for bench/soak: a mixed load on a demo-like store, every request a real one.
-- Per 20 requests on a connection: 8 Verwijsindex registrations (POST, durable, matched,
-- logged, every second one matched and signalled), 6 reads of a melder's own registrations,
-- 3 Veilig Thuis meldingen (POST, a new case each), 3 reads of the municipality's bills
-- (every third as the iJw JW323 XML form).
-- Environment (files with one item per line):
--   YOUTHS=bsns.txt MELDERS=tokens.txt VT=token GEMEENTE=token BILL=id WRK_THREADS=2 START=0
--   RATE=n       requests per second over all threads (0: as fast as the server answers).
--                wrk has no rate limit of its own: each thread keeps a schedule (request k
--                due at start + k/rate) and delays each request until it is due, so the
--                rate holds while the server gets slower, as long as it can keep up.
local function lines(path)
  local out = {}
  local f = io.open(path or "", "r")
  if f == nil then
    io.stderr:write("soak_mixed.lua: cannot read " .. tostring(path) .. "\n")
    os.exit(2)
  end
  for line in f:lines() do
    if line ~= "" then table.insert(out, line) end
  end
  f:close()
  return out
end

local youths = lines(os.getenv("YOUTHS"))
local melders = lines(os.getenv("MELDERS"))
local vt = os.getenv("VT")
local gemeente = os.getenv("GEMEENTE")
local bill = os.getenv("BILL")
local start = tonumber(os.getenv("START") or "0")
local rate = tonumber(os.getenv("RATE") or "0")

-- A monotonic clock in milliseconds (LuaJIT's ffi; os.time counts whole seconds).
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_nsec; } soak_timespec;
  int clock_gettime(int clock_id, soak_timespec* tp);
]]
local ts = ffi.new("soak_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local threads = {}
local nthreads = 0
function setup(thread)
  thread:set("thread_id", nthreads)
  nthreads = nthreads + 1
  table.insert(threads, thread)
end

function init(args)
  nthreads_total = tonumber(os.getenv("WRK_THREADS") or "2")
end

local scheduled = 0  -- requests this thread has scheduled
local started = nil
function delay()
  if rate <= 0 then return 0 end
  local now = now_ms()
  started = started or now
  local due = started + scheduled * 1000 * nthreads_total / rate
  scheduled = scheduled + 1
  if due <= now then return 0 end
  return math.floor(due - now)
end

local n = 0          -- requests made by this thread
local registered = 0 -- registrations made by this thread

local function json_headers(token)
  return {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}
end

function request()
  n = n + 1
  local slot = n % 20
  if slot < 8 then
    -- Registrations come in pairs: registrations 2p and 2p + 1 (over all threads) are youth
    -- p mod Y, by melders 2p mod M and (2p + 1) mod M. The second of a pair matches the first
    -- and signals both melders and the regievoerder (VIR-06), so from the first second on
    -- the mix is the one the whole run keeps: each youth gets exactly two melders, as long
    -- as the run makes fewer than 2Y registrations (bench/soak sizes --persons for that).
    local i = start + (thread_id or 0) + registered * nthreads_total
    registered = registered + 1
    local pair = math.floor(i / 2)
    local youth = youths[(pair % #youths) + 1]
    local melder = melders[((2 * pair + i % 2) % #melders) + 1]
    return wrk.format("POST", "/api/v1/verwijsindex/meldingen", json_headers(melder),
      '{"bsn":"' .. youth .. '","redelijkVermoeden":true}')
  elseif slot < 14 then
    local melder = melders[(n % #melders) + 1]
    return wrk.format("GET", "/api/v1/verwijsindex/meldingen?paginaGrootte=10",
      {["Authorization"] = "Bearer " .. melder})
  elseif slot < 17 then
    local youth = youths[(n * 7 % #youths) + 1]
    local body = '{"soort":"melding","melder":{"soort":"particulier","naam":"Buurvrouw"},' ..
      '"betrokkenen":[{"bsn":"' .. youth .. '","rol":"kind"}],"grond":"redelijk-vermoeden",' ..
      '"omschrijving":"Zorgen over het kind, gehoord door de muur."}'
    return wrk.format("POST", "/api/v1/veilig-thuis/zaken", json_headers(vt), body)
  else
    local headers = {["Authorization"] = "Bearer " .. gemeente}
    if slot == 19 then
      headers["Accept"] = "application/xml"
      return wrk.format("GET", "/api/v1/declaraties/" .. bill .. "?doel=bekostiging", headers)
    end
    return wrk.format("GET", "/api/v1/declaraties?doel=bekostiging", headers)
  end
end

statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local ok, other = 0, {}
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses") or {}) do
      if code == 200 or code == 201 then ok = ok + count else other[code] = (other[code] or 0) + count end
    end
  end
  io.write(string.format("soak_mixed: %d answered 200/201", ok))
  local bad = 0
  for code, count in pairs(other) do
    io.write(string.format(", %d x %d", count, code))
    bad = bad + count
  end
  io.write(string.format("\nsoak_mixed: errors %d\n", bad))
end
