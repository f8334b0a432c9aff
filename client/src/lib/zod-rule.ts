import { BILINGUAL_SEPARATOR } from '@xueshi/shared';
import type { FormRule } from 'antd';
import type { z } from 'zod';
import type { Lang } from './i18n';

/** Pick one language out of a shared "中文§English" validation message. */
export function pickMessage(message: string, lang: Lang): string {
  const at = message.indexOf(BILINGUAL_SEPARATOR);
  if (at < 0) return message;
  return lang === 'zh' ? message.slice(0, at) : message.slice(at + BILINGUAL_SEPARATOR.length);
}

/**
 * A form rule that checks a value with a shared zod schema, so the form and the server agree.
 * Empty values pass (use `required` for those); `fallback` replaces zod's generic English texts.
 */
export function zodRule(schema: z.ZodType, lang: Lang, fallback: string): FormRule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const r = schema.safeParse(value);
      if (r.success) return;
      const msg = r.error.issues[0]?.message ?? '';
      throw new Error(msg.includes(BILINGUAL_SEPARATOR) ? pickMessage(msg, lang) : fallback);
    },
  };
}
