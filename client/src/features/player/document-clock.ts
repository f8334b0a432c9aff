/**
 * 文档计时: a PDF lesson's reading, told to LearningTracker as if it were a video playing at 1×.
 *
 * The position axis is the server's (shared StartSessionResponse.document): page p (1-based) is
 * [(p − 1)·s, p·s] with s seconds per page. While page p is shown — the page rendered, the tab
 * visible, the window in focus, not paused for an attention check — the position runs from
 * (p − 1)·s + shown(p) up to p·s, then stands still. Turning to a page whose position is not the
 * current one is a seek; reading in order (page p full at p·s, page p + 1 opening at p·s) is not.
 *
 * Time is measured with a monotonic clock between ticks, never by counting ticks, and a single
 * step is capped, so a throttled timer or a machine waking from sleep adds nothing it cannot prove.
 */

/** The members of HTMLMediaElement that LearningTracker uses. */
export interface TrackedMedia extends EventTarget {
  readonly currentTime: number;
  readonly paused: boolean;
  readonly ended: boolean;
  readonly seeking: boolean;
  readonly playbackRate: number;
  play(): Promise<void>;
  pause(): void;
}

export interface DocumentClockOptions {
  pageCount: number;
  secondsPerPage: number;
  /** intervals of the position axis already covered (the server's coverage of earlier sessions) */
  coverage?: [number, number][];
  /** the page to open; by default the first page not yet complete */
  startPage?: number;
  /** milliseconds of a monotonic clock (performance.now) */
  now?: () => number;
  /** the page can be seen: the tab visible and the window in focus */
  inFront?: () => boolean;
  /** tick period in ms; 0 = no timer (tests call update()) */
  tickMs?: number;
}

export interface DocumentClockSnapshot {
  /** 1-based */
  page: number;
  pageCount: number;
  secondsPerPage: number;
  /** seconds shown of each page (index 0 = page 1), at most secondsPerPage */
  shown: readonly number[];
  /** pages complete */
  done: number;
  /** the tab is visible and the window in focus */
  inFront: boolean;
  /** the current page is rendered on screen */
  ready: boolean;
  paused: boolean;
  ended: boolean;
  /** time is being added to the current page right now */
  counting: boolean;
}

/** Longest single step: a tick delayed longer (a blocked main thread, sleep) adds only this. */
const MAX_STEP_MS = 1000;
/** A page covered this close to full by earlier sessions counts as complete. */
const FULL_SLACK = 0.25;

export function defaultInFront(): boolean {
  if (typeof document === 'undefined') return false;
  return document.visibilityState === 'visible' && document.hasFocus();
}

