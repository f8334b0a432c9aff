import { BILINGUAL_SEPARATOR, ErrorCode, FieldIssue } from '@xueshi/shared';

export type Lang = 'zh' | 'en';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  IMPORT_REJECTED: 422,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
};

/** A message in both languages; the filter picks one per request. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** An error the API answers on purpose, with a code, a message and the field at fault. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly text: Bilingual,
    readonly field?: string,
    readonly extra?: { issues?: FieldIssue[]; details?: unknown; headers?: Record<string, string> },
  ) {
    super(text.en);
    this.status = STATUS[code];
  }
}

export const notFound = (what: Bilingual = { zh: '未找到', en: 'Not found' }) => new AppError('NOT_FOUND', what);
export const forbidden = () => new AppError('FORBIDDEN', { zh: '无权执行此操作', en: 'You may not do this' });
export const conflict = (field: string, text: Bilingual) => new AppError('CONFLICT', text, field);
export const invalid = (field: string, text: Bilingual) => new AppError('VALIDATION_FAILED', text, field);

/** Split a bilingual validation message written with issue(zh, en). */
export function pickBilingual(message: string, lang: Lang): string | undefined {
  const at = message.indexOf(BILINGUAL_SEPARATOR);
  if (at < 0) return undefined;
  return lang === 'zh' ? message.slice(0, at) : message.slice(at + BILINGUAL_SEPARATOR.length);
}

export function langOf(acceptLanguage: string | string[] | undefined): Lang {
  const v = Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage;
  return v && /^en\b/i.test(v.trim()) ? 'en' : 'zh';
}
