import { randomBytes } from 'node:crypto';
import type { TestApp } from './harness';

/**
 * n officials in a 渝中区 unit with the demo password, enrolled in the given course and (unless
 * told) having submitted its evaluation — so that watching alone decides the course's credit.
 */
export async function officials(t: TestApp, n: number, courseId?: string, opts: { evaluated?: boolean } = {}): Promise<{ id: string; username: string; token: string }[]> {
  const [{ password_hash: hash, org_unit_id: unit }] = await t.ds.query(`SELECT password_hash, org_unit_id FROM users WHERE username = 'official'`);
  const out: { id: string; username: string; token: string }[] = [];
  for (let i = 0; i < n; i++) {
    const username = `o${randomBytes(4).toString('hex')}`;
    const [u] = await t.ds.query(`INSERT INTO users (username, password_hash, name, role, org_unit_id) VALUES ($1, $2, $3, 'official', $4) RETURNING id`, [
      username, hash, `学员${i}`, unit,
    ]);
    if (courseId) await t.ds.query(`INSERT INTO enrolments (user_id, course_id, source) VALUES ($1, $2, 'elective')`, [u.id, courseId]);
    const token = await t.login(username);
    if (courseId && opts.evaluated !== false) await evaluate(t, token, courseId);
    out.push({ id: u.id, username, token });
  }
  return out;
}

/** Submit the course evaluation (评估, P9) as the official: one of the three parts of a course's completion. */
export async function evaluate(t: TestApp, token: string, courseId: string, scores = { plan: 5, content: 4, teachers: 5, management: 4, comment: '' }) {
  const r = await t.call('POST', `/api/courses/${courseId}/evaluation`, { token, body: scores });
  if (r.status !== 201) throw new Error(`evaluation: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
