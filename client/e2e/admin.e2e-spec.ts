import path from 'node:path';
import type { Page } from 'playwright-core';
import { Platform, SHOTS, startPlatform } from './platform';
import { expectText, login } from './browser';

describe('the platform in a browser: accounts and administration', () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform();
  }, 60_000);
  afterAll(async () => p?.close());

  it('an org admin signs in, sees only their district\'s people, and switches to English', async () => {
    const page = await p.newPage();
    await page.goto(p.url + '/');
    await page.getByTestId('login-username').fill('yz_admin');
    await page.getByTestId('login-password').fill('wrong-pass-1');
    await page.getByTestId('login-submit').click();
    await expectText(page.getByTestId('login-error'), '用户名或密码错误');
    await page.getByTestId('login-password').fill('Xueshi2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-user-name').waitFor();
    await page.getByTestId('menu-users').click();
    const table = page.locator('table');
    await table.getByText('李明').waitFor();
    expect(await table.getByText('陈刚').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'users-zh.png'), fullPage: true });
    await page.getByTestId('lang-switch').click();
    await expectText(page.getByTestId('menu-users'), 'Users');
    await page.screenshot({ path: path.join(SHOTS, 'users-en.png'), fullPage: true });
    await page.context().close();
  });

  it('an org admin imports officials: a file with a bad row is refused whole, with the row named', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'yz_admin');
    await page.getByTestId('menu-import').click();
    const csv = '姓名,人员编号,单位编码\r\n周一,YZ9000001,CQ-YZ-ZFB\r\n吴二,YZ9000002,NOPE\r\n';
    await page.getByTestId('import-file-input').setInputFiles({ name: 'officials.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-report').waitFor();
    await expectText(page.getByTestId('import-rejected'), '1');
    await page.getByTestId('import-report').getByText('单位编码“NOPE”不存在或不在您的管辖范围内').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'import-rejected.png'), fullPage: true });
    // nothing was imported
    await page.getByTestId('menu-users').click();
    await page.locator('table').getByText('李明').waitFor();
    expect(await page.locator('table').getByText('周一').count()).toBe(0);
    await page.context().close();
  });

  it('an official signs in and sees the yearly requirement on the home page', async () => {
    const page = await p.newPage();
    await login(page, p.url, 'official');
    await page.getByTestId('yearly-requirement').waitFor();
    await expectText(page.getByTestId('yearly-requirement'), '90');
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'official-home.png'), fullPage: true });
    await page.context().close();
  });
});

