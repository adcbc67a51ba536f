-- wrk script of the nominations benchmark (run by nominations.sh, not a test). Every request nominates a new
-- person, as the state's own coordinator, for the states in turn. The first 100 people of each state go to the
-- first edition, the next 100 to the second, and so on, so a state's list never grows past 100, as in a real
-- edition where a state proposes about twice its quota.
--   wrk -t2 -c32 -d20s -s nominations.lua URL -- PASSWORD EDITION_PREFIX FIRST_EDITION THREADS [RATE]
-- With RATE (nominations per second, all threads together) requests leave on a fixed schedule instead of as
-- fast as answers come back, so the latency is the one a user sees at that load.
local codes = {"AR", "BO", "BR", "CL", "CO", "CR", "CU", "DO", "EC", "SV", "GT", "HN", "MX", "NI", "PA", "PY", "PE",
  "UY", "VE", "US", "CA", "JM", "TT", "BS", "BB", "BZ", "GY", "SR", "HT", "AG", "DM", "GD", "KN", "LC", "VC"}
local PER_STATE = 100

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } csec_timespec;
  int clock_gettime(int clock, csec_timespec *t);
]]
local clock = ffi.new("csec_timespec")
local function millis()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function base64(text)
  local out = {}
  for i = 1, #text, 3 do
    local a, b, c = text:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    for k = 3, 0, -1 do
      local sextet = math.floor(n / 64 ^ k) % 64
      out[#out + 1] = b64:sub(sextet + 1, sextet + 1)
    end
    if not b then out[#out - 1], out[#out] = "=", "=" elseif not c then out[#out] = "=" end
  end
  return table.concat(out)
end

local threads = {}
function setup(thread)
  thread:set("thread", #threads)
  table.insert(threads, thread)
end

local prefix, firstEdition, threadCount, authorization, interval, nextSend
function init(args)
  local password = args[1]
  prefix, firstEdition, threadCount = args[2], tonumber(args[3]), tonumber(args[4])
  local rate = tonumber(args[5] or "0")
  interval = rate > 0 and 1000 * threadCount / rate or 0
  sent, failed = 0, 0
  authorization = {}
  for i, code in ipairs(codes) do
    authorization[i] = "Basic " .. base64("bench." .. code:lower() .. ":" .. password)
  end
end

function delay()
  if interval == 0 then return 0 end
  local now = millis()
  -- Falls behind by at most a few slots: an answer that came late does not earn a burst afterwards.
  nextSend = math.max(nextSend or now, now - 4 * interval) + interval
  return math.max(0, nextSend - now)
end

function request()
  local n = sent * threadCount + thread
  sent = sent + 1
  local state = n % #codes + 1
  local person = math.floor(n / #codes)
  local edition = prefix .. (firstEdition + math.floor(person / PER_STATE))
  local code = codes[state]
  local body = string.format('{"firstName":"Candidate%d","lastName":"%s","email":"c%d.%s@bench.example.org",'
      .. '"identityDocument":"%s%d"}', person, code, person, code:lower(), code, person)
  return wrk.format("POST", "/course/api/v1/editions/" .. edition .. "/agreements/" .. code .. "/nominations",
      {["Authorization"] = authorization[state], ["Content-Type"] = "application/json",
       ["X-Request-Id"] = "bench-" .. prefix .. "-" .. n}, body) -- as nginx sends one in production
end

function response(status, headers, body)
  if status ~= 201 then
    failed = failed + 1
    if failed == 1 then firstFailure = status .. " " .. body:sub(1, 300) end
  end
end

function done(summary, latency)
  local failures, used = 0, 0
  for _, t in ipairs(threads) do
    failures = failures + t:get("failed")
    if t:get("firstFailure") then io.write("first answer other than 201: " .. t:get("firstFailure") .. "\n") end
    used = math.max(used, t:get("sent") * #threads)
  end
  io.write(string.format("RESULT %d %.3f %.1f %.1f %.1f %.1f %d %d\n", summary.requests, summary.duration / 1e6,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, failures + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout, math.ceil(used / #codes / PER_STATE)))
end
