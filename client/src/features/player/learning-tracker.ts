import type { Beat, HeartbeatResponse, StartSessionResponse } from '@xueshi/shared';
import { answerAttention, beaconHeartbeat, endPlaySession, fetchLessonCredit, sendHeartbeat, startSession } from '../../api/credit';
import { ApiError } from '../../api/http';
import { dropBeats, keepBeats } from '../../lib/beat-outbox';
import type { TrackedMedia } from './document-clock';
import { coveredLength } from './intervals';
import { keepable, MAX_BATCH, sendKeptBeats } from './kept-beats';

/**
 * 学时计时: one lesson's play sessions in one page, as the server's heartbeat contract wants them
 * (shared/src/schemas/playback.ts, DESIGN I1–I6). Plain TypeScript so that React re-renders do
 * not touch it; the hook `useLearningSession` owns one per lesson and renders its state.
 *
 * A beat describes the window since the previous beat: the server credits or refuses that whole
 * window by the beat's `paused`, `visible` and `rate`. So every change of those (pause, play,
 * rate, page hidden or shown, a seek) closes the window at once with the state it had, and the
 * next window starts with the new state: a pause never costs the seconds played before it, and
 * 4× never borrows the 1× seconds before the switch.
 */

export type SessionStatus =
  /** flushing kept beats and opening the session */
  | 'starting'
  /** heartbeats running */
  | 'active'
  /** the video played to its end (or the session was closed here): nothing more to send */
  | 'finished'
  /** another tab or device opened a session: this one stopped counting */
  | 'takenOver'
  /** the server ended the session (an attention check not answered in time) */
  | 'stopped'
  /** the session could not be opened */
  | 'error';

export interface LearningState {
  status: SessionStatus;
  /** the open session (while a new one opens, the previous one, so the video keeps its source) */
  session: StartSessionResponse | null;
  /** verified seconds of the lesson before this session */
  baseVerified: number;
  /** verified seconds of this session so far, as the server last said */
  sessionVerified: number;
  /** seconds of this session not counted, by reason, summed over the server's answers */
  uncountedTotal: Record<string, number>;
  /** the reasons of the latest answer that had any */
  uncountedLatest: Record<string, number>;
  /**
   * covered seconds of the lesson: the server's coverage when the session opened, joined with
   * the ranges of answered, countable beats since (an estimate: the worker may still drop what
   * was not fetched); the server's figure again once the session finishes
   */
  coveredSeconds: number;
  completed: boolean;
  attention: { id: string; deadline: string } | null;
  attentionBusy: boolean;
  attentionError: unknown;
  error: unknown;
  /** the video's playback rate now (the warning shows at once, before any answer) */
  rate: number;
  /** the video is playing (not paused) */
  playing: boolean;
  /** the page was hidden (or, where focus is required, the window out of focus) and is back: say that the time away earned nothing */
  hiddenNotice: boolean;
  /** the user skipped ahead past anything played: say that it earns nothing */
  seekNotice: boolean;
  /** beats not yet acknowledged (kept offline when the network failed) */
  unsent: number;
  /** answers received in this session (also lets tests wait for the next answer) */
  acked: number;
}

const INITIAL: LearningState = {
  status: 'starting',
  session: null,
  baseVerified: 0,
  sessionVerified: 0,
  uncountedTotal: {},
  uncountedLatest: {},
  coveredSeconds: 0,
  completed: false,
  attention: null,
  attentionBusy: false,
  attentionError: null,
  error: null,
  rate: 1,
  playing: false,
  hiddenNotice: false,
  seekNotice: false,
  unsent: 0,
  acked: 0,
};

/** A jump of currentTime this big (or backwards) is not playback: it starts a new range. */
const JUMP_SECONDS = 2;
const MAX_RANGES = 50;
const MAX_POSITION = 24 * 3600;

const round = (n: number) => Math.round(n * 1000) / 1000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([p, new Promise<undefined>((r) => window.setTimeout(() => r(undefined), ms))]);
}

// A tracker that is closing (last beat, then end) holds the next one back for a moment: the new
// session would take the old one over and its last beat would be refused.
let closing: Promise<unknown> = Promise.resolve();

interface Outbox {
  sessionId: string;
  beats: Beat[];
  /** some of these beats were written to IndexedDB */
  kept: boolean;
}

export interface LearningTrackerOptions {
  /**
   * A window counts as visible only while the window also has focus (a document: a page shown
   * behind another window is not being read). Focus and blur then close a window like
   * visibilitychange does.
   */
  requireFocus?: boolean;
  /** say that content skipped by seeking earns nothing (a video's scrubber; not a document's page turns) */
  seekNotice?: boolean;
}

