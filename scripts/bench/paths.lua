-- Requests a random path from the file named by the PATHS environment variable, so that a
-- benchmark reads many different rows instead of one hot row.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
math.randomseed(42)
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
