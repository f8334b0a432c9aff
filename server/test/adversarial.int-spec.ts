import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { publishedCourse, uploadVideo, waitForAsset } from './course-fixtures';
import { officials } from './factories';
import { startTestApp, TestApp } from './harness';
import { makeVideo } from './media-fixtures';
import { settled, sleep, Viewer } from './viewer';

/**
 * Cheating that fails (I1–I6). Every scenario runs at the same time, each as its own official
 * (one active session per official), over the same few seconds of wall-clock time; then each is
 * asserted on what PostgreSQL credited. The honest one, in the same run, earns its full time.
 */
const PERIOD = 4; // seconds of wall-clock time each scenario spends
const BEAT_MS = 1000;
/** the honest bound: one heartbeat interval */
const ONE_BEAT = 1.05;

interface Outcome {
  verified: number;
  covered: number;
  rejected: string[];
  uncounted: Record<string, number>;
  extra?: Record<string, unknown>;
}

describe('I1–I6: cheating earns nothing, honest watching earns its time', () => {
  let t: TestApp;
  let dir: string;
  let lessonId: string;
  const results: Record<string, Outcome> = {};

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-adv-'));
    t = await startTestApp({ worker: true, env: { MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'), HEARTBEAT_FLUSH_MS: '300' } });
    await t.ds.query(`INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1)`, [
      JSON.stringify({ heartbeatIntervalSeconds: 1, attentionMeanMinutes: 0 }),
    ]);
    const teacher = await t.login('teacher');
    const assetId = await uploadVideo(t, teacher, makeVideo('thirty.mp4', 30));
    await waitForAsset(t, assetId, 'ready');
    const course = await publishedCourse(t, assetId, '防作弊测试');
    lessonId = course.lessonId;
    const people = await officials(t, SCENARIOS.length + 2, course.courseId);
    const sessionIds: Record<string, string[]> = {};
    await Promise.all(
      SCENARIOS.map(async ([name, run], i) => {
        const ctx = { t, lessonId, me: people[i], other: people[SCENARIOS.length], sessions: [] as string[], rejected: [] as string[], extra: {} as Record<string, unknown> };
        await run(ctx);
        sessionIds[name] = ctx.sessions;
        results[name] = { verified: 0, covered: 0, rejected: ctx.rejected, uncounted: {}, extra: ctx.extra };
      }),
    );
    await settled(t);
    for (const [name, ids] of Object.entries(sessionIds)) {
      const rows: { verified: number; covered: number; uncounted: Record<string, number> }[] = await t.ds.query(
        `SELECT verified_seconds::float AS verified, (SELECT coalesce(sum(upper(r) - lower(r)), 0)::float FROM unnest(covered) r) AS covered, uncounted
           FROM play_sessions WHERE id = ANY($1)`,
        [ids],
      );
      results[name].verified = rows.reduce((s, r) => s + r.verified, 0);
      results[name].covered = rows.reduce((s, r) => s + r.covered, 0);
      for (const r of rows) for (const [k, v] of Object.entries(r.uncounted)) results[name].uncounted[k] = (results[name].uncounted[k] ?? 0) + Number(v);
    }
  }, 180_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('honest playback at 1× earns its full time', () => {
    expect(results.honest.verified).toBeGreaterThanOrEqual(PERIOD - ONE_BEAT);
    expect(results.honest.verified).toBeLessThanOrEqual(PERIOD + 0.5);
    expect(results.honest.covered).toBeCloseTo(results.honest.verified, 0);
  });

  it.each([['rate2x'], ['rate16x']])('I3: playback at %s earns nothing', (name) => {
    expect(results[name].verified).toBe(0);
    expect(results[name].covered).toBe(0);
    expect(results[name].uncounted.speed).toBeGreaterThanOrEqual(PERIOD - ONE_BEAT);
  });

  it('I2: a position jump to the end without a seek flag gains no content beyond the time that passed', () => {
    expect(results.jump.covered).toBeLessThanOrEqual(PERIOD * 1.05 + 0.25 * 4 + 0.1);
    expect(results.jump.verified).toBeLessThanOrEqual(PERIOD + 0.5);
  });

  it('I2: seeking to the end and sending `ended` covers only what was played', () => {
    expect(results.seekEnd.covered).toBeLessThanOrEqual(1 + ONE_BEAT);
    expect(results.seekEnd.extra!.completed).toBe(false);
  });

  it('I2: forged played ranges beyond the position are cut to the position', () => {
    expect(results.forged.covered).toBeLessThanOrEqual(2.6);
  });

  it('I5: the same beat sent twice, and concurrently, counts once', () => {
    expect(results.duplicate.verified).toBeLessThanOrEqual(results.duplicate.extra!.oneBeat as number + 0.05);
    expect(results.duplicate.verified).toBeGreaterThan(0);
  });

  it('a lower sequence number is refused', () => {
    expect(results.lowerSeq.rejected).toContain('stale_seq');
    expect(results.lowerSeq.verified).toBeLessThanOrEqual(2 + ONE_BEAT);
  });

  it('I1: 100 beats a second for one session earn no more than the wall-clock time', () => {
    expect(results.flood.verified).toBeLessThanOrEqual((results.flood.extra!.wallSeconds as number) + 0.2);
  });

  it.each([['twoTabs'], ['twoDevices']])('I1: %s earn no more than one', (name) => {
    expect(results[name].verified).toBeLessThanOrEqual(PERIOD + 0.5);
    expect(results[name].rejected).toContain('taken_over');
  });

  it('a beat replayed after the session ended is refused', () => {
    expect(results.afterEnd.rejected).toEqual(['session_ended']);
  });

  it('another user\'s session id earns nothing for anyone', () => {
    expect(results.otherUser.rejected).toEqual(['not_owner']);
    expect(results.otherUser.verified).toBeLessThanOrEqual(ONE_BEAT + 0.1);
  });

  it('I4: paused and hidden time earns nothing', () => {
    expect(results.pausedHidden.verified).toBe(0);
    expect(results.pausedHidden.uncounted.paused).toBeGreaterThan(0);
    expect(results.pausedHidden.uncounted.hidden).toBeGreaterThan(0);
  });

  it('I2: heartbeats with no segments fetched earn nothing', () => {
    expect(results.noFetch.verified).toBe(0);
    expect(results.noFetch.covered).toBe(0);
    expect(results.noFetch.uncounted.not_fetched).toBeGreaterThanOrEqual(PERIOD - ONE_BEAT);
  });

  it('I6: a client clock a day off still earns honest time', () => {
    expect(results.clockOff.verified).toBeGreaterThanOrEqual(PERIOD - ONE_BEAT);
    expect(results.clockOff.verified).toBeLessThanOrEqual(PERIOD + 0.5);
  });

  it('I1/I6: offline beats claiming more time than passed on the server are cut to the wall-clock time', () => {
    // never more than the server's clock ran since the session opened; about what passed since the media came
    const wall = results.offline.extra!.wallSeconds as number;
    const sinceFetch = results.offline.extra!.sinceFetch as number;
    expect(results.offline.verified).toBeLessThanOrEqual(wall + 0.1);
    expect(results.offline.verified).toBeGreaterThanOrEqual(sinceFetch - ONE_BEAT);
    expect(results.offline.uncounted.clock).toBeGreaterThan(5);
  });
});

interface Ctx {
  t: TestApp;
  lessonId: string;
  me: { id: string; token: string };
  other: { id: string; token: string };
  sessions: string[];
  rejected: string[];
  extra: Record<string, unknown>;
}

async function open(c: Ctx, token = c.me.token, offset = 0) {
  const v = new Viewer(c.t, token, c.lessonId, offset);
  await v.start();
  c.sessions.push(v.sessionId);
  return v;
}

function note(c: Ctx, r: { body: { rejected?: { reason: string }[] } }) {
  for (const x of r.body.rejected ?? []) c.rejected.push(x.reason);
}

/** beat every second for PERIOD seconds, advancing the position by `step` per second with the given flags */
async function loop(c: Ctx, v: Viewer, step: number, flags: { rate?: number; paused?: boolean; visible?: boolean } = {}, from = 0) {
  let pos = from;
  for (let i = 0; i < PERIOD; i++) {
    await sleep(BEAT_MS);
    const next = Math.min(v.duration, pos + step);
    note(c, await v.beat({ position: next, ranges: step > 0 ? [[pos, next]] : [], ...flags }));
    pos = next;
  }
  return pos;
}

const SCENARIOS: [string, (c: Ctx) => Promise<void>][] = [
  ['honest', async (c) => {
    const v = await open(c);
    await v.fetch();
    await loop(c, v, 1);
  }],
  ['rate2x', async (c) => {
    const v = await open(c);
    await v.fetch();
    await loop(c, v, 2, { rate: 2 });
  }],
  ['rate16x', async (c) => {
    const v = await open(c);
    await v.fetch();
    await loop(c, v, 16, { rate: 16 });
  }],
  ['jump', async (c) => {
    const v = await open(c);
    await v.fetch();
    let pos = 0;
    for (let i = 0; i < PERIOD; i++) {
      await sleep(BEAT_MS);
      note(c, await v.beat({ position: v.duration, ranges: [[pos, v.duration]] }));
      pos = v.duration;
    }
  }],
  ['seekEnd', async (c) => {
    const v = await open(c);
    await v.fetch();
    await sleep(BEAT_MS);
    note(c, await v.beat({ position: 1, ranges: [[0, 1]] }));
    note(c, await v.beat({ position: v.duration, seeked: true }));
    await sleep(BEAT_MS);
    note(c, await v.beat({ position: v.duration, ended: true }));
    await settled(c.t);
    const [p] = await c.t.ds.query('SELECT completed_at FROM lesson_progress WHERE user_id = $1', [c.me.id]);
    c.extra.completed = !!p?.completed_at;
  }],
  ['forged', async (c) => {
    const v = await open(c);
    await v.fetch();
    for (let i = 1; i <= 2; i++) {
      await sleep(BEAT_MS);
      note(c, await v.beat({ position: i, ranges: [[0, v.duration]] }));
    }
  }],
  ['duplicate', async (c) => {
    const v = await open(c);
    await v.fetch();
    await sleep(BEAT_MS);
    const body = v.beatBody({ position: 1, ranges: [[0, 1]] });
    const send = () => c.t.call('POST', '/api/play/heartbeat', { token: c.me.token, body: { sessionId: v.sessionId, beats: [body] } });
    const first = await send();
    c.extra.oneBeat = first.body.sessionVerifiedSeconds;
    await send();
    await Promise.all([send(), send(), send()]);
  }],
  ['lowerSeq', async (c) => {
    const v = await open(c);
    await v.fetch();
    await sleep(BEAT_MS);
    note(c, await v.beat({ position: 1, ranges: [[0, 1]], seq: 5 }));
    await sleep(BEAT_MS);
    note(c, await v.beat({ position: 2, ranges: [[1, 2]], seq: 3 }));
  }],
  ['flood', async (c) => {
    // the wall-clock bound runs from the moment the session opened
    const opened = Date.now();
    const v = await open(c);
    await v.fetch();
    const t0 = Date.now();
    let pos = 0;
    for (let i = 0; i < 100; i++) {
      const next = pos + 0.5;
      note(c, await v.beat({ position: next, ranges: [[pos, next]], clientTime: t0 + i * 500 }));
      pos = next;
    }
    c.extra.wallSeconds = (Date.now() - opened) / 1000;
    c.extra.sinceFetch = (Date.now() - t0) / 1000;
  }],
  ['twoTabs', async (c) => {
    const a = await open(c);
    await a.fetch();
    const b = await open(c);
    await b.fetch();
    await Promise.all([loop(c, a, 1), loop(c, b, 1)]);
  }],
  ['twoDevices', async (c) => {
    const phone = await open(c);
    await phone.fetch();
    const pc = await open(c);
    await pc.fetch();
    await Promise.all([loop(c, phone, 1, {}, 10), loop(c, pc, 1)]);
  }],
  ['afterEnd', async (c) => {
    const v = await open(c);
    await v.fetch();
    await sleep(BEAT_MS);
    const last = v.beatBody({ position: 1, ranges: [[0, 1]], ended: true });
    await c.t.call('POST', '/api/play/heartbeat', { token: c.me.token, body: { sessionId: v.sessionId, beats: [last] } });
    await sleep(BEAT_MS);
    note(c, await v.beat({ position: 2, ranges: [[1, 2]] }));
  }],
  ['otherUser', async (c) => {
    const victim = await open(c, c.other.token);
    c.sessions.pop();
    const mine = await open(c);
    void mine;
    await victim.fetch();
    await sleep(BEAT_MS);
    // my token, the other official's session id
    const r = await c.t.call('POST', '/api/play/heartbeat', {
      token: c.me.token,
      body: { sessionId: victim.sessionId, beats: [victim.beatBody({ position: 1, ranges: [[0, 1]] })] },
    });
    note(c, r);
    c.sessions.push(victim.sessionId);
  }],
  ['pausedHidden', async (c) => {
    const v = await open(c);
    await v.fetch();
    await loop(c, v, 0, { paused: true });
    await loop(c, v, 1, { visible: false });
  }],
  ['noFetch', async (c) => {
    const v = await open(c);
    await loop(c, v, 1);
  }],
  ['clockOff', async (c) => {
    const v = await open(c, c.me.token, -86_400_000);
    await v.fetch();
    await loop(c, v, 1);
  }],
  ['offline', async (c) => {
    // the server's clock for this official starts when the session opens (before the media fetch)
    const opened = Date.now();
    const v = await open(c);
    await v.fetch();
    const t0 = Date.now();
    await sleep(2000);
    // ten beats a second apart each claiming a second, "kept while offline", sent now: 10 s claimed, ~2 s passed
    const beats = Array.from({ length: 10 }, (_, i) => v.beatBody({ position: i + 1, ranges: [[i, i + 1]], clientTime: t0 + (i + 1) * 1000 }));
    note(c, await v.batch(beats));
    c.extra.wallSeconds = (Date.now() - opened) / 1000;
    c.extra.sinceFetch = (Date.now() - t0) / 1000;
  }],
];
