import { ReadOutlined } from '@ant-design/icons';
import { useState } from 'react';

// sober tones of the brand, picked by category so a category keeps its colour
const TONES = [
  ['#1d4f91', '#3a6fb5'],
  ['#0f5e63', '#2a8a83'],
  ['#5b3a8a', '#7d5bb0'],
  ['#8a4b12', '#b8742f'],
  ['#29465b', '#4f7390'],
  ['#7a2e2e', '#a84d4d'],
] as const;

function tone(seed: string) {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) >>> 0;
  return TONES[h % TONES.length];
}

/** The course cover (the first video's poster), or a quiet placeholder with the category. */
export function CourseCover({ url, seed, caption, height }: { url: string | null; seed: string; caption: string; height?: number }) {
  const [broken, setBroken] = useState(false);
  const [a, b] = tone(seed);
  const box = { position: 'relative' as const, width: '100%', aspectRatio: height ? undefined : '16 / 9', height, overflow: 'hidden', background: '#e8edf3' };
  if (url && !broken) {
    return (
      <div style={box}>
        <img src={url} alt="" loading="lazy" onError={() => setBroken(true)} style={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} data-testid="course-cover" />
      </div>
    );
  }
  return (
    <div style={{ ...box, background: `linear-gradient(135deg, ${a} 0%, ${b} 100%)` }} data-testid="course-cover-placeholder">
      <svg viewBox="0 0 160 90" preserveAspectRatio="none" style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', opacity: 0.12 }} aria-hidden>
        <path d="M0 70 Q40 50 80 66 T160 58 V90 H0Z" fill="#fff" />
        <path d="M0 80 Q50 64 100 78 T160 72 V90 H0Z" fill="#fff" />
      </svg>
      <div style={{ position: 'absolute', inset: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', color: 'rgba(255,255,255,0.92)', gap: 6 }}>
        <ReadOutlined style={{ fontSize: 30 }} />
        <span style={{ fontSize: 13, letterSpacing: 1 }}>{caption}</span>
      </div>
    </div>
  );
}
