import { DataSource } from 'typeorm';
import { ClassesService } from '../modules/assessment/classes.service';
import { LedgerRepository } from '../modules/credits/ledger.repository';
import { chinaYear, PolicyService } from '../modules/policy/policy.service';
import { ClassAdminService } from '../modules/training/class-admin.service';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰', '军', '涛', '明', '超', '霞', '平', '刚', '桂英', '建华', '晓东', '海燕', '志强', '丽华', '文博'];
const UNITS = ['CQ-YZ-ZFB', 'CQ-YZ-SCJ', 'CQ-YZ-JDJ', 'CQ-JB-SFJ', 'CQ-JB-ZWB', 'CQ-RSJ-GWY'];

/** A deterministic pseudo-random sequence: the demo looks the same on every machine. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/**
 * The demo's year so far, for the dashboards: 60 officials across the tree with credit carried
 * over from the previous platform month by month (correction entries with their reason, written
 * through the ledger like any other), the demo initial class given its offline sessions and
 * published, and a finished 双基 class whose trainees' offline days are credited by 结业.
 */
export async function seedDemoCompliance(ds: DataSource): Promise<number> {
  const year = chinaYear();
  const [{ password_hash: hash }] = await ds.query(`SELECT password_hash FROM users WHERE username = 'official'`);
  const [sys] = await ds.query(`SELECT id FROM users WHERE username = 'sysadmin'`);
  const [inst] = await ds.query(`SELECT u.id, u.institution_id FROM users u WHERE u.username = 'inst_admin'`);
  const [has] = await ds.query(`SELECT 1 FROM users WHERE username = 'demo_o01'`);
  if (has || !sys || !inst) return 0;
  const ledger = new LedgerRepository(ds);
  const policy = new PolicyService(ds);
  const classes = new ClassesService(ds, policy);
  const admin = new ClassAdminService(ds, classes, ledger, policy);
  const [legal] = await ds.query(`SELECT id FROM categories WHERE legal ORDER BY sort LIMIT 1`);
  const others: { id: string }[] = await ds.query(`SELECT id FROM categories WHERE NOT legal ORDER BY sort LIMIT 5`);
  const rand = rng(2026);
  const monthsGone = new Date(Date.now() + 8 * 3600_000).getUTCMonth() + 1;
  let created = 0;

  for (let i = 1; i <= 60; i++) {
    const name = SURNAMES[Math.floor(rand() * SURNAMES.length)] + GIVEN[Math.floor(rand() * GIVEN.length)];
    const unit = UNITS[i % UNITS.length];
    const [u] = await ds.query(
      `INSERT INTO users (username, password_hash, name, role, staff_no, org_unit_id, rank_level, position, law_enforcement, grassroots, civil_service_entry_date)
       SELECT $1, $2, $3, 'official', $4, id, $5, $6, $7, $8, $9 FROM org_units WHERE code = $10 RETURNING id`,
      [`demo_o${String(i).padStart(2, '0')}`, hash, name, `D${year}${String(i).padStart(3, '0')}`, i % 6 === 0 ? 'section' : 'clerk', i % 6 === 0 ? '科长' : '科员',
        unit.endsWith('SFJ') || unit.endsWith('SCJ'), i % 5 === 0, `${2008 + (i % 17)}-07-01`, unit],
    );
    // a pace between a third and one and a half of what the year asks, month by month
    const pace = 0.35 + rand() * 1.15;
    for (let m = 1; m <= monthsGone; m++) {
      const hours = Math.round(((90 / 12) * pace * (0.5 + rand())) * 10) / 10;
      if (hours < 0.5) continue;
      const day = 3 + Math.floor(rand() * 24);
      await ds.transaction((tx) =>
        ledger.append(tx, {
          userId: u.id, kind: 'correction', courseId: null, hours, categoryId: (rand() < 0.25 ? legal : others[Math.floor(rand() * others.length)]).id,
          year, evidence: { source: '原网络学院平台', month: m }, reason: `原网络学院平台 ${year} 年 ${m} 月学时迁移`, createdBy: sys.id,
          createdAt: new Date(Date.UTC(year, m - 1, day, 2, 0, 0)),
        }),
      );
    }
    created++;
  }

  // the demo initial class: 12 classroom days in March, 4 hours of rule-of-law content; published
  const [initial] = await ds.query(`SELECT id, starts_on FROM training_classes WHERE kind = 'initial' AND institution_id = $1 ORDER BY created_at LIMIT 1`, [inst.institution_id]);
  if (initial) {
    const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM class_sessions WHERE class_id = $1', [initial.id]);
    if (!n) {
      const topics = ['入职宣誓与宪法教育', '依法行政基本要求', '公务员法及配套法规', '政务服务规范', '公文写作', '机关礼仪', '廉洁从政', '互联网+政务服务', '调查研究方法', '应急管理', '群众工作方法', '结业交流'];
      for (const [k, title] of topics.entries()) {
        await ds.query('INSERT INTO class_sessions (class_id, session_date, title, days, rule_of_law_hours) VALUES ($1, $2, $3, 1, $4)',
          [initial.id, `${year}-03-${String(k + 2).padStart(2, '0')}`, title, k < 2 ? 2 : 0]);
      }
      await ds.query(`UPDATE training_classes SET status = 'published' WHERE id = $1`, [initial.id]);
    }
  }

  // a finished 双基 class: six days in April for the grassroots officials
  const p = { userId: inst.id, role: 'institution_admin' as const, institutionId: inst.institution_id, orgUnitId: null, orgPath: null };
  const c = await classes.create(p as never, {
    title: `${year} 年基层一线干部脱产轮训班`, kind: 'grassroots', appointmentLevel: null, startsOn: `${year}-04-13`, endsOn: `${year}-04-18`, requiredCourseIds: [],
    examQuizId: null, peerReviewOpensAt: null, peerReviewClosesAt: null, weights: { instructor: 100, peer: 0, exam: 0 }, passScore: 60, instructorIds: [],
  });
  for (let d = 0; d < 6; d++) {
    await admin.addSession(p as never, c.id, { sessionDate: `${year}-04-${13 + d}`, title: ['基层治理实务', '依法行政案例', '群众工作', '政务服务一网通办', '应急处置演练', '结业考核'][d], days: 1, ruleOfLawHours: d === 1 ? 3 : 0 });
  }
  await admin.publish(p as never, c.id);
  const trainees: { id: string }[] = await ds.query(`SELECT id FROM users WHERE role = 'official' AND grassroots ORDER BY username`);
  await ds.query('INSERT INTO class_members (class_id, user_id) SELECT $1, unnest($2::uuid[])', [c.id, trainees.map((t) => t.id)]);
  const view = await classes.get(p as never, c.id);
  await admin.recordAttendance(p as never, c.id, {
    records: trainees.flatMap((t, i) => view.sessions.map((s, k) => ({ sessionId: s.id, userId: t.id, present: !(i % 4 === 3 && k === 5) }))),
  });
  for (const [i, t] of trainees.entries()) {
    const s = i % 7 === 6 ? 55 : 70 + (i * 7) % 25;
    await classes.score(p as never, c.id, t.id, { attitude: s, participation: s, interaction: s, results: s, comment: '' });
  }
  await admin.finish(p as never, c.id);
  return created;
}
