import { DataSource } from 'typeorm';

/** The demo question bank of the 依法行政 course (the seed's rule-of-law theme). */
const YFXZ_BANK = [
  { type: 'single', stem: '行政执法“三项制度”不包括下列哪一项？', options: [['A', '行政执法公示制度'], ['B', '执法全过程记录制度'], ['C', '重大执法决定法制审核制度'], ['D', '执法人员末位淘汰制度']], answer: ['D'], explanation: '三项制度：公示、全过程记录、重大执法决定法制审核。', tags: ['三项制度'] },
  { type: 'single', stem: '行政执法公示应当坚持的原则是？', options: [['A', '以公开为常态、不公开为例外'], ['B', '以不公开为常态'], ['C', '由执法人员自行决定'], ['D', '只向当事人公开']], answer: ['A'], explanation: '', tags: ['三项制度'] },
  { type: 'multiple', stem: '执法全过程记录可以采用的方式有？', options: [['A', '文字记录'], ['B', '音像记录'], ['C', '口头约定'], ['D', '电子数据']], answer: ['A', 'B', 'D'], explanation: '文字和音像记录相结合，口头约定不能作为记录。', tags: ['三项制度'] },
  { type: 'multiple', stem: '依法行政的基本要求包括？', options: [['A', '合法行政'], ['B', '合理行政'], ['C', '程序正当'], ['D', '权责统一']], answer: ['A', 'B', 'C', 'D'], explanation: '', tags: ['依法行政'] },
  { type: 'true_false', stem: '重大执法决定未经法制审核或者审核未通过的，不得作出决定。', options: [], answer: ['true'], explanation: '', tags: ['三项制度'] },
  { type: 'true_false', stem: '行政机关可以在没有法律依据的情况下减损公民的合法权益。', options: [], answer: ['false'], explanation: '法无授权不可为。', tags: ['依法行政'] },
  { type: 'fill', stem: '“法无授权不可为，法定职责必须____”。', options: [], answer: ['为'], explanation: '', tags: ['依法行政'] },
  { type: 'fill', stem: '公务员每年参加脱产培训的累计时间一般应不少于 12 天或 ____ 学时。', options: [], answer: ['90', '九十'], explanation: '见《公务员培训规定》。', tags: ['培训制度'] },
] as const;

/**
 * The demo's assessment: a question bank and a final exam for 依法行政, and a training class of the
 * demo institution with the three demo officials, its peer review open for a month. Idempotent.
 */
export async function seedDemoAssessment(ds: DataSource): Promise<number> {
  const [course] = await ds.query(`SELECT l.course_id AS id FROM media_assets a JOIN lessons l ON l.asset_id = a.id WHERE a.upload_id = 'demo-yfxz-0-0'`);
  const [teacher] = await ds.query(`SELECT id FROM users WHERE username = 'teacher'`);
  const [inst] = await ds.query(`SELECT id FROM institutions WHERE code = 'CQ-XZXY'`);
  if (!course || !teacher || !inst) return 0;
  let created = 0;
  const [has] = await ds.query('SELECT 1 FROM questions WHERE course_id = $1 LIMIT 1', [course.id]);
  if (!has) {
    for (const q of YFXZ_BANK) {
      await ds.query('INSERT INTO questions (course_id, type, stem, options, answer, explanation, tags, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)', [
        course.id, q.type, q.stem, JSON.stringify(q.options.map(([key, text]) => ({ key, text }))), JSON.stringify(q.answer), q.explanation, q.tags, teacher.id,
      ]);
      created++;
    }
  }
  let [exam] = await ds.query(`SELECT id FROM quizzes WHERE course_id = $1 AND kind = 'final_exam'`, [course.id]);
  if (!exam) {
    [exam] = await ds.query(
      `INSERT INTO quizzes (course_id, kind, title, draw, time_limit_minutes, max_attempts, pass_score, reveal)
       VALUES ($1, 'final_exam', '结业考试：依法行政与三项制度', $2, 20, 3, 60, 'after_final') RETURNING id`,
      [course.id, JSON.stringify([{ type: 'single', count: 2 }, { type: 'multiple', count: 1 }, { type: 'true_false', count: 1 }, { type: 'fill', count: 1 }])],
    );
    created++;
  }
  const title = '2026 年第一期新录用公务员初任培训班';
  const [klass] = await ds.query('SELECT id FROM training_classes WHERE title = $1', [title]);
  if (!klass) {
    const year = new Date().getFullYear();
    const [c] = await ds.query(
      `INSERT INTO training_classes (institution_id, title, kind, starts_on, ends_on, exam_quiz_id, peer_review_opens_at, peer_review_closes_at, weights, pass_score)
       VALUES ($1, $2, 'initial', $3, $4, $5, now(), now() + interval '30 days', $6, 60) RETURNING id`,
      [inst.id, title, `${year}-01-05`, `${year}-12-20`, exam.id, JSON.stringify({ instructor: 40, peer: 20, exam: 40 })],
    );
    await ds.query('INSERT INTO class_instructors (class_id, user_id) VALUES ($1, $2)', [c.id, teacher.id]);
    await ds.query(`INSERT INTO class_members (class_id, user_id) SELECT $1, id FROM users WHERE username IN ('official', 'official2', 'official3')`, [c.id]);
    created++;
  }
  // the class's trainees are given the course of its final exam, as the class page does
  await ds.query(
    `INSERT INTO enrolments (user_id, course_id, source) SELECT m.user_id, $2, 'assigned' FROM class_members m JOIN training_classes c ON c.id = m.class_id
      WHERE c.title = $1 ON CONFLICT (user_id, course_id) DO NOTHING`,
    [title, course.id],
  );
  return created;
}
