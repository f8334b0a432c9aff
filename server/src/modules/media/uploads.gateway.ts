import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FileStore } from '@tus/file-store';
import { Server as TusServer, EVENTS } from '@tus/server';
import type { FastifyInstance } from 'fastify';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROLES_AUTHORING } from './media.constants';
import { TokenService } from '../../common/auth/token.service';
import { SessionRevocations } from '../../common/auth/session-revocations';
import { AppError, Lang, langOf } from '../../common/errors';
import { ENV } from '../../config/config.module';
import type { Env } from '../../config/env';
import { MediaService, UploadRefused } from './media.service';

export const TUS_PATH = '/api/uploads/tus';


function refusal(status: number, code: string, zh: string, en: string, lang: Lang) {
  return { status_code: status, body: JSON.stringify({ code, message: lang === 'zh' ? zh : en, field: 'file' }) };
}

/** Upload-Metadata: comma-separated "key base64value" pairs. */
function metadataOf(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (header ?? '').split(',')) {
    const [k, v] = pair.trim().split(' ');
    if (k) out[k] = v ? Buffer.from(v, 'base64').toString('utf8') : '';
  }
  return out;
}

/**
 * Resumable uploads with the tus protocol at /api/uploads/tus. Only authors may upload; an
 * upload can be resumed only by the one who started it; a finished upload is judged by content
 * and becomes a media asset, or is refused with its reason and deleted.
 */
@Injectable()
export class UploadsGateway implements OnModuleInit {
  private readonly log = new Logger('uploads');
  constructor(
    private readonly host: HttpAdapterHost,
    @Inject(ENV) private readonly env: Env,
    private readonly tokens: TokenService,
    private readonly media: MediaService,
    private readonly revocations: SessionRevocations,
  ) {}

  onModuleInit() {
    const dir = path.resolve(this.env.UPLOAD_DIR);
    mkdirSync(dir, { recursive: true });
    const store = new FileStore({ directory: dir });
    const callerOf = (req: Request) => {
      const m = /^Bearer\s+(\S+)$/i.exec(req.headers.get('authorization') ?? '');
      if (!m) throw refusal(401, 'UNAUTHENTICATED', '请先登录', 'Please sign in', langOf(req.headers.get('accept-language') ?? undefined));
      try {
        return this.tokens.verifyAccess(m[1]);
      } catch (e) {
        const lang = langOf(req.headers.get('accept-language') ?? undefined);
        throw e instanceof AppError ? refusal(e.status, e.code, e.text.zh, e.text.en, lang) : e;
      }
    };
    const tus = new TusServer({
      path: TUS_PATH,
      datastore: store,
      relativeLocation: true,
      respectForwardedHeaders: true,
      maxSize: (req) => (metadataOf(req.headers.get('upload-metadata')).kind === 'document' ? this.env.DOCUMENT_MAX_BYTES : this.env.VIDEO_MAX_BYTES),
      onIncomingRequest: async (req, uploadId) => {
        const p = callerOf(req);
        const lang = langOf(req.headers.get('accept-language') ?? undefined);
        if (p.sessionId && (await this.revocations.isRevoked(p.userId, p.sessionId))) {
          throw refusal(401, 'UNAUTHENTICATED', '该登录已被注销，请重新登录', 'This session has been signed out; please sign in again', lang);
        }
        if (!ROLES_AUTHORING.includes(p.role)) throw refusal(403, 'FORBIDDEN', '只有教师和施教机构可以上传课件', 'Only authors may upload courseware', lang);
        if (req.method !== 'POST' && uploadId) {
          const upload = await store.getUpload(uploadId).catch(() => null);
          if (upload && upload.metadata?.ownerId !== p.userId) throw refusal(403, 'FORBIDDEN', '不能续传他人的上传', 'This upload belongs to someone else', lang);
        }
      },
      onUploadCreate: async (req, upload) => {
        const p = callerOf(req);
        const lang = langOf(req.headers.get('accept-language') ?? undefined);
        const kind = upload.metadata?.kind;
        if (kind !== 'video' && kind !== 'document') {
          throw refusal(400, 'VALIDATION_FAILED', '上传类型须为 video 或 document', 'Upload kind must be video or document', lang);
        }
        if (!upload.metadata?.filename) throw refusal(400, 'VALIDATION_FAILED', '缺少文件名', 'The file name is missing', lang);
        return { metadata: { ...upload.metadata, ownerId: p.userId } };
      },
      onUploadFinish: async (req, upload) => {
        const lang = langOf(req.headers.get('accept-language') ?? undefined);
        try {
          const asset = await this.media.acceptUpload({
            uploadId: upload.id,
            file: path.join(dir, upload.id),
            ownerId: String(upload.metadata?.ownerId),
            kind: upload.metadata?.kind === 'document' ? 'document' : 'video',
            filename: String(upload.metadata?.filename ?? 'upload'),
            size: upload.size ?? upload.offset,
          });
          await store.remove(upload.id).catch(() => undefined);
          return { headers: { 'Xueshi-Asset-Id': asset.id, 'Access-Control-Expose-Headers': 'Xueshi-Asset-Id' } };
        } catch (e) {
          if (e instanceof UploadRefused) {
            await store.remove(upload.id).catch(() => undefined);
            throw refusal(e.status, 'UNSUPPORTED_MEDIA_TYPE', e.zh, e.en, lang);
          }
          this.log.error(e);
          throw e;
        }
      },
      onResponseError: (req, err) => {
        const lang = langOf(req.headers.get('accept-language') ?? undefined);
        if ('status_code' in err && err.status_code === 413) {
          return refusal(413, 'PAYLOAD_TOO_LARGE', '文件超过大小上限', 'The file exceeds the size limit', lang);
        }
        return undefined;
      },
    });
    tus.on(EVENTS.POST_FINISH, () => undefined);
    const fastify = this.host.httpAdapter.getInstance() as unknown as FastifyInstance;
    // tus reads the raw body itself: keep Fastify's parsers off it
    fastify.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
    const handler = async (req: { raw: import('http').IncomingMessage }, reply: { hijack(): void; raw: import('http').ServerResponse }) => {
      reply.hijack();
      await tus.handle(req.raw, reply.raw);
    };
    fastify.all(TUS_PATH, handler as never);
    fastify.all(`${TUS_PATH}/*`, handler as never);
  }
}
