// The ceiling for bench/heartbeat.mjs: a bare Fastify server doing the same one Redis Lua call per
// heartbeat (same script, same keys), with a JSON schema for the body and no auth or Nest pipeline.
import Fastify from 'fastify';
import Redis from 'ioredis';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { HEARTBEAT_LUA } = require('../server/dist/server/src/modules/playback/heartbeat.lua.js');
const [port, redisUrl, prefix, tokensFile] = process.argv.slice(2);
const userBySession = new Map(JSON.parse(require('node:fs').readFileSync(tokensFile, 'utf8')).map((s) => [s.sessionId, s.userId]));
const redis = new Redis(redisUrl);
redis.defineCommand('hb', { numberOfKeys: 9, lua: HEARTBEAT_LUA });
const app = Fastify({ logger: false });
const k = (...p) => [prefix, ...p].join(':');
app.post(
  '/api/play/heartbeat',
  { schema: { body: { type: 'object', required: ['sessionId', 'beats'], properties: { sessionId: { type: 'string' }, beats: { type: 'array', maxItems: 500 } } } } },
  async (req) => {
    const sid = req.body.sessionId;
    const uid = userBySession.get(sid);
    // rate buckets and the revocation mark checked as in the api (limits high enough never to refuse)
    const raw = await redis.hb(k('ps', sid), k('ps', sid, 'r'), k('active', uid), k('uclock', uid), k('ps-dirty'), k('ps', sid, 'j'), k('ps', sid, 't'), k('hbrl', uid), k('revoked', sid),
      Date.now(), uid, sid, JSON.stringify(req.body.beats), 0, 1e6, 1e9 / 60_000, 1e6, 1e9);
    return JSON.parse(raw);
  },
);
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
