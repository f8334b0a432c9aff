import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-fixtures-'));

/** A real H.264/AAC MP4 made with ffmpeg's test sources. */
export function makeVideo(name: string, seconds: number, size = '640x360', audio = true): Buffer {
  const out = path.join(dir, name);
  const args = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-t', String(seconds), '-i', `testsrc2=size=${size}:rate=25`];
  if (audio) args.push('-f', 'lavfi', '-t', String(seconds), '-i', 'sine=frequency=440');
  args.push('-pix_fmt', 'yuv420p', '-profile:v', 'main', '-c:v', 'libx264', '-preset', 'ultrafast');
  if (audio) args.push('-c:a', 'aac');
  execFileSync('ffmpeg', [...args, out]);
  return readFileSync(out);
}

/** A video whose index (moov first) ffprobe reads, but whose frames after the first third are garbage. */
export function makeDamagedVideo(name: string, seconds: number): Buffer {
  const out = path.join(dir, name);
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-t', String(seconds), '-i', 'testsrc2=size=640x360:rate=25',
    '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', '-movflags', '+faststart', out,
  ]);
  const buf = readFileSync(out);
  for (let i = Math.floor(buf.length / 3); i < buf.length - 1000; i++) buf[i] = (i * 7919) % 256;
  return buf;
}

export function makeAudio(name: string, seconds: number): Buffer {
  const out = path.join(dir, name);
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-t', String(seconds), '-i', 'sine=frequency=300', '-c:a', 'aac', out]);
  return readFileSync(out);
}

export function makePng(name: string): Buffer {
  const out = path.join(dir, name);
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240', '-frames:v', '1', out]);
  return readFileSync(out);
}

/** ffprobe over HTTP. Asynchronous: the server it reads from runs in this same process. */
export function ffprobeJson(url: string, headers: Record<string, string> = {}): Promise<any> {
  const h = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return new Promise((resolve, reject) => {
    execFile('ffprobe', ['-v', 'error', ...(h ? ['-headers', h] : []), '-print_format', 'json', '-show_format', '-show_streams', url], (err, out) =>
      err ? reject(err) : resolve(JSON.parse(out)),
    );
  });
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

export interface TusClient {
  create(size: number, meta: Record<string, string>): Promise<{ status: number; location?: string; body: string }>;
  patch(location: string, offset: number, data: Buffer): Promise<{ status: number; offset: number; headers: Headers; body: string }>;
  /** send only part of a chunk, then drop the connection */
  patchAndDrop(location: string, offset: number, data: Buffer, sendBytes: number): Promise<void>;
  head(location: string): Promise<{ status: number; offset: number }>;
}

/** The tus protocol by hand, to show exactly what the server does with it. */
export function tusClient(base: string, token: string, lang = 'zh-CN'): TusClient {
  const common = { 'tus-resumable': '1.0.0', authorization: `Bearer ${token}`, 'accept-language': lang };
  return {
    async create(size, meta) {
      const res = await fetch(`${base}/api/uploads/tus`, {
        method: 'POST',
        headers: { ...common, 'upload-length': String(size), 'upload-metadata': Object.entries(meta).map(([k, v]) => `${k} ${b64(v)}`).join(',') },
      });
      const loc = res.headers.get('location');
      return { status: res.status, location: loc ? new URL(loc, base).toString() : undefined, body: await res.text() };
    },
    async patch(location, offset, data) {
      const res = await fetch(location, {
        method: 'PATCH',
        headers: { ...common, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
        body: new Uint8Array(data),
      });
      return { status: res.status, offset: Number(res.headers.get('upload-offset')), headers: res.headers, body: await res.text() };
    },
    patchAndDrop(location, offset, data, sendBytes) {
      return new Promise((resolve) => {
        const u = new URL(location);
        const req = http.request({
          host: u.hostname, port: u.port, path: u.pathname, method: 'PATCH',
          headers: { ...common, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream', 'content-length': String(data.length) },
        });
        req.on('error', () => resolve());
        req.write(data.subarray(0, sendBytes), () => {
          // give the server a moment to take in what was sent, then cut the line
          setTimeout(() => {
            req.destroy();
            resolve();
          }, 300);
        });
      });
    },
    async head(location) {
      const res = await fetch(location, { method: 'HEAD', headers: common });
      return { status: res.status, offset: Number(res.headers.get('upload-offset')) };
    },
  };
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 120_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
