import { verifyLedger } from '../src/modules/credits/ledger.repository';
import { chinaYear } from '../src/modules/policy/policy.service';
import { startTestApp, TestApp } from './harness';
import { sheetRows } from './sheets';

/** A published course with lessons, written straight into the database (no media needed to appeal). */
async function courseWithLessons(t: TestApp, title: string, lessons: string[]) {
  const [cat] = await t.ds.query('SELECT id FROM categories LIMIT 1');
  const [inst] = await t.ds.query('SELECT id FROM institutions LIMIT 1');
  const [c] = await t.ds.query(
    `INSERT INTO courses (title, category_id, institution_id, status, published_at) VALUES ($1, $2, $3, 'published', now()) RETURNING id`,
    [title, cat.id, inst.id],
  );
  const [ch] = await t.ds.query(`INSERT INTO chapters (course_id, title, position) VALUES ($1, '第一章', 0) RETURNING id`, [c.id]);
  const ids: string[] = [];
  for (const [i, l] of lessons.entries()) {
    const [row] = await t.ds.query(`INSERT INTO lessons (course_id, chapter_id, title, kind, position) VALUES ($1, $2, $3, 'video', $4) RETURNING id`, [
      c.id, ch.id, l, i,
    ]);
    ids.push(row.id);
  }
  return { courseId: c.id as string, categoryId: cat.id as string, lessonIds: ids };
}

