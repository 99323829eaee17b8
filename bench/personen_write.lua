-- wrk script: POST /api/v1/personen as a beheerder, each request a new person with its own
-- valid BSN (BSN-01), so every request is one durable, audited registration — the API's
-- rate, for comparison with `jeugdhulp import` (bench/import). BSNs: 92xxxxxxx and up, a
-- separate range per wrk thread, apart from bench/gen-persons' 900000000 onwards.
--   TOKEN=... wrk -t2 -c64 -d10s -s bench/personen_write.lua http://127.0.0.1:PORT
local token = os.getenv("TOKEN")
if token == nil or token == "" then
  io.stderr:write("personen_write.lua: set TOKEN to a beheerder token\n")
  os.exit(2)
end

local threads = {}
local next_thread = 0
function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_id", next_thread)
  table.insert(threads, thread)
end

local n = nil
local headers = {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}

local function elfproef(v)
  local s, d = 0, string.format("%09d", v)
  for i = 1, 8 do s = s + (10 - i) * tonumber(d:sub(i, i)) end
  return (s - tonumber(d:sub(9, 9))) % 11 == 0
end

function request()
  if n == nil then n = 910000000 + (thread_id or 1) * 10000000 end
  repeat n = n + 1 until elfproef(n)
  local body = string.format('{"bsn":"%09d","voornamen":"Kim","geslachtsnaam":"Bench",' ..
    '"geboortedatum":"2010-05-05","geslacht":"O","gemeentecode":"GM0363",' ..
    '"adres":{"postcode":"1234AB","huisnummer":5}}', n)
  return wrk.format("POST", "/api/v1/personen", headers, body)
end

statuses = {}
function response(status) statuses[status] = (statuses[status] or 0) + 1 end

function done()
  local created, other = 0, 0
  for _, thread in ipairs(threads) do
    for code, k in pairs(thread:get("statuses") or {}) do
      if code == 201 then created = created + k else other = other + k end
    end
  end
  io.write(string.format("personen_write: %d created (201), %d other\n", created, other))
end
