import { startTestApp, TestApp } from './harness';
import { sheetRows } from './sheets';

interface Flag {
  kind: string;
  users: { id: string; name: string; unitName: string | null }[];
  summaryZh: string;
  summaryEn: string;
  evidence: { sessionId: string; userName: string; lessonTitle: string; startedAt: string; endedAt: string | null; ip: string | null; detailZh: string; detailEn: string }[];
  firstSeen: string;
}

/**
 * 异常提示: play sessions written straight into the database in 2024 (China time), one official
 * per pattern, and a control official who watches like a person and must not be flagged.
 */
describe('anomaly flags (异常提示): four patterns with their evidence, within the admin\'s subtree', () => {
  let t: TestApp;
  let sys: string;
  let yz: string;
  let jb: string;
  let lessonId: string;
  let courseId: string;
  const who: Record<string, string> = {};

  /** an official in the unit with this code */
  async function person(name: string, unit: string): Promise<string> {
    const [u] = await t.ds.query(
      `INSERT INTO users (username, password_hash, name, role, org_unit_id)
       SELECT $1, 'x', $2, 'official', id FROM org_units WHERE code = $3 RETURNING id`,
      [`a_${Object.keys(who).length}_${Date.now()}`, name, unit],
    );
    who[name] = u.id;
    return u.id;
  }

  /** a closed session; times are China time, 'YYYY-MM-DD HH:MM:SS(.fff)' */
  async function session(name: string, start: string, end: string | null, ip: string, verified = 0): Promise<string> {
    const [s] = await t.ds.query(
      `INSERT INTO play_sessions (id, user_id, lesson_id, course_id, started_at, ended_at, ip, verified_seconds)
       VALUES (gen_random_uuid(), $1, $2, $3, ($4 || '+08')::timestamptz, ($5 || '+08')::timestamptz, $6, $7) RETURNING id`,
      [who[name], lessonId, courseId, start, end, ip, verified],
    );
    return s.id;
  }

  const flags = async (token: string, q = 'year=2024'): Promise<Flag[]> => {
    const r = await t.call('GET', `/api/anomalies?${q}`, { token });
    expect(r.status).toBe(200);
    return r.body.items;
  };
  const named = (f: Flag) => f.users.map((u) => u.name).sort();

  beforeAll(async () => {
    t = await startTestApp();
    [sys, yz, jb] = await Promise.all(['sysadmin', 'yz_admin', 'jb_admin'].map((u) => t.login(u)));
    const [cat] = await t.ds.query('SELECT id FROM categories LIMIT 1');
    const [inst] = await t.ds.query('SELECT id FROM institutions LIMIT 1');
    [{ id: courseId }] = await t.ds.query(`INSERT INTO courses (title, category_id, institution_id, status) VALUES ('异常测试课', $1, $2, 'published') RETURNING id`, [
      cat.id, inst.id,
    ]);
    const [ch] = await t.ds.query(`INSERT INTO chapters (course_id, title, position) VALUES ($1, '第一章', 0) RETURNING id`, [courseId]);
    [{ id: lessonId }] = await t.ds.query(`INSERT INTO lessons (course_id, chapter_id, title, kind, position) VALUES ($1, $2, '依法行政第一讲', 'video', 0) RETURNING id`, [
      courseId, ch.id,
    ]);
    for (const [name, unit] of [
      ['同步甲', 'CQ-YZ-SCJ'], ['同步乙', 'CQ-YZ-ZFB'], ['共址丙', 'CQ-YZ-JDJ'], ['通宵丁', 'CQ-YZ-SCJ'], ['长时戊', 'CQ-JB-SFJ'],
      ['倍速己', 'CQ-YZ-SCJ'], ['节奏庚', 'CQ-YZ-ZFB'], ['对照辛', 'CQ-YZ-SCJ'],
    ]) await person(name, unit);

    // identical_timing: 甲 and 乙 start and end in the same seconds; 辛 one second later
    await session('同步甲', '2024-03-05 09:00:00.120', '2024-03-05 09:45:10.300', '10.0.0.1', 2700);
    await session('同步乙', '2024-03-05 09:00:00.870', '2024-03-05 09:45:10.950', '10.0.0.2', 2700);
    await session('对照辛', '2024-03-05 09:00:01.010', '2024-03-05 09:45:10.500', '10.0.0.3', 2650.2);
    // shared_address: three accounts from one address on 3 月 6 日; the control shares another with one person only
    await session('同步甲', '2024-03-06 08:00:00', '2024-03-06 08:20:00', '172.16.5.5', 1150);
    await session('同步乙', '2024-03-06 12:00:00', '2024-03-06 12:20:00', '172.16.5.5', 1150);
    await session('共址丙', '2024-03-06 20:00:00', '2024-03-06 20:30:00', '172.16.5.5', 1700);
    await session('共址丙', '2024-03-06 21:00:00', '2024-03-06 21:10:00', '172.16.5.5', 500);
    await session('对照辛', '2024-03-06 10:00:00', '2024-03-06 10:30:00', '10.9.9.9', 1760.4);
    await session('倍速己', '2024-03-06 11:00:00', '2024-03-06 11:05:00', '10.9.9.9', 100);
    // round_the_clock: 丁 plays in 22 distinct hours of 3 月 7 日; 戊 (江北区) has one 13-hour session
    await session('通宵丁', '2024-03-07 00:10:00', '2024-03-07 06:50:00', '10.0.1.1', 100);
    await session('通宵丁', '2024-03-07 07:05:00', '2024-03-07 13:40:00', '10.0.1.1', 100);
    await session('通宵丁', '2024-03-07 14:00:00', '2024-03-07 21:30:00', '10.0.1.1', 100);
    await session('长时戊', '2024-03-08 08:00:00', '2024-03-08 21:00:00', '10.0.2.1', 100);
    // the control official's working day: 9 distinct hours
    await session('对照辛', '2024-03-07 09:00:00', '2024-03-07 12:00:00', '10.0.0.3', 10000);
    await session('对照辛', '2024-03-07 13:30:00', '2024-03-07 17:50:00', '10.0.0.3', 15000);
    // exact_pacing: 庚 is credited exactly every second of 10 minutes; 己's beats were rejected at exactly 2×
    await session('节奏庚', '2024-03-09 10:00:00', '2024-03-09 10:10:00', '10.0.3.1', 600);
    const fast = await session('倍速己', '2024-03-09 11:00:00', '2024-03-09 11:20:00', '10.0.3.2', 0);
    for (const seq of [3, 4, 5]) {
      await t.ds.query(
        `INSERT INTO heartbeat_rejections (session_id, user_id, seq, reason, at, detail) VALUES ($1, $2, $3, 'speed', '2024-03-09 11:05:00+08', '{"rate": 2}')`,
        [fast, who['倍速己'], seq],
      );
    }
    // the control's beat rejected at 1.5×: not an exact multiple; and a session with verified < elapsed
    const ctl = await session('对照辛', '2024-03-09 15:00:00', '2024-03-09 15:20:00', '10.0.0.3', 1180.6);
    await t.ds.query(`INSERT INTO heartbeat_rejections (session_id, user_id, seq, reason, at, detail) VALUES ($1, $2, 9, 'speed', '2024-03-09 15:05:00+08', '{"rate": 1.5}')`, [
      ctl, who['对照辛'],
    ]);
  }, 60_000);
  afterAll(async () => t.close());

  it('lists each pattern with its officials and evidence sessions, and never the control official', async () => {
    const all = await flags(sys);
    const kinds = (k: string) => all.filter((f) => f.kind === k);

    const [same] = kinds('identical_timing');
    expect(kinds('identical_timing')).toHaveLength(1);
    expect(named(same)).toEqual(['同步乙', '同步甲']);
    expect(same.evidence.map((e) => [e.userName, e.lessonTitle, e.ip]).sort()).toEqual([
      ['同步乙', '依法行政第一讲', '10.0.0.2'], ['同步甲', '依法行政第一讲', '10.0.0.1'],
    ]);
    expect(same.evidence[0]).toMatchObject({ startedAt: expect.stringMatching(/^2024-03-05T01:00:00/), endedAt: expect.stringMatching(/^2024-03-05T01:45:10/) });
    expect(same.summaryZh).toContain('依法行政第一讲');
    expect(same.summaryEn).toContain('same second');
    expect(same.firstSeen).toBe('2024-03-05T01:00:00.120Z');

    const shared = kinds('shared_address');
    expect(shared).toHaveLength(1);
    expect(named(shared[0])).toEqual(['共址丙', '同步乙', '同步甲']);
    expect(shared[0].evidence).toHaveLength(4);
    expect(new Set(shared[0].evidence.map((e) => e.ip))).toEqual(new Set(['172.16.5.5']));
    expect(shared[0].summaryZh).toContain('172.16.5.5');
    expect(shared[0].summaryZh).toContain('2024-03-06');

    const clock = kinds('round_the_clock');
    expect(clock.map(named)).toEqual([['长时戊'], ['通宵丁']]);
    expect(clock[1].summaryZh).toContain('22 个不同小时');
    expect(clock[1].evidence).toHaveLength(3);
    expect(clock[0].summaryEn).toContain('13.0 hours');
    expect(clock[0].evidence[0]).toMatchObject({ userName: '长时戊', ip: '10.0.2.1', detailZh: expect.stringContaining('13.0') });

    const pacing = kinds('exact_pacing');
    expect(pacing.map(named).sort()).toEqual([['倍速己'], ['节奏庚']]);
    const beats = pacing.find((f) => f.users[0].name === '倍速己')!;
    expect(beats.summaryEn).toContain('2×');
    expect(beats.evidence).toEqual([expect.objectContaining({ userName: '倍速己', ip: '10.0.3.2', detailEn: expect.stringContaining('3 beats rejected at 2×') })]);
    const exact = pacing.find((f) => f.users[0].name === '节奏庚')!;
    expect(exact.evidence).toEqual([expect.objectContaining({ userName: '节奏庚', detailZh: expect.stringContaining('600.0') })]);

    for (const f of all) {
      expect(f.users.map((u) => u.name)).not.toContain('对照辛');
      expect(f.evidence.length).toBeGreaterThan(0);
    }
    // nothing is penalised: flags only list
    expect(await t.ds.query('SELECT count(*)::int AS n FROM credit_ledger')).toEqual([{ n: 0 }]);
  });

  it('filters by kind and year', async () => {
    const only = await flags(sys, 'year=2024&kind=shared_address');
    expect(only.map((f) => f.kind)).toEqual(['shared_address']);
    expect(await flags(sys, 'year=2023')).toEqual([]);
    // without a year: the current one, in which nobody has played anything here
    expect(await flags(sys, '')).toEqual([]);
    expect((await t.call('GET', '/api/anomalies?kind=fraud', { token: sys })).body.field).toBe('kind');
    expect((await t.call('GET', '/api/anomalies?year=1999', { token: sys })).body.field).toBe('year');
  });

  it('an org admin sees only the officials of their subtree', async () => {
    const yzFlags = await flags(yz);
    const jbFlags = await flags(jb);
    const names = (fs: Flag[]) => new Set(fs.flatMap((f) => [...f.users.map((u) => u.name), ...f.evidence.map((e) => e.userName)]));
    expect([...names(jbFlags)]).toEqual(['长时戊']);
    expect(jbFlags.map((f) => f.kind)).toEqual(['round_the_clock']);
    expect(names(yzFlags).has('长时戊')).toBe(false);
    expect(names(yzFlags).has('通宵丁')).toBe(true);
    const [{ id: yzUnit }] = await t.ds.query(`SELECT id FROM org_units WHERE code = 'CQ-YZ-ZFB'`);
    const outside = await t.call('GET', `/api/anomalies?year=2024&orgUnitId=${yzUnit}`, { token: jb });
    expect([outside.status, outside.body.field]).toEqual([404, 'orgUnitId']);
    // a node of the subtree narrows the list: 政府办 has 乙 and 庚 only
    const unit = await flags(yz, `year=2024&orgUnitId=${yzUnit}`);
    expect(unit.map((f) => f.kind)).toEqual(['exact_pacing']);
    expect(unit.flatMap(named)).toEqual(['节奏庚']);
    expect((await t.call('GET', '/api/anomalies', { token: await t.login('official') })).status).toBe(403);
  });

  it('exports one row per flagged official per flag as XLSX', async () => {
    const listed = await flags(sys);
    const sheet = await sheetRows(t, '/api/anomalies.xlsx?year=2024', sys);
    expect(sheet.status).toBe(200);
    expect(sheet.rows[0]).toEqual(['类型', '姓名', '单位', '情况说明', '首次出现', '涉及会话数', '课时', 'IP 地址', '会话明细']);
    const body = sheet.rows.slice(1);
    expect(body).toHaveLength(listed.reduce((n, f) => n + f.users.length, 0));
    expect(body.filter((r) => r[0] === '多人学习时间完全一致').map((r) => r[1]).sort()).toEqual(['同步乙', '同步甲']);
    const jia = body.find((r) => r[0] === '同一地址登录多个账号' && r[1] === '同步甲')!;
    expect(jia).toEqual(expect.arrayContaining(['同步甲', '渝中区市场监督管理局', '1', '依法行政第一讲', '172.16.5.5']));
    expect(jia[8]).toContain('2024-03-06 08:00:00');
    expect(body.find((r) => r[1] === '长时戊')![4]).toBe('2024-03-08 08:00:00');
    expect(body.map((r) => r[1])).not.toContain('对照辛');
    const jbSheet = await sheetRows(t, '/api/anomalies.xlsx?year=2024', jb);
    expect(jbSheet.rows.slice(1).map((r) => r[1])).toEqual(['长时戊']);
  });
});