describe('appeals (申诉): filing, scope, explanation, one decision with one correction entry', () => {
  let t: TestApp;
  let official: string;
  let official2: string;
  let yz: string;
  let jb: string;
  let sys: string;
  let officialId: string;
  let course: Awaited<ReturnType<typeof courseWithLessons>>;
  let other: Awaited<ReturnType<typeof courseWithLessons>>;
  let sessionId: string;
  let appealId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [official, official2, yz, jb, sys] = await Promise.all(['official', 'official2', 'yz_admin', 'jb_admin', 'sysadmin'].map((u) => t.login(u)));
    [{ id: officialId }] = await t.ds.query(`SELECT id FROM users WHERE username = 'official'`);
    course = await courseWithLessons(t, '申诉测试课', ['第一讲 申诉', '第二讲 驳回', '第三讲 并发', '第四讲 故障']);
    other = await courseWithLessons(t, '未选修的课', ['别人的课时']);
    await t.ds.query(`INSERT INTO enrolments (user_id, course_id, source) VALUES ($1, $2, 'elective')`, [officialId, course.courseId]);
    // a session with a rejected beat: what the explanation must show the admin
    [{ id: sessionId }] = await t.ds.query(
      `INSERT INTO play_sessions (id, user_id, lesson_id, course_id, started_at, ended_at, verified_seconds, uncounted, device, ip)
       VALUES (gen_random_uuid(), $1, $2, $3, now() - interval '1 hour', now() - interval '30 minutes', 1200.5, '{"hidden": 300}', 'Chrome', '10.0.0.1') RETURNING id`,
      [officialId, course.lessonIds[0], course.courseId],
    );
    await t.ds.query(`INSERT INTO heartbeat_rejections (session_id, user_id, seq, reason, at) VALUES ($1, $2, 7, 'taken_over', now() - interval '40 minutes')`, [
      sessionId, officialId,
    ]);
  }, 60_000);
  afterAll(async () => t.close());

  it('an official files an appeal on a lesson of a course they are enrolled in', async () => {
    const r = await t.call('POST', '/api/appeals', { token: official, body: { lessonId: course.lessonIds[0], reason: '我完整观看了本讲，但有 5 分钟没有计入学时' } });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      userId: officialId, userName: '李明', unitName: '渝中区市场监督管理局', courseId: course.courseId, courseTitle: '申诉测试课',
      lessonId: course.lessonIds[0], lessonTitle: '第一讲 申诉', status: 'open', decisionReason: null, hours: null, decidedByName: null, decidedAt: null,
    });
    appealId = r.body.id;
  });

  it('one open appeal per lesson: a second one is 409 naming lessonId, and of two at once only one is filed', async () => {
    const again = await t.call('POST', '/api/appeals', { token: official, body: { lessonId: course.lessonIds[0], reason: '再次申诉同一课时的未计学时' } });
    expect(again.status).toBe(409);
    expect(again.body.field).toBe('lessonId');
    const both = await Promise.all(
      [1, 2].map(() => t.call('POST', '/api/appeals', { token: official, body: { lessonId: course.lessonIds[2], reason: '同时提交的两条申诉只能成立一条' } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM appeals WHERE lesson_id = $1`, [course.lessonIds[2]]);
    expect(n).toBe(1);
  });

  it('a lesson of a course one is not enrolled in, or no lesson at all, is 404 naming lessonId; only officials file', async () => {
    for (const lessonId of [other.lessonIds[0], '00000000-0000-4000-8000-000000000000']) {
      const r = await t.call('POST', '/api/appeals', { token: official, body: { lessonId, reason: '这门课我没有选修但想申诉' } });
      expect([r.status, r.body.field]).toEqual([404, 'lessonId']);
    }
    expect((await t.call('POST', '/api/appeals', { token: yz, body: { lessonId: course.lessonIds[0], reason: '管理员不能提交申诉的' } })).status).toBe(403);
  });

  it('a bad body is 400 naming the field, and nothing is filed', async () => {
    const before = await t.ds.query('SELECT count(*)::int AS n FROM appeals');
    for (const [body, field] of [
      [{ lessonId: course.lessonIds[1], reason: '太短' }, 'reason'],
      [{ lessonId: 'not-a-uuid', reason: '课时编号不对的申诉理由' }, 'lessonId'],
      [{ reason: '没有写课时编号的申诉理由' }, 'lessonId'],
    ] as const) {
      const r = await t.call('POST', '/api/appeals', { token: official, body });
      expect([r.status, r.body.field]).toEqual([400, field]);
    }
    expect(await t.ds.query('SELECT count(*)::int AS n FROM appeals')).toEqual(before);
  });

  it('lists: the official their own, 渝中区 admin their subtree, 江北区 admin none of them, the system admin all; with a status filter', async () => {
    const ids = async (token: string, q = '') => (await t.call('GET', `/api/appeals?pageSize=200${q}`, { token })).body.items.map((a: { id: string }) => a.id);
    expect(await ids(official)).toContain(appealId);
    expect(await ids(official2)).toEqual([]);
    expect(await ids(yz)).toContain(appealId);
    expect(await ids(jb)).toEqual([]);
    expect(await ids(sys)).toContain(appealId);
    expect(await ids(yz, '&status=accepted')).toEqual([]);
    const page = await t.call('GET', '/api/appeals?status=open&page=1&pageSize=1', { token: yz });
    expect(page.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.body.items).toHaveLength(1);
    expect((await t.call('GET', '/api/appeals?status=maybe', { token: yz })).body.field).toBe('status');
  });

  it('the appeal comes with the explanation of the official\'s credit for the lesson; another official or an out-of-scope admin gets 404', async () => {
    for (const token of [official, yz, sys]) {
      const r = await t.call('GET', `/api/appeals/${appealId}`, { token });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ id: appealId, status: 'open', explanation: { lessonId: course.lessonIds[0], uncounted: { hidden: 300 } } });
      expect(r.body.explanation.sessions).toEqual([expect.objectContaining({ id: sessionId, verifiedSeconds: 1200.5, device: 'Chrome' })]);
      expect(r.body.explanation.rejectedBeats).toEqual([expect.objectContaining({ sessionId, seq: 7, reason: 'taken_over' })]);
    }
    for (const token of [official2, jb]) {
      const r = await t.call('GET', `/api/appeals/${appealId}`, { token });
      expect([r.status, r.body.field]).toEqual([404, 'id']);
    }
  });

  it('a bad decision is 400 naming the field; the 江北区 admin cannot decide a 渝中区 appeal; an official cannot decide', async () => {
    for (const [body, field] of [
      [{ decision: 'accepted', reason: '核实后补录学时' }, 'hours'],
      [{ decision: 'accepted', hours: 0.25, reason: '核实后补录学时' }, 'hours'],
      [{ decision: 'accepted', hours: 1, reason: '好' }, 'reason'],
      [{ decision: 'maybe', reason: '还没有想好怎么处理' }, 'decision'],
    ] as const) {
      const r = await t.call('POST', `/api/appeals/${appealId}/decision`, { token: yz, body });
      expect([r.status, r.body.field]).toEqual([400, field]);
    }
    const outside = await t.call('POST', `/api/appeals/${appealId}/decision`, { token: jb, body: { decision: 'accepted', hours: 9, reason: '越权处理的申诉' } });
    expect([outside.status, outside.body.field]).toEqual([404, 'id']);
    expect((await t.call('POST', `/api/appeals/${appealId}/decision`, { token: official, body: { decision: 'accepted', hours: 9, reason: '自己采纳自己的申诉' } })).status).toBe(403);
    const [a] = await t.ds.query('SELECT status FROM appeals WHERE id = $1', [appealId]);
    expect(a.status).toBe('open');
  });

  it('nothing is half-written: when the ledger append fails, the appeal stays open', async () => {
    const r0 = await t.call('POST', '/api/appeals', { token: official, body: { lessonId: course.lessonIds[3], reason: '记账失败时申诉应保持待处理' } });
    await t.ds.query(`CREATE FUNCTION test_ledger_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'ledger down'; END $$`);
    await t.ds.query('CREATE TRIGGER test_ledger_down BEFORE INSERT ON credit_ledger FOR EACH ROW EXECUTE FUNCTION test_ledger_down()');
    try {
      const r = await t.call('POST', `/api/appeals/${r0.body.id}/decision`, { token: yz, body: { decision: 'accepted', hours: 1, reason: '核实后补录一学时' } });
      expect(r.status).toBe(500);
    } finally {
      await t.ds.query('DROP TRIGGER test_ledger_down ON credit_ledger');
      await t.ds.query('DROP FUNCTION test_ledger_down()');
    }
    const [a] = await t.ds.query('SELECT status, decided_by, decided_at, hours, correction_entry_id FROM appeals WHERE id = $1', [r0.body.id]);
    expect(a).toEqual({ status: 'open', decided_by: null, decided_at: null, hours: null, correction_entry_id: null });
    expect(await t.ds.query('SELECT id FROM credit_ledger WHERE user_id = $1', [officialId])).toEqual([]);
  });

  it('two concurrent decisions decide once: one correction entry, with the reason, chained and verifiable', async () => {
    const [{ created_at: filedAt }] = await t.ds.query('SELECT created_at FROM appeals WHERE id = $1', [appealId]);
    const before = await t.ds.query(`SELECT count(*)::int AS n FROM credit_ledger WHERE user_id = $1`, [officialId]);
    const answers = await Promise.all([
      t.call('POST', `/api/appeals/${appealId}/decision`, { token: yz, body: { decision: 'accepted', hours: 0.5, reason: '核实日志后补录 0.5 学时' } }),
      t.call('POST', `/api/appeals/${appealId}/decision`, { token: sys, body: { decision: 'accepted', hours: 0.7, reason: '市局核实后补录 0.7 学时' } }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = answers.find((r) => r.status === 200)!;
    const lost = answers.find((r) => r.status === 409)!;
    expect(lost.body.field).toBe('decision');
    expect(won.body).toMatchObject({ id: appealId, status: 'accepted' });
    const entries = await t.ds.query(`SELECT id, kind, course_id, category_id, hours::float AS hours, year, reason, evidence, created_by FROM credit_ledger WHERE user_id = $1`, [officialId]);
    expect(entries).toHaveLength(before[0].n + 1);
    const e = entries[entries.length - 1];
    expect(e).toMatchObject({
      kind: 'correction', course_id: course.courseId, category_id: course.categoryId, hours: won.body.hours, year: chinaYear(filedAt), reason: won.body.decisionReason,
      evidence: { appealId, lessonId: course.lessonIds[0], role: expect.any(String), by: expect.any(String) },
    });
    const [a] = await t.ds.query('SELECT correction_entry_id, decided_by, decided_at FROM appeals WHERE id = $1', [appealId]);
    expect(a.correction_entry_id).toBe(String(e.id));
    expect(a.decided_by).toBe(e.created_by);
    expect(a.decided_at).not.toBeNull();
    expect(won.body.decidedByName).toEqual(expect.any(String));
    // a late third decision changes nothing either
    const late = await t.call('POST', `/api/appeals/${appealId}/decision`, { token: yz, body: { decision: 'rejected', reason: '事后再驳回这条申诉' } });
    expect([late.status, late.body.field]).toEqual([409, 'decision']);
    expect(await t.ds.query(`SELECT count(*)::int AS n FROM credit_ledger WHERE user_id = $1`, [officialId])).toEqual([{ n: before[0].n + 1 }]);
    expect(await verifyLedger(t.ds)).toMatchObject({ broken: [] });
    // the official sees the decision, and can appeal the lesson again now that nothing is open
    expect((await t.call('GET', `/api/appeals/${appealId}`, { token: official })).body).toMatchObject({ status: 'accepted', decisionReason: won.body.decisionReason });
  });

  it('a rejection writes nothing to the ledger', async () => {
    const r0 = await t.call('POST', '/api/appeals', { token: official, body: { lessonId: course.lessonIds[1], reason: '第二讲的学时没有计入，请核实' } });
    expect(r0.status).toBe(201);
    const before = await t.ds.query('SELECT count(*)::int AS n FROM credit_ledger');
    const r = await t.call('POST', `/api/appeals/${r0.body.id}/decision`, { token: yz, body: { decision: 'rejected', hours: 3, reason: '日志显示页面处于隐藏状态' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'rejected', hours: null, decisionReason: '日志显示页面处于隐藏状态', decidedByName: '渝中区组织人事科' });
    expect(await t.ds.query('SELECT count(*)::int AS n FROM credit_ledger')).toEqual(before);
    const [a] = await t.ds.query('SELECT correction_entry_id FROM appeals WHERE id = $1', [r0.body.id]);
    expect(a.correction_entry_id).toBeNull();
  });

  it('exports the appeal list as XLSX: the same scope and filter, every page, Chinese headers', async () => {
    const all = await sheetRows(t, '/api/appeals.xlsx?status=all&pageSize=1', yz);
    expect(all.status).toBe(200);
    expect(all.type).toContain('spreadsheetml');
    expect(all.rows[0]).toEqual(['姓名', '单位', '课程', '课时', '申诉理由', '提交时间', '状态', '补录学时', '处理意见', '处理人', '处理时间']);
    const list = await t.call('GET', '/api/appeals?status=all&pageSize=200', { token: yz });
    expect(all.rows).toHaveLength(1 + list.body.total);
    expect(list.body.total).toBe(4);
    const accepted = all.rows.find((r) => r[6] === '已采纳')!;
    expect(accepted.slice(0, 4)).toEqual(['李明', '渝中区市场监督管理局', '申诉测试课', '第一讲 申诉']);
    expect(accepted[8]).toMatch(/补录/);
    const rejected = await sheetRows(t, '/api/appeals.xlsx?status=rejected', yz);
    expect(rejected.rows.slice(1).map((r) => r[6])).toEqual(['已驳回']);
    expect((await sheetRows(t, '/api/appeals.xlsx', jb)).rows).toHaveLength(1);
    expect((await sheetRows(t, '/api/appeals.xlsx', official)).status).toBe(403);
  });
});

describe('users export (人员名单): the list\'s filters and scope, every page, no secrets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t.close());

  it('exports every user the list shows, with Chinese headers and without password hashes', async () => {
    const yz = await t.login('yz_admin');
    const [{ password_hash: hash, org_unit_id: unit }] = await t.ds.query(`SELECT password_hash, org_unit_id FROM users WHERE username = 'official'`);
    // more than one page of the list's largest page size, and of the export's own page
    await t.ds.query(
      `INSERT INTO users (username, password_hash, name, role, org_unit_id) SELECT 'bulk' || i, $1, '批量学员' || i, 'official', $2 FROM generate_series(1, 1050) i`,
      [hash, unit],
    );
    const sheet = await sheetRows(t, '/api/users.xlsx', yz);
    expect(sheet.status).toBe(200);
    expect(sheet.rows[0]).toEqual(['用户名', '姓名', '角色', '人员编号', '所属单位', '施教机构', '职级', '职务', '执法岗位', '双基人员', '进入公务员队伍日期', '任现职日期', '状态', '创建时间']);
    const list = await t.call('GET', '/api/users?pageSize=1', { token: yz });
    expect(sheet.rows).toHaveLength(1 + list.body.total);
    expect(list.body.total).toBeGreaterThan(1050);
    const names = sheet.rows.slice(1).map((r) => r[0]);
    expect(names).toEqual(expect.arrayContaining(['official', 'official2', 'yz_admin', 'bulk1', 'bulk1050']));
    expect(names).not.toContain('official3');
    expect(sheet.rows.find((r) => r[0] === 'official')!.slice(1, 5)).toEqual(['李明', '学员', 'YZ2019001', '渝中区市场监督管理局']);
    expect(JSON.stringify(sheet.rows)).not.toMatch(/\$argon2|password/i);
    // the filters are the list's
    const filtered = await sheetRows(t, '/api/users.xlsx?q=official&role=official', yz);
    expect(filtered.rows.slice(1).map((r) => r[0]).sort()).toEqual(['official', 'official2']);
    const jb = await sheetRows(t, '/api/users.xlsx', await t.login('jb_admin'));
    expect(jb.rows.slice(1).map((r) => r[0])).not.toContain('official');
    expect((await t.call('GET', '/api/users.xlsx?role=boss', { token: yz })).body.field).toBe('role');
  });
});
