import { execFile } from 'node:child_process';

export type PdfVerdict =
  | { ok: true; pageCount: number }
  | { ok: false; reason: 'damaged' | 'encrypted' | 'empty' | 'too_many_pages'; zh: string; en: string };

/** The most pages a document lesson may have (each page is read for a minimum time). */
export const MAX_PDF_PAGES = 2000;

/**
 * Read a PDF the way a reader will: `pdfinfo` (poppler) parses it and reports its pages. A file
 * that does not parse, is encrypted, or has no pages is refused with its reason.
 */
export function inspectPdf(pdfinfoPath: string, file: string): Promise<PdfVerdict> {
  return new Promise((resolve, reject) => {
    execFile(pdfinfoPath, [file], { timeout: 30_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(new Error(`${pdfinfoPath} is not installed (apt-get install poppler-utils)`));
        return;
      }
      const out = String(stdout);
      if (/Incorrect password|Encrypted:\s+yes/i.test(out + String(stderr))) {
        resolve({ ok: false, reason: 'encrypted', zh: '文档有密码保护，无法用于课程', en: 'The document is password-protected' });
        return;
      }
      const pages = /^Pages:\s+(\d+)/m.exec(out);
      if (err || !pages) {
        resolve({ ok: false, reason: 'damaged', zh: 'PDF 文件已损坏，无法读取', en: 'The PDF is damaged and cannot be read' });
        return;
      }
      const n = Number(pages[1]);
      if (n < 1) resolve({ ok: false, reason: 'empty', zh: 'PDF 文件没有页面', en: 'The PDF has no pages' });
      else if (n > MAX_PDF_PAGES) {
        resolve({ ok: false, reason: 'too_many_pages', zh: `文档超过 ${MAX_PDF_PAGES} 页，请拆分后上传`, en: `The document has more than ${MAX_PDF_PAGES} pages; split it` });
      } else resolve({ ok: true, pageCount: n });
    });
  });
}

const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');

/**
 * A small, valid PDF: one A4 page per entry, each with a title band and its lines of (ASCII)
 * text in Helvetica. For the demo courseware and the tests; real courseware is uploaded.
 */
export function makePdf(pages: string[], title = 'Xueshi'): Buffer {
  const objects: string[] = [];
  /** the new object's number (they start at 1) */
  const add = (body: string) => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>');
  const kids: number[] = [];
  pages.forEach((text, i) => {
    const lines = text.split('\n');
    const ops = [
      '0.78 0.16 0.16 rg 0 782 595 60 re f',
      `BT /F2 20 Tf 1 1 1 rg 40 805 Td (${esc(title)}) Tj ET`,
      `BT /F1 11 Tf 1 1 1 rg 470 805 Td (Page ${i + 1} / ${pages.length}) Tj ET`,
      `BT /F2 28 Tf 0.1 0.1 0.1 rg 40 720 Td (${esc(lines[0] ?? '')}) Tj ET`,
      ...lines.slice(1).map((l, j) => `BT /F1 14 Tf 0.2 0.2 0.2 rg 40 ${680 - j * 22} Td (${esc(l)}) Tj ET`),
      `0.85 0.85 0.85 RG 2 w 40 90 m 555 90 l S`,
    ].join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(ops)} >>\nstream\n${ops}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> /Contents ${content} 0 R >>`));
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
