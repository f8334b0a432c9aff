import type { CategoryView } from '@xueshi/shared';
import { useCallback, useMemo } from 'react';
import { fetchCategories } from '../../api/courses';
import { useI18n } from '../../lib/i18n';
import { useAsync } from '../../lib/use-async';

// Categories change rarely: one request per page load, dropped when the system admin edits them.
let cache: Promise<CategoryView[]> | null = null;

function load(): Promise<CategoryView[]> {
  if (!cache) {
    cache = fetchCategories()
      .then((r) => [...r.items].sort((a, b) => a.sort - b.sort))
      .catch((e: unknown) => {
        cache = null;
        throw e;
      });
  }
  return cache;
}

export function invalidateCategories(): void {
  cache = null;
}

/** Course categories (P12), with their names in the UI language. */
export function useCategories() {
  const { lang } = useI18n();
  const state = useAsync<CategoryView[]>(() => load(), []);
  const categories = useMemo(() => state.data ?? [], [state.data]);
  const nameOf = useCallback(
    (id: string, fallback = ''): string => {
      const c = categories.find((x) => x.id === id);
      return c ? (lang === 'zh' ? c.nameZh : c.nameEn) : fallback;
    },
    [categories, lang],
  );
  const options = useMemo(() => categories.map((c) => ({ value: c.id, label: lang === 'zh' ? c.nameZh : c.nameEn })), [categories, lang]);
  return { ...state, categories, options, nameOf };
}
