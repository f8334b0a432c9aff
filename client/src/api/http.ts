import {
  routes,
  type BodyOf,
  type ErrorBody,
  type ErrorCode,
  type FieldIssue,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  type RouteDef,
  type TokenPair,
} from '@xueshi/shared';
import { getLang, translate } from '../lib/i18n';
import { endSession, readTokens, saveTokens } from './tokens';

/** An error answered by the API (or `NETWORK` when it could not be reached). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly field?: string,
    readonly issues?: FieldIssue[],
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Opt<K extends string, T> = [T] extends [undefined] ? { [P in K]?: undefined } : { [P in K]: T };
type OptQuery<T> = [T] extends [undefined] ? { query?: undefined } : { query?: T };

/** What a route needs: path params, query and body, each present exactly when the route declares it. */
export type CallArgs<R extends RouteDef> = Opt<'params', ParamsOf<R>> & OptQuery<QueryOf<R>> & Opt<'body', BodyOf<R>> & { signal?: AbortSignal };

type ArgsTuple<R extends RouteDef> = {} extends CallArgs<R> ? [args?: CallArgs<R>] : [args: CallArgs<R>];

export function buildUrl(route: RouteDef, params?: Record<string, unknown>, query?: Record<string, unknown>): string {
  const path = route.path.replace(/:(\w+)/g, (_, k: string) => {
    const v = params?.[k];
    if (v === undefined || v === null) throw new Error(`missing path parameter ${k} for ${route.id}`);
    return encodeURIComponent(String(v));
  });
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: Partial<ErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ErrorBody>;
  } catch {
    body = null;
  }
  if (body && typeof body.code === 'string' && typeof body.message === 'string') {
    return new ApiError(res.status, body.code, body.message, body.field, body.issues, body.details, body.requestId);
  }
  // not the API speaking (a proxy, the dev server): a generic message in the UI language
  const lang = getLang();
  const msg = res.status >= 502 && res.status <= 504 ? translate(lang, 'common.networkError') : translate(lang, 'common.unexpected');
  return new ApiError(res.status, res.status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED', msg);
}

function networkError(e: unknown): ApiError | unknown {
  if (e instanceof DOMException && e.name === 'AbortError') return e;
  return new ApiError(0, 'NETWORK', translate(getLang(), 'common.networkError'));
}

/** The UI language, so the server answers its messages in it. */
function acceptLanguage(): string {
  return getLang() === 'en' ? 'en' : 'zh-CN';
}

// ---- token refresh -------------------------------------------------------------------------

let refreshing: Promise<boolean> | null = null;

async function doRefresh(): Promise<boolean> {
  const before = readTokens();
  if (!before) return false;
  const run = async (): Promise<boolean> => {
    // Another tab may have rotated the pair while we waited for the lock: use theirs.
    const now = readTokens();
    if (!now) return false;
    if (now.refreshToken !== before.refreshToken) return true;
    try {
      const res = await fetch(routes.refresh.path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': acceptLanguage() },
        body: JSON.stringify({ refreshToken: now.refreshToken }),
      });
      // a server fault is not a verdict on the session: keep the tokens and report it
      if (res.status >= 500) throw await toApiError(res);
      if (!res.ok) return false;
      saveTokens((await res.json()) as TokenPair);
      return true;
    } catch (e) {
      if (e instanceof ApiError) throw e;
      // offline: keep the tokens, let the caller report the network error
      throw new ApiError(0, 'NETWORK', translate(getLang(), 'common.networkError'));
    }
  };
  // The old refresh token stops working once used, so tabs must not refresh at the same time.
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return navigator.locks.request('xueshi-token-refresh', run);
  }
  return run();
}

/** One refresh at a time; concurrent callers share its outcome. */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) refreshing = doRefresh().finally(() => (refreshing = null));
  return refreshing;
}

// ---- requests ------------------------------------------------------------------------------

interface SendInit {
  route: RouteDef;
  url: string;
  body?: BodyInit;
  json?: boolean;
  signal?: AbortSignal;
}

