import { useEffect, useState } from 'react';
import { fetchLessonCredit } from '../../api/credit';
import { DocumentClock } from './document-clock';

/**
 * A document lesson's reading clock, made once the play session has said how many pages and how
 * many seconds each, with what earlier sessions (any device) already covered, so that reading goes
 * on where it stopped. It lives as long as the lesson is open: a new session (a take-over taken
 * back, a renewed URL) keeps the pages read here.
 */
export function useDocumentClock(lessonId: string, pageCount: number | null, secondsPerPage: number | null): DocumentClock | null {
  const [clock, setClock] = useState<DocumentClock | null>(null);
  useEffect(() => {
    if (!pageCount || secondsPerPage === null || !(secondsPerPage > 0)) {
      setClock(null);
      return;
    }
    let cancelled = false;
    let made: DocumentClock | null = null;
    const make = (coverage: [number, number][]) => {
      if (cancelled) return;
      made = new DocumentClock({ pageCount, secondsPerPage, coverage });
      setClock(made);
    };
    // without the coverage (a failed call) every page starts unread here; reading a page again covers nothing twice
    fetchLessonCredit(lessonId).then(
      (c) => make(c.coverage),
      () => make([]),
    );
    return () => {
      cancelled = true;
      made?.dispose();
      setClock(null);
    };
  }, [lessonId, pageCount, secondsPerPage]);
  return clock;
}
