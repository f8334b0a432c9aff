import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TokenService } from '../../common/auth/token.service';
import { langOf } from '../../common/errors';
import { RedisService } from '../../queue/redis.service';
import { sessionKeys, shardOf } from '../playback/keys';
import { MEDIA_COOKIE, MediaUrls } from './media-url';
import { contentTypeOf, MediaStorage } from './storage/media-storage';

const FILE = /^(master\.m3u8|poster\.jpg|document\.pdf|\d{3,4}p\/(index\.m3u8|seg_\d{3,5}\.ts))$/;

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function parseRange(h: string | undefined): { start: number; end?: number } | undefined | 'bad' {
  if (!h) return undefined;
  const m = /^bytes=(\d+)-(\d*)$/.exec(h.trim());
  if (!m) return 'bad';
  return { start: Number(m[1]), end: m[2] ? Number(m[2]) : undefined };
}

/**
 * /api/stream/<token>/<file>: the HLS playlists and segments, the poster and documents, only
 * through a signed, unexpired URL presented by the viewer it was signed for. Registered on
 * Fastify directly: it is the hottest read path and needs no Nest pipeline.
 */
@Injectable()
export class StreamGateway implements OnModuleInit {
  constructor(
    private readonly host: HttpAdapterHost,
    private readonly urls: MediaUrls,
    private readonly tokens: TokenService,
    @Inject(MediaStorage) private readonly storage: MediaStorage,
    private readonly redis: RedisService,
  ) {}

  onModuleInit() {
    const fastify = this.host.httpAdapter.getInstance() as unknown as FastifyInstance;
    fastify.get('/api/stream/:token/*', (req, reply) => this.serve(req as FastifyRequest<{ Params: { token: string; '*': string } }>, reply));
  }

  private deny(req: FastifyRequest, reply: FastifyReply, zh: string, en: string) {
    const lang = langOf(req.headers['accept-language']);
    return reply.status(403).header('cache-control', 'no-store').send({ code: 'FORBIDDEN', message: lang === 'zh' ? zh : en, requestId: String(req.id) });
  }

  /** who is asking: the bearer token's user, else (no header, or an expired one) the media cookie's */
  private viewer(req: FastifyRequest): string | null {
    const m = /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''));
    if (m) {
      try {
        return this.tokens.verifyAccess(m[1]).userId;
      } catch {
        // an access token that lapsed mid-lesson: the cookie may still speak for the viewer
      }
    }
    return this.urls.cookieUser(cookie(req.headers.cookie, MEDIA_COOKIE));
  }

  private async serve(req: FastifyRequest<{ Params: { token: string; '*': string } }>, reply: FastifyReply) {
    const claims = this.urls.verify(req.params.token);
    if (!claims) return this.deny(req, reply, '播放链接无效或已过期，请刷新页面', 'The media link is invalid or has expired; reload the page');
    const file = req.params['*'];
    if (!FILE.test(file) || (claims.scope === 'poster' && file !== 'poster.jpg')) {
      return this.deny(req, reply, '播放链接不能用于该文件', 'This link does not cover that file');
    }
    if (claims.userId && this.viewer(req) !== claims.userId) {
      return this.deny(req, reply, '该播放链接不属于当前登录用户', 'This media link belongs to another user');
    }
    const key = file === 'document.pdf' ? `documents/${claims.assetId}/document.pdf` : `hls/${claims.assetId}/${file}`;
    const range = parseRange(req.headers.range);
    if (range === 'bad') return reply.status(416).send({ code: 'VALIDATION_FAILED', message: 'Bad Range header', field: 'range' });
    const seg = /^\d{3,4}p\/seg_(\d{3,5})\.ts$/.exec(file);
    if (claims.sessionId && (seg || file === 'document.pdf')) {
      // I2: coverage counts only what this session really downloaded (a document: its file, bit 0)
      await this.redis.client.setbit(sessionKeys(this.redis, shardOf(this.redis, claims.userId), claims.sessionId).segments, seg ? Number(seg[1]) : 0, 1).catch(() => undefined);
    }
    const obj = await this.storage.read(key, range);
    if (!obj || (obj.range && obj.range.start >= obj.size)) {
      return reply.status(obj ? 416 : 404).send({ code: 'NOT_FOUND', message: 'Not found', requestId: String(req.id) });
    }
    void reply
      .header('content-type', contentTypeOf(file))
      .header('cache-control', `private, max-age=${file.endsWith('.m3u8') ? 60 : 3600}`)
      .header('accept-ranges', 'bytes');
    if (obj.range) {
      void reply
        .status(206)
        .header('content-range', `bytes ${obj.range.start}-${obj.range.end}/${obj.size}`)
        .header('content-length', String(obj.range.end - obj.range.start + 1));
    } else void reply.header('content-length', String(obj.size));
    return reply.send(obj.stream);
  }
}