/** Send with the access token; on TOKEN_EXPIRED refresh once and retry. */
async function send(init: SendInit): Promise<Response> {
  const authed = init.route.auth !== 'public';
  const attempt = async (): Promise<{ res: Response; token: string | null }> => {
    const headers: Record<string, string> = { 'accept-language': acceptLanguage() };
    if (init.json) headers['content-type'] = 'application/json';
    const token = authed ? (readTokens()?.accessToken ?? null) : null;
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      const res = await fetch(init.url, { method: init.route.method, headers, body: init.body, signal: init.signal });
      return { res, token };
    } catch (e) {
      throw networkError(e);
    }
  };

  const first = await attempt();
  if (!authed || first.res.status !== 401) return first.res;
  const code = (await toApiError(first.res.clone())).code;
  // other 401s (a wrong current password) are answers, not the end of the session
  if (code !== 'TOKEN_EXPIRED' && code !== 'UNAUTHENTICATED') return first.res;
  if (code === 'TOKEN_EXPIRED') {
    // a refresh may have finished while this request was in flight
    const stored = readTokens();
    const fresh = stored && stored.accessToken !== first.token ? true : await refreshSession();
    if (fresh) {
      const second = await attempt();
      if (second.res.status !== 401) return second.res;
      const again = (await toApiError(second.res.clone())).code;
      if (again !== 'TOKEN_EXPIRED' && again !== 'UNAUTHENTICATED') return second.res;
    }
  }
  endSession();
  return first.res;
}

async function sendOrThrow(init: SendInit): Promise<Response> {
  const res = await send(init);
  if (!res.ok) throw await toApiError(res);
  return res;
}

/**
 * Call one route of the shared contract; params, query, body and the result are typed from it.
 * Example: `call(routes.getUser, { params: { id } })`.
 */
export async function call<R extends RouteDef>(route: R, ...[args]: ArgsTuple<R>): Promise<ResponseOf<R>> {
  const a = (args ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; signal?: AbortSignal };
  const hasBody = a.body !== undefined || (route.method !== 'GET' && route.body !== undefined);
  const res = await sendOrThrow({
    route,
    url: buildUrl(route, a.params, a.query),
    body: hasBody ? JSON.stringify(a.body ?? {}) : undefined,
    json: hasBody,
    signal: a.signal,
  });
  if (res.status === 204) return undefined as ResponseOf<R>;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as ResponseOf<R>;
}

/** Upload one file as the multipart `file` part of a route declared with `upload`. */
export async function upload<R extends RouteDef>(
  route: R,
  file: File,
  args: { params?: ParamsOf<R>; query?: QueryOf<R>; signal?: AbortSignal } = {},
): Promise<ResponseOf<R>> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await sendOrThrow({
    route,
    url: buildUrl(route, args.params as Record<string, unknown> | undefined, args.query as Record<string, unknown> | undefined),
    body: form,
    signal: args.signal,
  });
  return (await res.json()) as ResponseOf<R>;
}

/** Fetch a route declared with `download` (with the auth header) as a blob and its file name. */
export async function download(route: RouteDef, args: { params?: Record<string, unknown>; query?: Record<string, unknown> } = {}) {
  const res = await sendOrThrow({ route, url: buildUrl(route, args.params, args.query) });
  const blob = await res.blob();
  return { blob, filename: filenameOf(res.headers.get('content-disposition')) ?? route.download ?? 'download' };
}

function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

// ---- the access token for requests this module does not send (tus, hls.js) ------------------

/** Seconds since the epoch at which a JWT expires, or null when it cannot be read. */
function expiryOf(token: string): number | null {
  try {
    const part = token.split('.')[1];
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

/**
 * The current access token, refreshed first when it expires within `marginSeconds`. For
 * requests sent by libraries (tus uploads, HLS segments): read it for every request, since
 * the pair rotates. Null when signed out or the session cannot be refreshed.
 */
export async function freshAccessToken(marginSeconds = 30): Promise<string | null> {
  const stored = readTokens();
  if (!stored) return null;
  const exp = expiryOf(stored.accessToken);
  if (exp !== null && exp * 1000 - Date.now() < marginSeconds * 1000) {
    try {
      const ok = await refreshSession();
      if (!ok) {
        endSession();
        return null;
      }
    } catch {
      // offline or a server fault: send what we have; the request will tell
      return readTokens()?.accessToken ?? null;
    }
  }
  return readTokens()?.accessToken ?? null;
}

/** The access token when it is still valid for `marginSeconds` more, else null (never refreshes). */
export function validAccessToken(marginSeconds = 5): string | null {
  const token = readTokens()?.accessToken;
  if (!token) return null;
  const exp = expiryOf(token);
  return exp === null || exp * 1000 - Date.now() > marginSeconds * 1000 ? token : null;
}

/** The Accept-Language the API expects for the UI language. */
export function apiLanguage(): string {
  return acceptLanguage();
}
