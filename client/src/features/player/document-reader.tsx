import { CheckOutlined, ColumnWidthOutlined, LeftOutlined, RightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Skeleton, Tooltip, Typography } from 'antd';
import { memo, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useI18n } from '../../lib/i18n';
import type { DocumentClock, DocumentClockSnapshot } from './document-clock';
import type { PDFDocumentProxy, RenderTask } from './pdf';

interface Props {
  /** the signed PDF URL (an official's: the play session's own, whose fetch the server records) */
  src: string;
  /** the reading clock that feeds the heartbeats; null in a preview (nothing is counted) */
  clock: DocumentClock | null;
  /** the media refused the URL (expired, another session): get a new one */
  onExpired?: () => void;
}

const ZOOMS = [1, 1.25, 1.5, 2];
/** A URL refused this often within a minute is not an expiry: stop asking for new ones. */
const MAX_RENEWALS = 3;
/** Canvas pixels at most (a big page zoomed on a dense screen would take hundreds of MB). */
const MAX_PIXELS = 16 * 1024 * 1024;
const noSubscribe = () => () => undefined;
const noSnapshot = () => null;

/** whole seconds shown, never rounding up to "done" */
const secs = (v: number) => Math.floor(v + 1e-6);
/** a page's required seconds as said (the policy may set a fraction) */
const perPage = (v: number) => Math.round(v * 10) / 10;

/**
 * 文档阅读: a PDF rendered page by page with pdf.js on a canvas, fitted to the width and sharp on
 * high-density screens. With a clock, each page's reading time shows and the page marks tick off
 * the pages read; time counts only while the page is shown with the window in front.
 */
