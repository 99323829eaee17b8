-- wrk script: GET /health, no authentication. The cheapest request the server has: it
-- measures the HTTP layer (parsing, routing, keep-alive) without the store.
--   wrk -t2 -c64 -d10s -s bench/health.lua http://127.0.0.1:PORT
wrk.method = "GET"
wrk.path = "/health"
wrk.headers["Accept"] = "application/json"
