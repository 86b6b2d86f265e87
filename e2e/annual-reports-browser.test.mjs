// The annual statistical report in real Chromium against the real binary (issue 6, W11): a township has submitted
// (through the API); the county cadre sees it in the children's table, starts the county's report, is stopped at
// a negative value as they type, sees the check against the township's figure turn, saves, submits, exports the
// form as .xlsx, and approves the township's report.
//
//   node --test e2e/annual-reports-browser.test.mjs      (from the repository root, after `npm run build` in web/)

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD, expectStatus, signIn } from './support/client.mjs';
import { repoRoot, startServer } from './support/server.mjs';
import { launchBrowser, newPage, screenshot } from './support/browser.mjs';
import { hasUnzip, readXlsxRows } from './support/xlsx.mjs';

const staticDir = process.env.ANKANG_E2E_STATIC_DIR ?? path.join(repoRoot, 'web', 'dist');
const byTestId = (scope, id) => scope.locator(`[data-testid="${id}"]`);

describe('annual statistical report in the browser', () => {
  let server;
  let browser;
  let townReport; // 新街口街道工会's report, submitted with a manual value
  let additive; // the first additive item's code

  before(async () => {
    assert.ok(existsSync(path.join(staticDir, 'index.html')), `no built web app in ${staticDir} (cd web && npm run build)`);
    server = await startServer({ staticDir });
    browser = await launchBrowser();
    const town = await signIn(server.baseUrl, 'town_cadre');
    const overview = expectStatus(await town.get('/statistical-reports'), 200).json;
    const created = expectStatus(
      await town.post('/statistical-reports', { organisationId: overview.organisation.id, year: overview.year }),
      201,
    ).json;
    additive = created.items.find((item) => item.additive).code;
    expectStatus(await town.put(`/statistical-reports/${created.id}`, { items: [{ code: additive, manualValue: 5000 }] }), 200);
    townReport = expectStatus(await town.post(`/statistical-reports/${created.id}/submit`, {}), 200).json;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the county fills in, checks, submits and exports its report, and approves the township', async () => {
    const { page, context, issues } = await newPage(browser, server.baseUrl);
    await page.goto('/');
    await byTestId(page, 'login-username').fill('county_cadre');
    await byTestId(page, 'login-password').fill(DEMO_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await page.waitForURL(/#\/$/);

    await byTestId(page, 'menu-annual-reports').waitFor({ state: 'attached' });
    await page.goto('/#/statistics/annual-reports');
    await byTestId(page, 'annual-children').waitFor();
    const townRow = byTestId(page, 'annual-children').locator('tr', { hasText: '新街口街道工会' });
    assert.equal(await byTestId(townRow, 'annual-child-status').getAttribute('data-status'), 'SUBMITTED');
    assert.match(await byTestId(page, 'annual-completion').innerText(), /已上报 1 \//);
    await screenshot(page, 'annual-list.png');

    await byTestId(page, 'annual-create').click();
    await byTestId(page, 'annual-form').waitFor();
    await byTestId(page, `annual-check-${additive}`).waitFor();
    assert.equal(await byTestId(page, `annual-check-${additive}`).getAttribute('data-check'), 'FAILED');

    // Element Plus puts a test id given to el-input on the native control.
    await byTestId(page, `annual-manual-${additive}`).fill('-4');
    await byTestId(page, `annual-manual-error-${additive}`).waitFor();
    assert.equal(await byTestId(page, 'annual-save').isDisabled(), true, 'nothing valid to save');
    await byTestId(page, `annual-manual-${additive}`).fill('6000');
    await byTestId(page, `annual-manual-error-${additive}`).waitFor({ state: 'detached' });
    assert.equal(await byTestId(page, `annual-check-${additive}`).getAttribute('data-check'), 'PASSED');
    assert.equal((await byTestId(page, `annual-value-${additive}`).innerText()).trim(), '6,000');
    await byTestId(page, 'annual-save').click();
    await byTestId(page, 'annual-unsaved').waitFor({ state: 'detached' });
    await screenshot(page, 'annual-form.png');

    await byTestId(page, 'annual-submit').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.locator('[data-testid="annual-status"][data-status="SUBMITTED"]').waitFor();
    assert.equal(await byTestId(page, 'annual-submit').count(), 0, 'a submitted report is no longer edited');

    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'annual-export').click()]);
    const file = await download.path();
    assert.match(download.suggestedFilename(), /^统计年报-玄武区总工会-\d{4}\.xlsx$/);
    if (hasUnzip()) {
      const rows = await readXlsxRows(readFileSync(file));
      assert.equal(rows[0][0], '工会劳动保护工作统计年报');
      assert.equal(rows[1][0], '填报单位：玄武区总工会');
      assert.deepEqual(rows[3], ['指标代码', '指标名称', '计量单位', '本级数值', '下级合计', '说明']);
      const item = rows.find((row) => row[0] === additive);
      assert.equal(String(item[3]), '6000');
      assert.equal(String(item[4]), '5000');
      assert.match(rows.at(-1).join(' '), /单位负责人：.*填表人：.*填报日期：/);
    }

    // The county reviews the township below it.
    await page.goto(`/#/statistics/annual-reports/${townReport.id}`);
    await byTestId(page, 'annual-approve').click();
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.locator('[data-testid="annual-status"][data-status="APPROVED"]').waitFor();
    await byTestId(page, 'annual-locked').waitFor();
    assert.deepEqual(issues, []);
    await context.close();
  });
});
