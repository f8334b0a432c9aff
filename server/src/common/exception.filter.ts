import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { ErrorBody } from '@xueshi/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatBytes } from './body-limits';
import { AppError, langOf } from './errors';

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Map any thrown value to the API's error body. Shared by Nest's filter and Fastify's handler. */
export function toErrorResponse(err: unknown, req: FastifyRequest): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  const lang = langOf(req.headers['accept-language']);
  const requestId = String(req.id);
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: {
        code: err.code,
        message: err.text[lang],
        field: err.field,
        // one named field and no list from the validator: the list is that field, in the request's language
        issues: err.extra?.issues ?? (err.field ? [{ field: err.field, message: err.text[lang] }] : undefined),
        details: err.extra?.details,
        requestId,
      },
      headers: err.extra?.headers,
    };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    if (status === 404) {
      return { status, body: { code: 'NOT_FOUND', message: lang === 'zh' ? '接口不存在' : 'No such route', requestId } };
    }
    // Nest wraps Fastify's own rejections (malformed JSON, size, content type) in HttpExceptions
    if (status < 500) return toErrorResponse({ statusCode: status, message: err.message }, req);
  }
  const f = err as FastifyLikeError;
  if (f && typeof f.statusCode === 'number' && f.statusCode >= 400 && f.statusCode < 500) {
    if (f.statusCode === 413 || f.code === 'FST_REQ_FILE_TOO_LARGE') {
      const limit = req.routeOptions?.bodyLimit;
      const max = limit ? formatBytes(limit) : '';
      const message = lang === 'zh'
        ? `请求体过大${max ? `：本接口最多接受 ${max}` : ''}`
        : `The request body is too large${max ? `: this route accepts at most ${max}` : ''}`;
      return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message, field: 'body', issues: [{ field: 'body', message }], requestId } };
    }
    if (f.statusCode === 415) {
      return {
        status: 415,
        body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: lang === 'zh' ? '不支持的内容类型' : 'Unsupported content type', field: 'content-type', requestId },
      };
    }
    return {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: lang === 'zh' ? `请求格式错误：${f.message ?? ''}` : `Malformed request: ${f.message ?? ''}`,
        field: 'body',
        requestId,
      },
    };
  }
  req.log.error({ err }, 'unhandled error');
  return { status: 500, body: { code: 'INTERNAL', message: lang === 'zh' ? '服务器内部错误' : 'Internal server error', requestId } };
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(err: unknown, host: ArgumentsHost) {
    const http = host.switchToHttp();
    const req = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body, headers } = toErrorResponse(err, req);
    if (headers) reply.headers(headers);
    void reply.status(status).send(body);
  }
}