export function DocumentReader({ src, clock, onExpired }: Props) {
  const { t } = useI18n();
  const snap: DocumentClockSnapshot | null = useSyncExternalStore(clock?.subscribe ?? noSubscribe, clock?.getSnapshot ?? noSnapshot);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [localPage, setLocalPage] = useState(1);
  const [zoom, setZoom] = useState(0);
  const [width, setWidth] = useState(0);
  const [renderError, setRenderError] = useState(false);
  const frame = useRef<HTMLDivElement | null>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const onExpiredRef = useRef(onExpired);
  onExpiredRef.current = onExpired;
  const renewals = useRef<number[]>([]);

  const total = snap ? snap.pageCount : (doc?.numPages ?? 0);
  const page = snap ? snap.page : Math.min(localPage, Math.max(1, total));

  // the document, from this URL (a new session's URL loads it again: the server sees the fetch)
  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    setDoc(null);
    setLoadError(null);
    clock?.setReady(false);
    void import('./pdf')
      .then(({ openPdf }) => {
        if (cancelled) return;
        const loaded = openPdf(src);
        destroy = loaded.destroy;
        return loaded.doc.then((d) => {
          if (!cancelled) setDoc(d);
        });
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        const status = (e as { status?: number } | null)?.status;
        // an expired link: a new one, once per URL, and not again and again
        const now = Date.now();
        renewals.current = renewals.current.filter((at) => now - at < 60_000);
        if ((status === 403 || status === 401) && onExpiredRef.current && renewals.current.length < MAX_RENEWALS) {
          renewals.current.push(now);
          onExpiredRef.current();
        }
        setLoadError(e ?? new Error('load failed'));
      });
    return () => {
      cancelled = true;
      void destroy?.().catch(() => undefined);
    };
  }, [src, attempt, clock]);

  // the frame's width: the page is fitted to it
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const measure = () => setWidth(Math.floor(el.clientWidth));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // draw the page
  useEffect(() => {
    const c = canvas.current;
    if (!doc || !c || width <= 0 || page < 1) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    setRenderError(false);
    const pageNo = Math.min(page, doc.numPages);
    void doc
      .getPage(pageNo)
      .then((p) => {
        if (cancelled) return;
        const base = p.getViewport({ scale: 1 });
        const fit = Math.max(0.1, (width - 2) / base.width) * (ZOOMS[zoom] ?? 1);
        const dpr = Math.min(3, window.devicePixelRatio || 1);
        const sharpest = Math.sqrt(MAX_PIXELS / (base.width * base.height));
        const viewport = p.getViewport({ scale: Math.min(fit * dpr, Math.max(fit, sharpest)) });
        c.width = Math.floor(viewport.width);
        c.height = Math.floor(viewport.height);
        c.style.width = `${Math.floor(base.width * fit)}px`;
        c.style.height = `${Math.floor(base.height * fit)}px`;
        task = p.render({ canvas: c, viewport });
        return task.promise.then(() => {
          if (!cancelled) clock?.setReady(true, page);
        });
      })
      .catch((e: unknown) => {
        if (cancelled || (e as { name?: string } | null)?.name === 'RenderingCancelledException') return;
        setRenderError(true);
      });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, page, width, zoom, clock]);

  const goTo = useCallback(
    (n: number) => {
      if (total < 1) return;
      const to = Math.min(total, Math.max(1, n));
      if (clock) clock.goTo(to);
      else setLocalPage(to);
      frame.current?.scrollTo({ top: 0 });
    },
    [clock, total],
  );

  // ← → turn pages (not while typing, nor with a modifier)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.defaultPrevented) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))) return;
      if (e.key === 'ArrowLeft') goTo(page - 1);
      else if (e.key === 'ArrowRight') goTo(page + 1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [goTo, page]);

  const s = snap?.secondsPerPage ?? 0;
  const shown = snap ? snap.shown[page - 1] ?? 0 : 0;
  const pageDone = !!snap && shown >= s;

  return (
    <div className="xs-doc" data-testid="doc-reader" data-page={page} data-pages={total}>
      <Flex className="xs-doc-toolbar" align="center" justify="space-between" gap={8} wrap>
        <Flex align="center" gap={8}>
          <Button icon={<LeftOutlined />} disabled={!doc || page <= 1} onClick={() => goTo(page - 1)} data-testid="doc-prev">
            {t('doc.prev')}
          </Button>
          <Typography.Text className="xs-doc-indicator" data-testid="doc-page-indicator">
            {total > 0 ? t('doc.pageOf', { n: page, total }) : '—'}
          </Typography.Text>
          <Button disabled={!doc || page >= total} onClick={() => goTo(page + 1)} data-testid="doc-next">
            {t('doc.next')} <RightOutlined />
          </Button>
        </Flex>
        <Flex align="center" gap={4}>
          <Tooltip title={t('doc.zoomOut')}>
            <Button type="text" icon={<ZoomOutOutlined />} disabled={zoom <= 0} onClick={() => setZoom((z) => Math.max(0, z - 1))} aria-label={t('doc.zoomOut')} />
          </Tooltip>
          <Typography.Text type="secondary" className="xs-mono" style={{ minWidth: 44, textAlign: 'center', fontSize: 12 }}>
            {Math.round((ZOOMS[zoom] ?? 1) * 100)}%
          </Typography.Text>
          <Tooltip title={t('doc.zoomIn')}>
            <Button type="text" icon={<ZoomInOutlined />} disabled={zoom >= ZOOMS.length - 1} onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} aria-label={t('doc.zoomIn')} />
          </Tooltip>
          <Tooltip title={t('doc.fitWidth')}>
            <Button type="text" icon={<ColumnWidthOutlined />} disabled={zoom === 0} onClick={() => setZoom(0)} aria-label={t('doc.fitWidth')} />
          </Tooltip>
        </Flex>
      </Flex>

      {snap && (
        <Flex className="xs-doc-progress" align="center" gap={12} wrap data-testid="doc-page-progress" data-shown={shown.toFixed(1)} data-done={pageDone ? 'true' : 'false'}>
          {pageDone ? (
            <Typography.Text type="success">
              <CheckOutlined /> {t('doc.pageDone')}
            </Typography.Text>
          ) : (
            <>
              <Typography.Text>{t('doc.pageProgress', { n: secs(shown), s: perPage(s) })}</Typography.Text>
              <Progress percent={s > 0 ? Math.floor((shown / s) * 100) : 0} showInfo={false} size="small" style={{ width: 140, margin: 0 }} />
            </>
          )}
          <Typography.Text type="secondary" style={{ marginInlineStart: 'auto', fontSize: 12 }} data-testid="doc-pages-done">
            {snap.ended ? t('doc.allDone') : t('doc.pagesDone', { done: snap.done, total })}
          </Typography.Text>
        </Flex>
      )}

      {snap && !snap.inFront && !snap.ended && (
        <Alert type="info" showIcon title={t('doc.notInFront')} className="xs-doc-note" data-testid="doc-not-in-front" />
      )}

      <div className="xs-doc-frame" ref={frame}>
        {loadError != null ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Alert
              type="warning"
              showIcon
              title={t('doc.loadError')}
              data-testid="doc-error"
              action={
                <Button size="small" onClick={() => setAttempt((a) => a + 1)}>
                  {t('player.retry')}
                </Button>
              }
            />
          </Flex>
        ) : !doc ? (
          <Flex vertical align="center" gap={12} style={{ padding: 24 }} data-testid="doc-loading">
            <Skeleton.Node active style={{ width: 320, height: 420 }} />
            <Typography.Text type="secondary">{t('doc.loading')}</Typography.Text>
          </Flex>
        ) : null}
        <canvas ref={canvas} className="xs-doc-canvas" data-testid="doc-canvas" data-page={page} style={{ display: doc && loadError == null ? 'block' : 'none' }} />
        {renderError && <Alert type="warning" showIcon title={t('doc.loadError')} style={{ margin: 16 }} />}
      </div>

      {snap && total > 1 && (
        <div className="xs-doc-marks" role="list" aria-label={t('doc.reader')}>
          {Array.from({ length: total }, (_, i) => (
            <PageMark key={i} n={i + 1} shown={secs(snap.shown[i] ?? 0)} s={perPage(s)} done={(snap.shown[i] ?? 0) >= s} current={i + 1 === page} onOpen={goTo} />
          ))}
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('doc.keysHint')}
      </Typography.Text>
    </div>
  );
}

/** One page's mark: its number, filled as it is read, ✓ once read (re-drawn only when that changes). */
const PageMark = memo(function PageMark({ n, shown, s, done, current, onOpen }: { n: number; shown: number; s: number; done: boolean; current: boolean; onOpen: (n: number) => void }) {
  const { t } = useI18n();
  const part = !done && shown > 0 && s > 0 ? Math.floor((shown / s) * 100) : 0;
  const title = done ? t('doc.pageMarkDone', { n }) : shown > 0 ? t('doc.pageMarkPart', { n, shown, s }) : t('doc.pageMark', { n });
  return (
    <Tooltip title={title} mouseEnterDelay={0.3}>
      <button
        type="button"
        role="listitem"
        className={`xs-doc-mark${current ? ' xs-doc-mark-current' : ''}${done ? ' xs-doc-mark-done' : ''}`}
        style={part ? { background: `linear-gradient(to top, #d9e8f7 ${part}%, #fff ${part}%)` } : undefined}
        onClick={() => onOpen(n)}
        aria-current={current ? 'page' : undefined}
        aria-label={title}
        data-testid={`doc-page-mark-${n}`}
        data-done={done ? 'true' : 'false'}
      >
        {n}
        {done && <CheckOutlined className="xs-doc-mark-check" />}
      </button>
    </Tooltip>
  );
});
