import type { Readable } from 'node:stream';

export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  stream: Readable;
  size: number;
  /** the bytes served when a range was asked for */
  range?: ByteRange;
}

/**
 * Where media live: the originals, the HLS output, posters and documents. A local folder by
 * default, S3-compatible object storage by configuration; nothing else touches files.
 */
export abstract class MediaStorage {
  abstract putFile(key: string, localPath: string, contentType?: string): Promise<void>;
  abstract putBuffer(key: string, data: Buffer, contentType?: string): Promise<void>;
  /** null when there is no such object */
  abstract read(key: string, range?: { start: number; end?: number }): Promise<StoredObject | null>;
  abstract size(key: string): Promise<number | null>;
  /** copy an object to a local file (ffmpeg reads local files) */
  abstract download(key: string, toPath: string): Promise<void>;
  abstract list(prefix: string): Promise<string[]>;
  abstract deletePrefix(prefix: string): Promise<void>;
}

/** Keys are relative, slash-separated, and never climb out of their root. */
export function checkKey(key: string): string {
  if (!key || key.startsWith('/') || key.split('/').some((p) => p === '..' || p === '.' || p === '') || /[\\\0]/.test(key)) {
    throw new Error(`invalid storage key: ${key}`);
  }
  return key;
}

export const CONTENT_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  jpg: 'image/jpeg',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
};

export function contentTypeOf(key: string): string {
  return CONTENT_TYPES[key.split('.').pop() ?? ''] ?? 'application/octet-stream';
}
