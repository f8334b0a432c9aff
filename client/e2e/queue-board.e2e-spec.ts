import path from 'node:path';
import { expectText, login } from './browser';
import { Platform, SHOTS, startPlatform } from './platform';

/**
 * 任务队列: the system admin opens the BullMQ dashboard (bull-board) from the admin menu; the board
 * page, behind its one-time ticket and cookie, lists the platform's queues. Other roles have no entry.
 */
describe('the job-queue dashboard in a browser', () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform();
  }, 60_000);
  afterAll(async () => p?.close());

  it('a system admin opens the board from the menu and sees the queues', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'sysadmin');
    await page.getByTestId('menu-queues').click();
    await expectText(page.getByTestId('open-queue-board'), '打开任务队列控制台');
    await page.getByTestId('open-queue-board').click();
    await page.waitForURL(/\/api\/admin\/queues\/$/);
    // the board's own UI: every queue of the platform listed
    for (const q of ['credit', 'media', 'maintenance']) await page.getByText(q, { exact: true }).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SHOTS, 'queue-board.png'), fullPage: true });
    // the cookie is HttpOnly and limited to the board's path: the app's pages cannot read it
    const cookies = await page.context().cookies(p.url + '/api/admin/queues/');
    expect(cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path])).toEqual([['xs_board', true, 'Strict', '/api/admin/queues']]);
    await page.context().close();
  });

  it('an org admin has no entry, and the board without a ticket answers 401', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'yz_admin');
    expect(await page.getByTestId('menu-queues').count()).toBe(0);
    const r = await page.goto(p.url + '/api/admin/queues/');
    expect(r?.status()).toBe(401);
    await page.context().close();
  });
});
