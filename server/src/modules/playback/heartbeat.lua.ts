/**
 * The acknowledge path, in one Redis round trip (one Lua call per request).
 *
 * KEYS: 1 session hash, 2 accepted-ranges list, 3 user's active-session key, 4 user's credit clock,
 *       5 dirty set, 6 rejected-beats list, 7 unflushed totals hash (verified seconds, beats, uncounted
 *       seconds by reason: the worker claims it whole by renaming it)
 * ARGV: 1 now (server ms), 2 user id, 3 session id, 4 beats as JSON, 5 flush delay (ms)
 * Then, checked before anything else (same call, so still one round trip):
 * KEYS: 8 the official's heartbeat rate buckets (theirs and their latest session's, one string), 9 the
 *       revocation mark of the access token's sign-in session
 * ARGV: 6 official burst, 7 official refill per ms (0: no limits), 8 session burst, 9 session refills per
 *       heartbeat interval (the interval is half the session's gap_ms)
 * A revoked sign-in session answers {revoked}; a request over either token bucket answers {limited = ms
 * to wait} and changes nothing (a flood costs reads only). Refusals are not beats: the client keeps them.
 *
 * The dirty set is a sorted set scored by when a session's work falls due for the worker: a live
 * session's first unflushed beat plus the flush delay; a session that ended, at once.
 *
 * Each beat is judged on the server's clock: its time window is the client's own delta since the
 * previous beat (so offline beats keep their timing), never more than twice the heartbeat
 * interval, and all windows of a request together never more than the server's wall-clock time
 * since this official's last credited moment (I1, I6). Paused, hidden, too-fast and unanswered-
 * attention time earns nothing and is counted by reason (I3, I4). Played ranges are clipped to the
 * position and to what the window allows at the allowed speed (I2); the worker later keeps only
 * what the session really fetched.
 */
