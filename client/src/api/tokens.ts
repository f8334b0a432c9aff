import type { TokenPair } from '@xueshi/shared';

const ACCESS = 'xueshi.accessToken';
const REFRESH = 'xueshi.refreshToken';

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
}

export function readTokens(): StoredTokens | null {
  const accessToken = localStorage.getItem(ACCESS);
  const refreshToken = localStorage.getItem(REFRESH);
  return accessToken && refreshToken ? { accessToken, refreshToken } : null;
}

export function saveTokens(pair: TokenPair): void {
  localStorage.setItem(ACCESS, pair.accessToken);
  localStorage.setItem(REFRESH, pair.refreshToken);
}

export function clearTokens(): void {
  localStorage.removeItem(ACCESS);
  localStorage.removeItem(REFRESH);
}

type Listener = () => void;
const sessionEndedListeners = new Set<Listener>();

/** Called when the session cannot be kept (refresh failed, tokens gone): the app goes to the login page. */
export function onSessionEnded(fn: Listener): () => void {
  sessionEndedListeners.add(fn);
  return () => sessionEndedListeners.delete(fn);
}

export function endSession(): void {
  clearTokens();
  for (const fn of sessionEndedListeners) fn();
}

/** Another tab signed out (its tokens vanished from localStorage): follow it. */
export function watchOtherTabs(): () => void {
  const handler = (e: StorageEvent) => {
    if ((e.key === REFRESH || e.key === null) && !localStorage.getItem(REFRESH)) {
      for (const fn of sessionEndedListeners) fn();
    }
  };
  window.addEventListener('storage', handler);
  return () => window.removeEventListener('storage', handler);
}