export class LearningTracker {
  private state: LearningState = INITIAL;
  private readonly listeners = new Set<() => void>();
  /** the <video>, or a document's reading clock */
  private video: TrackedMedia | null = null;
  private unbindVideo: (() => void) | null = null;
  private readonly requireFocus: boolean;
  private readonly seekNoticeOn: boolean;
  private readonly unbindPage: () => void;
  private out: Outbox | null = null;
  private seq = 0;
  private inflight = 0;
  private failures = 0;
  private timer: number | null = null;
  private disposed = false;
  private restarting = false;
  private endedSent = false;
  private pausedForAttention = false;
  private readonly answered = new Set<string>();
  private noticeTimer: number | null = null;
  // the current window
  private win = { paused: true, visible: true, rate: 1 };
  private ranges: [number, number][] = [];
  private lastTime = 0;
  private seeked = false;
  private seekingNow = false;
  private everPlayed = false;
  /** when the element last loaded a source: its own seek to the carried position is not a skip */
  private sourceAt = 0;
  // coverage: the server's intervals (at the session's start) and the countable ranges answered since
  private serverCoverage: [number, number][] = [];
  private localCoverage: [number, number][] = [];

  constructor(
    private readonly lessonId: string,
    private readonly userId: string,
    options: LearningTrackerOptions = {},
  ) {
    this.requireFocus = !!options.requireFocus;
    this.seekNoticeOn = options.seekNotice ?? true;
    const onVisibility = () => this.onVisibility();
    const onFocus = () => this.onFocusChange();
    const onPageHide = () => this.beat({ beacon: true });
    const onOnline = () => {
      void this.pump();
      void sendKeptBeats(this.userId, this.out?.sessionId);
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('online', onOnline);
    if (this.requireFocus) {
      window.addEventListener('focus', onFocus);
      window.addEventListener('blur', onFocus);
    }
    this.unbindPage = () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('blur', onFocus);
    };
  }

  // ---- state for React (useSyncExternalStore) ------------------------------------------------

