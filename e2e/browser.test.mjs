// The admin SPA (web/dist) in real Chromium against the real binary on a fresh demo database.
//
//   node --test e2e/browser.test.mjs            (from the repository root, after `npm run build` in web/)
//
// The built app comes from ANKANG_E2E_STATIC_DIR (default web/dist); Chromium from ANKANG_E2E_CHROMIUM
// (default /usr/bin/chromium). The final page is saved to e2e/test-results/browser-final.png.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADMIN_INITIAL_PASSWORD, DEMO_PASSWORD, signIn } from './support/client.mjs';
import { repoRoot, startServer } from './support/server.mjs';
import { launchBrowser, newPage, screenshot, waitUntil } from './support/browser.mjs';

const staticDir = process.env.ANKANG_E2E_STATIC_DIR ?? path.join(repoRoot, 'web', 'dist');
const NEW_ADMIN_PASSWORD = 'Admin@2026x';
const NEW_USER = { username: 'browser_user', displayName: '浏览器测试', password: 'Start1234x' };

const byTestId = (scope, id) => scope.locator(`[data-testid="${id}"]`);
const tableRows = (page) => page.locator('.list-table .el-table__body tr.el-table__row');
/** The visible one of several teleported poppers (Element Plus keeps closed ones in the DOM). */
const visiblePopper = (page, selector) => page.locator(selector).filter({ visible: true });

