import type { Beat } from '@xueshi/shared';

/**
 * 离线心跳: heartbeats the API did not take (network down, 5xx), kept in IndexedDB with their
 * sequence numbers until they can be sent, in order, as one batch (I6). Keyed by session and
 * seq, so storing a beat twice keeps one copy. Without IndexedDB (some private modes) every
 * call is a no-op and beats live only as long as the page.
 */

const DB_NAME = 'xueshi-outbox';
const STORE = 'beats';
const VERSION = 1;

export interface StoredBeat {
  sessionId: string;
  seq: number;
  /** beats are sent only with their owner's token: another user's stay until they sign in */
  userId: string;
  beat: Beat;
  storedAt: number;
}

let opening: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase | null>((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME, VERSION);
    } catch {
      return resolve(null);
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) {
        const s = db.createObjectStore(STORE, { keyPath: ['sessionId', 'seq'] });
        s.createIndex('userId', 'userId');
      }
    };
    req.onsuccess = () => {
      const db = req.result;
      // another tab upgrading the schema: let it, and reopen next time
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
  return opening;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Keep beats of one session (again: the same seq overwrites itself). */
export async function keepBeats(userId: string, sessionId: string, beats: Beat[]): Promise<void> {
  const db = await open();
  if (!db || !beats.length) return;
  const tx = db.transaction(STORE, 'readwrite');
  const s = tx.objectStore(STORE);
  const now = Date.now();
  for (const beat of beats) s.put({ sessionId, seq: beat.seq, userId, beat, storedAt: now } satisfies StoredBeat);
  await done(tx);
}

/** Forget beats the server has judged (accepted or refused). */
export async function dropBeats(sessionId: string, seqs: number[]): Promise<void> {
  const db = await open();
  if (!db || !seqs.length) return;
  const tx = db.transaction(STORE, 'readwrite');
  const s = tx.objectStore(STORE);
  for (const seq of seqs) s.delete([sessionId, seq]);
  await done(tx);
}

/** The user's kept beats, per session, each session's in seq order (the key order). */
export async function keptBeats(userId: string): Promise<Map<string, Beat[]>> {
  const out = new Map<string, Beat[]>();
  const db = await open();
  if (!db) return out;
  const tx = db.transaction(STORE, 'readonly');
  const req = tx.objectStore(STORE).index('userId').getAll(IDBKeyRange.only(userId));
  const rows = await new Promise<StoredBeat[]>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as StoredBeat[]);
    req.onerror = () => reject(req.error);
  });
  // older sessions first; within a session, by seq
  const first = new Map<string, number>();
  for (const r of rows) first.set(r.sessionId, Math.min(first.get(r.sessionId) ?? Infinity, r.storedAt));
  rows.sort((a, b) => (a.sessionId === b.sessionId ? a.seq - b.seq : first.get(a.sessionId)! - first.get(b.sessionId)! || (a.sessionId < b.sessionId ? -1 : 1)));
  for (const r of rows) {
    const list = out.get(r.sessionId) ?? [];
    list.push(r.beat);
    out.set(r.sessionId, list);
  }
  return out;
}
