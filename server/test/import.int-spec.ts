import ExcelJS from 'exceljs';
import { fileForm, startTestApp, TestApp } from './harness';

const HEADER = ['姓名', '人员编号', '单位编码', '用户名', '职级', '职务', '执法岗位', '双基', '入职日期'];

async function xlsx(rows: (string | Date | null)[][], header = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('bulk import of officials', () => {
  let t: TestApp;
  let admin: string;
  const count = async () => Number((await t.ds.query('SELECT count(*)::int AS n FROM users'))[0].n);
  const upload = (buf: Buffer | string, name: string, query = '', token = admin) =>
    t.call('POST', `/api/users/import${query}`, { token, raw: fileForm(buf, name) as never });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('yz_admin');
  });
  afterAll(async () => t.close());

  const good = (no: string, name = '测试员'): (string | Date | null)[] => [name, no, 'CQ-YZ-ZFB', null, '科级', '科员', '否', '是', '2021-03-15'];

  it('reports each bad row with its reason and imports none of the file', async () => {
    const before = await count();
    const file = await xlsx([
      good('YZ3000001', '周一'),
      [null, 'YZ3000002', 'CQ-YZ-ZFB'], // missing name
      ['吴二', 'YZ3000003', 'NOPE'], // unknown unit
      ['郑三', 'YZ3000001', 'CQ-YZ-SCJ'], // duplicate id within the file
      ['王四', 'YZ2019001', 'CQ-YZ-SCJ'], // id already in the system
      ['冯五', 'YZ3000006', 'CQ-JB-SFJ'], // another district's unit: not in this admin's scope
      ['陈六', 'YZ3000007', 'CQ-YZ-SCJ', null, '局长', null, '也许', null, '2021-02-30'], // bad rank, flag, date
    ]);
    const r = await upload(file, 'officials.xlsx');
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('IMPORT_REJECTED');
    const report = r.body.details;
    expect(report).toMatchObject({ committed: false, imported: 0, total: 7, rejected: 6 });
    const byRow = Object.fromEntries(report.rows.map((x: { row: number; errors: { field: string; message: string }[] }) => [x.row, x.errors]));
    expect(byRow[2]).toEqual([]);
    expect(byRow[3]).toEqual([{ field: 'name', message: '缺少姓名' }]);
    expect(byRow[4]).toEqual([{ field: 'unitCode', message: '单位编码“NOPE”不存在或不在您的管辖范围内' }]);
    expect(byRow[5]).toEqual([{ field: 'staffNo', message: '人员编号与第 2 行重复' }, { field: 'username', message: '用户名与第 2 行重复' }]);
    expect(byRow[6]).toContainEqual({ field: 'staffNo', message: '人员编号已存在' });
    expect(byRow[7]).toEqual([{ field: 'unitCode', message: '单位编码“CQ-JB-SFJ”不存在或不在您的管辖范围内' }]);
    expect(byRow[8].map((e: { field: string }) => e.field)).toEqual(['rankLevel', 'lawEnforcement', 'civilServiceEntryDate']);
    expect(await count()).toBe(before);
  });

  it('imports all good rows by an explicit option and reports the rest', async () => {
    const before = await count();
    const file = await xlsx([good('YZ3100001', '好一'), [null, 'YZ3100002', 'CQ-YZ-ZFB'], good('YZ3100003', '好三')]);
    const r = await upload(file, 'officials.xlsx', '?mode=goodRows');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ committed: true, imported: 2, rejected: 1 });
    const imported = r.body.rows.filter((x: { status: string }) => x.status === 'imported');
    expect(imported.map((x: { username: string }) => x.username)).toEqual(['yz3100001', 'yz3100003']);
    expect(await count()).toBe(before + 2);
    const login = await t.call('POST', '/api/auth/login', { body: { username: 'yz3100001', password: imported[0].initialPassword } });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ name: '好一', orgUnitName: '渝中区人民政府办公室', rankLevel: 'section', grassroots: true, mustChangePassword: true, civilServiceEntryDate: '2021-03-15' });
  });

  it('a dry run checks the file and imports nothing', async () => {
    const before = await count();
    const r = await upload(await xlsx([good('YZ3200001')]), 'officials.xlsx', '?dryRun=true');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ committed: false, dryRun: true, imported: 0, rejected: 0 });
    expect(r.body.rows[0].status).toBe('valid');
    expect(await count()).toBe(before);
  });

  it('reads CSV in UTF-8 and in GB18030 (as Excel saves it in zh-CN)', async () => {
    const csv = '姓名,人员编号,单位编码,职级\r\n"刘,七",YZ3300001,CQ-YZ-SCJ,科员级\r\n';
    const utf8 = await upload(Buffer.from('\uFEFF' + csv), 'a.csv');
    expect(utf8.status).toBe(200);
    expect(utf8.body.rows[0]).toMatchObject({ name: '刘,七', status: 'imported' });
    // GB18030 bytes of the same header and a new row, written by hand: 姓名 = D0D5 C3FB …
    const gbk = Buffer.concat([
      Buffer.from([0xd0, 0xd5, 0xc3, 0xfb]), Buffer.from(','), Buffer.from([0xc8, 0xcb, 0xd4, 0xb1, 0xb1, 0xe0, 0xba, 0xc5]), Buffer.from(','),
      Buffer.from([0xb5, 0xa5, 0xce, 0xbb, 0xb1, 0xe0, 0xc2, 0xeb]), Buffer.from('\r\n'),
      Buffer.from([0xc2, 0xed, 0xb0, 0xcb]), Buffer.from(',YZ3300002,CQ-YZ-SCJ\r\n'),
    ]);
    const r = await upload(gbk, 'b.csv');
    expect(r.status).toBe(200);
    expect(r.body.rows[0]).toMatchObject({ name: '马八', staffNo: 'YZ3300002', status: 'imported' });
  });

  it('judges the file by content: an image renamed .xlsx is refused naming the file', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(64)]);
    const r = await upload(png, 'officials.xlsx');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ field: 'file', message: '文件格式不支持，请上传 .xlsx 或 .csv 文件' });
  });

  it('refuses a file without the required columns, naming them', async () => {
    const r = await upload(await xlsx([['张三', 'X']], ['姓名', '电话']), 'x.xlsx');
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('file');
    expect(r.body.message).toContain('人员编号');
    expect(r.body.message).toContain('单位编码');
  });

  it('refuses a file over the size limit with 413', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024, 0x41);
    const r = await upload(big, 'big.csv');
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });
  });

  it('asks for a file when the request has none', async () => {
    const r = await t.call('POST', '/api/users/import', { token: admin, body: {} });
    expect(r.status).toBe(415);
    expect(r.body.field).toBe('file');
  });

  it('gives a template with the columns and the admin\'s own unit codes', async () => {
    const res = await fetch(`${t.url}/api/users/import-template`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect((wb.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(['姓名*', '人员编号*', '单位编码*', '用户名', '职级', '职务', '执法岗位', '双基', '入职日期']);
    // no example row in the data sheet: one left there would be imported
    expect(wb.worksheets[0].actualRowCount).toBe(1);
    expect(wb.getWorksheet('填写说明')?.getCell('C2').value).toBe('张三');
    const codes = wb.worksheets[1].getColumn(1).values.slice(2);
    expect(codes).toContain('CQ-YZ-ZFB');
    expect(codes).not.toContain('CQ-JB-SFJ');
  });
});
