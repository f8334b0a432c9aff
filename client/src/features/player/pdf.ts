// pdf.js, loaded only when a document lesson opens (a chunk of its own). The legacy build: it
// carries the polyfills that older Chromium-based browsers on office machines still need.
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

export type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist/legacy/build/pdf.mjs';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Where the build puts pdf.js's data files (vite.config.ts copies them): CJK CMaps, fonts, decoders. */
const ASSETS = `${import.meta.env.BASE_URL}pdfjs/`;

export interface LoadedPdf {
  doc: Promise<PDFDocumentProxy>;
  destroy: () => Promise<void>;
}

/**
 * Open a PDF by its signed URL. Same origin: the request carries the media cookie the playback
 * and session calls set; range requests fetch what the pages need, the rest streams behind.
 */
export function openPdf(url: string): LoadedPdf {
  const task = getDocument({
    url,
    cMapUrl: `${ASSETS}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${ASSETS}standard_fonts/`,
    wasmUrl: `${ASSETS}wasm/`,
    enableXfa: false,
  });
  return { doc: task.promise, destroy: () => task.destroy() };
}
