-- wrk script for bench/stats-batch.sh: POST /batch (contract version 1) with the body the script prepared.
local f = assert(io.open(os.getenv("BATCH_BODY_FILE"), "r"))
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "XBL3.0 x=;"
wrk.headers["x-xbl-contract-version"] = "1"