  readonly subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };

  readonly getState = () => this.state;

  private set(patch: Partial<LearningState>) {
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  // ---- the session ---------------------------------------------------------------------------

  /** Send what is kept, then open a session (it takes over any other of this official's). */
  async start(): Promise<void> {
    this.stopTimer();
    const prev = this.state;
    // what was shown stays the floor: the previous session may not be flushed into `progress` yet
    const shown = prev.baseVerified + prev.sessionVerified;
    this.set({ ...INITIAL, session: prev.session, baseVerified: shown, coveredSeconds: prev.coveredSeconds, completed: prev.completed, rate: this.video?.playbackRate ?? 1, playing: !!this.video && !this.video.paused });
    await withTimeout(closing, 5000);
    await withTimeout(sendKeptBeats(this.userId), 8000);
    if (this.disposed) return;
    let s: StartSessionResponse;
    try {
      s = await startSession(this.lessonId);
    } catch (e) {
      if (!this.disposed) this.set({ status: 'error', error: e });
      return;
    }
    if (this.disposed) {
      void endPlaySession(s.sessionId).catch(() => undefined);
      return;
    }
    this.out = { sessionId: s.sessionId, beats: [], kept: false };
    this.seq = 0;
    this.failures = 0;
    this.endedSent = false;
    this.answered.clear();
    this.set({
      status: 'active',
      session: s,
      baseVerified: Math.max(s.progress.verifiedSeconds, this.state.baseVerified),
      coveredSeconds: Math.max(s.progress.coveredSeconds, this.state.coveredSeconds),
      completed: s.progress.completed || this.state.completed,
    });
    this.ranges = [];
    this.seeked = false;
    this.openWindow();
    this.schedule();
    // the intervals behind `progress.coveredSeconds`, so that the live figure never counts a part twice
    void fetchLessonCredit(this.lessonId)
      .then((c) => {
        if (this.disposed) return;
        this.serverCoverage = c.coverage;
        this.updateCoverage();
      })
      .catch(() => undefined);
  }

  private updateCoverage() {
    const s = this.state.session;
    if (!s) return;
    const live = coveredLength([...this.serverCoverage, ...this.localCoverage], s.durationSeconds);
    if (live > this.state.coveredSeconds) this.set({ coveredSeconds: live });
  }

  /** Continue here (after a take-over or a stop), or a fresh signed URL: a new session. */
  async restart(): Promise<void> {
    // one at a time (a double click, an expiry during a take-over): a second would open a second session
    if (this.restarting || this.disposed) return;
    this.restarting = true;
    try {
      const s = this.state.session;
      if (s && this.state.status === 'active') {
        this.beat();
        this.stopTimer();
        const sid = s.sessionId;
        await withTimeout(this.drain(), 4000);
        await endPlaySession(sid).catch(() => undefined);
      }
      await this.start();
    } finally {
      this.restarting = false;
    }
  }

  /** Where the video should start: the furthest verified position, unless it is (nearly) the end. */
  resumeAt(): number {
    const s = this.state.session;
    if (!s) return 0;
    return s.resumePosition > 1 && s.resumePosition < s.durationSeconds - 3 ? s.resumePosition : 0;
  }

  dispose(): void {
    if (this.disposed) return;
    const s = this.state.session;
    const active = this.state.status === 'active';
    if (s && active && !this.endedSent) this.beat();
    this.disposed = true;
    this.stopTimer();
    if (this.noticeTimer !== null) window.clearTimeout(this.noticeTimer);
    this.unbindVideo?.();
    this.unbindVideo = null;
    this.unbindPage();
    this.listeners.clear();
    if (s && active) {
      const sid = s.sessionId;
      closing = withTimeout(this.drain(), 4000).then(() => endPlaySession(sid).catch(() => undefined));
    }
  }

  // ---- the video (or a document's clock) -------------------------------------------------------

  setVideo(el: TrackedMedia | null): void {
    if (el === this.video) return;
    this.unbindVideo?.();
    this.unbindVideo = null;
    this.video = el;
    if (!el) return;
    const handlers: [keyof HTMLMediaElementEventMap & string, () => void][] = [
      ['timeupdate', () => this.sample()],
      ['seeking', () => this.onSeeking()],
      ['seeked', () => this.onSeeked()],
      ['pause', () => {
        this.beat();
        this.set({ playing: false });
      }],
      ['play', () => this.onPlay()],
      ['ratechange', () => this.onRate()],
      ['ended', () => this.beat({ ended: true })],
      ['emptied', () => (this.sourceAt = performance.now())],
      ['loadstart', () => (this.sourceAt = performance.now())],
    ];
    for (const [ev, fn] of handlers) el.addEventListener(ev, fn);
    this.unbindVideo = () => {
      for (const [ev, fn] of handlers) el.removeEventListener(ev, fn);
    };
    this.set({ rate: el.playbackRate, playing: !el.paused });
    this.openWindow();
  }

  /** The state a new window starts with. */
  private openWindow() {
    const v = this.video;
    this.win = {
      paused: v ? v.paused || v.ended : true,
      visible: this.pageVisible(),
      rate: v ? v.playbackRate : 1,
    };
    if (v && !this.seekingNow) this.lastTime = v.currentTime;
  }

  /** Extend the played range up to the current position, or start a new one after a jump. */
  private sample() {
    const v = this.video;
    if (!v || this.seekingNow || v.seeking) return;
    const t = v.currentTime;
    const d = t - this.lastTime;
    if (d > 0 && d < JUMP_SECONDS) {
      const last = this.ranges[this.ranges.length - 1];
      if (last && last[1] === this.lastTime) last[1] = t;
      else this.ranges.push([this.lastTime, t]);
    }
    this.lastTime = t;
  }

  private onSeeking() {
    if (!this.seekingNow) {
      // close the window at the position before the jump (the server clips ranges to `position`)
      this.sample();
      this.seekingNow = true;
      this.seeked = true;
      this.beat();
    }
    // the rest of the seek falls in the next window
    this.seeked = true;
  }

  private onSeeked() {
    const v = this.video;
    this.seekingNow = false;
    if (!v) return;
    const skipped = v.currentTime - this.lastTime > JUMP_SECONDS;
    if (skipped && this.seekNoticeOn && this.everPlayed && this.state.status === 'active' && performance.now() - this.sourceAt > 5_000) this.notice('seekNotice');
    this.lastTime = v.currentTime;
  }

  private onPlay() {
    this.everPlayed = true;
    this.set({ playing: true });
    // played again after the end: a new session counts the new watching
    if (this.state.status === 'finished') {
      void this.restart();
      return;
    }
    this.beat();
  }

  private onRate() {
    this.beat();
    this.set({ rate: this.video?.playbackRate ?? 1 });
  }

  /** The page counts as seen: visible, and (where required) the window in focus. */
  private pageVisible(): boolean {
    return document.visibilityState === 'visible' && (!this.requireFocus || document.hasFocus());
  }

  private onVisibility() {
    if (document.visibilityState === 'visible') {
      const wasHidden = !this.win.visible;
      this.beat();
      if (wasHidden && this.win.visible && this.state.status === 'active') this.notice('hiddenNotice');
    } else {
      // the page may never run again: the beat goes out with the page
      this.beat({ beacon: true });
    }
  }

  /** The window gained or lost focus (documents): close the window in the state it had. */
  private onFocusChange() {
    if (document.visibilityState !== 'visible') return;
    const wasHidden = !this.win.visible;
    this.beat();
    if (wasHidden && this.win.visible && this.state.status === 'active') this.notice('hiddenNotice');
  }

  private notice(which: 'hiddenNotice' | 'seekNotice') {
    this.set({ [which]: true });
    if (this.noticeTimer !== null) window.clearTimeout(this.noticeTimer);
    this.noticeTimer = window.setTimeout(() => this.set({ hiddenNotice: false, seekNotice: false }), 20_000);
  }

  dismissNotices(): void {
    this.set({ hiddenNotice: false, seekNotice: false });
  }

  // ---- beats ---------------------------------------------------------------------------------

  private schedule() {
    this.stopTimer();
    const s = this.state.session;
    if (!s || this.disposed || this.state.status !== 'active') return;
    this.timer = window.setTimeout(() => {
      this.timer = null;
      // after the last (ended) beat only the sending goes on, until it is through
      if (this.endedSent) {
        void this.pump();
        this.schedule();
      } else this.beat();
    }, s.heartbeatIntervalSeconds * 1000);
  }

  private stopTimer() {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Close the current window as a beat, queue it and send it (or hand it to sendBeacon). */
  private beat(opts: { ended?: boolean; beacon?: boolean } = {}) {
    const out = this.out;
    if (!out || this.disposed || this.state.status !== 'active' || this.endedSent) return;
    const v = this.video;
    this.sample();
    const position = v ? (this.seekingNow ? this.lastTime : v.currentTime) : this.lastTime;
    let ranges = this.ranges.filter(([a, b]) => b - a > 0.001).map(([a, b]) => [round(a), round(b)] as [number, number]);
    // more pieces than a beat may carry (many small seeks): the latest count, the rest is noise
    if (ranges.length > MAX_RANGES) ranges = ranges.slice(-MAX_RANGES);
    const beat: Beat = {
      seq: ++this.seq,
      clientTime: Date.now(),
      position: Math.min(MAX_POSITION, Math.max(0, round(position))),
      rate: Math.min(16, Math.max(0, this.win.rate)),
      paused: this.win.paused,
      visible: this.win.visible,
      ranges,
      seeked: this.seeked,
      ended: !!opts.ended,
    };
    this.ranges = [];
    this.seeked = false;
    if (opts.ended) this.endedSent = true;
    this.openWindow();
    out.beats.push(beat);
    this.schedule();
    if (opts.beacon) this.beacon(out);
    else void this.pump();
  }

  /** Page hidden or closing: hand the unsent beats to sendBeacon, or keep them for later. */
  private beacon(out: Outbox) {
    const waiting = out.beats.slice(this.inflight);
    if (!waiting.length) return;
    // after a failure the network is likely down: keep them rather than lose them in a beacon
    if (!this.inflight && !this.failures && beaconHeartbeat(out.sessionId, waiting)) {
      out.beats.splice(0, waiting.length);
      this.set({ unsent: out.beats.length });
      return;
    }
    out.kept = true;
    void keepBeats(this.userId, out.sessionId, waiting).catch(() => undefined);
  }

  /** Send the queued beats of the current session, in order, as one batch; one request at a time. */
  private async pump(): Promise<void> {
    const out = this.out;
    if (!out || this.inflight || !out.beats.length) return;
    const batch = out.beats.slice(0, MAX_BATCH);
    this.inflight = batch.length;
    let res: HeartbeatResponse | null = null;
    let failed = false;
    try {
      res = await sendHeartbeat(out.sessionId, batch);
      out.beats.splice(0, batch.length);
      this.failures = 0;
      if (out.kept) void dropBeats(out.sessionId, batch.map((b) => b.seq)).catch(() => undefined);
    } catch (e) {
      if (keepable(e)) {
        // never renumbered: the same seqs go again, later (next beat), in order
        failed = true;
        this.failures++;
        out.kept = true;
        await keepBeats(this.userId, out.sessionId, batch).catch(() => undefined);
      } else {
        // the server judged them (4xx): drop them
        out.beats.splice(0, batch.length);
        if (out.kept) void dropBeats(out.sessionId, batch.map((b) => b.seq)).catch(() => undefined);
        if (out === this.out && !this.disposed) this.set({ error: e });
      }
    } finally {
      this.inflight = 0;
    }
    if (res) this.onAnswer(out, res, batch);
    if (out === this.out && !this.disposed) this.set({ unsent: out.beats.length });
    // beats queued meanwhile (a pause for an attention check, say) go now
    if (!failed && out.beats.length) void this.pump();
  }

  /** Until the queue is empty or a send fails. */
  private async drain(): Promise<void> {
    const out = this.out;
    if (!out) return;
    for (let i = 0; i < 50 && out.beats.length; i++) {
      const before = this.failures;
      if (this.inflight) await new Promise((r) => window.setTimeout(r, 50));
      else await this.pump();
      if (this.failures > before) return;
    }
  }

  private onAnswer(out: Outbox, res: HeartbeatResponse, batch: Beat[]) {
    if (out !== this.out || this.disposed) return;
    const max = (this.state.session?.maxCreditedRate ?? 1) + 0.001;
    const refused = new Set(res.rejected.map((r) => r.seq));
    for (const b of batch) {
      if (!refused.has(b.seq) && !b.paused && b.visible && b.rate > 0 && b.rate <= max) this.localCoverage.push(...b.ranges);
    }
    const total = { ...this.state.uncountedTotal };
    for (const [k, v] of Object.entries(res.uncounted)) total[k] = Math.round(((total[k] ?? 0) + v) * 10) / 10;
    const some = Object.values(res.uncounted).some((v) => v > 0);
    this.set({
      // answers to an ended or taken-over session carry 0: the count never goes back
      sessionVerified: Math.max(this.state.sessionVerified, res.sessionVerifiedSeconds),
      uncountedTotal: total,
      ...(some ? { uncountedLatest: res.uncounted } : {}),
      acked: this.state.acked + 1,
      error: null,
    });
    this.updateCoverage();
    if (this.state.status !== 'active') return;
    if (res.takenOver) {
      this.halt('takenOver');
      return;
    }
    if (res.ended) {
      if (this.endedSent && !res.rejected.some((r) => r.reason === 'attention')) {
        this.halt('finished');
        const sid = out.sessionId;
        void endPlaySession(sid).catch(() => undefined);
        void this.refreshProgress();
      } else this.halt('stopped');
      return;
    }
    const a = res.attention;
    if (a && !this.answered.has(a.id) && this.state.attention?.id !== a.id) {
      const v = this.video;
      this.pausedForAttention = !!v && !v.paused;
      v?.pause();
      this.set({ attention: a, attentionError: null });
    }
  }

  private halt(status: 'finished' | 'takenOver' | 'stopped') {
    this.stopTimer();
    this.set({ status, attention: null, attentionBusy: false });
    if (status !== 'finished') this.video?.pause();
  }

  /** Coverage and completion after the session: the worker credits within seconds. */
  private async refreshProgress() {
    for (const wait of [1500, 3000, 6000]) {
      await new Promise((r) => window.setTimeout(r, wait));
      if (this.disposed) return;
      try {
        const c = await fetchLessonCredit(this.lessonId);
        if (this.disposed) return;
        this.set({ coveredSeconds: c.coveredSeconds, completed: c.completed });
        if (c.completed) return;
      } catch {
        return;
      }
    }
  }

  // ---- attention checks (防挂机) -------------------------------------------------------------

  async confirmAttention(): Promise<void> {
    const s = this.state.session;
    const a = this.state.attention;
    if (!s || !a) return;
    this.set({ attentionBusy: true, attentionError: null });
    try {
      await answerAttention(s.sessionId, a.id);
      this.answered.add(a.id);
      this.set({ attention: null, attentionBusy: false });
      this.resumeAfterAttention();
    } catch (e) {
      if (this.disposed) return;
      if (e instanceof ApiError && e.status === 409) {
        // too late: the server stopped the session
        this.answered.add(a.id);
        this.set({ attentionError: e });
        this.halt('stopped');
      } else if (e instanceof ApiError && e.status === 404) {
        // nothing waits any more (answered in time from another page): go on
        this.answered.add(a.id);
        this.set({ attention: null, attentionBusy: false });
        this.resumeAfterAttention();
      } else this.set({ attentionBusy: false, attentionError: e });
    }
  }

  private resumeAfterAttention() {
    const v = this.video;
    if (v && this.pausedForAttention) void v.play().catch(() => undefined);
    this.pausedForAttention = false;
  }
}
