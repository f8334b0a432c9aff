import ExcelJS from 'exceljs';
import type { TestApp } from './harness';

/** GET a download and parse it as a workbook: the rows of its first sheet as arrays of cell texts. */
export async function sheetRows(t: TestApp, path: string, token: string): Promise<{ status: number; type: string | null; rows: string[][] }> {
  const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${token}` } });
  const type = res.headers.get('content-type');
  if (res.status !== 200) return { status: res.status, type, rows: [] };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((row) => {
    rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v))));
  });
  return { status: res.status, type, rows };
}
