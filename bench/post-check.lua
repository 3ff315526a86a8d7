-- wrk script: POST the same realistic pre-check body on every request.
local f = io.open(os.getenv("BODY") or "bench/check-body.json", "r")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
