import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chinaYear } from '../src/modules/policy/policy.service';
import { startTestApp, TestApp } from './harness';

/**
 * 培训档案 (P7, P8): produced for the demo official as PDF (rendered by the real Chromium,
 * read back with pdftotext) and XLSX; its public verification says "valid", and "does not
 * match" once an entry of the ledger behind it is altered.
 */
const YEAR = chinaYear();

describe('training archive and its public verification', () => {
  let t: TestApp;
  let official: string;
  let officialId: string;

  beforeAll(async () => {
    t = await startTestApp();
    official = await t.login('official');
    [{ id: officialId }] = await t.ds.query(`SELECT id FROM users WHERE username = 'official'`);
    const sys = await t.login('sysadmin');
    const [cat] = await t.ds.query(`SELECT id FROM categories WHERE legal LIMIT 1`);
    for (const hours of [12.5, 8]) {
      const r = await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId: officialId, hours, categoryId: cat.id, year: YEAR, reason: '集中学习学时补录（测试）' } });
      expect(r.status).toBe(201);
    }
  }, 60_000);
  afterAll(async () => t?.close());

  const get = (p: string, token?: string) => fetch(`${t.url}${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('the PDF carries the official, the year\'s totals against the requirements, the code and a QR code', async () => {
    const r = await get(`/api/archives/${officialId}/${YEAR}/pdf`, official);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const code = r.headers.get('x-verification-code')!;
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const buf = Buffer.from(await r.arrayBuffer());
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'archive-'));
    writeFileSync(path.join(dir, 'a.pdf'), buf);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    const [{ name }] = await t.ds.query(`SELECT name FROM users WHERE id = $1`, [officialId]);
    for (const s of ['公务员培训档案', `${YEAR} 年度`, name, '年度培训要求', '20.5', code, `/verify/${code}`]) expect([s, text.includes(s)]).toEqual([s, true]);
    if (process.env.ARCHIVE_SAMPLE) writeFileSync(process.env.ARCHIVE_SAMPLE, buf);
    const v = await t.call('GET', `/api/verify/${code}`);
    expect(v.body).toMatchObject({ status: 'valid', year: YEAR, hours: 20.5 });
    expect(v.body.name).toMatch(/^.\*+.?$/);
  }, 60_000);

  it('the XLSX holds the same archive and its code', async () => {
    const r = await get(`/api/archives/${officialId}/${YEAR}/xlsx`, official);
    expect(r.status).toBe(200);
    const code = r.headers.get('x-verification-code')!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as never);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toEqual(expect.arrayContaining([`公务员培训档案（${YEAR} 年度）`, code, '学时合计', '20.5']));
  });

  it('valid while the ledger is as it was; "does not match" after an entry behind it is altered', async () => {
    const a = await t.call('GET', `/api/archives/${officialId}/${YEAR}`, { token: official });
    expect(a.status).toBe(200);
    expect(a.body.verifyUrl).toMatch(new RegExp(`/verify/${a.body.code}$`));
    // the PDF and XLSX issued earlier in this file saw the same ledger: one code for all three
    expect((await t.ds.query('SELECT count(DISTINCT code)::int AS n FROM archive_issues WHERE user_id = $1', [officialId]))[0].n).toBe(1);
    expect((await t.call('GET', `/api/verify/${a.body.code}`)).body.status).toBe('valid');
    const [e] = await t.ds.query(`SELECT id FROM credit_ledger WHERE user_id = $1 AND year = $2 ORDER BY seq LIMIT 1`, [officialId, YEAR]);
    await t.ds.query(`UPDATE credit_ledger SET hours = hours + 1 WHERE id = $1`, [e.id]);
    expect((await t.call('GET', `/api/verify/${a.body.code}`)).body.status).toBe('mismatch');
    await t.ds.query(`UPDATE credit_ledger SET hours = hours - 1 WHERE id = $1`, [e.id]);
    expect((await t.call('GET', `/api/verify/${a.body.code}`)).body.status).toBe('valid');
    // a new entry for the year also makes an earlier archive out of date; the archive issued now has a new code
    const sys = await t.login('sysadmin');
    await t.call('POST', '/api/credit/corrections', { token: sys, body: { userId: officialId, hours: 1, year: YEAR, reason: '补录一次讲座学时（测试）' } });
    expect((await t.call('GET', `/api/verify/${a.body.code}`)).body.status).toBe('mismatch');
    const renewed = await t.call('GET', `/api/archives/${officialId}/${YEAR}`, { token: official });
    expect(renewed.body.code).not.toBe(a.body.code);
    expect((await t.call('GET', `/api/verify/${renewed.body.code}`)).body).toMatchObject({ status: 'valid', hours: 21.5 });
  });

  it('unknown and malformed codes, and who may read an archive', async () => {
    expect((await t.call('GET', '/api/verify/AAAA-BBBB-CCCC')).body.status).toBe('unknown');
    const bad = await t.call('GET', '/api/verify/not-a-code');
    expect([bad.status, bad.body.field]).toEqual([400, 'code']);
    const other = await t.login('official2');
    expect((await t.call('GET', `/api/archives/${officialId}/${YEAR}`, { token: other })).status).toBe(404);
    expect((await t.call('GET', `/api/archives/${officialId}/${YEAR}`, { token: await t.login('jb_admin') })).status).toBe(404);
    expect((await t.call('GET', `/api/archives/${officialId}/${YEAR}`, { token: await t.login('yz_admin') })).status).toBe(200);
    expect((await t.call('GET', `/api/archives/${officialId}/${YEAR + 1}`, { token: official })).body.field).toBe('year');
  });
});
