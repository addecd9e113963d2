/**
 * The shared token bucket, as Lua run atomically inside Redis (loaded once per connection, then called
 * by EVALSHA through ioredis `defineCommand`). State per bucket is one hash:
 *
 *   tokens       may go below 0: every token handed out ahead of time (a reservation) is a debt
 *   ts           Redis time (ms) up to which refill has been counted
 *   pausedUntil  Redis time (ms) before which nothing refills (an upstream 429)
 *   epoch        bumped by every pause; a reservation made in an older epoch is void
 *   cap, rate    the bucket's config as last seen, so a pause can compute when the key may expire
 *
 * Every time comes from `TIME` on the Redis server, never from a replica: replicas whose clocks
 * disagree still agree on how many tokens there are. Callers pass durations (how long they may wait,
 * how long a pause lasts), which are the same on every clock.
 *
 * Redis ≥ 5 replicates a script's effects, not the script, so reading `TIME` before writing is allowed.
 */

/**
 * Take one token, now or as a reservation of the next free one.
 *
 * KEYS[1] bucket hash. ARGV: capacity, refillPerSecond, maxWaitMs, idleMarginMs.
 * Returns { granted (1|0), waitMs, epoch }: granted with waitMs 0 = go now; granted with waitMs > 0 =
 * the token is yours once waitMs has passed (the caller sleeps, then checks the epoch); not granted =
 * the next token free for this caller would come after waitMs > maxWaitMs, and nothing was taken.
 */
export const TAKE_TOKEN_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) / 1000
local maxWaitMs = tonumber(ARGV[3])
local marginMs = tonumber(ARGV[4])

local s = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'pausedUntil', 'epoch')
local tokens = tonumber(s[1]) or capacity
local ts = tonumber(s[2]) or now
local pausedUntil = tonumber(s[3]) or 0
local epoch = tonumber(s[4]) or 0

-- Refill counts from the later of the last update and the end of a pause.
local from = math.max(ts, pausedUntil)
if now > from then
  tokens = tokens + (now - from) * perMs
  ts = now
end
-- A smaller capacity from a config change applies at once.
tokens = math.min(capacity, tokens)

local pausedMs = math.max(0, pausedUntil - now)
local waitMs = 0
-- A hair of tolerance, as in token-bucket.ts: a sleeper woken at its exact instant must find its token.
if pausedMs > 0 or tokens < 1 - 1e-9 then
  -- With reservations outstanding tokens is negative, so this is the wait of the next in line.
  waitMs = math.ceil(pausedMs + (1 - tokens) / perMs)
end
if waitMs > maxWaitMs then
  return { 0, waitMs, epoch }
end

tokens = tokens - 1
redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', ts, 'pausedUntil', pausedUntil, 'epoch', epoch,
  'cap', capacity, 'rate', ARGV[2])
-- Idle buckets vanish once they would be full again anyway (a missing bucket reads as full).
redis.call('PEXPIRE', KEYS[1], math.ceil(pausedMs + (capacity - tokens) / perMs + marginMs))
return { 1, waitMs, epoch }
`;

/**
 * Empty the bucket and stop its refill for pauseMs (an upstream 429). An earlier end never shortens a
 * running pause. Bumps the epoch, so reservations made before the pause are void and re-queued.
 *
 * KEYS[1] bucket hash. ARGV: pauseMs, idleMarginMs, unknownBucketIdleMs (expiry when the bucket's
 * config was never seen). Returns the pause's remaining ms.
 */
export const PAUSE_BUCKET_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local pauseMs = math.max(0, tonumber(ARGV[1]))
local marginMs = tonumber(ARGV[2])

local s = redis.call('HMGET', KEYS[1], 'pausedUntil', 'epoch', 'cap', 'rate')
local pausedUntil = math.max(tonumber(s[1]) or 0, now + pauseMs)
local epoch = (tonumber(s[2]) or 0) + 1
local capacity = tonumber(s[3])
local rate = tonumber(s[4])

redis.call('HSET', KEYS[1], 'tokens', 0, 'ts', now, 'pausedUntil', pausedUntil, 'epoch', epoch)
local refillMs = tonumber(ARGV[3])
if capacity and rate and rate > 0 then refillMs = capacity * 1000 / rate end
redis.call('PEXPIRE', KEYS[1], math.ceil(pausedUntil - now + refillMs + marginMs))
return math.ceil(pausedUntil - now)
`;

/**
 * Read a bucket as TAKE_TOKEN_LUA would find it, taking and writing nothing (the budget check before an
 * operation runs). A missing bucket reads as full.
 *
 * KEYS[1] bucket hash. ARGV: capacity, refillPerSecond. Returns { tokens, pausedMs }, tokens as a string:
 * Redis would truncate a Lua number to an integer, and a reservation's debt is fractional.
 */
export const PEEK_BUCKET_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) / 1000

local s = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'pausedUntil')
local tokens = tonumber(s[1]) or capacity
local ts = tonumber(s[2]) or now
local pausedUntil = tonumber(s[3]) or 0

local from = math.max(ts, pausedUntil)
if now > from then tokens = tokens + (now - from) * perMs end
tokens = math.min(capacity, tokens)
return { tostring(tokens), math.ceil(math.max(0, pausedUntil - now)) }
`;
