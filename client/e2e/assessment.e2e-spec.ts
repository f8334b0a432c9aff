import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { QUESTION_COLUMNS } from '../../shared/src/schemas/assessment';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { makePdf } from '../../server/src/modules/media/pdf';
import { publishedCourse, uploadVideo, waitForAsset } from '../../server/test/course-fixtures';
import type { TestApp } from '../../server/test/harness';
import { Platform, SHOTS, startPlatform } from './platform';
import { expectText, login } from './browser';
import { processApp } from '../../server/test/processes';

/**
 * 考试与评估 in a real browser: an instructor keeps the course's question bank (a refused import
 * names its rows; a question added by hand); an official finishes the lesson, sees on the
 * completion card what is still missing, takes the final exam (answers saved one by one, kept
 * over a reload), passes, evaluates the course and finds its hours credited in 我的学习; the
 * instructor reads the exam's statistics and, from three responses, the evaluation results; a
 * quiz whose time runs out is handed in by the page itself.
 */

const POLICY = `INSERT INTO policy_versions (year, settings) VALUES (extract(year from now() at time zone 'Asia/Shanghai'), $1::jsonb)
                ON CONFLICT (year) DO UPDATE SET settings = EXCLUDED.settings`;
const FAST = { heartbeatIntervalSeconds: 2, attentionMeanMinutes: 0, documentMinSecondsPerPage: 2 };
const TITLE = '依法行政与公务员法（考试 e2e）';

const QUESTIONS = [
  {
    type: 'single', stem: '公务员的管理，坚持公开、平等、竞争、择优的原则，依照法定的权限、条件、标准和程序进行。这体现了哪项原则？',
    options: [{ key: 'A', text: '党管干部原则' }, { key: 'B', text: '法治原则' }, { key: 'C', text: '监督约束原则' }, { key: 'D', text: '激励保障原则' }],
    answer: ['B'], explanation: '依照法定权限、条件、标准和程序进行管理，是法治原则的要求。', tags: ['公务员法'],
  },
  {
    type: 'multiple', stem: '下列属于公务员应当履行的义务的有：',
    options: [{ key: 'A', text: '忠于宪法' }, { key: 'B', text: '保守国家秘密和工作秘密' }, { key: 'C', text: '获得工资报酬' }, { key: 'D', text: '忠于职守，勤勉尽责' }],
    answer: ['A', 'B', 'D'], explanation: '获得工资报酬是公务员的权利，不是义务。', tags: ['公务员法'],
  },
  { type: 'true_false', stem: '行政机关实施行政许可，可以向申请人收取任何费用。', options: [], answer: ['false'], explanation: '除法律、行政法规另有规定外，实施行政许可不得收费。', tags: ['行政许可'] },
  { type: 'fill', stem: '我国《行政处罚法》规定，违法行为在____年内未被发现的，不再给予行政处罚（一般情形）。', options: [], answer: ['二', '2', '两'], explanation: '一般情形为二年。', tags: ['行政处罚'] },
  {
    type: 'single', stem: '行政复议机关应当自受理申请之日起多少日内作出行政复议决定（一般情形）？',
    options: [{ key: 'A', text: '30 日' }, { key: 'B', text: '45 日' }, { key: 'C', text: '60 日' }, { key: 'D', text: '90 日' }],
    answer: ['C'], explanation: '', tags: ['行政复议'],
  },
];

/** Wait until an attribute has the value, clicking `refresh` meanwhile when given. */
async function attrBecomes(page: Page, loc: Locator, attr: string, value: string, refresh?: Locator, timeout = 20_000) {
  const until = Date.now() + timeout;
  for (;;) {
    if ((await loc.count()) && (await loc.getAttribute(attr)) === value) return;
    if (Date.now() > until) break;
    if (refresh && (await refresh.count())) await refresh.click();
    await page.waitForTimeout(400);
  }
  expect(await loc.getAttribute(attr)).toBe(value);
}

/**
 * Save the quiz form and wait for it to close. Under a loaded CI machine a click on OK has been seen
 * not to submit (the modal re-rendering under it): when the form is still open after a while with no
 * error shown, OK is pressed again (saving the same settings twice is harmless); an error shown fails
 * the test with its text.
 */
