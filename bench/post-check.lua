-- wrk script: POST the same realistic pre-check body on every request.
local f = io.open(os.getenv("BODY") or "bench/check-body.json", "r")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
-- Checks need the checker role: an API key (the test users file's key by default).
wrk.headers["X-API-Key"] = os.getenv("API_KEY") or "tc_test-checker-key"
