import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePdf } from '../src/modules/media/pdf';
import { publishedCourse, uploadVideo } from './course-fixtures';
import { officials } from './factories';
import { startTestApp, TestApp } from './harness';

/**
 * P10: a training class's assessment record — the learning journal, the peer review in its window
 * (anonymous), the instructor's scores and the final exam, weighted into four scores and a total.
 */
describe('classes: assessment records (P10)', () => {
  let t: TestApp;
  let dir: string;
  let admin: string;
  let teacher: string;
  let examId: string;
  let people: { id: string; username: string; token: string }[];
  let classId: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'xueshi-class-'));
    t = await startTestApp({ env: { MEDIA_DIR: path.join(dir, 'media'), UPLOAD_DIR: path.join(dir, 'uploads') } });
    admin = await t.login('inst_admin');
    teacher = await t.login('teacher');
    const assetId = await uploadVideo(t, teacher, makePdf(['Class reading']), 'class.pdf', 'document');
    const course = await publishedCourse(t, assetId, '班次考试课', 'document');
    for (const [i, ans] of ['true', 'false', 'true', 'false'].entries()) {
      await t.call('POST', `/api/courses/${course.courseId}/questions`, { token: teacher, body: { type: 'true_false', stem: `判断题 ${i + 1}`, answer: [ans] } });
    }
    const exam = await t.call('POST', `/api/courses/${course.courseId}/quizzes`, {
      token: teacher,
      body: { kind: 'final_exam', title: '结业考核', draw: [{ count: 4 }], timeLimitMinutes: 30, maxAttempts: 3, passScore: 50 },
    });
    examId = exam.body.id;
    people = await officials(t, 4, course.courseId);
    const [teacherRow] = await t.ds.query(`SELECT id FROM users WHERE username = 'teacher'`);
    const created = await t.call('POST', '/api/classes', {
      token: admin,
      body: {
        title: '2026 年第一期初任培训班', kind: 'initial', startsOn: '2026-03-01', endsOn: '2026-03-12', examQuizId: examId,
        peerReviewOpensAt: new Date(Date.now() - 3600_000).toISOString(), peerReviewClosesAt: new Date(Date.now() + 3600_000).toISOString(),
        weights: { instructor: 40, peer: 20, exam: 40 }, passScore: 60, instructorIds: [teacherRow.id],
      },
    });
    expect(created.status).toBe(201);
    classId = created.body.id;
    const enrolled = await t.call('POST', `/api/classes/${classId}/members`, { token: admin, body: { userIds: people.slice(0, 3).map((p) => p.id) } });
    expect(enrolled.body.members).toHaveLength(3);
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrolment is all or none; a class is not visible to outsiders', async () => {
    const sys = await t.login('sysadmin');
    const [instructor] = await t.ds.query(`SELECT id FROM users WHERE username = 'teacher'`);
    const bad = await t.call('POST', `/api/classes/${classId}/members`, { token: admin, body: { userIds: [people[3].id, instructor.id] } });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('userIds');
    expect((await t.call('GET', `/api/classes/${classId}`, { token: admin })).body.members).toHaveLength(3);
    expect((await t.call('GET', `/api/classes/${classId}`, { token: people[3].token })).status).toBe(404);
    expect((await t.call('GET', `/api/classes/${classId}`, { token: people[0].token })).body.myRole).toBe('member');
    expect((await t.call('GET', `/api/classes/${classId}`, { token: sys })).body.myRole).toBe('admin');
    expect((await t.call('GET', '/api/classes', { token: teacher })).body.items.map((c: { id: string }) => c.id)).toContain(classId);
    expect((await t.call('POST', '/api/classes', { token: teacher, body: {} })).status).toBe(403);
  });

  it('the journal: dated entries within the class, the trainee sees their own, the instructors all', async () => {
    const [a, b] = people;
    expect((await t.call('POST', `/api/classes/${classId}/journal`, { token: a.token, body: { entryDate: '2026-03-02', content: '学习了依法行政的基本要求。' } })).status).toBe(201);
    expect((await t.call('POST', `/api/classes/${classId}/journal`, { token: b.token, body: { entryDate: '2026-03-03', content: '参加了案例研讨，发言一次。' } })).status).toBe(201);
    const outside = await t.call('POST', `/api/classes/${classId}/journal`, { token: a.token, body: { entryDate: '2026-04-01', content: '班次结束后的记录' } });
    expect(outside.status).toBe(400);
    expect(outside.body.field).toBe('entryDate');
    const mine = await t.call('GET', `/api/classes/${classId}/journal`, { token: a.token });
    expect(mine.body.items.map((e: { userId: string }) => e.userId)).toEqual([a.id]);
    // asking for someone else's as a trainee still gives one's own
    expect((await t.call('GET', `/api/classes/${classId}/journal?userId=${b.id}`, { token: a.token })).body.items.map((e: { userId: string }) => e.userId)).toEqual([a.id]);
    expect((await t.call('GET', `/api/classes/${classId}/journal`, { token: teacher })).body.items).toHaveLength(2);
  });

  it('the peer review: classmates only, within the window, anonymous', async () => {
    const [a, b, c] = people;
    const state = await t.call('GET', `/api/classes/${classId}/peer-review`, { token: a.token });
    expect(state.body.open).toBe(true);
    expect(state.body.classmates.map((m: { id: string }) => m.id).sort()).toEqual([b.id, c.id].sort());
    const rate = (token: string, revieweeId: string, s: number) =>
      t.call('POST', `/api/classes/${classId}/peer-review`, { token, body: { revieweeId, attitude: s, participation: s, interaction: s, results: s } });
    expect((await rate(a.token, a.id, 5)).body.field).toBe('revieweeId');
    expect((await rate(a.token, people[3].id, 5)).status).toBe(400);
    expect((await rate(a.token, b.id, 6)).body.field).toBe('attitude');
    expect((await rate(a.token, c.id, 5)).status).toBe(200);
    expect((await rate(b.token, c.id, 3)).status).toBe(200);
    // a second rating replaces the first
    expect((await rate(b.token, c.id, 4)).body.classmates.find((m: { id: string }) => m.id === c.id).mine).toEqual({ attitude: 4, participation: 4, interaction: 4, results: 4 });
    await t.ds.query(`UPDATE training_classes SET peer_review_closes_at = now() - interval '1 second' WHERE id = $1`, [classId]);
    const late = await rate(c.token, a.id, 5);
    expect(late.status).toBe(409);
    expect(late.body.message).toContain('不在开放时间');
    const rec = (await t.call('GET', `/api/classes/${classId}/assessment`, { token: teacher })).body.items.find((r: { userId: string }) => r.userId === c.id);
    expect(rec.peer).toEqual({ attitude: 4.5, participation: 4.5, interaction: 4.5, results: 4.5, raters: 2 });
    expect(JSON.stringify(rec)).not.toContain(a.id);
  });

  it('the record: the instructor\'s scores, the peers and the exam weighted into four scores, a total and pass/fail', async () => {
    const [, , c] = people;
    // the exam: c answers every question right (the answers are read from the attempt as drawn)
    const attempt = await t.call('POST', `/api/quizzes/${examId}/attempts`, { token: c.token });
    const [drawn] = await t.ds.query('SELECT questions FROM quiz_attempts WHERE id = $1', [attempt.body.id]);
    for (const q of drawn.questions) await t.call('PUT', `/api/attempts/${attempt.body.id}/answers`, { token: c.token, body: { questionId: q.id, answer: q.answer } });
    expect((await t.call('POST', `/api/attempts/${attempt.body.id}/submit`, { token: c.token })).body.score).toBe(100);
    let own = (await t.call('GET', `/api/classes/${classId}/assessment`, { token: c.token })).body.items;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ userId: c.id, total: null, missing: ['instructor'], exam: { score: 100, passed: true } });
    const scored = await t.call('PUT', `/api/classes/${classId}/scores/${c.id}`, { token: teacher, body: { attitude: 90, participation: 80, interaction: 70, results: 60, comment: '表现积极' } });
    expect(scored.status).toBe(200);
    // instructor 75, peers 4.5 → 90, exam 100: (40·75 + 20·90 + 40·100) / 100 = 88
    expect(scored.body).toMatchObject({ total: 88, passed: true, missing: [], journalEntries: 0 });
    // results: (40·60 + 20·90 + 40·100) / 100 = 82
    expect(scored.body.scores).toEqual({ attitude: 90, participation: 83.3, interaction: 76.7, results: 82 });
    own = (await t.call('GET', `/api/classes/${classId}/assessment`, { token: c.token })).body.items;
    expect(own[0].total).toBe(88);
    // scores out of range, or by someone not teaching the class
    expect((await t.call('PUT', `/api/classes/${classId}/scores/${c.id}`, { token: teacher, body: { attitude: 101, participation: 0, interaction: 0, results: 0 } })).body.field).toBe('attitude');
    expect((await t.call('PUT', `/api/classes/${classId}/scores/${c.id}`, { token: c.token, body: { attitude: 1, participation: 0, interaction: 0, results: 0 } })).status).toBe(403);
    expect((await t.call('PUT', `/api/classes/${classId}/scores/${people[3].id}`, { token: teacher, body: { attitude: 1, participation: 0, interaction: 0, results: 0 } })).status).toBe(404);
  });

  it('candidates: an institution admin finds active officials of its region who are not members yet; members get the exam\'s course', async () => {
    const found = await t.call('GET', `/api/classes/${classId}/candidates?q=${encodeURIComponent(people[3].username)}`, { token: admin });
    expect(found.status).toBe(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([people[3].id]);
    const all = await t.call('GET', `/api/classes/${classId}/candidates`, { token: admin });
    const ids = all.body.items.map((c: { id: string }) => c.id);
    for (const m of people.slice(0, 3)) expect(ids).not.toContain(m.id);
    expect((await t.call('GET', `/api/classes/${classId}/candidates?q=%25`, { token: admin })).body.items).toEqual([]);
    expect((await t.call('GET', `/api/classes/${classId}/candidates`, { token: teacher })).status).toBe(403);
    // a trainee added to the class is given the course of its final exam (to take the exam)
    const [fresh] = await officials(t, 1);
    const enrolledIn = async () =>
      (await t.ds.query(`SELECT count(*)::int AS n FROM enrolments e JOIN quizzes q ON q.course_id = e.course_id WHERE q.id = $1 AND e.user_id = $2`, [examId, fresh.id]))[0].n;
    expect(await enrolledIn()).toBe(0);
    expect((await t.call('POST', `/api/classes/${classId}/members`, { token: admin, body: { userIds: [fresh.id] } })).status).toBe(200);
    expect(await enrolledIn()).toBe(1);
    expect((await t.call('GET', `/api/quizzes/${examId}/attempts`, { token: fresh.token })).status).toBe(404);
    expect((await t.call('POST', `/api/quizzes/${examId}/attempts`, { token: fresh.token })).status).toBe(201);
  });
});
