import { useEffect, useState } from 'react';

/**
 * Seconds left until `deadline` on the server's clock: `offsetMs` is the server's time minus this
 * machine's, measured when the attempt was read, so a wrong local clock does not move the end.
 */
export function useCountdown(deadline: string | null, offsetMs: number): number | null {
  const left = () => (deadline ? Math.max(0, (Date.parse(deadline) - (Date.now() + offsetMs)) / 1000) : null);
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (!deadline) return;
    const timer = window.setInterval(() => setSeconds(left()), 250);
    return () => window.clearInterval(timer);
  }, [deadline, offsetMs]);
  return seconds;
}

/** h:mm:ss or mm:ss, rounded up: the clock shows 00:00 only when time is up. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}

/** The offset of the server's clock from this one, from a reply's `serverNow` and the request's round trip. */
export function clockOffset(serverNow: string, sentAt: number, receivedAt: number): number {
  return Date.parse(serverNow) - (sentAt + receivedAt) / 2;
}
