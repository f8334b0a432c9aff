import type { Beat } from '@xueshi/shared';
import { sendHeartbeat } from '../../api/credit';
import { ApiError } from '../../api/http';
import { dropBeats, keptBeats } from '../../lib/beat-outbox';

/** The most beats one heartbeat request may carry (the contract's limit). */
export const MAX_BATCH = 500;

/** Worth keeping and sending again: the server did not judge them (offline, 5xx, signed out). */
export function keepable(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true;
  return e.status === 0 || e.status >= 500 || e.status === 401 || e.status === 408 || e.status === 429;
}

let chain: Promise<void> = Promise.resolve();

/**
 * Send the beats kept from earlier pages (or sessions), oldest session first, each in seq order,
 * in batches of up to 500. Before a new session opens: it takes over the old ones, and their
 * beats would then be refused. Stops at the first failure that leaves them unjudged.
 *
 * One run at a time: a page opening a session and the browser's `online` event can both ask at
 * once, and two runs reading the store before either dropped what it sent would send every kept
 * beat twice (the second copy refused as stale). A later call waits for the earlier and reads
 * the store afresh.
 */
export function sendKeptBeats(userId: string, skipSessionId?: string): Promise<void> {
  const run = chain.then(() => sendKeptOnce(userId, skipSessionId));
  chain = run.catch(() => undefined);
  return run;
}

async function sendKeptOnce(userId: string, skipSessionId?: string): Promise<void> {
  const kept = await keptBeats(userId).catch(() => new Map<string, Beat[]>());
  for (const [sid, beats] of kept) {
    if (sid === skipSessionId) continue;
    for (let i = 0; i < beats.length; i += MAX_BATCH) {
      const batch = beats.slice(i, i + MAX_BATCH);
      try {
        await sendHeartbeat(sid, batch);
      } catch (e) {
        if (keepable(e)) return;
      }
      // answered (accepted or refused): judged either way
      await dropBeats(sid, batch.map((b) => b.seq)).catch(() => undefined);
    }
  }
}
