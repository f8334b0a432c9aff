import path from 'node:path';
import dayjs from 'dayjs';
import type { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../server/src/database/data-source';
import { DEMO_PASSWORD } from '../../server/src/database/seed';
import { makePdf } from '../../server/src/modules/media/pdf';
import { publishedCourse, uploadVideo, waitForAsset } from '../../server/test/course-fixtures';
import type { TestApp } from '../../server/test/harness';
import { Platform, SHOTS, startPlatform } from './platform';
import { attrBecomes, expectText, inputOf, login } from './browser';

/**
 * 班次考核 (P10) in a real browser: a trainee keeps the learning journal (写实记录) and rates a
 * classmate (民主评议); a second trainee rates the first; the instructor reads the records (one
 * entry, one rater), scores the trainee in the 评分 dialog and sees the weighted total and 合格;
 * the trainee finds the same total in 我的考核; an official outside the class gets a not-found
 * page; a closed window is read-only; an institution admin opens a class with the form, and an
 * admin enrols trainees all or none.
 */

const TITLE = '2026 年第一期新录用公务员初任培训班（e2e）';
const EXAM_COURSE = '依法行政与公务员法（班次 e2e）';
const EXAM_TITLE = '依法行政结业考试';
const JOURNAL = '学习了《公务员法》关于录用与考核的规定，结合本单位执法工作，体会到依法履职必须程序到位、证据充分。';

async function shot(page: Page, name: string) {
  // a full-page shot taken scrolled would draw the sticky header mid-page
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
}

/** A dialog over the page: the viewport only (a full-page shot would leave the mask short). */
async function shotDialog(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SHOTS, name) });
}

/** Click the n-th star (1–5) of a Rate wrapped in the test id. */
async function rate(page: Page, testId: string, n: number) {
  await page.getByTestId(testId).locator('[role="radio"]').nth(n - 1).click();
}

/** Pick an option of an antd Select by typing and clicking the option with this text. */
async function pick(page: Page, select: Locator, typed: string, option: string) {
  await select.click();
  await page.keyboard.type(typed);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await item.waitFor();
  await item.click();
}

