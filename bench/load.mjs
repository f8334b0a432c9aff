// Load generator for bench/heartbeat.mjs: runs autocannon against one URL with heartbeats spread
// over the prepared sessions, and prints the result as JSON on its last line.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

const [url, sessionsFile, seconds, connections, startSeq] = process.argv.slice(2);
const sessions = JSON.parse(readFileSync(sessionsFile, 'utf8'));
const seq = new Map(sessions.map((s) => [s.sessionId, Number(startSeq)]));
const pos = new Map(sessions.map((s) => [s.sessionId, 0]));
let i = 0;

const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  pipelining: 1,
  requests: [
    {
      method: 'POST',
      path: '/api/play/heartbeat',
      setupRequest(req) {
        const s = sessions[i++ % sessions.length];
        const n = seq.get(s.sessionId) + 1;
        seq.set(s.sessionId, n);
        const p = pos.get(s.sessionId);
        const next = Math.min(p + 0.2, 3600);
        pos.set(s.sessionId, next);
        req.headers = { 'content-type': 'application/json', authorization: `Bearer ${s.token}` };
        req.body = JSON.stringify({
          sessionId: s.sessionId,
          beats: [{ seq: n, clientTime: Date.now(), position: next, rate: 1, paused: false, visible: true, ranges: [[p, next]], seeked: false, ended: false }],
        });
        return req;
      },
    },
  ],
});
console.log(
  JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  }),
);
