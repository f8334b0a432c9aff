import ExcelJS from 'exceljs';

/** Cell values as the importer sees them: text, a date, or nothing. */
export type Cell = string | Date | null;

export class ImportFileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Text of a CSV file: UTF-8 (with or without BOM), else GB18030 as Excel in zh-CN saves it. */
export function decodeCsv(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return null;
    return null;
  }
  return String(v);
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Rows of an uploaded XLSX or CSV file, judged by content, not by name. Row 0 is the header. */
export async function readSheet(buf: Buffer): Promise<Cell[][]> {
  if (buf.length === 0) throw new ImportFileError('文件为空', 'The file is empty');
  if (buf.subarray(0, 4).equals(XLSX_MAGIC)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
    } catch {
      throw new ImportFileError('无法读取该 Excel 文件，请另存为 .xlsx 后重试', 'Cannot read this Excel file; save it as .xlsx and retry');
    }
    const ws = wb.worksheets[0];
    if (!ws) throw new ImportFileError('Excel 文件中没有工作表', 'The workbook has no sheet');
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      const values = (r.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
      rows[n - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return rows;
  }
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) {
    throw new ImportFileError('文件格式不支持，请上传 .xlsx 或 .csv 文件', 'Unsupported file: upload .xlsx or .csv');
  }
  // CSV is parsed in memory: files are capped by the route's size limit
  return parseCsv(decodeCsv(buf));
}