describe('the platform in a browser: training classes and their assessment records', () => {
  let p: Platform;
  let ds: DataSource;
  let classId: string;
  let exam: { courseId: string; quizId: string };
  let examClassId: string;
  const ids: Record<string, string> = {};
  const start = dayjs().subtract(5, 'day').format('YYYY-MM-DD');
  const end = dayjs().add(5, 'day').format('YYYY-MM-DD');

  async function api(method: string, route: string, o: { token?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = {};
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(p.url + route, { method, headers, body: o.body !== undefined ? JSON.stringify(o.body) : undefined });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  async function token(username: string) {
    const r = await api('POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.accessToken as string;
  }

  beforeAll(async () => {
    p = await startPlatform();
    ds = new DataSource(dataSourceOptions(p.databaseUrl, { poolSize: 2 }));
    await ds.initialize();
    // officials outside the class (江北区, as official3), with the demo password: one stays out, two are enrolled later
    await ds.query(
      `INSERT INTO users (username, password_hash, name, role, org_unit_id, staff_no)
       SELECT v.username, u.password_hash, v.name, 'official', u.org_unit_id, v.staff_no FROM users u,
              (VALUES ('outsider', '赵强', 'JB2020031'), ('newcomer', '刘洋', 'JB2026002'), ('leaver', '孙悦', 'JB2026003')) AS v(username, name, staff_no)
        WHERE u.username = 'official3'`,
    );
    for (const r of await ds.query(`SELECT id, username FROM users`)) ids[r.username] = r.id;

    // a published course with a final exam, for the class made with the form
    const t = { url: p.url, databaseUrl: p.databaseUrl, ds, call: api, login: token } as unknown as TestApp;
    const teacher = await token('teacher');
    const asset = await uploadVideo(t, teacher, makePdf(['Administration by law'], 'Law (classes e2e)'), 'law.pdf', 'document');
    await waitForAsset(t, asset, 'ready');
    const course = await publishedCourse(t, asset, EXAM_COURSE, 'document');
    for (const [stem, answer] of [['行政机关实施行政许可，可以向申请人收取任何费用。', 'false'], ['公务员应当忠于宪法。', 'true'], ['行政处罚应当公开。', 'true']]) {
      const q = await api('POST', `/api/courses/${course.courseId}/questions`, { token: teacher, body: { type: 'true_false', stem, options: [], answer: [answer], explanation: '', tags: [] } });
      if (q.status !== 201) throw new Error(`createQuestion: ${q.status} ${JSON.stringify(q.body)}`);
    }
    const quiz = await api('POST', `/api/courses/${course.courseId}/quizzes`, {
      token: teacher,
      body: { kind: 'final_exam', title: EXAM_TITLE, draw: [{ count: 3 }], timeLimitMinutes: 20, maxAttempts: 2, passScore: 60, reveal: 'after_submit' },
    });
    if (quiz.status !== 201) throw new Error(`createQuiz: ${quiz.status} ${JSON.stringify(quiz.body)}`);
    exam = { courseId: course.courseId, quizId: quiz.body.id };

    const admin = await token('inst_admin');
    const now = Date.now();
    const created = await api('POST', '/api/classes', {
      token: admin,
      body: {
        title: TITLE,
        kind: 'initial',
        startsOn: start,
        endsOn: end,
        peerReviewOpensAt: new Date(now - 3600_000).toISOString(),
        peerReviewClosesAt: new Date(now + 2 * 86400_000).toISOString(),
        weights: { instructor: 40, peer: 20, exam: 40 },
        passScore: 60,
        instructorIds: [ids.teacher],
      },
    });
    if (created.status !== 201) throw new Error(`createClass: ${created.status} ${JSON.stringify(created.body)}`);
    classId = created.body.id;
    const members = await api('POST', `/api/classes/${classId}/members`, { token: admin, body: { userIds: [ids.official, ids.official2, ids.official3] } });
    if (members.status !== 200) throw new Error(`addClassMembers: ${members.status} ${JSON.stringify(members.body)}`);
    expect(members.body.members).toHaveLength(3);
  }, 120_000);

  afterAll(async () => {
    await ds?.destroy();
    await p?.close();
  });

  it('a trainee writes a journal entry and rates a classmate', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'official');
    await page.getByTestId('menu-classes').click();
    const row = page.getByTestId(`class-row-${classId}`);
    await row.waitFor();
    await expectText(row, TITLE);
    await expectText(row, '初任培训');
    await expectText(row, '学员');
    await shot(page, 'classes-list-official-zh.png');
    await page.getByTestId(`class-link-${classId}`).click();
    await page.waitForURL(new RegExp(`/classes/${classId}$`));
    await attrBecomes(page.getByTestId('class-header'), 'data-role', 'member');
    expect(await page.getByTestId('tab-records').count()).toBe(0);

    // 写实记录: today is offered, the dates outside the class are not
    await page.getByTestId('journal-empty').waitFor();
    const date = await inputOf(page.getByTestId('journal-date'));
    expect(await date.inputValue()).toContain(dayjs().format('YYYY-MM-DD'));
    await date.click();
    const outside = page.locator(`.ant-picker-dropdown:visible td[title="${dayjs().add(6, 'day').format('YYYY-MM-DD')}"]`);
    if (await outside.count()) expect(await outside.getAttribute('class')).toContain('ant-picker-cell-disabled');
    const inside = page.locator(`.ant-picker-dropdown:visible td[title="${dayjs().subtract(1, 'day').format('YYYY-MM-DD')}"]`);
    expect(await inside.getAttribute('class')).not.toContain('ant-picker-cell-disabled');
    await inside.click();
    expect(await date.inputValue()).toContain(dayjs().subtract(1, 'day').format('YYYY-MM-DD'));

    // too short: the shared rule says so before the server is asked
    const content = await inputOf(page.getByTestId('journal-content'));
    await content.fill('很好');
    await page.getByTestId('journal-submit').click();
    await expectText(page.getByTestId('journal-form'), '请至少写 5 个字');
    await content.fill(JOURNAL);
    await page.getByTestId('journal-submit').click();
    await page.getByTestId('journal-entry').waitFor();
    expect(await page.getByTestId('journal-entry').count()).toBe(1);
    expect(await page.getByTestId('journal-entry').getAttribute('data-date')).toBe(dayjs().subtract(1, 'day').format('YYYY-MM-DD'));
    await expectText(page.getByTestId('journal-entry'), '依法履职');
    await expectText(page.getByTestId('journal-count'), '共 1 条');
    expect(await content.inputValue()).toBe('');
    const [j] = await ds.query('SELECT to_char(entry_date, \'YYYY-MM-DD\') AS d, content FROM journal_entries WHERE class_id = $1 AND user_id = $2', [classId, ids.official]);
    expect(j).toEqual({ d: dayjs().subtract(1, 'day').format('YYYY-MM-DD'), content: JOURNAL });
    await content.fill('下午参加了行政执法案例研讨，分组讨论了执法全过程记录。');
    await shot(page, 'classes-journal-zh.png');
    await content.fill('');

    // 民主评议: open; rate 张丽 (official2) on the four points
    await page.getByTestId('tab-peer').click();
    await page.getByTestId('peer-open').waitFor();
    await expectText(page.getByTestId('peer-progress'), '已评 0 / 2 人');
    const mate = ids.official2;
    expect(await page.getByTestId(`peer-submit-${mate}`).isDisabled()).toBe(false);
    await rate(page, `peer-rate-${mate}-attitude`, 5);
    await page.getByTestId(`peer-submit-${mate}`).click();
    await expectText(page.locator('.ant-message'), '请对四个方面全部评分');
    await rate(page, `peer-rate-${mate}-participation`, 4);
    await rate(page, `peer-rate-${mate}-interaction`, 4);
    await rate(page, `peer-rate-${mate}-results`, 5);
    await page.getByTestId(`peer-submit-${mate}`).click();
    await expectText(page.getByTestId(`peer-done-${mate}`), '已评');
    await expectText(page.getByTestId('peer-progress'), '已评 1 / 2 人');
    // unchanged ratings need no second submit; the button now offers a change
    await expectText(page.getByTestId(`peer-submit-${mate}`), '修改评议');
    expect(await page.getByTestId(`peer-submit-${mate}`).isDisabled()).toBe(true);
    expect(await page.getByTestId(`peer-done-${ids.official3}`).count()).toBe(0);
    await shot(page, 'classes-peer-zh.png');
    const [pr] = await ds.query('SELECT attitude, participation, interaction, results FROM peer_reviews WHERE class_id = $1 AND reviewer_id = $2 AND reviewee_id = $3', [
      classId, ids.official, mate,
    ]);
    expect(pr).toEqual({ attitude: 5, participation: 4, interaction: 4, results: 5 });

    // 我的考核 before anything else is in: pending, naming what is missing
    await page.getByTestId('tab-record').click();
    await attrBecomes(page.getByTestId('record-missing'), 'data-missing', 'instructor,peer');
    await attrBecomes(page.getByTestId('record-passed'), 'data-passed', '');
    await expectText(page.getByTestId('record-passed'), '待评定');
    await page.context().close();
  }, 90_000);

  it('a second trainee rates the first', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'official2');
    await page.goto(`${p.url}/classes/${classId}?tab=peer`);
    await page.getByTestId('peer-open').waitFor();
    const mate = ids.official;
    for (const [point, n] of [['attitude', 5], ['participation', 4], ['interaction', 5], ['results', 4]] as const) await rate(page, `peer-rate-${mate}-${point}`, n);
    await page.getByTestId(`peer-submit-${mate}`).click();
    await page.getByTestId(`peer-done-${mate}`).waitFor();
    // what official2 received from official is not shown to them: ratings are anonymous
    await page.getByTestId('tab-record').click();
    await page.getByTestId('record-part-peer').waitFor();
    await expectText(page.getByTestId('record-raters'), '1 人评议');
    await page.context().close();
  }, 60_000);

  it('the instructor reads the records, scores the trainee and sees the weighted total', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'teacher');
    await page.getByTestId('menu-classes').click();
    await expectText(page.getByTestId(`class-row-${classId}`), '授课教师');
    expect(await page.getByTestId('class-create').count()).toBe(0);
    await page.getByTestId(`class-link-${classId}`).click();
    await attrBecomes(page.getByTestId('class-header'), 'data-role', 'instructor');
    expect(await page.getByTestId('members-add').count()).toBe(0);

    const me = ids.official;
    const table = page.getByTestId('records-table');
    await page.getByTestId(`record-row-${me}`).waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(3);
    await attrBecomes(page.getByTestId(`records-journal-${me}`), 'data-count', '1');
    await attrBecomes(page.getByTestId(`records-peer-${me}`), 'data-raters', '1');
    await expectText(page.getByTestId(`records-peer-${me}`), '4.5');
    await expectText(page.getByTestId(`records-result-${me}`), '待评定');
    await expectText(page.getByTestId(`records-instructor-${me}`), '未评分');
    await expectText(page.getByTestId('records-stat-pending'), '3');

    // 评分: four scores and a comment
    await page.getByTestId(`score-open-${me}`).click();
    const modal = page.getByTestId('score-form');
    await modal.waitFor();
    await expectText(page.locator('.ant-modal-title'), '评分 · 李明');
    await page.getByTestId('score-submit').click();
    await expectText(modal, '请输入 0–100 的分数');
    const scores = { attitude: 90, participation: 85, interaction: 88, results: 92 };
    for (const [point, v] of Object.entries(scores)) await (await inputOf(page.getByTestId(`score-${point}`))).fill(String(v));
    await (await inputOf(page.getByTestId('score-comment'))).fill('学习态度端正，积极参与案例研讨，写实记录认真。');
    await shotDialog(page, 'classes-score-modal-zh.png');
    await page.getByTestId('score-submit').click();
    await modal.waitFor({ state: 'hidden' });

    // instructor mean 88.75 (weight 40), peers 4.5 × 20 = 90 (weight 20), no exam: (40 × 88.75 + 20 × 90) / 60 = 89.2
    await attrBecomes(page.getByTestId(`records-total-${me}`), 'data-total', '89.2');
    await expectText(page.getByTestId(`records-result-${me}`), '合格');
    expect(await page.getByTestId(`records-result-${me}`).getAttribute('data-passed')).toBe('true');
    await expectText(page.getByTestId(`score-open-${me}`), '修改评分');
    await expectText(page.getByTestId('records-stat-passed'), '1');
    const [s] = await ds.query(
      'SELECT attitude::float8 AS attitude, participation::float8 AS participation, interaction::float8 AS interaction, results::float8 AS results, comment FROM instructor_scores WHERE class_id = $1 AND user_id = $2',
      [classId, me],
    );
    expect(s).toEqual({ ...scores, comment: '学习态度端正，积极参与案例研讨，写实记录认真。' });
    await page.getByTestId(`record-row-${me}`).locator('.ant-table-row-expand-icon').click();
    await expectText(page.getByTestId(`record-details-${me}`), '学习态度端正');
    await shot(page, 'classes-records-zh.png');

    // English (once the Chinese notice is gone)
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId(`records-result-${me}`), 'Passed');
    await shot(page, 'classes-records-en.png');
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId(`records-result-${me}`), '合格');

    // every trainee's journal, and one trainee's
    await page.getByTestId('tab-journal').click();
    await page.getByTestId('journal-entry').waitFor();
    await expectText(page.getByTestId('journal-entry-name'), '李明');
    await pick(page, page.getByTestId('journal-filter'), '张丽', '张丽');
    await page.getByTestId('journal-empty').waitFor();
    await expectText(page.getByTestId('journal-empty'), '该学员还没有写实记录');
    await page.getByTestId('journal-filter').locator('.ant-select-clear').click({ force: true });
    await page.getByTestId('journal-entry').waitFor();
    await shot(page, 'classes-staff-journal-zh.png');

    await page.getByTestId('tab-info').click();
    await expectText(page.getByTestId('info-weights'), '占 66.7%');
    await expectText(page.getByTestId('info-weights'), '不计入');
    expect(await page.getByTestId('members-table').locator('tbody tr.ant-table-row').count()).toBe(3);
    await shot(page, 'classes-info-zh.png');
    await page.context().close();
  }, 90_000);

  it('the trainee sees the total in 我的考核; a classmate still waiting sees what is missing', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'official');
    await page.goto(`${p.url}/classes/${classId}?tab=record`);
    await attrBecomes(page.getByTestId('record-total'), 'data-total', '89.2');
    await expectText(page.getByTestId('record-total'), '89.2');
    await attrBecomes(page.getByTestId('record-passed'), 'data-passed', 'true');
    await expectText(page.getByTestId('record-passed'), '合格');
    await expectText(page.getByTestId('record-raters'), '1 人评议');
    await expectText(page.getByTestId('record-comment'), '学习态度端正');
    await expectText(page.getByTestId('record-journal'), '1 条');
    await expectText(page.getByTestId('record-part-exam'), '本班次未设结业考试');
    await shot(page, 'classes-my-record-zh.png');
    await page.context().close();

    const other = await p.newPage();
    await login(other, p.url, 'official3');
    await other.goto(`${p.url}/classes/${classId}?tab=record`);
    await attrBecomes(other.getByTestId('record-missing'), 'data-missing', 'instructor,peer');
    await expectText(other.getByTestId('record-missing'), '教师评分、民主评议');
    await shot(other, 'classes-my-record-pending-zh.png');
    await other.context().close();
  }, 60_000);

  it('an official outside the class gets a not-found page', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'outsider');
    await page.getByTestId('menu-classes').click();
    await expectText(page.getByTestId('class-list'), '您还没有被编入培训班次');
    await page.goto(`${p.url}/classes/${classId}`);
    await page.getByTestId('class-not-found').waitFor();
    await expectText(page.getByTestId('class-not-found'), '班次不存在');
    expect(await page.getByTestId('class-title').count()).toBe(0);
    await shot(page, 'classes-not-found-zh.png');
    await page.context().close();
  }, 60_000);

  it('a closed peer review is read-only', async () => {
    await ds.query(`UPDATE training_classes SET peer_review_opens_at = now() - interval '3 days', peer_review_closes_at = now() - interval '1 hour' WHERE id = $1`, [classId]);
    const page = await p.newPage();
    await login(page, p.url, 'official');
    await page.goto(`${p.url}/classes/${classId}?tab=peer`);
    await page.getByTestId('peer-closed').waitFor();
    await expectText(page.getByTestId('peer-closed'), '已不能提交或修改');
    expect(await page.locator('[data-testid^="peer-submit-"]').count()).toBe(0);
    // the ratings given stay visible, the stars disabled
    await expectText(page.getByTestId(`peer-done-${ids.official2}`), '已评');
    expect(await page.getByTestId(`peer-rate-${ids.official2}-attitude`).locator('.ant-rate-disabled').count()).toBe(1);
    expect(await page.getByTestId(`peer-rate-${ids.official2}-attitude`).locator('.ant-rate-star-full').count()).toBe(5);
    await shot(page, 'classes-peer-closed-zh.png');
    // and the server refuses a rating all the same
    const r = await api('POST', `/api/classes/${classId}/peer-review`, {
      token: await token('official'),
      body: { revieweeId: ids.official3, attitude: 3, participation: 3, interaction: 3, results: 3 },
    });
    expect(r.status).toBe(409);
    await page.context().close();
  }, 60_000);

  it('an institution admin opens a class with the form', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'inst_admin');
    await page.getByTestId('menu-classes').click();
    await page.getByTestId(`class-row-${classId}`).waitFor();
    await page.getByTestId('class-create').click();
    const modal = page.getByTestId('class-create-form');
    await modal.waitFor();
    // nothing filled: the form says what is needed
    await page.getByTestId('class-create-submit').click();
    await expectText(modal, '请输入班次名称');
    await expectText(modal, '请选择培训日期');

    await (await inputOf(page.getByTestId('class-title'))).fill('2026 年第二期执法岗位专门业务培训班');
    await pick(page, page.getByTestId('class-kind-select'), '专门', '专门业务培训');
    const from = dayjs().add(10, 'day').format('YYYY-MM-DD');
    const to = dayjs().add(14, 'day').format('YYYY-MM-DD');
    const dates = modal.locator('.ant-picker-range').first().locator('input');
    await dates.nth(0).click();
    await dates.nth(0).fill(from);
    await dates.nth(0).press('Enter');
    await dates.nth(1).fill(to);
    await dates.nth(1).press('Enter');
    await page.keyboard.press('Escape');
    await pick(page, page.getByTestId('class-instructors'), '王', '王老师');
    await page.keyboard.press('Escape');
    await (await inputOf(page.getByTestId('class-weight-peer'))).fill('30');
    await (await inputOf(page.getByTestId('class-pass-score'))).fill('70');
    // a peer weight without a window is refused on the form
    await page.getByTestId('class-create-submit').click();
    await expectText(modal, '未安排民主评议时间时，民主评议的权重须为 0');
    const window = modal.locator('.ant-picker-range').nth(1).locator('input');
    await window.nth(0).click();
    await window.nth(0).fill(`${to} 09:00`);
    await window.nth(0).press('Enter');
    await window.nth(1).fill(`${to} 18:00`);
    await window.nth(1).press('Enter');
    await page.keyboard.press('Escape');
    // the exam: a course's final exam
    await pick(page, page.getByTestId('class-exam-course'), '依法行政', EXAM_COURSE);
    await expectText(page.getByTestId('class-exam-found'), EXAM_TITLE);
    await shotDialog(page, 'classes-create-zh.png');
    await page.getByTestId('class-create-submit').click();
    await page.waitForURL(/\/classes\/[0-9a-f-]{36}\?tab=info$/);
    const newId = new URL(page.url()).pathname.split('/').pop()!;
    await expectText(page.getByTestId('class-title'), '2026 年第二期执法岗位专门业务培训班');
    await expectText(page.getByTestId('class-kind'), '专门业务培训');
    await expectText(page.getByTestId('info-pass-score'), '合格线 70 分');
    await expectText(page.getByTestId('class-info'), '王老师');
    const [c] = await ds.query(
      `SELECT kind, to_char(starts_on, 'YYYY-MM-DD') AS s, to_char(ends_on, 'YYYY-MM-DD') AS e, weights, pass_score, exam_quiz_id,
              (SELECT array_agg(user_id) FROM class_instructors WHERE class_id = c.id) AS instructors FROM training_classes c WHERE id = $1`,
      [newId],
    );
    expect(c).toMatchObject({ kind: 'specialised', s: from, e: to, weights: { instructor: 40, peer: 30, exam: 40 }, pass_score: 70, exam_quiz_id: exam.quizId, instructors: [ids.teacher] });
    const [w] = await ds.query(`SELECT extract(epoch FROM peer_review_closes_at - peer_review_opens_at)::int AS seconds FROM training_classes WHERE id = $1`, [newId]);
    expect(w.seconds).toBe(9 * 3600);
    await expectText(page.getByTestId('info-exam'), EXAM_TITLE);
    await expectText(page.getByTestId('info-exam'), EXAM_COURSE);
    examClassId = newId;
    await page.getByTestId('class-back').click();
    await page.getByTestId(`class-row-${newId}`).waitFor();
    await shot(page, 'classes-list-admin-zh.png');
    await page.context().close();
  }, 90_000);

  it('a trainee added to a class with a final exam is given its course and led to the exam', async () => {
    const admin = await token('inst_admin');
    expect((await api('POST', `/api/classes/${examClassId}/members`, { token: admin, body: { userIds: [ids.official2] } })).status).toBe(200);
    const page = await p.newPage();
    await login(page, p.url, 'official2');
    await page.goto(`${p.url}/classes/${examClassId}?tab=record`);
    await attrBecomes(page.getByTestId('record-missing'), 'data-missing', 'instructor,peer,exam');
    await expectText(page.getByTestId('record-part-exam'), '还没有考试成绩');
    // joining the class gave the exam's course: the exam is one click away
    expect((await ds.query('SELECT source FROM enrolments WHERE user_id = $1 AND course_id = $2', [ids.official2, exam.courseId]))[0]?.source).toBe('assigned');
    await page.getByTestId('record-take-exam').click();
    await page.waitForURL(new RegExp(`/courses/${exam.courseId}/quizzes/${exam.quizId}$`));
    await expectText(page.getByTestId('quiz-intro-title'), EXAM_TITLE);
    await page.context().close();
  }, 60_000);

  it('an admin enrols trainees all or none', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'sysadmin');
    await page.goto(`${p.url}/classes/${classId}?tab=info`);
    await attrBecomes(page.getByTestId('class-header'), 'data-role', 'admin');
    await page.getByTestId('members-add').click();
    const modal = page.getByTestId('members-form');
    await modal.waitFor();
    const select = page.getByTestId('members-select');
    await pick(page, select, '刘洋', '刘洋');
    await pick(page, select, '孙悦', '孙悦');
    // close the list by clicking beside it
    await modal.locator('.ant-typography').first().click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' }).catch(() => undefined);
    // one of the two is disabled before the form is sent: nobody is enrolled, and the dialog says who
    await ds.query(`UPDATE users SET disabled = true WHERE username = 'leaver'`);
    await page.getByTestId('members-submit').click();
    await expectText(page.getByTestId('members-refused'), '1 人不是在用的学员账号');
    await expectText(modal, '孙悦');
    await shotDialog(page, 'classes-members-refused-zh.png');
    expect((await ds.query('SELECT count(*)::int AS n FROM class_members WHERE class_id = $1', [classId]))[0].n).toBe(3);

    // without them, the other is enrolled
    await select.locator('.ant-select-selection-item', { hasText: '孙悦' }).locator('.ant-select-selection-item-remove').click();
    await page.getByTestId('members-submit').click();
    await modal.waitFor({ state: 'hidden' });
    await expectText(page.getByTestId('class-member-count'), '4 人');
    await page.getByTestId(`member-row-${ids.newcomer}`).waitFor();
    expect((await ds.query('SELECT count(*)::int AS n FROM class_members WHERE class_id = $1', [classId]))[0].n).toBe(4);
    await page.context().close();
  }, 60_000);
});
