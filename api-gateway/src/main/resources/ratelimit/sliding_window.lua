-- A sliding-window rate limit, atomic in Redis so that every gateway replica shares one budget.
-- The window is divided into slots; KEYS[1] is a hash of slot number -> requests counted in it.
-- A request is allowed while the slots still inside the window hold fewer than the limit, so no rolling
-- window ever sees more than the limit (a request is forgotten up to one slot late, never early).
-- Memory per caller is bounded by the number of slots, whatever the limit.
-- ARGV: limit, window in ms, slot in ms. Returns {allowed (0|1), remaining, reset_ms, now_ms}:
-- reset_ms is when the oldest counted slot leaves the window, i.e. when budget comes back.
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local slot = tonumber(ARGV[3])
local slots = math.ceil(window / slot)

local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local current = math.floor(now / slot)
local first = current - slots + 1

local used = 0
local oldest = nil
local counts = redis.call('HGETALL', KEYS[1])
for i = 1, #counts, 2 do
  local s = tonumber(counts[i])
  if s < first then
    redis.call('HDEL', KEYS[1], counts[i])
  else
    used = used + tonumber(counts[i + 1])
    if oldest == nil or s < oldest then
      oldest = s
    end
  end
end

local allowed = 0
if used < limit then
  redis.call('HINCRBY', KEYS[1], current, 1)
  used = used + 1
  allowed = 1
  if oldest == nil then
    oldest = current
  end
end
redis.call('PEXPIRE', KEYS[1], window + slot)

local reset = now + window
if oldest ~= nil then
  reset = (oldest + slots) * slot
end
local remaining = limit - used
if remaining < 0 then
  remaining = 0
end
return {allowed, remaining, reset, now}
