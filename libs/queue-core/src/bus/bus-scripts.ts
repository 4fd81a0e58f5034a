import { LuaScript } from './lua-script';

/**
 * The bus's Lua scripts: each keeps a topic's stream, id index and client cursors consistent in
 * one atomic step. Stream entry fields are those of `ENTRY_FIELDS`.
 */

const HELPERS = `
local function uuid_of(fields)
  for i = 1, #fields, 2 do
    if fields[i] == 'i' then return fields[i + 1] end
  end
end

-- Removes the oldest entries beyond max_len or older than max_age_s (at most \`limit\`), and their index entries.
local function trim(stream, index, settings, limit)
  local s = redis.call('HMGET', settings, 'max_len', 'max_age_s')
  if not s[1] and not s[2] then return 0 end
  local len = redis.call('XLEN', stream)
  local n = 0
  if s[1] then n = len - tonumber(s[1]) end
  if s[2] then
    local t = redis.call('TIME')
    local cutoff = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) - tonumber(s[2]) * 1000
    local old = redis.call('XRANGE', stream, '-', '(' .. string.format('%d', cutoff) .. '-0', 'COUNT', limit)
    if #old > n then n = #old end
  end
  if n <= 0 then return 0 end
  if n > limit then n = limit end
  local doomed = redis.call('XRANGE', stream, '-', '+', 'COUNT', n)
  for _, e in ipairs(doomed) do
    local id = uuid_of(e[2])
    if id then redis.call('HDEL', index, id) end
  end
  redis.call('XTRIM', stream, 'MAXLEN', len - #doomed)
  return #doomed
end
`;

/**
 * KEYS: stream, index, seq, settings, topics. ARGV: id, content type, content, title ('' = none),
 * topic, the topic's wake-up channel. Returns `[entry id, seq]`. Kept to as few commands as it
 * can be, each one costs Redis about what the XADD does: the topic joins the topic set with its
 * first message only (deleting a topic removes its `seq` together with its set entry), and the
 * stream's length is read only for a topic with retention set.
 */
export const PUBLISH = new LuaScript(`${HELPERS}
local seq = redis.call('INCR', KEYS[3])
local sid
if ARGV[4] ~= '' then
  sid = redis.call('XADD', KEYS[1], '*', 'i', ARGV[1], 's', seq, 'y', ARGV[2], 'c', ARGV[3], 't', ARGV[4])
else
  sid = redis.call('XADD', KEYS[1], '*', 'i', ARGV[1], 's', seq, 'y', ARGV[2], 'c', ARGV[3])
end
redis.call('HSET', KEYS[2], ARGV[1], sid)
if seq == 1 then redis.call('SADD', KEYS[5], ARGV[5]) end
trim(KEYS[1], KEYS[2], KEYS[4], 100)
redis.call('PUBLISH', ARGV[6], 'm')
return {sid, seq}
`);

/** KEYS: stream, index, settings. ARGV: limit. Returns how many entries it removed. */
export const TRIM = new LuaScript(`${HELPERS}
return trim(KEYS[1], KEYS[2], KEYS[3], tonumber(ARGV[1]))
`);

/**
 * KEYS: topics, index, stream. ARGV: topic, mode ('-' from the oldest, 'after', 'at'), message id,
 * count. Returns `{-1}` for an unknown topic, `{-2}` for an unknown id, else `{0, entries}`.
 */
export const READ = new LuaScript(`
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return {-1} end
local start = '-'
if ARGV[2] ~= '-' then
  local sid = redis.call('HGET', KEYS[2], ARGV[3])
  if not sid then return {-2} end
  if ARGV[2] == 'after' then start = '(' .. sid else start = sid end
end
return {0, redis.call('XRANGE', KEYS[3], start, '+', 'COUNT', ARGV[4])}
`);

/**
 * Starts a poll or stream of a client: bumps its generation (an older poll of the same client
 * then gets nothing more) and tells the processes waiting on the topic. KEYS: client, index.
 * ARGV: ttl ms, the topic's wake-up channel, client id, resume-after message id ('' = none).
 * Returns the generation, or -1 for an unknown resume id.
 */
export const BEGIN_CLIENT = new LuaScript(`
local cursor
if ARGV[4] ~= '' then
  cursor = redis.call('HGET', KEYS[2], ARGV[4])
  if not cursor then return -1 end
end
local gen = redis.call('HINCRBY', KEYS[1], 'gen', 1)
if cursor then redis.call('HSET', KEYS[1], 'cursor', cursor) end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('PUBLISH', ARGV[2], 'p ' .. gen .. ' ' .. ARGV[3])
return gen
`);

/**
 * Hands each of several clients of one topic what is new since its cursor, and moves the cursor
 * past it — a new client gets the last \`backlog\` messages. Nothing is handed to a superseded
 * generation. Clients at the same cursor share one read, so a publish that wakes a thousand
 * pollers costs one script and one range read. KEYS: stream, clients, settings, then one client
 * key per client. ARGV: ttl ms, default backlog, then per client: generation, client id, count.
 * Returns \`{slots, lists}\`: \`slots[i]\` is the index in \`lists\` of client i's entries, or 0 when
 * it was superseded.
 */
export const TAKE = new LuaScript(`
local ttl, default_backlog = ARGV[1], ARGV[2]
local slots, lists, ends, memo, seen = {}, {}, {}, {}, {}
local now = tonumber(redis.call('TIME')[1])
for i = 4, #KEYS do
  local a = 3 + (i - 4) * 3
  local gen, id, count = ARGV[a], ARGV[a + 1], ARGV[a + 2]
  local state = redis.call('HMGET', KEYS[i], 'gen', 'cursor')
  if state[1] ~= gen then
    slots[#slots + 1] = 0
  else
    local cursor = state[2]
    local at = (cursor or '') .. ' ' .. count
    local slot = memo[at]
    if not slot then
      local entries = {}
      if cursor then
        entries = redis.call('XRANGE', KEYS[1], '(' .. cursor, '+', 'COUNT', count)
      else
        local backlog = tonumber(redis.call('HGET', KEYS[3], 'backlog') or default_backlog)
        if backlog > 0 then
          local recent = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', backlog)
          for k = #recent, 1, -1 do entries[#entries + 1] = recent[k] end
        end
        local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
        cursor = '0-0'
        if #last > 0 then cursor = last[1][1] end
      end
      if #entries > 0 then cursor = entries[#entries][1] end
      lists[#lists + 1] = entries
      slot = #lists
      memo[at] = slot
      ends[slot] = cursor
    end
    redis.call('HSET', KEYS[i], 'cursor', ends[slot])
    redis.call('PEXPIRE', KEYS[i], ttl)
    if not seen[id] then
      seen[id] = true
      redis.call('ZADD', KEYS[2], now, id)
    end
    slots[#slots + 1] = slot
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - 300)
return {slots, lists}
`);

/**
 * KEYS: topics, stream, index, seq, settings, clients. ARGV: topic, the topic's wake-up channel.
 * Returns 1 if it existed.
 */
export const DELETE_TOPIC = new LuaScript(`
if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('UNLINK', KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
redis.call('PUBLISH', ARGV[2], 'm')
return 1
`);
