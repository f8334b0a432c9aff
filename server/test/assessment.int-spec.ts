import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePdf } from '../src/modules/media/pdf';
import { publishedCourse, uploadVideo } from './course-fixtures';
import { evaluate, officials } from './factories';
import { fileForm, startTestApp, TestApp } from './harness';
import { settled, sleep, Viewer } from './viewer';

const PER_PAGE = 2;

/** The bank of the tests: one question of each type, the fill-in with two accepted answers. */
const BANK = [
  { type: 'single', stem: '“一网通办”的主要目标是？', options: [{ key: 'A', text: '减少跑腿' }, { key: 'B', text: '增加材料' }, { key: 'C', text: '延长时限' }], answer: ['A'], explanation: '让数据多跑路，群众少跑腿。', tags: ['政务'] },
  { type: 'multiple', stem: '属于依法行政基本要求的有？', options: [{ key: 'A', text: '合法行政' }, { key: 'B', text: '随意执法' }, { key: 'C', text: '程序正当' }, { key: 'D', text: '权责统一' }], answer: ['A', 'C', 'D'], explanation: '', tags: ['法治'] },
  { type: 'true_false', stem: '行政机关可以法外设定权力。', options: [], answer: ['false'], explanation: '法无授权不可为。', tags: ['法治'] },
  { type: 'fill', stem: '政务服务“____”改革：一次办成。', options: [], answer: ['一网通办', 'YWTB'], explanation: '', tags: ['政务'] },
] as const;

type Drawn = { id: string; type: string; stem: string; options: { key: string; text: string }[] };

/** The right answer of a drawn question in the attempt's own lettering, found by option text. */
function rightAnswer(q: Drawn): string[] {
  const src = BANK.find((b) => b.stem === q.stem)!;
  if (src.type === 'single' || src.type === 'multiple') {
    const texts = src.answer.map((k) => src.options.find((o) => o.key === k)!.text);
    return q.options.filter((o) => texts.includes(o.text as never)).map((o) => o.key);
  }
  if (src.type === 'fill') return ['ｙｗｔｂ '];
  return [...src.answer];
}

