import { randomBytes } from 'node:crypto';
import type { TestApp } from './harness';

/** n officials in a 渝中区 unit with the demo password, enrolled in the given course. */
export async function officials(t: TestApp, n: number, courseId?: string): Promise<{ id: string; username: string; token: string }[]> {
  const [{ password_hash: hash, org_unit_id: unit }] = await t.ds.query(`SELECT password_hash, org_unit_id FROM users WHERE username = 'official'`);
  const out: { id: string; username: string; token: string }[] = [];
  for (let i = 0; i < n; i++) {
    const username = `o${randomBytes(4).toString('hex')}`;
    const [u] = await t.ds.query(`INSERT INTO users (username, password_hash, name, role, org_unit_id) VALUES ($1, $2, $3, 'official', $4) RETURNING id`, [
      username, hash, `学员${i}`, unit,
    ]);
    if (courseId) await t.ds.query(`INSERT INTO enrolments (user_id, course_id, source) VALUES ($1, $2, 'elective')`, [u.id, courseId]);
    out.push({ id: u.id, username, token: await t.login(username) });
  }
  return out;
}
