import { spawn } from 'node:child_process';

export interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  disposition?: { attached_pic?: number };
}

export interface Probe {
  format?: { format_name?: string; duration?: string };
  streams?: ProbeStream[];
}

/** ffprobe a file; null when ffprobe cannot read it as media at all. */
export function probe(ffprobe: string, file: string): Promise<Probe | null> {
  return new Promise((resolve, reject) => {
    const p = spawn(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.resume();
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return resolve(null);
      try {
        resolve(JSON.parse(out) as Probe);
      } catch {
        resolve(null);
      }
    });
  });
}

const IMAGE_CODECS = new Set(['png', 'mjpeg', 'gif', 'bmp', 'webp', 'tiff', 'jpeg2000', 'jpegls']);

export type VideoVerdict =
  | { ok: true; durationSeconds: number; width: number; height: number; hasAudio: boolean }
  | { ok: false; reason: 'not_media' | 'image' | 'no_video' | 'no_duration' | 'too_long'; zh: string; en: string };

/** Judge an upload by its content: is it a video we can teach with? */
export function judgeVideo(p: Probe | null, maxSeconds: number): VideoVerdict {
  if (!p || !p.streams?.length) {
    return { ok: false, reason: 'not_media', zh: '无法识别为视频文件，请上传 MP4、MOV 等常见格式的视频', en: 'This is not a video file we can read; upload an MP4, MOV or similar' };
  }
  const format = p.format?.format_name ?? '';
  const video = p.streams.filter((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (/(^|,)(image2|png_pipe|jpeg_pipe|gif|webp_pipe|bmp_pipe)(,|$)/.test(format) || (video.length && video.every((s) => IMAGE_CODECS.has(s.codec_name ?? '')))) {
    return { ok: false, reason: 'image', zh: '这是一张图片，不是视频', en: 'This is an image, not a video' };
  }
  if (!video.length) {
    return { ok: false, reason: 'no_video', zh: '该文件没有视频画面（仅有音频或无画面），请上传视频文件', en: 'The file has no video picture (audio only); upload a video' };
  }
  const duration = Number(p.format?.duration);
  if (!Number.isFinite(duration) || duration <= 0) {
    return { ok: false, reason: 'no_duration', zh: '无法读取视频时长，文件可能已损坏', en: 'Cannot read the video\'s duration; the file may be damaged' };
  }
  if (duration > maxSeconds) {
    const h = (maxSeconds / 3600).toFixed(1).replace(/\.0$/, '');
    return { ok: false, reason: 'too_long', zh: `视频时长超过 ${h} 小时上限`, en: `The video is longer than the ${h} h limit` };
  }
  const v = video[0];
  return { ok: true, durationSeconds: duration, width: v.width ?? 0, height: v.height ?? 0, hasAudio: p.streams.some((s) => s.codec_type === 'audio') };
}

export interface Rendition {
  name: string;
  height: number;
  videoKbps: number;
  audioKbps: number;
}

const LADDER: Rendition[] = [
  { name: '360p', height: 360, videoKbps: 800, audioKbps: 96 },
  { name: '720p', height: 720, videoKbps: 2500, audioKbps: 128 },
];

/** 360p always; 720p when the source is at least that tall. */
export function ladderFor(sourceHeight: number): Rendition[] {
  return LADDER.filter((r) => r.height === 360 || sourceHeight >= r.height);
}

export const SEGMENT_SECONDS = 6;

/** ffmpeg arguments for the whole HLS ladder in one pass, with a master playlist and progress on stdout. */
export function hlsArgs(input: string, outDir: string, ladder: Rendition[], hasAudio: boolean): string[] {
  const n = ladder.length;
  const split = `[0:v]split=${n}${ladder.map((_, i) => `[s${i}]`).join('')};` + ladder.map((r, i) => `[s${i}]scale=-2:${r.height}[v${i}]`).join(';');
  // -xerror: a damaged source fails the job with ffmpeg's reason instead of becoming a broken lesson
  const args = ['-hide_banner', '-nostdin', '-xerror', '-y', '-i', input, '-filter_complex', split];
  ladder.forEach((r, i) => {
    args.push('-map', `[v${i}]`);
    if (hasAudio) args.push('-map', '0:a:0');
    args.push(`-b:v:${i}`, `${r.videoKbps}k`, `-maxrate:v:${i}`, `${Math.round(r.videoKbps * 1.07)}k`, `-bufsize:v:${i}`, `${r.videoKbps * 1.5}k`);
    if (hasAudio) args.push(`-b:a:${i}`, `${r.audioKbps}k`);
  });
  args.push(
    '-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'main', '-pix_fmt', 'yuv420p',
    '-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`, '-sc_threshold', '0',
  );
  if (hasAudio) args.push('-c:a', 'aac', '-ac', '2');
  args.push(
    '-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments',
    '-hls_segment_filename', `${outDir}/%v/seg_%03d.ts`, '-master_pl_name', 'master.m3u8',
    '-var_stream_map', ladder.map((r, i) => (hasAudio ? `v:${i},a:${i},name:${r.name}` : `v:${i},name:${r.name}`)).join(' '),
    '-progress', 'pipe:1', '-nostats',
    `${outDir}/%v/index.m3u8`,
  );
  return args;
}

export function posterArgs(input: string, output: string, durationSeconds: number): string[] {
  const at = Math.min(2, durationSeconds / 3).toFixed(2);
  return ['-hide_banner', '-nostdin', '-y', '-ss', at, '-i', input, '-frames:v', '1', '-vf', 'scale=-2:360', '-q:v', '4', output];
}

export class FfmpegError extends Error {
  constructor(
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(`ffmpeg exited with ${exitCode}: ${stderrTail}`);
  }
}

/** Run ffmpeg; report progress in seconds of output written; reject with the end of stderr. */
export function runFfmpeg(ffmpeg: string, args: string[], onProgress?: (seconds: number) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    let err = '';
    let buf = '';
    p.stdout.on('data', (d) => {
      buf += d;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const m = /^out_time_(?:us|ms)=(\d+)/.exec(line);
        if (m && onProgress) onProgress(Number(m[1]) / 1e6);
      }
    });
    p.stderr.on('data', (d) => {
      err = (err + d).slice(-4000);
    });
    p.on('error', reject);
    p.on('close', (code) => {
      if (code === 0) return resolve();
      const tail = err.trim().split('\n').slice(-6).join('\n');
      reject(new FfmpegError(code, tail));
    });
  });
}