describe('assessment: question bank, exams, evaluation, and a course completed by all three', () => {
  let t: TestApp;
  let dir: string;
  let teacher: string;
  let course: { courseId: string; lessonId: string };
  let examId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-assess-'));
    t = await startTestApp({ worker: true, env: { MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads'), HEARTBEAT_FLUSH_MS: '300' } });
    await t.ds.query(`INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1)`, [
      JSON.stringify({ heartbeatIntervalSeconds: 1, attentionMeanMinutes: 0, documentMinSecondsPerPage: PER_PAGE }),
    ]);
    teacher = await t.login('teacher');
    const assetId = await uploadVideo(t, teacher, makePdf(['One page']), 'one.pdf', 'document');
    course = await publishedCourse(t, assetId, '考核测试课', 'document');
    for (const q of BANK) {
      const r = await t.call('POST', `/api/courses/${course.courseId}/questions`, { token: teacher, body: q });
      expect(r.status).toBe(201);
    }
    const exam = await t.call('POST', `/api/courses/${course.courseId}/quizzes`, {
      token: teacher,
      body: { kind: 'final_exam', title: '结业考试', draw: [{ count: 4 }], timeLimitMinutes: 30, maxAttempts: 2, passScore: 75, reveal: 'after_submit' },
    });
    expect(exam.status).toBe(201);
    expect(exam.body).toMatchObject({ questionCount: 4, ready: true });
    examId = exam.body.id;
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (token: string) => t.call('POST', `/api/quizzes/${examId}/attempts`, { token });
  const save = (token: string, attemptId: string, questionId: string, answer: string[]) =>
    t.call('PUT', `/api/attempts/${attemptId}/answers`, { token, body: { questionId, answer } });
  const submit = (token: string, attemptId: string) => t.call('POST', `/api/attempts/${attemptId}/submit`, { token });
  const ledgerOf = async (userId: string) => t.ds.query(`SELECT hours, evidence FROM credit_ledger WHERE user_id = $1 AND course_id = $2 AND kind = 'course'`, [userId, course.courseId]);

  /** Read the one page for its minimum: the document lesson completes. */
  async function readLesson(token: string) {
    const v = new Viewer(t, token, course.lessonId);
    await v.start();
    await v.fetchDocument();
    let pos = 0;
    let last = Date.now();
    while (pos < PER_PAGE - 0.01) {
      await sleep(1000);
      const now = Date.now();
      const next = Math.min(PER_PAGE, pos + (now - last) / 1000);
      await v.beat({ position: next, ranges: [[pos, next]] });
      pos = next;
      last = now;
    }
    await v.beat({ position: pos, ended: true });
    await settled(t);
  }

  async function passExam(token: string) {
    const a = await start(token);
    expect(a.status).toBe(201);
    for (const q of a.body.questions as Drawn[]) expect((await save(token, a.body.id, q.id, rightAnswer(q))).status).toBe(200);
    const r = await submit(token, a.body.id);
    expect(r.body).toMatchObject({ status: 'submitted', score: 100, passed: true });
    return r.body;
  }

  it('grades every type on the server, folding fill-in answers; the attempt sent before the end holds no answers', async () => {
    const [o] = await officials(t, 1, course.courseId, { evaluated: false });
    const a = await start(o.token);
    expect(a.status).toBe(201);
    // nothing of the answers or explanations reaches the browser before the hand-in
    const raw = JSON.stringify(a.body);
    expect(raw).not.toMatch(/"answer"|"explanation"|correctAnswer|YWTB|法无授权|让数据多跑路/);
    expect(a.body.review).toBeNull();
    expect(a.body.questions).toHaveLength(4);
    const qs = a.body.questions as Drawn[];
    for (const q of qs) {
      if (q.options.length) expect(q.options.map((x) => x.key)).toEqual(['A', 'B', 'C', 'D'].slice(0, q.options.length));
    }
    // right: single, fill (full-width, trailing space, other case); wrong: multiple (one short), true/false
    for (const q of qs) {
      const src = BANK.find((b) => b.stem === q.stem)!;
      const right = rightAnswer(q);
      const answer = src.type === 'multiple' ? right.slice(0, 2) : src.type === 'true_false' ? ['true'] : right;
      expect((await save(o.token, a.body.id, q.id, answer)).status).toBe(200);
    }
    // a reload restores the saved answers
    const again = await t.call('GET', `/api/attempts/${a.body.id}`, { token: o.token });
    expect(Object.keys(again.body.answers)).toHaveLength(4);
    const r = await submit(o.token, a.body.id);
    expect(r.body).toMatchObject({ status: 'submitted', correctCount: 2, score: 50, passed: false });
    const byStem = (stem: string) => r.body.review.find((x: { questionId: string }) => x.questionId === qs.find((q) => q.stem === stem)!.id);
    expect(byStem(BANK[0].stem).correct).toBe(true);
    expect(byStem(BANK[1].stem).correct).toBe(false);
    expect(byStem(BANK[2].stem)).toMatchObject({ correct: false, correctAnswer: ['false'], explanation: '法无授权不可为。' });
    expect(byStem(BANK[3].stem).correct).toBe(true);
    // an answer of the wrong shape is refused, naming the field
    const b = await start(o.token);
    const single = (b.body.questions as Drawn[]).find((q) => q.options.length === 3)!;
    const bad = await save(o.token, b.body.id, single.id, ['Z']);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('answer');
    expect((await save(o.token, b.body.id, '00000000-0000-4000-8000-000000000000', ['A'])).body.field).toBe('questionId');
  });

  it('the deadline: an answer a second late is refused and the attempt closes itself with what was saved', async () => {
    const [o] = await officials(t, 1, course.courseId, { evaluated: false });
    const a = await start(o.token);
    const qs = a.body.questions as Drawn[];
    expect((await save(o.token, a.body.id, qs[0].id, rightAnswer(qs[0]))).status).toBe(200);
    // the server's deadline passed one second ago
    await t.ds.query(`UPDATE quiz_attempts SET deadline = now() - interval '1 second' WHERE id = $1`, [a.body.id]);
    const late = await save(o.token, a.body.id, qs[1].id, rightAnswer(qs[1]));
    expect(late.status).toBe(409);
    expect(late.body.field).toBe('answer');
    expect(late.body.message).toContain('已超过作答时限');
    const closed = await t.call('GET', `/api/attempts/${a.body.id}`, { token: o.token });
    expect(closed.body).toMatchObject({ status: 'expired', correctCount: 1, score: 25, passed: false });
    expect(Object.keys(closed.body.answers)).toEqual([qs[0].id]);
    // an attempt nobody reads is closed by the worker's sweep
    const b = await start(o.token);
    await t.ds.query(`UPDATE quiz_attempts SET deadline = now() - interval '1 second' WHERE id = $1`, [b.body.id]);
    const { AttemptCloser } = await import('../src/modules/assessment/attempt-closer');
    expect(await t.app.get(AttemptCloser).closeExpired()).toBe(1);
    const [row] = await t.ds.query('SELECT closed_by, score::float FROM quiz_attempts WHERE id = $1', [b.body.id]);
    expect(row).toEqual({ closed_by: 'expired', score: 0 });
  });

  it('the attempts limit: two attempts, then none', async () => {
    const [o] = await officials(t, 1, course.courseId, { evaluated: false });
    for (let i = 0; i < 2; i++) {
      const a = await start(o.token);
      expect(a.body.number).toBe(i + 1);
      // starting again while one is open returns the open one
      expect((await start(o.token)).body.id).toBe(a.body.id);
      expect((await submit(o.token, a.body.id)).body.passed).toBe(false);
    }
    const third = await start(o.token);
    expect(third.status).toBe(409);
    expect(third.body.message).toContain('作答次数已用完');
    const quizzes = await t.call('GET', `/api/courses/${course.courseId}/quizzes`, { token: o.token });
    expect(quizzes.body.items[0]).toMatchObject({ attemptsLeft: 0, passed: false });
    expect(quizzes.body.items[0].myAttempts).toHaveLength(2);
  });

  it('a double submit grades once and answers the same', async () => {
    const [o] = await officials(t, 1, course.courseId, { evaluated: false });
    const a = await start(o.token);
    for (const q of a.body.questions as Drawn[]) await save(o.token, a.body.id, q.id, rightAnswer(q));
    const [x, y] = await Promise.all([submit(o.token, a.body.id), submit(o.token, a.body.id)]);
    expect(x.status).toBe(200);
    expect(y.status).toBe(200);
    expect(x.body.submittedAt).toBe(y.body.submittedAt);
    expect(x.body.score).toBe(100);
    const z = await submit(o.token, a.body.id);
    expect(z.body.submittedAt).toBe(x.body.submittedAt);
    // after the hand-in nothing can be changed
    expect((await save(o.token, a.body.id, a.body.questions[0].id, ['A'])).status).toBe(409);
  });

  it('an official cannot read, answer or submit another\'s attempt; officials cannot see the bank', async () => {
    const [o1, o2] = await officials(t, 2, course.courseId, { evaluated: false });
    const a = await start(o1.token);
    expect((await t.call('GET', `/api/attempts/${a.body.id}`, { token: o2.token })).status).toBe(404);
    expect((await save(o2.token, a.body.id, a.body.questions[0].id, ['A'])).status).toBe(404);
    expect((await submit(o2.token, a.body.id)).status).toBe(404);
    expect((await t.call('GET', `/api/courses/${course.courseId}/questions`, { token: o1.token })).status).toBe(403);
    expect((await t.call('GET', `/api/quizzes/${examId}/stats`, { token: o1.token })).status).toBe(403);
  });

  it('an XLSX with one bad row imports nothing and names the row; a good one imports all; export reads back', async () => {
    const book = async (rows: (string | null)[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('题库');
      ws.addRow(['题型', '题干', 'A', 'B', 'C', 'D', 'E', 'F', '答案', '解析', '标签']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const good = [
      ['单选题', '导入单选', '甲', '乙', null, null, null, null, 'B', '', '导入'],
      ['判断题', '导入判断', null, null, null, null, null, null, '对', '', '导入'],
      ['填空题', '导入填空', null, null, null, null, null, null, '答案一|答案二', '', '导入'],
    ];
    const before = (await t.call('GET', `/api/courses/${course.courseId}/questions`, { token: teacher })).body.items.length;
    const bad = await t.call('POST', `/api/courses/${course.courseId}/questions/import`, {
      token: teacher,
      raw: fileForm(await book([...good, ['多选题', '导入多选', '甲', '乙', '丙', null, null, null, 'E', '', '']]), 'bank.xlsx') as never,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toContain('第 5 行');
    expect(bad.body.details.rows.map((r: { row: number }) => r.row)).toEqual([5]);
    expect(bad.body.details.rows[0].errors.map((e: { field: string }) => e.field)).toContain('answer');
    expect(bad.body.details.rows[0].errors[0].message).toBe('答案必须是已有选项的字母');
    expect((await t.call('GET', `/api/courses/${course.courseId}/questions`, { token: teacher })).body.items).toHaveLength(before);
    const ok = await t.call('POST', `/api/courses/${course.courseId}/questions/import`, { token: teacher, raw: fileForm(await book(good), 'bank.xlsx') as never });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ committed: true, imported: 3 });
    const list = await t.call('GET', `/api/courses/${course.courseId}/questions?tag=导入`, { token: teacher });
    expect(list.body.items.map((q: { type: string; answer: string[] }) => [q.type, q.answer])).toEqual([['single', ['B']], ['true_false', ['true']], ['fill', ['答案一', '答案二']]]);
    const exp = await fetch(`${t.url}/api/courses/${course.courseId}/questions/export`, { headers: { authorization: `Bearer ${teacher}` } });
    expect(exp.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await exp.arrayBuffer()) as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(1 + before + 3);
    // the imported questions go away again, so that later draws keep their bank
    for (const q of list.body.items) expect((await t.call('DELETE', `/api/questions/${q.id}`, { token: teacher })).status).toBe(200);
  });

  it('credits the course only after lessons, exam and evaluation, exactly once, in whatever order', async () => {
    const [a, b, c] = await officials(t, 3, course.courseId, { evaluated: false });
    // a: lesson → exam → evaluation
    await readLesson(a.token);
    let done = await t.call('GET', `/api/courses/${course.courseId}/completion`, { token: a.token });
    expect(done.body).toMatchObject({ lessons: { total: 1, completed: 1 }, evaluated: false, credited: false, missing: ['exam', 'evaluation'] });
    await passExam(a.token);
    expect(await ledgerOf(a.id)).toHaveLength(0);
    await evaluate(t, a.token, course.courseId);
    done = await t.call('GET', `/api/courses/${course.courseId}/completion`, { token: a.token });
    expect(done.body).toMatchObject({ credited: true, missing: [] });
    // b: evaluation → exam → lesson (the worker's flush completes it)
    await evaluate(t, b.token, course.courseId);
    await passExam(b.token);
    expect(await ledgerOf(b.id)).toHaveLength(0);
    expect((await t.call('GET', `/api/courses/${course.courseId}/completion`, { token: b.token })).body.missing).toEqual(['lessons']);
    await readLesson(b.token);
    // c: lesson, then exam and evaluation at the same moment
    await readLesson(c.token);
    const att = await start(c.token);
    for (const q of att.body.questions as Drawn[]) await save(c.token, att.body.id, q.id, rightAnswer(q));
    await Promise.all([submit(c.token, att.body.id), evaluate(t, c.token, course.courseId)]);
    await settled(t);
    for (const who of [a, b, c]) {
      const entries = await ledgerOf(who.id);
      expect(entries).toHaveLength(1);
      expect(entries[0].evidence).toMatchObject({ rule: 'all-lessons+final-exam+evaluation', exam: { score: 100 } });
    }
    // a second evaluation is refused; nothing more is credited
    const twice = await t.call('POST', `/api/courses/${course.courseId}/evaluation`, { token: a.token, body: { plan: 1, content: 1, teachers: 1, management: 1 } });
    expect(twice.status).toBe(409);
    expect(await ledgerOf(a.id)).toHaveLength(1);
  }, 90_000);

  it('evaluation results stay hidden at 2 responses and appear at 3, without names', async () => {
    const assetId = await uploadVideo(t, teacher, makePdf(['Eval']), 'eval.pdf', 'document');
    const other = await publishedCourse(t, assetId, '评估测试课', 'document');
    const people = await officials(t, 3, other.courseId, { evaluated: false });
    const results = () => t.call('GET', `/api/evaluation-results?courseId=${other.courseId}`, { token: teacher });
    await evaluate(t, people[0].token, other.courseId, { plan: 5, content: 4, teachers: 5, management: 3, comment: '案例很实用' });
    await evaluate(t, people[1].token, other.courseId, { plan: 3, content: 4, teachers: 5, management: 3, comment: '' });
    expect((await results()).body).toEqual({ responses: 2, visible: false, averages: null, distributions: null, comments: null });
    await evaluate(t, people[2].token, other.courseId, { plan: 4, content: 4, teachers: 2, management: 3, comment: '希望增加互动' });
    const r = (await results()).body;
    expect(r).toMatchObject({ responses: 3, visible: true, averages: { plan: 4, content: 4, teachers: 4, management: 3 } });
    expect(r.distributions.teachers).toEqual([0, 1, 0, 0, 2]);
    expect(r.comments.sort()).toEqual(['希望增加互动', '案例很实用'].sort());
    expect(JSON.stringify(r)).not.toMatch(/学员|username|userId/);
    // the institution's and the instructor's results include the course; an official sees none
    const [inst] = await t.ds.query(`SELECT institution_id AS id FROM users WHERE username = 'inst_admin'`);
    const byInst = await t.call('GET', `/api/evaluation-results?institutionId=${inst.id}`, { token: await t.login('inst_admin') });
    expect(byInst.body.responses).toBeGreaterThanOrEqual(3);
    expect((await t.call('GET', `/api/evaluation-results?courseId=${other.courseId}`, { token: people[0].token })).status).toBe(403);
    expect((await t.call('GET', '/api/evaluation-results', { token: teacher })).body.field).toBe('courseId');
  });
});
