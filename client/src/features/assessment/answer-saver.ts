import { ApiError } from '../../api/http';

export interface SaverSnapshot {
  /** answers changed here and not yet confirmed by the server (waiting, in flight, or failed) */
  pending: number;
  saving: boolean;
  /** the last save was refused by the network or a server fault: retrying */
  failing: boolean;
  /** server time of the last confirmed save */
  savedAt: string | null;
  /** questions whose answer the server refused (not retried): their message */
  refused: Record<string, string>;
}

type Send = (questionId: string, answer: string[]) => Promise<{ savedAt: string }>;

/** A fault worth retrying: no answer from the server, or a server fault. */
function transient(e: unknown): boolean {
  return !(e instanceof ApiError) || e.code === 'NETWORK' || e.status >= 500 || e.status === 429;
}

/**
 * 自动保存: every answer is saved on its own as soon as it changes (text after a pause), one request
 * per question at a time, the latest value winning. A failed save is retried with a growing delay
 * until it goes through; a 409 (deadline passed, attempt handed in) stops saving and tells the page.
 */
export class AnswerSaver {
  private desired = new Map<string, string[]>();
  private inflight = new Map<string, Promise<void>>();
  private timers = new Map<string, number>();
  private retryTimer: number | null = null;
  private retryDelay = 1000;
  private closed = false;
  private snap: SaverSnapshot = { pending: 0, saving: false, failing: false, savedAt: null, refused: {} };

  constructor(
    private readonly send: Send,
    private readonly onChange: (s: SaverSnapshot) => void,
    private readonly onClosed: (e: ApiError) => void,
  ) {}

  get snapshot(): SaverSnapshot {
    return this.snap;
  }

  private emit(patch: Partial<SaverSnapshot> = {}) {
    this.snap = { ...this.snap, ...patch, pending: this.desired.size, saving: this.inflight.size > 0 };
    this.onChange(this.snap);
  }

  /** A new answer for one question: saved at once, or after `debounceMs` without further change. */
  set(questionId: string, answer: string[], debounceMs = 0) {
    if (this.closed) return;
    this.desired.set(questionId, answer);
    const t = this.timers.get(questionId);
    if (t !== undefined) window.clearTimeout(t);
    this.timers.delete(questionId);
    if (this.snap.refused[questionId]) {
      const refused = { ...this.snap.refused };
      delete refused[questionId];
      this.snap = { ...this.snap, refused };
    }
    if (debounceMs > 0) {
      this.timers.set(
        questionId,
        window.setTimeout(() => {
          this.timers.delete(questionId);
          void this.flushOne(questionId);
        }, debounceMs),
      );
      this.emit();
    } else void this.flushOne(questionId);
  }

  private flushOne(questionId: string): Promise<void> {
    const running = this.inflight.get(questionId);
    if (running) return running;
    const value = this.desired.get(questionId);
    if (!value || this.closed) return Promise.resolve();
    const p = (async () => {
      try {
        const r = await this.send(questionId, value);
        if (this.desired.get(questionId) === value) this.desired.delete(questionId);
        this.retryDelay = 1000;
        this.inflight.delete(questionId);
        this.emit({ savedAt: r.savedAt, failing: false });
        // changed while this one was on its way: send the newer value
        if (this.desired.has(questionId) && !this.timers.has(questionId)) await this.flushOne(questionId);
      } catch (e) {
        this.inflight.delete(questionId);
        if (e instanceof ApiError && e.code === 'CONFLICT') {
          this.close();
          this.emit();
          this.onClosed(e);
        } else if (transient(e)) {
          this.emit({ failing: true });
          this.scheduleRetry();
        } else {
          // refused for this question (not the network): keep it out of the retries, say why
          this.desired.delete(questionId);
          this.emit({ refused: { ...this.snap.refused, [questionId]: e instanceof ApiError ? e.message : String(e) } });
        }
      }
    })();
    this.inflight.set(questionId, p);
    this.emit();
    return p;
  }

  private scheduleRetry() {
    if (this.retryTimer !== null || this.closed) return;
    const delay = this.retryDelay;
    this.retryDelay = Math.min(15_000, this.retryDelay * 2);
    this.retryTimer = window.setTimeout(() => {
      this.retryTimer = null;
      void this.retryNow();
    }, delay);
  }

  /** Send every unsaved answer now (the "retry" button, a reconnect). */
  retryNow(): Promise<void> {
    if (this.retryTimer !== null) window.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    return Promise.all([...this.desired.keys()].filter((q) => !this.timers.has(q)).map((q) => this.flushOne(q))).then(() => undefined);
  }

  /**
   * Send everything now, waiting debounced text too; resolves true when nothing is left unsaved.
   * One pass: a failure is reported (false), not waited out.
   */
  async flushAll(): Promise<boolean> {
    for (const [q, t] of this.timers) {
      window.clearTimeout(t);
      this.timers.delete(q);
    }
    for (let round = 0; round < 3 && this.desired.size > 0 && !this.closed; round++) {
      await Promise.all([...this.desired.keys()].map((q) => this.flushOne(q)));
      if (this.snap.failing) break;
    }
    return this.desired.size === 0;
  }

  close() {
    this.closed = true;
    for (const t of this.timers.values()) window.clearTimeout(t);
    this.timers.clear();
    if (this.retryTimer !== null) window.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
