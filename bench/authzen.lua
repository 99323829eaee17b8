-- wrk script: POST one fixed JSON body to one path with a bearer token (bench/authz: the
-- AuthZEN evaluation endpoints). Every request is a real decision, logged durably.
--   TOKEN=... TARGET=/access/v1/evaluation BODY=body.json wrk -t2 -c64 -d10s -s bench/authzen.lua URL
local function env(name)
  local v = os.getenv(name)
  if v == nil or v == "" then
    io.stderr:write("authzen.lua: set " .. name .. "\n")
    os.exit(2)
  end
  return v
end

local f = io.open(env("BODY"), "r")
local body = f:read("*a")
f:close()
local target = env("TARGET")
local headers = {
  ["Authorization"] = "Bearer " .. env("TOKEN"),
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json",
}

function request()
  return wrk.format("POST", target, headers, body)
end

local non200 = 0
function response(status)
  if status ~= 200 then non200 = non200 + 1 end
end

function done(summary)
  io.write(string.format("authzen: %d requests, %d errors\n", summary.requests,
                         summary.errors.status + summary.errors.connect + summary.errors.read +
                         summary.errors.write + summary.errors.timeout))
end