async function saveQuizForm(page: Page, form: Locator) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId('quiz-modal-ok').click();
    try {
      await form.waitFor({ state: 'hidden', timeout: 10_000 });
      return;
    } catch {
      const errors = await page.locator('.ant-form-item-explain-error, .ant-message-error').allInnerTexts();
      if (errors.length) throw new Error(`the quiz form was refused: ${errors.join(' | ')}`);
    }
  }
  await form.waitFor({ state: 'hidden' });
}

async function shot(page: Page, name: string) {
  // a full-page shot taken scrolled would draw the sticky header mid-page
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('题库');
  ws.addRow(QUESTION_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(r);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'xueshi-bank-')), 'questions.xlsx');
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

describe('the platform in a browser: question bank, final exam, evaluation and credit', () => {
  let p: Platform;
  let ds: DataSource;
  let t: TestApp;
  let course: { courseId: string; lessonId: string };
  let examId: string;

  beforeAll(async () => {
    p = await startPlatform();
    ds = new DataSource(dataSourceOptions(p.databaseUrl, { poolSize: 2 }));
    await ds.initialize();
    t = processApp(p.url, p.databaseUrl, '', ds);

    // a one-page document read for 2 s: the quickest lesson to complete
    await ds.query(POLICY, [JSON.stringify(FAST)]);
    const teacher = await t.login('teacher');
    const asset = await uploadVideo(t, teacher, makePdf(['Chapter 1  Administration by law\nThe civil service law in practice.'], 'Law (e2e)'), 'law.pdf', 'document');
    await waitForAsset(t, asset, 'ready');
    course = await publishedCourse(t, asset, TITLE, 'document');

    for (const q of QUESTIONS) {
      const r = await t.call('POST', `/api/courses/${course.courseId}/questions`, { token: teacher, body: q });
      if (r.status !== 201) throw new Error(`createQuestion: ${r.status} ${JSON.stringify(r.body)}`);
    }
    const exam = await t.call('POST', `/api/courses/${course.courseId}/quizzes`, {
      token: teacher,
      body: { kind: 'final_exam', title: '依法行政结业考试', draw: [{ count: 3 }], timeLimitMinutes: 20, maxAttempts: 2, passScore: 60, reveal: 'after_submit' },
    });
    if (exam.status !== 201) throw new Error(`createQuiz: ${exam.status} ${JSON.stringify(exam.body)}`);
    expect(exam.body.ready).toBe(true);
    examId = exam.body.id;

    expect((await t.call('POST', `/api/courses/${course.courseId}/enrol`, { token: await t.login('official') })).status).toBe(200);
  }, 150_000);

  afterAll(async () => {
    await ds?.destroy();
    await p?.close();
  });

  it('an instructor keeps the question bank: filters, a refused import names its rows, a question added by hand', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'teacher');
    await page.goto(`${p.url}/courses/${course.courseId}/edit?tab=bank`);
    const bank = page.getByTestId('question-bank');
    await expectText(bank.getByTestId('bank-total'), `共 ${QUESTIONS.length} 题`);
    await expectText(page.getByTestId('bank-count-single'), '单选题 2');
    expect(await page.locator('[data-testid^="question-row-"]').count()).toBe(QUESTIONS.length);

    // search narrows the list
    await page.getByTestId('bank-search').locator('input').fill('行政复议');
    await page.getByTestId('bank-search').locator('input').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="question-row-"]').length === 1);
    await page.getByTestId('bank-search').locator('input').fill('');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="question-row-"]').length === n, QUESTIONS.length);
    await shot(page, 'assessment-bank-zh.png');

    // 导出: the bank as a spreadsheet in the import layout
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bank-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['题型', '题干']);
    expect(sheet.actualRowCount).toBe(QUESTIONS.length + 1);

    // a file with bad rows imports nothing and names each row with its error
    await page.getByTestId('bank-import').click();
    const modal = page.getByTestId('bank-import-modal');
    await modal.waitFor();
    const bad = await xlsx([
      ['单选题', '好的一行', '甲', '乙', '', '', '', '', 'A', '', '导入'],
      ['问答题', '题型无效的一行', '', '', '', '', '', '', '对', '', ''],
      ['单选题', '答案不是选项的一行', '甲', '乙', '', '', '', '', 'D', '', ''],
    ]);
    await modal.getByTestId('import-file-input').setInputFiles(bad);
    await page.getByTestId('bank-import-run').click();
    const report = modal.getByTestId('bank-import-report');
    await report.waitFor();
    expect(await report.getAttribute('data-committed')).toBe('false');
    await expectText(modal.getByTestId('bank-import-summary'), '未导入任何题目');
    await modal.getByTestId('bank-import-row-3').waitFor();
    await modal.getByTestId('bank-import-row-4').waitFor();
    expect(await modal.getByTestId('bank-import-row-2').count()).toBe(0);
    await expectText(modal.getByTestId('bank-import-row-errors-3'), '题型');
    await shot(page, 'assessment-bank-import-rejected-zh.png');
    const [{ n: afterBad }] = await ds.query('SELECT count(*)::int AS n FROM questions WHERE course_id = $1 AND deleted_at IS NULL', [course.courseId]);
    expect(afterBad).toBe(QUESTIONS.length);

    // the good file goes in
    const good = await xlsx([['判断题', '公务员可以参与营利性活动。', '', '', '', '', '', '', '错', '不得从事或参与营利性活动。', '公务员法']]);
    await modal.getByTestId('import-file-input').setInputFiles(good);
    await page.getByTestId('bank-import-run').click();
    await attrBecomes(page, report, 'data-committed', 'true');
    await expectText(modal.getByTestId('bank-import-summary'), '已导入 1 道题目');
    await page.keyboard.press('Escape');
    await expectText(bank.getByTestId('bank-total'), `共 ${QUESTIONS.length + 1} 题`);

    // a multiple-choice question typed in the form
    await page.getByTestId('question-add').click();
    const qm = page.getByTestId('question-modal');
    await qm.waitFor();
    await qm.getByText('多选题', { exact: true }).click();
    await qm.getByTestId('q-stem').fill('行政执法“三项制度”包括：');
    for (const [k, text] of [['A', '行政执法公示制度'], ['B', '执法全过程记录制度'], ['C', '重大执法决定法制审核制度'], ['D', '执法人员轮岗制度']]) {
      await qm.getByTestId(`q-option-${k}`).fill(text);
    }
    // one answer is not enough for a multiple-choice question
    await qm.getByTestId('q-correct-A').click();
    await page.getByTestId('question-modal-ok').click();
    await expectText(qm.getByTestId('question-problem'), '多选题至少有两个正确选项');
    await qm.getByTestId('q-correct-B').click();
    await qm.getByTestId('q-correct-C').click();
    await qm.getByTestId('q-explanation').fill('三项制度：公示、全过程记录、法制审核。');
    await shot(page, 'assessment-question-modal-zh.png');
    await page.getByTestId('question-modal-ok').click();
    await qm.waitFor({ state: 'hidden' });
    await expectText(bank.getByTestId('bank-total'), `共 ${QUESTIONS.length + 2} 题`);
    const [added] = await ds.query(`SELECT type, answer, options FROM questions WHERE course_id = $1 AND stem LIKE '行政执法%'`, [course.courseId]);
    expect(added.type).toBe('multiple');
    expect(added.answer).toEqual(['A', 'B', 'C']);
    expect(added.options).toHaveLength(4);

    // the exam's settings, ready with this bank
    await page.getByTestId('tab-quizzes').click();
    await page.getByTestId('final-exam-card').waitFor();
    await expectText(page.getByTestId('final-exam-title'), '依法行政结业考试');
    await expectText(page.getByTestId('quiz-draw-text'), '任意题型 3 题');
    expect(await page.getByTestId('quiz-not-ready').count()).toBe(0);

    // asking more of the bank than it holds: warned in the form, and 题库题目不足 once saved
    const setCount = async (n: number) => {
      await page.getByTestId('final-exam-card').getByTestId('quiz-edit').click();
      const form = page.getByTestId('quiz-modal');
      await form.waitFor();
      const count = form.getByTestId('quiz-rule-count-0');
      const input = (await count.evaluate((e) => e.tagName)) === 'INPUT' ? count : count.locator('input');
      await input.fill(String(n));
      return form;
    };
    let form = await setCount(30);
    await expectText(form.getByTestId('quiz-rule-available-0'), `题库中符合 ${QUESTIONS.length + 2} 题`);
    await form.getByTestId('quiz-modal-short').waitFor();
    await shot(page, 'assessment-quiz-modal-zh.png');
    await saveQuizForm(page, form);
    await expectText(page.getByTestId('quiz-not-ready'), '题库题目不足');
    await shot(page, 'assessment-quizzes-not-ready-zh.png');
    form = await setCount(3);
    // the warning goes once the form has taken the new count (the form re-renders after the fill)
    await form.getByTestId('quiz-modal-short').waitFor({ state: 'detached', timeout: 10_000 });
    await saveQuizForm(page, form);
    await page.getByTestId('quiz-not-ready').waitFor({ state: 'detached' });
    await expectText(page.getByTestId('quiz-draw-text'), '任意题型 3 题');
    await shot(page, 'assessment-quizzes-zh.png');
    await page.context().close();
  }, 120_000);

  it('an official completes the lesson, passes the final exam, evaluates the course and is credited', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'official');

    // before anything: the card lists all three
    await page.goto(`${p.url}/courses/${course.courseId}`);
    const missing = page.getByTestId('completion-missing');
    await attrBecomes(page, missing, 'data-missing', 'lessons,exam,evaluation');
    await expectText(missing, '学完全部课时');

    // the lesson: one page read for its 2 s
    await page.goto(`${p.url}/lessons/${course.lessonId}?course=${course.courseId}`);
    await page.locator('[data-testid="learning-panel"][data-status="active"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('player-completed').waitFor({ timeout: 30_000 });
    // the card beside the reader follows: the lesson done, the rest still to do
    await attrBecomes(page, page.getByTestId('completion-lessons'), 'data-done', 'true', page.getByTestId('completion-refresh'));
    await shot(page, 'assessment-player-completion-zh.png');

    // the course page: lessons done; the exam and the evaluation still missing
    await page.goto(`${p.url}/courses/${course.courseId}`);
    const card = page.getByTestId('completion-card');
    await attrBecomes(page, page.getByTestId('completion-missing'), 'data-missing', 'exam,evaluation', page.getByTestId('completion-refresh'));
    await expectText(page.getByTestId('completion-missing'), '通过结业考试、提交课程评估');
    await expectText(card.getByTestId('completion-lessons'), '1/1');
    await expectText(card.getByTestId('completion-exam'), '剩余 2 次');
    await expectText(card.getByTestId('completion-evaluation'), '未提交');
    await shot(page, 'assessment-completion-missing-zh.png');

    // 考试须知, then the attempt
    await card.getByTestId('take-exam').click();
    await page.getByTestId('quiz-intro').waitFor();
    await expectText(page.getByTestId('quiz-attempts-used'), '已用 0 / 2 次');
    await page.getByTestId('quiz-start').click();
    await page.waitForURL(/\/attempts\/[0-9a-f-]+$/);
    const attemptId = page.url().split('/').pop()!;
    await page.getByTestId('quiz-question-3').waitFor();
    expect(await page.locator('[data-testid^="quiz-question-"]').count()).toBe(3);
    const timer = Number(await page.getByTestId('quiz-timer').getAttribute('data-seconds'));
    expect(timer).toBeGreaterThan(19 * 60);
    expect(timer).toBeLessThanOrEqual(20 * 60);

    /** answer question n correctly: the right answer from the bank, the option found by its text */
    const answer = async (n: number) => {
      const q = page.getByTestId(`quiz-question-${n}`);
      const id = (await q.getAttribute('data-question-id'))!;
      const [row] = await ds.query('SELECT type, options, answer FROM questions WHERE id = $1', [id]);
      if (row.type === 'single' || row.type === 'multiple') {
        const texts = (row.options as { key: string; text: string }[]).filter((o) => row.answer.includes(o.key)).map((o) => o.text);
        for (const text of texts) await q.locator('[data-testid^="option-"]', { hasText: text }).click();
      } else if (row.type === 'true_false') {
        await q.getByTestId(`tf-${row.answer[0]}`).click();
      } else {
        await q.getByTestId('fill-input').fill(row.answer[0]);
      }
      return id;
    };

    // one answer, saved at once, and still there after a reload
    const first = await answer(1);
    await expectText(page.getByTestId('save-status'), '已保存');
    expect(await page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    const [saved] = await ds.query('SELECT answers FROM quiz_attempts WHERE id = $1', [attemptId]);
    expect(saved.answers[first]?.length).toBeGreaterThan(0);
    await page.reload();
    await page.getByTestId('quiz-question-1').waitFor();
    expect(await page.getByTestId('nav-1').getAttribute('data-answered')).toBe('true');
    expect(await page.getByTestId('nav-2').getAttribute('data-answered')).toBe('false');
    await expectText(page.getByTestId('quiz-answered-count'), '已答 1 / 3');

    // handing in with questions open lists them, and can be called off
    await page.getByTestId('quiz-submit').click();
    await expectText(page.getByTestId('quiz-unanswered-list'), '第 2、3 题');
    await page.getByTestId('quiz-submit-cancel').click();

    await answer(2);
    await answer(3);
    await page.waitForFunction(() => document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved', null, { timeout: 10_000 });
    await expectText(page.getByTestId('quiz-answered-count'), '已答 3 / 3');
    await shot(page, 'assessment-quiz-zh.png');

    await page.getByTestId('quiz-submit').click();
    await page.getByTestId('quiz-all-answered').waitFor();
    await page.getByTestId('quiz-submit-confirm').click();
    const result = page.getByTestId('quiz-result');
    await result.waitFor();
    expect(await result.getAttribute('data-passed')).toBe('true');
    await expectText(page.getByTestId('quiz-verdict'), '通过');
    expect(Number(await page.getByTestId('quiz-score').getAttribute('data-score'))).toBe(100);
    await expectText(page.getByTestId('quiz-correct-count'), '3 / 3');
    // the review with its explanations (this exam reveals after each submission)
    expect(await page.locator('[data-testid^="review-"][data-correct="true"]').count()).toBe(3);
    expect(await page.getByTestId('review-explanation').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('quiz-retake').count()).toBe(0);
    await attrBecomes(page, page.getByTestId('completion-missing'), 'data-missing', 'evaluation', page.getByTestId('completion-refresh'));
    await shot(page, 'assessment-result-zh.png');

    // the evaluation: four ratings and a comment
    await page.getByTestId('evaluate-course').click();
    await page.getByTestId('eval-form').waitFor();
    await page.getByTestId('eval-submit').click();
    await expectText(page.getByTestId('eval-form'), '请评分');
    const stars: Record<string, number> = { plan: 5, content: 4, teachers: 5, management: 4 };
    for (const [point, n] of Object.entries(stars)) {
      await page.getByTestId(`eval-rate-${point}`).locator('[role="radio"]').nth(n - 1).click();
      await expectText(page.getByTestId(`eval-rate-${point}-text`), `${n} 分`);
    }
    await page.getByTestId('eval-comment').fill('案例贴近执法实际，建议增加行政复议案例。');
    await shot(page, 'assessment-evaluation-zh.png');
    await page.getByTestId('eval-submit').click();
    await page.getByTestId('eval-done').waitFor();
    expect(await page.getByTestId('eval-form').getAttribute('data-submitted')).toBe('true');
    expect(await page.getByTestId('eval-submit').count()).toBe(0);
    await attrBecomes(page, page.getByTestId('completion-card'), 'data-credited', 'true', page.getByTestId('completion-refresh'));
    await expectText(page.getByTestId('completion-credited'), '学时已计入');
    await shot(page, 'assessment-evaluated-zh.png');
    const [ev] = await ds.query('SELECT e.plan, e.content, e.teachers, e.management, e.comment FROM course_evaluations e JOIN users u ON u.id = e.user_id WHERE u.username = $1', ['official']);
    expect(ev).toMatchObject({ plan: 5, content: 4, teachers: 5, management: 4 });

    // 我的学习: the course's hours credited
    await page.getByTestId('menu-my-learning').click();
    const credited = page.getByTestId(`course-credited-${course.courseId}`);
    for (let i = 0; i < 20 && !(await credited.count()); i++) {
      await page.waitForTimeout(500);
      await page.getByTestId('mine-refresh').click();
    }
    await expectText(credited, '已获学时');
    // exactly one ledger entry for the course, its evidence naming the exam and the evaluation
    const entries = await ds.query(
      `SELECT l.evidence FROM credit_ledger l JOIN users u ON u.id = l.user_id WHERE u.username = 'official' AND l.course_id = $1 AND l.kind = 'course'`,
      [course.courseId],
    );
    expect(entries).toHaveLength(1);
    expect(entries[0].evidence.rule).toBe('all-lessons+final-exam+evaluation');
    expect(entries[0].evidence.exam.attemptId).toBe(attemptId);
    await shot(page, 'assessment-my-learning-zh.png');
    await page.context().close();
  }, 150_000);

  it('the instructor reads the exam statistics, and the evaluation results from three responses', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'teacher');
    await page.goto(`${p.url}/courses/${course.courseId}/edit?tab=quizzes`);
    await page.getByTestId('final-exam-card').getByTestId('quiz-stats').click();
    await page.waitForURL(new RegExp(`/quizzes/${examId}/stats$`));
    await expectText(page.getByTestId('stats-attempts'), '1');
    await expectText(page.getByTestId('stats-passRate'), '100%');
    await page.locator('[data-testid="stats-chart"][data-ready="true"]').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('stats-questions').locator('tbody tr.ant-table-row').count()).toBe(3);
    await shot(page, 'assessment-stats-zh.png');
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('stats-title'), 'Statistics');
    await shot(page, 'assessment-stats-en.png');
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('stats-title'), '测验统计');

    // one response: nothing shown
    await page.goto(`${p.url}/courses/${course.courseId}/edit?tab=evaluation`);
    await expectText(page.getByTestId('eval-results-hidden'), '满 3 份评估后显示结果');
    // two more officials' evaluations (as their own submissions would write them)
    await ds.query(
      `INSERT INTO course_evaluations (course_id, user_id, plan, content, teachers, management, comment)
       SELECT $1, id, 4, 3, 5, 4, CASE username WHEN 'official2' THEN '希望多一些案例分析。' ELSE '' END FROM users WHERE username IN ('official2', 'official3')`,
      [course.courseId],
    );
    await page.reload();
    await attrBecomes(page, page.getByTestId('eval-results'), 'data-visible', 'true');
    await expectText(page.getByTestId('eval-results-responses'), '3');
    await expectText(page.getByTestId('eval-average-plan'), '4.33');
    expect(await page.getByTestId('eval-comment-item').count()).toBe(2);
    await shot(page, 'assessment-evaluation-results-zh.png');
    await page.context().close();
  }, 90_000);

  it('a quiz whose time runs out is handed in by the page with the saved answers', async () => {
    const teacher = await t.login('teacher');
    const quiz = await t.call('POST', `/api/courses/${course.courseId}/quizzes`, {
      token: teacher,
      body: { kind: 'lesson_quiz', lessonId: course.lessonId, title: '第一讲课后测验', draw: [{ type: 'single', count: 2 }], timeLimitMinutes: 5, maxAttempts: 3, passScore: 100, reveal: 'after_final' },
    });
    expect(quiz.status).toBe(201);
    expect((await t.call('POST', `/api/courses/${course.courseId}/enrol`, { token: await t.login('official2') })).status).toBe(200);

    const page = await p.newPage();
    await login(page, p.url, 'official2');
    await page.goto(`${p.url}/courses/${course.courseId}`);
    await page.getByTestId('lesson-quiz').click();
    await page.getByTestId('quiz-start').click();
    await page.waitForURL(/\/attempts\/[0-9a-f-]+$/);
    const attemptId = page.url().split('/').pop()!;
    await page.getByTestId('quiz-question-2').waitFor();
    await page.getByTestId('quiz-question-1').getByTestId('option-A').click();
    await expectText(page.getByTestId('save-status'), '已保存');

    // the deadline moved to a few seconds from now (the server's clock decides): the page counts down and hands in
    await ds.query(`UPDATE quiz_attempts SET deadline = now() + interval '6 seconds' WHERE id = $1`, [attemptId]);
    await page.reload();
    await page.getByTestId('quiz-question-1').waitFor();
    expect(await page.getByTestId('quiz-question-1').getByTestId('option-A').getAttribute('data-checked')).toBe('true');
    expect(Number(await page.getByTestId('quiz-timer').getAttribute('data-seconds'))).toBeLessThanOrEqual(6);
    const result = page.getByTestId('quiz-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.getAttribute('data-status')).toBe('expired');
    await page.getByTestId('quiz-closed-note').waitFor();
    // not passed, attempts left, answers held back until the last attempt or a pass
    expect(await result.getAttribute('data-passed')).toBe('false');
    await page.getByTestId('quiz-retake').waitFor();
    await expectText(page.getByTestId('quiz-review-hidden'), '答案与解析将在通过考试或作答次数用完后公布');
    await shot(page, 'assessment-timeout-zh.png');
    const [row] = await ds.query('SELECT closed_by, answers FROM quiz_attempts WHERE id = $1', [attemptId]);
    expect(row.closed_by).toBe('expired');
    expect(Object.keys(row.answers)).toHaveLength(1);
    await page.context().close();
  }, 90_000);
});
