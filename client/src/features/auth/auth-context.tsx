import type { LoginRequest, UserView } from '@xueshi/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import * as authApi from '../../api/auth';
import { onSessionEnded, readTokens, watchOtherTabs } from '../../api/tokens';

type Status = 'loading' | 'signedIn' | 'signedOut';

export interface Auth {
  status: Status;
  user: UserView | null;
  /** why the last session ended, when it ended on its own (shown on the login page) */
  endedReason: 'expired' | null;
  login: (body: LoginRequest) => Promise<UserView>;
  logout: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<UserView>;
  reloadMe: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserView | null>(null);
  const [status, setStatus] = useState<Status>(() => (readTokens() ? 'loading' : 'signedOut'));
  const [endedReason, setEndedReason] = useState<'expired' | null>(null);
  const userRef = useRef<UserView | null>(null);
  userRef.current = user;

  // on boot, a stored session is checked against the server (and refreshed when needed)
  useEffect(() => {
    if (!readTokens()) return;
    let live = true;
    authApi
      .fetchMe()
      .then((me) => {
        if (!live) return;
        setUser(me);
        setStatus('signedIn');
      })
      .catch(() => {
        // a dead session was already cleared by the API layer; offline, the tokens stay for a later visit
        if (!live) return;
        setUser(null);
        setStatus('signedOut');
      });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const off = onSessionEnded(() => {
      if (userRef.current) setEndedReason('expired');
      setUser(null);
      setStatus('signedOut');
    });
    const offTabs = watchOtherTabs();
    return () => {
      off();
      offTabs();
    };
  }, []);

  const login = useCallback(async (body: LoginRequest) => {
    const res = await authApi.login(body);
    setUser(res.user);
    setEndedReason(null);
    setStatus('signedIn');
    return res.user;
  }, []);

  const logout = useCallback(async () => {
    await authApi.logout();
    setUser(null);
    setEndedReason(null);
    setStatus('signedOut');
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    await authApi.changePassword({ currentPassword, newPassword });
    const me = await authApi.fetchMe();
    setUser(me);
    return me;
  }, []);

  const reloadMe = useCallback(async () => {
    setUser(await authApi.fetchMe());
  }, []);

  const value = useMemo<Auth>(
    () => ({ status, user, endedReason, login, logout, changePassword, reloadMe }),
    [status, user, endedReason, login, logout, changePassword, reloadMe],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user, inside pages that are only shown when signed in. */
export function useMe(): UserView {
  const { user } = useAuth();
  if (!user) throw new Error('useMe without a signed-in user');
  return user;
}
