import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';

export interface SheetColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | null | Date;
}

/**
 * A list as one XLSX sheet: bold header row, frozen. Written with exceljs's streaming writer, row
 * by row, so an export of a city's 100 000 officials does not build the whole workbook in memory.
 */
export async function listWorkbook<T>(sheet: string, columns: SheetColumn<T>[], rows: Iterable<T>, notes?: string[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Xueshi 学时';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const r of rows) {
    ws.addRow(columns.map((c) => {
      const v = c.value(r);
      return typeof v === 'boolean' ? (v ? '是' : '否') : v;
    })).commit();
  }
  ws.commit();
  if (notes?.length) {
    const n = wb.addWorksheet('说明');
    for (const line of notes) n.addRow([line]).commit();
    n.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/** Send a workbook as a download with an ASCII fallback name and the Chinese name. */
export function sendXlsx(reply: FastifyReply, buf: Buffer, asciiName: string, zhName: string): void {
  void reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(zhName)}`)
    .send(buf);
}
