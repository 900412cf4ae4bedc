-- http.lua — wrk script for bench/http.sh: cycles through the request paths
-- listed (one per line) in the file named by the environment variable PATHS,
-- so a run asks many different questions instead of one cached answer, and
-- counts non-2xx answers. Each wrk thread starts at a different place in the
-- list, so threads do not ask the same question at the same moment. Not for:
-- correctness (tests/cli/server_api.sh).
local paths = {}
for line in io.lines(os.getenv("PATHS")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local threads = 0
function setup(thread)
  thread:set("start", threads)
  threads = threads + 1
end
local i = nil
request = function()
  if i == nil then i = math.floor((start or 0) * #paths / 2) end
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