/** Seconds of each page covered by the intervals, on the axis of `s` seconds per page. */
export function shownFromCoverage(coverage: [number, number][], pageCount: number, s: number): number[] {
  const shown = new Array<number>(pageCount).fill(0);
  // merge first, so that overlapping intervals are not counted twice
  const merged: [number, number][] = [];
  for (const [a, b] of [...coverage].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  for (const [a, b] of merged) {
    const first = Math.max(0, Math.floor(a / s));
    const lastPage = Math.min(pageCount - 1, Math.ceil(b / s) - 1);
    for (let i = first; i <= lastPage; i++) {
      const part = Math.min(b, (i + 1) * s) - Math.max(a, i * s);
      if (part > 0) shown[i] += part;
    }
  }
  return shown.map((v) => (v >= s - FULL_SLACK ? s : Math.max(0, Math.min(s, v))));
}

export class DocumentClock extends EventTarget implements TrackedMedia {
  readonly playbackRate = 1;
  readonly pageCount: number;
  readonly secondsPerPage: number;
  private readonly shownSec: number[];
  private pageNo: number;
  private running = false;
  private isReady = false;
  private isSeeking = false;
  private endedFired = false;
  private disposed = false;
  private last: number;
  /** the state at the last update: an interval counts only when it held at both ends */
  private wasCounting = false;
  private front: boolean;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => number;
  private readonly inFrontFn: () => boolean;
  private readonly listeners = new Set<() => void>();
  private snap: DocumentClockSnapshot;
  private readonly unbind: () => void;

  constructor(o: DocumentClockOptions) {
    super();
    if (!(o.pageCount >= 1) || !(o.secondsPerPage > 0)) throw new Error('DocumentClock: a document has pages and seconds per page');
    this.pageCount = Math.floor(o.pageCount);
    this.secondsPerPage = o.secondsPerPage;
    this.now = o.now ?? (() => performance.now());
    this.inFrontFn = o.inFront ?? defaultInFront;
    this.shownSec = shownFromCoverage(o.coverage ?? [], this.pageCount, this.secondsPerPage);
    const firstOpen = this.shownSec.findIndex((v) => v < this.secondsPerPage);
    this.pageNo = o.startPage !== undefined ? this.clampPage(o.startPage) : firstOpen >= 0 ? firstOpen + 1 : 1;
    this.endedFired = firstOpen < 0;
    this.last = this.now();
    this.front = this.inFrontFn();
    this.snap = this.makeSnapshot();

    // Capturing listeners run before the tracker's own (at the target, capture comes first): the
    // time up to a blur is added before the tracker closes its window at the current position.
    // (a capturing listener on window also sees every element's focus and blur: only the window's count)
    const sync = (e: Event) => {
      if (e.type === 'visibilitychange' || e.target === window) this.update(true);
    };
    if (typeof window !== 'undefined' && typeof document !== 'undefined') {
      window.addEventListener('focus', sync, true);
      window.addEventListener('blur', sync, true);
      document.addEventListener('visibilitychange', sync, true);
      this.unbind = () => {
        window.removeEventListener('focus', sync, true);
        window.removeEventListener('blur', sync, true);
        document.removeEventListener('visibilitychange', sync, true);
      };
    } else this.unbind = () => undefined;
    const tickMs = o.tickMs ?? 250;
    if (tickMs > 0) this.timer = setInterval(() => this.update(false), tickMs);
  }

  // ---- the media element's face -----------------------------------------------------------------

  get currentTime(): number {
    return (this.pageNo - 1) * this.secondsPerPage + this.shownSec[this.pageNo - 1];
  }

  get paused(): boolean {
    return !this.running;
  }

  /** every page shown for its full time */
  get ended(): boolean {
    return this.shownSec.every((v) => v >= this.secondsPerPage);
  }

  get seeking(): boolean {
    return this.isSeeking;
  }

  play(): Promise<void> {
    if (this.disposed || this.running) return Promise.resolve();
    this.update(true);
    this.running = true;
    this.refreshCounting();
    this.emit('play');
    this.changed();
    return Promise.resolve();
  }

  pause(): void {
    if (this.disposed || !this.running) return;
    this.update(true);
    this.running = false;
    this.refreshCounting();
    this.emit('pause');
    this.changed();
  }

  // ---- the reader's side ----------------------------------------------------------------------

  get page(): number {
    return this.pageNo;
  }

  /** The page is on screen (rendered), or not (loading, rendering, failed). */
  setReady(ready: boolean, page = this.pageNo): void {
    if (this.disposed || page !== this.pageNo || ready === this.isReady) return;
    this.update(true);
    this.isReady = ready;
    this.refreshCounting();
    this.changed();
  }

  /** Turn to a page (1-based). Not yet rendered: it counts once the reader says it is ready. */
  goTo(page: number): void {
    const to = this.clampPage(page);
    if (this.disposed || to === this.pageNo) return;
    this.update(true);
    // the tracker records the reading up to here before the position moves
    this.emit('timeupdate');
    const from = this.currentTime;
    this.pageNo = to;
    this.isReady = false;
    this.refreshCounting();
    if (Math.abs(this.currentTime - from) < 1e-6) {
      // reading on in order: the new page starts where the last one ended
      this.emit('timeupdate');
    } else {
      this.isSeeking = true;
      this.emit('seeking');
      this.isSeeking = false;
      this.emit('seeked');
    }
    this.changed();
  }

  /**
   * Add the time since the last update to the current page, if it was being shown. `fromEvent`:
   * called on a change (focus, visibility, pause, a page turn) just as it happens, so the state
   * held until now; a timer tick also wants the state to hold now.
   */
  update(fromEvent = false): void {
    if (this.disposed) return;
    const now = this.now();
    const step = Math.min(MAX_STEP_MS, Math.max(0, now - this.last)) / 1000;
    this.last = now;
    const front = this.inFrontFn();
    const frontChanged = front !== this.front;
    this.front = front;
    const countingNow = this.countingState();
    const counted = this.wasCounting && (fromEvent || countingNow);
    this.wasCounting = countingNow;
    let grew = false;
    if (counted && step > 0) {
      const i = this.pageNo - 1;
      const before = this.shownSec[i];
      const after = Math.min(this.secondsPerPage, before + step);
      if (after > before) {
        this.shownSec[i] = after;
        grew = true;
        this.emit('timeupdate');
        if (after >= this.secondsPerPage) this.refreshCounting();
      }
    }
    if (grew || frontChanged) this.changed();
    if (grew && !this.endedFired && this.ended) {
      this.endedFired = true;
      this.emit('ended');
    }
  }

  // ---- React (useSyncExternalStore) -----------------------------------------------------------

  readonly subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };

  readonly getSnapshot = (): DocumentClockSnapshot => this.snap;

  dispose(): void {
    if (this.disposed) return;
    this.update(true);
    this.disposed = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.unbind();
    this.listeners.clear();
  }

  // ---- inside ---------------------------------------------------------------------------------

  private clampPage(p: number): number {
    return Math.min(this.pageCount, Math.max(1, Math.floor(p) || 1));
  }

  private countingState(): boolean {
    return this.running && this.isReady && this.front && this.shownSec[this.pageNo - 1] < this.secondsPerPage;
  }

  /** after a change of state made by a call: the next interval starts with the new state */
  private refreshCounting() {
    this.front = this.inFrontFn();
    this.wasCounting = this.countingState();
  }

  private emit(type: string) {
    this.dispatchEvent(new Event(type));
  }

  private makeSnapshot(): DocumentClockSnapshot {
    const s = this.secondsPerPage;
    return {
      page: this.pageNo,
      pageCount: this.pageCount,
      secondsPerPage: s,
      shown: [...this.shownSec],
      done: this.shownSec.filter((v) => v >= s).length,
      inFront: this.front,
      ready: this.isReady,
      paused: !this.running,
      ended: this.ended,
      counting: this.countingState(),
    };
  }

  private changed() {
    this.snap = this.makeSnapshot();
    for (const fn of this.listeners) fn();
  }
}
