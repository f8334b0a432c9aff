/** The product mark: an open book under a seal-red square, drawn so it needs no image file. */
export function BrandMark({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="38" height="38" rx="8" fill="#b3261e" />
      <path d="M8 13.5c4-1.6 8-1.2 12 1.2v15c-4-2.3-8-2.7-12-1.2z" fill="#fff" />
      <path d="M32 13.5c-4-1.6-8-1.2-12 1.2v15c4-2.3 8-2.7 12-1.2z" fill="#f6e7c8" />
      <path d="M20 8.5l1.4 2.9 3.1.4-2.3 2.1.6 3.1L20 15.5l-2.8 1.5.6-3.1-2.3-2.1 3.1-.4z" fill="#f6d36b" />
    </svg>
  );
}
