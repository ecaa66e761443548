// The memory store's rules (breaker-rules.ts), run atomically on Redis with Redis's own clock,
// so every process of a fleet decides from one state without trusting its own clock. Times are
// epoch ms; Lua numbers are doubles, written with %.0f so large times never turn into 1.7e+12.
// Breaker hash fields: s state (0 closed, 1 open, 2 half-open), f failures, u until, p period,
// g last probe number, q a probe is out.

const PRELUDE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function int(x) return string.format('%.0f', x) end
local function breaker()
  local h = redis.call('HMGET', KEYS[1], 's', 'f', 'u', 'p', 'g', 'q')
  return tonumber(h[1] or 0), tonumber(h[2] or 0), tonumber(h[3] or 0), tonumber(h[4] or 0), tonumber(h[5] or 0), tonumber(h[6] or 0)
end
local function save(s, f, u, p, g, q, idle)
  redis.call('HSET', KEYS[1], 's', s, 'f', f, 'u', int(u), 'p', int(p), 'g', g, 'q', q)
  redis.call('PEXPIRE', KEYS[1], int(math.max(u - now, 0) + idle))
end
`;

/**
 * KEYS: breaker, pause. ARGV: pause on, breaker on, maxOpenMs, leaseMs, idleMs.
 * Returns { verdict (0 go, 1 circuit open, 2 paused), waitMs, probe (0 none), from, to } (-1: no breaker).
 */
export const ADMIT = `${PRELUDE}
if ARGV[1] == '1' then
  local ends = tonumber(redis.call('GET', KEYS[2]) or 0)
  if ends > now then return {2, ends - now, 0, -1, -1} end
end
if ARGV[2] ~= '1' then return {0, 0, 0, -1, -1} end
local maxOpen, lease, idle = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local s, f, u, p, g, q = breaker()
local from, verdict, wait, probe = s, 0, 0, 0
if s == 2 and q == 1 and now >= u then
  p = math.min(maxOpen, p * 2); s = 1; q = 0; u = u + p
end
if s == 1 then
  if now < u then verdict = 1; wait = u - now else s = 2; q = 0 end
end
if verdict == 0 and s == 2 then
  if q == 1 then verdict = 1; wait = math.max(1, u - now)
  else g = g + 1; q = 1; u = now + lease; probe = g end
end
if s ~= from or probe > 0 then save(s, f, u, p, g, q, idle) end
return {verdict, wait, probe, from, s}
`;

/**
 * KEYS: breaker, pause, budget. ARGV: breaker on, failureThreshold, openMs, maxOpenMs, health
 * (0 neutral, 1 success, 2 failure), probe, retryAfterMs, pauseMs, capacity (-1: no budget),
 * take (-1: none), give (-1: none), idleMs. Returns { granted, from, to } (-1: no breaker).
 */
export const RECORD = `${PRELUDE}
local threshold, openMs, maxOpen, health, probe, ra = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local pauseMs, capacity, take, give, idle = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10]), tonumber(ARGV[11]), tonumber(ARGV[12])
local from, to, granted = -1, -1, 1
if ARGV[1] == '1' then
  local s, f, u, p, g, q = breaker()
  local dirty = false
  from = s
  if s == 0 then
    if health == 1 and f > 0 then f = 0; dirty = true
    elseif health == 2 then
      f = f + 1; dirty = true
      if f >= threshold then p = openMs; s = 1; f = 0; u = now + math.max(p, ra) end
    end
  elseif s == 2 and q == 1 and probe == g then
    dirty = true
    if health == 1 then s = 0; f = 0; u = 0; p = 0; q = 0
    elseif health == 2 then p = math.min(maxOpen, p * 2); s = 1; q = 0; u = now + math.max(p, ra)
    else q = 0 end
  elseif s == 1 and health == 2 and now + ra > u then
    u = now + ra; dirty = true
  end
  if dirty then save(s, f, u, p, g, q, idle) end
  to = s
end
if pauseMs > 0 then
  local ends = now + pauseMs
  if ends > tonumber(redis.call('GET', KEYS[2]) or 0) then redis.call('SET', KEYS[2], int(ends), 'PX', int(pauseMs)) end
end
if capacity >= 0 then
  local tokens = math.min(capacity, tonumber(redis.call('GET', KEYS[3]) or capacity))
  if take >= 0 then
    if take > tokens then granted = 0 else tokens = tokens - take end
  elseif give >= 0 then
    tokens = math.min(capacity, tokens + give)
  end
  redis.call('SET', KEYS[3], string.format('%.17g', tokens), 'PX', int(idle))
end
return {granted, from, to}
`;

/** @internal The state numbers the scripts use, in order. */
export const STATES = ['closed', 'open', 'half_open'] as const;
