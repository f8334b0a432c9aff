import path from 'node:path';
import { Platform, SHOTS, startPlatform } from './platform';
import { expectText, login } from './browser';

/** 登录设备 and 强制下线 in the browser: a signed-out device is back at the login page at its next request. */
describe('the platform in a browser: signed-in devices', () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform();
  }, 60_000);
  afterAll(async () => p?.close());

  it('an official sees their devices and signs the other one out; that device is back at the login page', async () => {
    const laptop = await p.newPage();
    const phone = await p.newPage();
    await login(phone, p.url, 'official');
    await login(laptop, p.url, 'official');
    await laptop.getByTestId('menu-change-password').click();
    const card = laptop.getByTestId('sessions-card');
    await expectText(card, '登录设备');
    await laptop.getByTestId('session-current').waitFor();
    await expectText(laptop.getByTestId('session-current'), '本设备');
    expect(await laptop.getByTestId('session-item').count()).toBe(1);
    await laptop.screenshot({ path: path.join(SHOTS, 'sessions-zh.png'), fullPage: true });

    await laptop.getByTestId('session-item').getByRole('button').click();
    await laptop.getByTestId('confirm-ok').click();
    await expectText(laptop.locator('.ant-message'), '该设备已下线');
    for (let i = 0; i < 50 && (await laptop.getByTestId('session-item').count()) > 0; i++) await laptop.waitForTimeout(100);
    expect(await laptop.getByTestId('session-item').count()).toBe(0);

    // the phone's next request is refused: it is signed out
    await phone.reload();
    await phone.getByTestId('login-username').waitFor();

    await laptop.getByTestId('lang-switch').click();
    await expectText(card, 'Signed-in devices');
    await expectText(laptop.getByTestId('session-current'), 'This device');
    await laptop.screenshot({ path: path.join(SHOTS, 'sessions-en.png'), fullPage: true });
    await laptop.context().close();
    await phone.context().close();
  });

  it('an org admin forces an official out (强制下线) from the users page', async () => {
    const official = await p.newPage();
    await login(official, p.url, 'official2');
    const admin = await p.newPage();
    await login(admin, p.url, 'yz_admin');
    await admin.getByTestId('menu-users').click();
    await admin.getByTestId('user-more-official2').click();
    await admin.getByTestId('user-action-signout-official2').click();
    await expectText(admin.locator('.ant-modal-confirm'), '强制下线');
    await admin.waitForTimeout(400); // the modal's opening animation
    await admin.screenshot({ path: path.join(SHOTS, 'force-sign-out.png'), fullPage: true });
    await admin.getByTestId('confirm-ok').click();
    await expectText(admin.locator('.ant-message'), '已强制下线');
    // no action on oneself: one's own devices are on the change-password page
    await admin.getByTestId('user-more-yz_admin').click();
    expect(await admin.getByTestId('user-action-signout-yz_admin').count()).toBe(0);

    await official.reload();
    await official.getByTestId('login-username').waitFor();
    await admin.context().close();
    await official.context().close();
  });
});