export const HEARTBEAT_LUA = `
local sk, rk, ak, uk, dk, jk, tk = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7]
local now = tonumber(ARGV[1])
local uid, sid = ARGV[2], ARGV[3]
local beats = cjson.decode(ARGV[4])
local due = now + tonumber(ARGV[5])
local out = { accepted = 0, rejected = {}, uncounted = {}, takenOver = false, ended = false, attention = cjson.null, verified = 0 }

if redis.call('EXISTS', KEYS[9]) == 1 then return '{"revoked":true}' end
-- the session's state, read once: the rate limits below and the beats after use it (a missing session reads as nils)
local s = redis.call('HMGET', sk, 'uid', 'ended', 'last_seq', 'last_ct', 'last_at', 'last_pos', 'dur', 'max_rate', 'gap_ms',
  'attn_state', 'attn_due', 'attn_deadline', 'v', 'end_reason')
local ub_cap, ub_rate = tonumber(ARGV[6]), tonumber(ARGV[7])
if ub_rate > 0 then
  -- one string per official: "tokens at session session_tokens session_at"; the session bucket is
  -- that of the official's latest session (one watches at a time), and only its owner draws on it
  local ut, st, s_rate = ub_cap, nil, 0
  local b_t, b_at, b_sid, b_st, b_sat
  local b = redis.call('GET', KEYS[8])
  if b then b_t, b_at, b_sid, b_st, b_sat = string.match(b, '^(%S+) (%S+) (%S+) (%S+) (%S+)$') end
  if b_t then ut = math.min(ub_cap, tonumber(b_t) + (now - tonumber(b_at)) * ub_rate) end
  if s[1] == uid and s[9] then
    local sb_cap = tonumber(ARGV[8])
    s_rate = tonumber(ARGV[9]) * 2 / tonumber(s[9])
    st = sb_cap
    if b_sid == sid then st = math.min(sb_cap, tonumber(b_st) + (now - tonumber(b_sat)) * s_rate) end
  end
  if ut < 1 or (st ~= nil and st < 1) then
    local wait = 0
    if ut < 1 then wait = (1 - ut) / ub_rate end
    if st ~= nil and st < 1 then wait = math.max(wait, (1 - st) / s_rate) end
    return cjson.encode({ limited = math.ceil(wait) })
  end
  if st ~= nil then b_sid, b_st, b_sat = sid, st - 1, now end
  redis.call('SET', KEYS[8], string.format('%.4f %d %s %.4f %d', ut - 1, now, b_sid or '-', b_st or 0, b_sat or now), 'PX', math.ceil(ub_cap / ub_rate) + 1000)
end

local function reject(seq, reason, store)
  table.insert(out.rejected, { seq = seq, reason = reason })
  if store then
    redis.call('RPUSH', jk, cjson.encode({ seq = seq, reason = reason, at = now }))
    redis.call('HINCRBY', tk, 'rej_n', 1)
    redis.call('ZADD', dk, 'NX', due, sid)
  end
end

if not s[1] then
  for _, b in ipairs(beats) do reject(b.seq, 'no_session', false) end
  return cjson.encode(out)
end
if s[1] ~= uid then
  for _, b in ipairs(beats) do reject(b.seq, 'not_owner', false) end
  return cjson.encode(out)
end
local ended = s[2] == '1'
local last_seq = tonumber(s[3]) or 0
local last_ct = tonumber(s[4])
local last_at = tonumber(s[5])
local last_pos = tonumber(s[6]) or 0
local dur = tonumber(s[7])
local max_rate = tonumber(s[8])
local gap_ms = tonumber(s[9])
local attn_state = s[10] or 'none'
local attn_due = tonumber(s[11]) or 0
local attn_deadline = tonumber(s[12]) or 0
local verified = tonumber(s[13]) or 0

out.verified = tonumber(s[13]) or 0
if ended then
  local why = 'session_ended'
  if s[14] == 'taken_over' then why = 'taken_over'; out.takenOver = true end
  for _, b in ipairs(beats) do reject(b.seq, why, true) end
  out.ended = true
  return cjson.encode(out)
end
if redis.call('GET', ak) ~= sid then
  for _, b in ipairs(beats) do reject(b.seq, 'taken_over', true) end
  out.takenOver = true
  return cjson.encode(out)
end

local uclock = tonumber(redis.call('GET', uk)) or 0
-- I1: what this request may credit in all, on the server's clock
local budget = now - math.max(last_at, uclock)
if budget < 0 then budget = 0 end
local nc = {}
local function uncount(reason, ms)
  if ms > 0 then nc[reason] = (nc[reason] or 0) + ms end
end

for _, b in ipairs(beats) do
  if b.seq <= last_seq then
    if b.seq < last_seq then reject(b.seq, 'stale_seq', true) end
    -- the same beat again: acknowledged, no effect
  elseif attn_state == 'pending' and now > attn_deadline then
    redis.call('HSET', sk, 'ended', '1', 'end_reason', 'attention_timeout', 'ended_at', now)
    reject(b.seq, 'attention', true)
    out.ended = true
    ended = true
    break
  else
    local w
    if last_ct ~= nil and b.clientTime >= last_ct then w = b.clientTime - last_ct else w = now - last_at end
    if w > gap_ms then w = gap_ms end
    if w < 0 then w = 0 end
    if w > budget then
      uncount('clock', w - budget)
      w = budget
    end
    budget = budget - w
    local secs = w / 1000
    if attn_state == 'pending' then
      uncount('attention', w)
    elseif b.paused then
      uncount('paused', w)
    elseif not b.visible then
      uncount('hidden', w)
    elseif b.rate > max_rate + 0.001 then
      uncount('speed', w)
    else
      -- ranges: inside the lesson, not beyond the reported position, and no more content than
      -- the window allows at the reported speed (5 % + 0.25 s of slack for timer jitter)
      local allow = secs * b.rate * 1.05 + 0.25
      local played = 0
      local clipped = false
      for _, r in ipairs(b.ranges) do
        local a, e = r[1], r[2]
        local e0 = e
        if e > b.position + 0.5 then e = b.position + 0.5 end
        if e > dur then e = dur end
        if a < 0 then a = 0 end
        if e - a > allow - played then e = a + (allow - played) end
        if e < e0 - 0.05 then clipped = true end
        if e > a then
          redis.call('RPUSH', rk, string.format('%.1f:%.1f', a, e))
          played = played + (e - a)
        end
        if played >= allow then break end
      end
      local rate = b.rate
      if rate < 0.1 then rate = 0.1 end
      local v = math.min(secs, played / rate)
      if v > 0 then
        redis.call('HINCRBYFLOAT', tk, 'acc_v', v)
        verified = verified + v
      end
      if secs - v > 0.05 then
        -- skipped by a seek; claimed beyond what the position and the clock allow; or simply no
        -- new content (buffering, a document page already read in full)
        if b.seeked then uncount('seek', (secs - v) * 1000)
        elseif clipped then uncount('forged_range', (secs - v) * 1000)
        else uncount('no_progress', (secs - v) * 1000) end
      end
    end
    last_seq, last_ct, last_pos = b.seq, b.clientTime, b.position
    out.accepted = out.accepted + 1
    if attn_state ~= 'pending' and attn_due > 0 and now >= attn_due then
      attn_state = 'pending'
      attn_deadline = now + tonumber(redis.call('HGET', sk, 'attn_timeout_ms'))
      redis.call('HSET', sk, 'attn_state', 'pending', 'attn_deadline', attn_deadline, 'attn_id', tostring(now))
    end
    if b.ended then
      redis.call('HSET', sk, 'ended', '1', 'end_reason', 'ended', 'ended_at', now)
      out.ended = true
      ended = true
      break
    end
  end
end

if last_ct ~= nil then
  redis.call('HSET', sk, 'last_seq', last_seq, 'last_at', now, 'last_pos', last_pos, 'v', verified, 'last_ct', last_ct)
else
  redis.call('HSET', sk, 'last_seq', last_seq, 'last_at', now, 'last_pos', last_pos, 'v', verified)
end
if out.accepted > 0 then
  redis.call('HINCRBY', tk, 'acc_n', out.accepted)
  redis.call('SET', uk, now)
end
for reason, ms in pairs(nc) do
  redis.call('HINCRBYFLOAT', tk, 'nc_' .. reason, ms / 1000)
  out.uncounted[reason] = ms / 1000
end
if ended then redis.call('ZADD', dk, 'LT', now, sid) else redis.call('ZADD', dk, 'NX', due, sid) end
if attn_state == 'pending' and not ended then
  out.attention = { id = redis.call('HGET', sk, 'attn_id'), deadline = attn_deadline }
end
out.verified = verified
return cjson.encode(out)
`;

