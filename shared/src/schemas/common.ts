import { z } from 'zod';

export const Uuid = z.uuid();

/** Separates the Chinese and English halves of a bilingual validation message. */
export const BILINGUAL_SEPARATOR = '§';

/** A bilingual validation message: Chinese first, English second; the server picks one per request. */
export function issue(zh: string, en: string) {
  return { message: `${zh}${BILINGUAL_SEPARATOR}${en}` };
}

export const IdParams = z.object({ id: Uuid });

export const DateString = z.iso.date();

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const OkResponse = z.object({ ok: z.literal(true) });
