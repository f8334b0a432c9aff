import ExcelJS from 'exceljs';
import { QUESTION_COLUMNS, QuestionInput, QUESTION_TYPE_LABELS, type QuestionType } from '@xueshi/shared';
import type { Lang } from '../../common/errors';
import { pickBilingual } from '../../common/errors';
import type { Cell } from '../accounts/import-file';

const TYPE_WORDS: Record<string, QuestionType> = {
  单选题: 'single', 单选: 'single', single: 'single',
  多选题: 'multiple', 多选: 'multiple', multiple: 'multiple',
  判断题: 'true_false', 判断: 'true_false', true_false: 'true_false', 'true/false': 'true_false',
  填空题: 'fill', 填空: 'fill', fill: 'fill',
};
const TRUE_WORDS = ['对', '正确', '是', '√', 'true', 't', 'yes', 'y'];
const FALSE_WORDS = ['错', '错误', '否', '×', 'x', 'false', 'f', 'no', 'n'];
const LETTER_COLS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim());

export interface SheetRow {
  row: number;
  input: QuestionInput | null;
  errors: { field: string; message: string }[];
}

/** Turn the sheet's rows (header first) into questions, or the errors of each row, in the caller's language. */
export function parseQuestionSheet(sheet: Cell[][], lang: Lang): { rows: SheetRow[]; headerError: string | null } {
  const [header = [], ...body] = sheet;
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    const name = text(h).replace(/[*＊]/g, '');
    const c = QUESTION_COLUMNS.find((k) => k.header === name || k.key === name);
    if (c) col.set(c.key, i);
  });
  const missing = ['type', 'stem', 'answer'].filter((k) => !col.has(k));
  if (missing.length) {
    const names = missing.map((k) => QUESTION_COLUMNS.find((c) => c.key === k)!.header).join('、');
    return { rows: [], headerError: lang === 'zh' ? `缺少列：${names}（请使用导出的模板）` : `Missing columns: ${names} (use the exported layout)` };
  }
  const get = (r: Cell[], key: string) => (col.has(key) ? text(r[col.get(key)!]) : '');
  const rows: SheetRow[] = [];
  body.forEach((r, i) => {
    if (!r.some((c) => text(c) !== '')) return;
    const rowNo = i + 2;
    const errors: { field: string; message: string }[] = [];
    const typeWord = get(r, 'type').toLowerCase();
    const type = TYPE_WORDS[typeWord] ?? TYPE_WORDS[get(r, 'type')];
    if (!type) {
      errors.push({ field: 'type', message: lang === 'zh' ? `题型“${get(r, 'type')}”无效，应为单选题、多选题、判断题或填空题` : `Unknown type "${get(r, 'type')}"` });
      rows.push({ row: rowNo, input: null, errors });
      return;
    }
    const options = LETTER_COLS.filter((k) => get(r, k) !== '').map((k) => ({ key: k, text: get(r, k) }));
    const raw = get(r, 'answer');
    let answer: string[];
    if (type === 'single' || type === 'multiple') answer = raw.toUpperCase().replace(/[^A-H]/g, '').split('').filter(Boolean);
    else if (type === 'true_false') {
      const w = raw.toLowerCase();
      answer = TRUE_WORDS.includes(w) ? ['true'] : FALSE_WORDS.includes(w) ? ['false'] : raw ? [raw] : [];
    } else answer = raw.split(/[|｜]/).map((s) => s.trim()).filter(Boolean);
    const input = {
      type,
      stem: get(r, 'stem'),
      options: type === 'single' || type === 'multiple' ? options : [],
      answer,
      explanation: get(r, 'explanation'),
      tags: get(r, 'tags').split(/[,，、]/).map((s) => s.trim()).filter(Boolean),
    };
    const parsed = QuestionInput.safeParse(input);
    if (!parsed.success) {
      for (const iss of parsed.error.issues) {
        const field = iss.path.length ? String(iss.path[0]) : 'stem';
        errors.push({ field, message: pickBilingual(iss.message, lang) ?? (lang === 'zh' ? '取值无效' : 'Invalid value') });
      }
    }
    if (type === 'true_false' && options.length === 0 && errors.length === 0 && !['true', 'false'].includes(answer[0])) {
      errors.push({ field: 'answer', message: lang === 'zh' ? '判断题答案应为“对”或“错”' : 'A true/false answer is 对 or 错' });
    }
    rows.push({ row: rowNo, input: errors.length ? null : input, errors });
  });
  return { rows, headerError: null };
}

/** The bank as a workbook in the import layout (so an export can be edited and imported again). */
export async function buildQuestionSheet(questions: { type: QuestionType; stem: string; options: { key: string; text: string }[]; answer: string[]; explanation: string; tags: string[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('题库');
  ws.columns = QUESTION_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'stem' ? 48 : c.key.length === 1 ? 18 : 16 }));
  ws.getRow(1).font = { bold: true };
  for (const q of questions) {
    const row: Record<string, string> = {
      type: QUESTION_TYPE_LABELS[q.type].zh,
      stem: q.stem,
      answer: q.type === 'true_false' ? (q.answer[0] === 'true' ? '对' : '错') : q.type === 'fill' ? q.answer.join('|') : q.answer.join(''),
      explanation: q.explanation,
      tags: q.tags.join(','),
    };
    for (const o of q.options) row[o.key] = o.text;
    ws.addRow(row);
  }
  const notes = wb.addWorksheet('说明');
  notes.addRow(['列', '说明']);
  for (const c of QUESTION_COLUMNS) if (c.note) notes.addRow([c.header, c.note]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