/**
 * Claim a session's unflushed work for the worker: rename the totals, ranges and rejected beats to
 * their "pending" keys under a new flush number, or hand back the pending batch of an earlier,
 * unacknowledged flush with its number. Renames, not copies: the cost is the same whatever the
 * number of beats.
 * KEYS: 1 session hash, 2 ranges, 3 pending ranges, 4 rejected, 5 pending rejected, 6 dirty set,
 *       7 totals, 8 pending totals
 * ARGV: 1 session id, 2 now (ms), 3 lease (ms)
 * A claimed session's due time moves a lease ahead, so that other workers' passes skip it; the
 * ack settles it, and a worker that dies leaves it to be claimed again when the lease runs out.
 * Returns { session fields (FIELDS order), pending totals (flat), pending ranges, pending rejected }
 */
export const CLAIM_FIELDS = ['uid', 'lid', 'cid', 'dur', 'doc', 'ended', 'ended_at', 'end_reason', 'pend_seq'] as const;
export const CLAIM_LUA = `
local sk, rk, rpk, jk, jpk, dk, tk, tpk = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]
if redis.call('EXISTS', sk) == 0 then
  redis.call('DEL', tk, rk, jk)
  redis.call('ZREM', dk, ARGV[1])
  return nil
end
if not redis.call('HGET', sk, 'pend_seq') then
  local e = redis.call('HMGET', sk, 'ended', 'ended_flushed')
  local ended = e[1] == '1' and e[2] ~= '1'
  local ht, hr, hj = redis.call('EXISTS', tk) == 1, redis.call('EXISTS', rk) == 1, redis.call('EXISTS', jk) == 1
  if not (ht or hr or hj or ended) then
    redis.call('ZREM', dk, ARGV[1])
    return nil
  end
  redis.call('HSET', sk, 'pend_seq', redis.call('HINCRBY', sk, 'flush_seq', 1))
  if ht then redis.call('RENAME', tk, tpk) end
  if hr then redis.call('RENAME', rk, rpk) end
  if hj then redis.call('RENAME', jk, jpk) end
end
redis.call('ZADD', dk, 'XX', tonumber(ARGV[2]) + tonumber(ARGV[3]), ARGV[1])
return { redis.call('HMGET', sk, ${CLAIM_FIELDS.map((f) => `'${f}'`).join(', ')}), redis.call('HGETALL', tpk), redis.call('LRANGE', rpk, 0, -1), redis.call('LRANGE', jpk, 0, -1) }
`;

/**
 * The worker has committed a batch: forget it, if it is still the pending one.
 * KEYS: 1 session hash, 2 pending ranges, 3 pending rejected, 4 dirty set, 5 ranges, 6 rejected,
 *       7 totals, 8 pending totals
 * ARGV: 1 session id, 2 flush number, 3 seconds to keep an ended session's state, 4 now (ms), 5 flush delay (ms)
 */
export const ACK_LUA = `
local sk, rpk, jpk, dk, rk, jk, tk, tpk = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], KEYS[8]
if redis.call('HGET', sk, 'pend_seq') ~= ARGV[2] then return 0 end
redis.call('HDEL', sk, 'pend_seq')
redis.call('DEL', rpk, jpk, tpk)
local ended = redis.call('HGET', sk, 'ended') == '1'
if ended then redis.call('HSET', sk, 'ended_flushed', '1') end
if redis.call('EXISTS', tk, rk, jk) == 0 then
  redis.call('ZREM', dk, ARGV[1])
  if ended then redis.call('EXPIRE', sk, tonumber(ARGV[3])) end
elseif ended then
  -- beats came in meanwhile: due at once for an ended session, else after the delay
  redis.call('ZADD', dk, tonumber(ARGV[4]), ARGV[1])
else
  redis.call('ZADD', dk, tonumber(ARGV[4]) + tonumber(ARGV[5]), ARGV[1])
end
return 1
`;

/**
 * Answer an attention check. KEYS: 1 session hash. ARGV: 1 now, 2 user id, 3 attention id, 4 next due (ms)
 */
export const ATTENTION_LUA = `
local sk = KEYS[1]
local s = redis.call('HMGET', sk, 'uid', 'attn_state', 'attn_id', 'attn_deadline', 'ended')
if s[1] ~= ARGV[2] then return 'not_owner' end
if s[5] == '1' then return 'session_ended' end
if s[2] ~= 'pending' or s[3] ~= ARGV[3] then return 'no_check' end
if tonumber(ARGV[1]) > tonumber(s[4]) then return 'late' end
redis.call('HSET', sk, 'attn_state', 'none', 'attn_due', ARGV[4])
return 'ok'
`;
