import type { TestApp } from './harness';

export interface BeatInput {
  position: number;
  rate?: number;
  paused?: boolean;
  visible?: boolean;
  ranges?: [number, number][];
  seeked?: boolean;
  ended?: boolean;
  /** client clock; defaults to now plus the viewer's clock offset */
  clientTime?: number;
  seq?: number;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A player as the server sees it: opens a play session, downloads HLS segments through the
 * signed URL, and posts heartbeats. Tests drive it honestly or as a cheat would.
 */
export class Viewer {
  sessionId = '';
  url = '';
  seq = 0;
  duration = 0;
  constructor(
    readonly t: TestApp,
    readonly token: string,
    readonly lessonId: string,
    readonly clockOffsetMs = 0,
  ) {}

  async start() {
    const r = await this.t.call('POST', `/api/lessons/${this.lessonId}/sessions`, { token: this.token });
    if (r.status !== 201) throw new Error(`start: ${r.status} ${JSON.stringify(r.body)}`);
    this.sessionId = r.body.sessionId;
    this.url = r.body.url;
    this.duration = r.body.durationSeconds;
    return r.body;
  }

  /** download the 360p segments that cover [from, to) seconds, as hls.js would */
  async fetch(from = 0, to = this.duration) {
    for (let i = Math.floor(from / 6); i * 6 < to; i++) {
      const res = await fetch(this.t.url + this.url.replace('master.m3u8', `360p/seg_${String(i).padStart(3, '0')}.ts`), {
        headers: { authorization: `Bearer ${this.token}` },
      });
      if (res.status !== 200 && res.status !== 404) throw new Error(`segment ${i}: ${res.status}`);
      await res.arrayBuffer();
    }
  }

  /** download a document lesson's PDF, as pdf.js would (all of it, or one byte range) */
  async fetchDocument(range?: string) {
    const res = await fetch(this.t.url + this.url, { headers: { authorization: `Bearer ${this.token}`, ...(range ? { range } : {}) } });
    if (res.status !== 200 && res.status !== 206) throw new Error(`document: ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  beatBody(b: BeatInput) {
    const seq = b.seq ?? ++this.seq;
    if (b.seq && b.seq > this.seq) this.seq = b.seq;
    return {
      seq,
      clientTime: b.clientTime ?? Date.now() + this.clockOffsetMs,
      position: b.position,
      rate: b.rate ?? 1,
      paused: b.paused ?? false,
      visible: b.visible ?? true,
      ranges: b.ranges ?? [],
      seeked: b.seeked ?? false,
      ended: b.ended ?? false,
    };
  }

  async beat(b: BeatInput, sessionId = this.sessionId) {
    return this.t.call('POST', '/api/play/heartbeat', { token: this.token, body: { sessionId, beats: [this.beatBody(b)] } });
  }

  async batch(beats: ReturnType<Viewer['beatBody']>[]) {
    return this.t.call('POST', '/api/play/heartbeat', { token: this.token, body: { sessionId: this.sessionId, beats } });
  }

  /** play honestly at 1× for `seconds`, one beat per `everyMs`, from `from` */
  async play(from: number, seconds: number, everyMs = 1000, opts: Omit<BeatInput, 'position' | 'ranges'> = {}) {
    let pos = from;
    const end = Math.min(from + seconds, this.duration);
    let last = Date.now();
    while (pos < end - 0.01) {
      await sleep(everyMs);
      const now = Date.now();
      const rate = opts.rate ?? 1;
      const next = Math.min(end, pos + ((now - last) / 1000) * rate);
      const r = await this.beat({ ...opts, position: next, ranges: [[pos, next]] });
      if (r.status !== 200) throw new Error(`beat: ${r.status} ${JSON.stringify(r.body)}`);
      pos = next;
      last = now;
    }
    return pos;
  }
}

/** Wait until the worker has flushed every accepted beat to PostgreSQL. */
export async function settled(t: TestApp) {
  const dirty = `${t.redisPrefix}:ps-dirty`;
  const { default: Redis } = await import('ioredis');
  const r = new Redis(process.env.TEST_REDIS_URL!);
  try {
    for (let i = 0; i < 600; i++) {
      if ((await r.zcard(dirty)) === 0) return;
      await sleep(100);
    }
    throw new Error('the worker did not flush');
  } finally {
    r.disconnect();
  }
}

export async function lessonProgress(t: TestApp, userId: string, lessonId: string) {
  const [r] = await t.ds.query(
    'SELECT covered_seconds::float AS covered, verified_seconds::float AS verified, completed_at FROM lesson_progress WHERE user_id = $1 AND lesson_id = $2',
    [userId, lessonId],
  );
  return r ?? { covered: 0, verified: 0, completed_at: null };
}
