// The enterprise import dialog in real Chromium against the real binary: an .xlsx written by LibreOffice
// (e2e/fixtures/enterprises-import.xlsx, see e2e/fixtures/README.md) is read in the browser by exceljs,
// posted as rows, and the result and error report are shown.
//
//   node --test e2e/import-browser.test.mjs     (after `npm run build` in web/)

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD, signIn, expectStatus } from './support/client.mjs';
import { repoRoot, startServer } from './support/server.mjs';
import { launchBrowser, newPage, screenshot } from './support/browser.mjs';

const staticDir = process.env.ANKANG_E2E_STATIC_DIR ?? path.join(repoRoot, 'web', 'dist');
const fixture = path.join(repoRoot, 'e2e', 'fixtures', 'enterprises-import.xlsx');
const byTestId = (scope, id) => scope.locator(`[data-testid="${id}"]`);

let server;
let browser;

before(async () => {
  assert.ok(existsSync(path.join(staticDir, 'index.html')), `no built web app in ${staticDir} (cd web && npm run build)`);
  server = await startServer({ staticDir });
  browser = await launchBrowser();
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await server?.stop();
  }
});

test('county_cadre imports an .xlsx made by LibreOffice through the dialog', { timeout: 60_000 }, async () => {
  const { context, page, issues } = await newPage(browser, server.baseUrl);
  try {
    await page.goto('/');
    await byTestId(page, 'login-username').fill('county_cadre');
    await byTestId(page, 'login-password').fill(DEMO_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await page.waitForURL(/#\/(?!login)/);
    await page.goto('/#/organisations/enterprises');
    await byTestId(page, 'import-open').click();

    const dialog = page.locator('.import-dialog');
    await byTestId(dialog, 'import-file').setInputFiles(fixture);
    await assert.doesNotReject(byTestId(dialog, 'import-preview').filter({ hasText: '共 3 行数据' }).waitFor());
    await dialog.getByText('仅写入有效行').click();
    await byTestId(dialog, 'import-start').click();

    const result = byTestId(dialog, 'import-result');
    await result.waitFor();
    assert.match(await result.innerText(), /共 3 行：新增 2，更新 0，未变 0，有误 1/);
    const errorRows = (await byTestId(dialog, 'import-errors').locator('.el-table__body tr').allInnerTexts()).map(
      (text) => text.replace(/\s+/g, ' ').trim(),
    );
    assert.deepEqual(errorRows, ['4 规模 无法识别的企业规模：特大型']);

    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(dialog, 'import-download-errors').click()]);
    const report = readFileSync(await download.path(), 'utf8');
    assert.equal(report, '\uFEFF行号,列,错误\r\n4,规模,无法识别的企业规模：特大型\r\n');
    await screenshot(page, 'import-browser-result.png');

    // The list behind the dialog was reloaded; the API shows what the spreadsheet said.
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.locator('.list-table').getByText('表格导入精工有限公司').waitFor();
    const county = await signIn(server.baseUrl, 'county_cadre');
    const listed = expectStatus(await county.get('/enterprises?keyword=表格导入'), 200).json;
    const byName = Object.fromEntries(listed.items.map((item) => [item.name, item]));
    assert.deepEqual(Object.keys(byName).sort(), ['表格导入物流有限公司', '表格导入精工有限公司']);
    const precise = byName['表格导入精工有限公司'];
    assert.deepEqual(
      [precise.organisationName, precise.industrySection, precise.industryDivision, precise.economicComponent, precise.sizeClass, precise.headcount],
      ['新街口街道工会', 'C', '34', '21', 'SMALL', 85],
    );
    assert.deepEqual([precise.coverage?.coverageType, precise.coverage?.since], ['JOINT_BASE_UNION', '2025-03-01']);
    assert.equal(byName['表格导入物流有限公司'].industrySection, 'G');
    assert.deepEqual(issues, []);
  } catch (error) {
    await screenshot(page, 'import-browser-failure.png').catch(() => {});
    if (issues.length) error.message += `\n--- browser issues ---\n${issues.join('\n')}`;
    throw error;
  } finally {
    await context.close();
  }
});
