import { createHmac, timingSafeEqual } from 'node:crypto';

export type StreamScope = 'play' | 'poster';

export interface StreamClaims {
  assetId: string;
  /** null for a poster link, which is not bound to a viewer */
  userId: string | null;
  exp: number;
  scope: StreamScope;
  /** the play session the link was made for: its segment fetches are recorded (I2 evidence) */
  sessionId?: string | null;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');

/**
 * Signed, expiring media URLs: /api/stream/<token>/<file>. The token binds the asset, the viewer
 * and the expiry; the viewer must also prove who they are (bearer token or the media cookie),
 * so a URL copied to someone else does not play.
 */
export class MediaUrls {
  private readonly key: Buffer;
  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('xueshi-media-url-v1').digest();
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url').slice(0, 32);
  }

  private check(payload: string, sig: string): boolean {
    const want = Buffer.from(this.mac(payload));
    const got = Buffer.from(sig);
    return want.length === got.length && timingSafeEqual(want, got);
  }

  sign(c: StreamClaims): string {
    const payload = b64([c.assetId, c.userId ?? '-', String(c.exp), c.scope, c.sessionId ?? '-'].join('|'));
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claims of a well-signed, unexpired token; null otherwise. */
  verify(token: string, now = Date.now()): StreamClaims | null {
    const [payload, sig, extra] = token.split('.');
    if (!payload || !sig || extra !== undefined || !this.check(payload, sig)) return null;
    const [assetId, user, exp, scope, session] = Buffer.from(payload, 'base64url').toString().split('|');
    if (!assetId || !exp || (scope !== 'play' && scope !== 'poster')) return null;
    if (Number(exp) * 1000 < now) return null;
    return { assetId, userId: user === '-' ? null : user, exp: Number(exp), scope, sessionId: session && session !== '-' ? session : null };
  }

  /** The media cookie: proves the viewer to /api/stream where no Authorization header can be sent (img, iframe). */
  cookieValue(userId: string, exp: number): string {
    const payload = `${userId}.${exp}`;
    return `${payload}.${this.mac(`cookie|${payload}`)}`;
  }

  cookieUser(value: string | undefined, now = Date.now()): string | null {
    if (!value) return null;
    const [userId, exp, sig] = value.split('.');
    if (!userId || !exp || !sig || !this.check(`cookie|${userId}.${exp}`, sig)) return null;
    return Number(exp) * 1000 >= now ? userId : null;
  }
}

export const MEDIA_COOKIE = 'xs_media';

/** The Set-Cookie header of the media cookie, valid until `exp` (seconds), for /api/stream only. */
export function mediaCookieHeader(urls: MediaUrls, userId: string, exp: number, secure: boolean): string {
  const maxAge = Math.max(60, exp - Math.floor(Date.now() / 1000));
  return `${MEDIA_COOKIE}=${urls.cookieValue(userId, exp)}; Path=/api/stream; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
