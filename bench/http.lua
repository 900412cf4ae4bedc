-- http.lua — wrk script for bench/http.sh: cycles through the request paths
-- listed (one per line) in the file named by the environment variable PATHS,
-- so a run asks many different questions instead of one cached answer, and
-- counts non-2xx answers. Not for: correctness (tests/cli/server_api.sh).
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
