-- wrk script of `yorozu bench`: each request is a random line of the file named by the
-- REQUESTS environment variable, so that a measurement reads many different rows instead of
-- one hot row. A line is METHOD <tab> PATH <tab> HEADERS <tab> BODY, where HEADERS is
-- "Name: value" pairs separated by "|" and every "{n}" in BODY becomes a number unique to
-- the request (for idempotency keys).
local requests = {}
local thread_id = 0
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  thread_id = tid or 0
  math.randomseed(42 + thread_id)
  for line in io.lines(os.getenv("REQUESTS")) do
    local method, path, header_text, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    local headers = {}
    for name, value in header_text:gmatch("([^|:]+): ([^|]*)") do
      headers[name] = value
    end
    requests[#requests + 1] = { method, path, headers, body }
  end
end

function request()
  counter = counter + 1
  local r = requests[math.random(#requests)]
  local body = nil
  if r[4] ~= "" then
    body = r[4]:gsub("{n}", thread_id .. "-" .. counter)
  end
  return wrk.format(r[1], r[2], r[3], body)
end