async function rowTexts(page) {
  return (await tableRows(page).allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

async function headerTexts(page) {
  const texts = await page.locator('.list-table .el-table__header th .cell').allInnerTexts();
  return texts.map((text) => text.trim()).filter(Boolean);
}

/** Waits until the list's loading mask is gone (v-loading adds .el-loading-mask while fetching). */
async function listSettled(page) {
  await page.locator('.list-table .el-loading-mask').waitFor({ state: 'hidden' });
}

async function signInThroughForm(page, username, password) {
  await page.goto('/');
  await byTestId(page, 'login-username').fill(username);
  await byTestId(page, 'login-password').fill(password);
  await byTestId(page, 'login-submit').click();
}

let server;
let browser;

before(async () => {
  assert.ok(existsSync(path.join(staticDir, 'index.html')), `no built web app in ${staticDir} (cd web && npm run build)`);
  server = await startServer({ staticDir });
  browser = await launchBrowser();
});

after(async () => {
  // Both, even when one fails: the browser first, then the server (whose stop() checks a clean exit).
  try {
    await browser?.close();
  } finally {
    await server?.stop();
  }
});

/** Runs body with a fresh page; saves a screenshot when it fails; always closes the context. */
async function withPage(name, body) {
  const { context, page, issues } = await newPage(browser, server.baseUrl);
  try {
    await body(page, issues);
  } catch (error) {
    await screenshot(page, `browser-failure-${name}.png`).catch(() => {});
    if (issues.length) error.message += `\n--- browser issues ---\n${issues.join('\n')}`;
    throw error;
  } finally {
    await context.close();
  }
}

describe('admin SPA in Chromium', { timeout: 60_000 }, () => {
  test('admin: forced password change, add a user, find it, audit log, English', async () => {
    await withPage('admin', async (page, issues) => {
      // 1. sign in with the initial password
      await signInThroughForm(page, 'admin', ADMIN_INITIAL_PASSWORD);

      // 2. the first sign-in is sent to the password change
      await byTestId(page, 'password-forced').waitFor();
      assert.match(page.url(), /#\/change-password/);
      await byTestId(page, 'field-currentPassword').fill(ADMIN_INITIAL_PASSWORD);
      await byTestId(page, 'field-newPassword').fill(NEW_ADMIN_PASSWORD);
      await byTestId(page, 'field-confirmPassword').fill(NEW_ADMIN_PASSWORD);
      await byTestId(page, 'password-submit').click();
      await byTestId(page, 'home-greeting').waitFor();
      assert.doesNotMatch(page.url(), /change-password/);

      // 3. 系统管理 → 用户管理 → 新增
      const usersMenu = byTestId(page, 'menu-users');
      if (!(await usersMenu.isVisible())) await byTestId(page, 'menu-system').click();
      await usersMenu.click();
      await page.waitForURL(/#\/system\/users/);
      await listSettled(page);
      await tableRows(page).first().waitFor();

      await byTestId(page, 'list-add').click();
      const dialog = page.locator('.el-dialog').filter({ visible: true });
      await dialog.waitFor();
      await byTestId(dialog, 'field-username').fill(NEW_USER.username);
      await byTestId(dialog, 'field-displayName').fill(NEW_USER.displayName);
      await byTestId(dialog, 'field-password').fill(NEW_USER.password);

      // Organisation: open the lazy tree (its root 江苏省总工会 opens by default) and pick 南京市总工会.
      await byTestId(dialog, 'field-organisationId').click();
      const orgPopper = visiblePopper(page, '.el-popper.el-tree-select__popper');
      await orgPopper.waitFor();
      await orgPopper.getByText('南京市总工会', { exact: true }).click();
      await orgPopper.waitFor({ state: 'hidden' });
      await waitUntil(
        async () => (await byTestId(dialog, 'field-organisationId').innerText()).includes('南京市总工会'),
        'the organisation picker to show 南京市总工会',
      );

      // Role: a multiple select; close it by clicking the dialog's title before submitting.
      await byTestId(dialog, 'field-roleIds').click();
      const rolePopper = visiblePopper(page, '.el-popper.el-select__popper:not(.el-tree-select__popper)');
      await rolePopper.getByText('劳动保护工作干部', { exact: true }).click();
      await dialog.locator('.el-dialog__title').click();
      await rolePopper.waitFor({ state: 'hidden' });
      await byTestId(dialog, 'field-roleIds').getByText('劳动保护工作干部').waitFor();

      const created = page.waitForResponse(
        (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/users',
      );
      await byTestId(dialog, 'dialog-submit').click();
      const response = await created;
      assert.equal(response.status(), 201, await response.text());
      const newUser = await response.json();
      assert.equal(newUser.username, NEW_USER.username);
      assert.equal(newUser.organisationName, '南京市总工会');
      await page.locator('.el-message--success', { hasText: '保存成功' }).waitFor();
      await dialog.waitFor({ state: 'hidden' });

      // 4. search by keyword: exactly the new user's row
      await byTestId(page, 'list-keyword').fill(NEW_USER.username);
      await byTestId(page, 'list-search').click();
      await waitUntil(async () => {
        const rows = await rowTexts(page);
        return rows.length === 1 && rows[0].includes(NEW_USER.username);
      }, `one row for ${NEW_USER.username}`);
      const [row] = await rowTexts(page);
      for (const expected of [NEW_USER.displayName, '南京市总工会', '劳动保护工作干部', '正常']) {
        assert.ok(row.includes(expected), `the row shows ${expected}: ${row}`);
      }

      // 5. 审计日志: the create entry for the new user, its "after" naming the username
      await byTestId(page, 'menu-audit').click();
      await page.waitForURL(/#\/system\/audit/);
      await byTestId(page, 'list-keyword').fill(String(newUser.id));
      await byTestId(page, 'list-search').click();
      // Columns: expand, 时间, 操作人, 操作, 对象类型, 对象ID, 请求ID.
      const cell = (column, text) => page.locator(`td:nth-child(${column})`, { hasText: new RegExp(`^\\s*${text}\\s*$`) });
      const auditRow = tableRows(page)
        .filter({ has: cell(3, 'admin') })
        .filter({ has: cell(4, '新增') })
        .filter({ has: cell(5, '用户') })
        .filter({ has: cell(6, String(newUser.id)) });
      await waitUntil(async () => (await auditRow.count()) === 1, `the 新增 用户 ${newUser.id} row in the audit log`);
      await auditRow.locator('.el-table__expand-icon').click();
      const diff = byTestId(page, 'audit-diff').filter({ visible: true });
      await diff.waitFor();
      const diffText = await diff.innerText();
      assert.ok(diffText.includes(`"username": "${NEW_USER.username}"`), diffText);
      assert.ok(diffText.includes(`"displayName": "${NEW_USER.displayName}"`), diffText);
      assert.ok(!diffText.includes(NEW_USER.password), 'the audit entry does not show the password');

      // 6. English
      assert.equal((await byTestId(page, 'menu-users').innerText()).trim(), '用户管理');
      await byTestId(page, 'lang-switch').click();
      await visiblePopper(page, '[data-testid="lang-en"]').click();
      await waitUntil(
        async () => (await byTestId(page, 'menu-users').innerText()).trim() === 'Users',
        'the menu in English',
      );
      assert.equal((await byTestId(page, 'menu-audit').innerText()).trim(), 'Audit log');
      assert.equal((await byTestId(page, 'menu-system').locator('.el-sub-menu__title').innerText()).trim(), 'System');
      await waitUntil(async () => {
        const headers = await headerTexts(page);
        return ['Time', 'User', 'Action', 'Object type', 'Object ID'].every((h) => headers.includes(h));
      }, 'English table headers');
      await waitUntil(async () => {
        const rows = await rowTexts(page);
        return rows.length === 1 && rows[0].includes('Create') && rows[0].includes('User');
      }, 'the audit row in English');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

      // A clean picture: no hover effect, the language menu and the 保存成功 message gone.
      await page.mouse.move(0, 0);
      await byTestId(page, 'lang-en').waitFor({ state: 'hidden' });
      await waitUntil(async () => (await page.locator('.el-message').count()) === 0, 'the messages to close');
      const file = await screenshot(page, 'browser-final.png');
      assert.ok(existsSync(file));

      // 7. nothing went wrong on the way
      assert.deepEqual(issues, []);
    });
  });

  test('county_cadre sees only 玄武区 and has no delete or sign-in log', async () => {
    // The organisations county_cadre may see, from the API: 玄武区总工会 and everything below it.
    const api = await signIn(server.baseUrl, 'county_cadre');
    const inScope = new Set([api.me.user.organisationName]);
    const pending = [api.me.user.organisationId];
    while (pending.length) {
      const { json: children } = await api.get(`/organisations/${pending.pop()}/children`);
      for (const child of children) {
        inScope.add(child.name);
        if (child.hasChildren) pending.push(child.id);
      }
    }
    assert.ok(inScope.has('玄武区总工会') && !inScope.has('秦淮区总工会'), [...inScope].join(','));

    await withPage('county', async (page, issues) => {
      await signInThroughForm(page, 'county_cadre', DEMO_PASSWORD);
      await byTestId(page, 'home-greeting').waitFor();

      await byTestId(page, 'menu-users').waitFor();
      assert.equal(await byTestId(page, 'menu-login-log').count(), 0, 'no 登录日志 menu entry');
      await byTestId(page, 'menu-users').click();
      await page.waitForURL(/#\/system\/users/);
      await listSettled(page);
      await tableRows(page).first().waitFor();

      const rows = await rowTexts(page);
      const usernames = rows.map((text) => text.split(' ')[0]);
      assert.ok(usernames.includes('county_cadre') && usernames.includes('town_cadre'), usernames.join(','));
      for (const outside of ['qinhuai_cadre', 'city_cadre', 'prov_cadre', 'auditor', 'admin']) {
        assert.ok(!usernames.includes(outside), `${outside} is not listed`);
      }
      const organisations = await tableRows(page).locator('td:nth-child(3)').allInnerTexts();
      assert.equal(organisations.length, rows.length);
      for (const name of organisations) assert.ok(inScope.has(name.trim()), `${name} is in 玄武区`);

      // Edit is there (system:user:update), delete is not (no system:user:delete).
      assert.ok((await byTestId(page, 'list-edit').count()) > 0, 'edit buttons shown');
      assert.equal(await byTestId(page, 'list-delete').count(), 0, 'no delete buttons');
      assert.equal(await page.locator('.list-table').getByRole('button', { name: '删除' }).count(), 0);

      // Someone of 秦淮区 is not found.
      await byTestId(page, 'list-keyword').fill('qinhuai_cadre');
      await byTestId(page, 'list-search').click();
      await page.locator('.list-table .el-table__empty-text', { hasText: '暂无数据' }).waitFor();
      assert.equal(await tableRows(page).count(), 0);

      await page.mouse.move(0, 0);
      await screenshot(page, 'browser-county.png');
      assert.deepEqual(issues, []);
    });
  });

  test('county_cadre finds the townships without unions and the unions that could take them in', async () => {
    await withPage('uncovered', async (page, issues) => {
      await signInThroughForm(page, 'county_cadre', DEMO_PASSWORD);
      await byTestId(page, 'home-greeting').waitFor();
      const entry = byTestId(page, 'menu-uncovered');
      if (!(await entry.isVisible())) await byTestId(page, 'menu-organisation').click();
      await entry.click();
      await page.waitForURL(/#\/organisations\/uncovered/);
      await listSettled(page);
      await tableRows(page).first().waitFor();

      const rows = await rowTexts(page);
      assert.ok(rows.length > 0, 'some township of 玄武区 has uncovered enterprises');
      for (const row of rows) assert.ok(row.includes('玄武区'), `${row} lies in 玄武区`);
      // Every township of 玄武区 has the county's regional federation as a candidate.
      const firstCandidates = await tableRows(page).first().locator('[data-testid="uncovered-candidate"]').allInnerTexts();
      assert.ok(firstCandidates.some((text) => text.includes('玄武区商贸区域工会联合会')), firstCandidates.join(','));
      const firstCount = Number((await tableRows(page).first().locator('td:nth-child(3)').innerText()).trim());
      assert.ok(firstCount > 0);

      // 查看企业 opens the enterprise list on that township's enterprises without a union.
      await tableRows(page).first().locator('[data-testid="uncovered-view"]').click();
      await page.waitForURL(/#\/organisations\/enterprises/);
      await listSettled(page);
      await tableRows(page).first().waitFor();
      assert.equal(await tableRows(page).count(), Math.min(firstCount, 20));
      assert.deepEqual(issues, []);
    });
  });
});
