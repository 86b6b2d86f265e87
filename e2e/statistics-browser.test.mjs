// The statistics dashboard in real Chromium against the real binary with the demo province (issue 6, ADR 0013):
// prov_cadre opens 统计驾驶舱 on 江苏省总工会, drills down to 南京市 and then to a county (breadcrumbs and figures
// follow, and match the API), exports the view to .xlsx, goes back up with the breadcrumbs and opens the wall
// display; then the coverage and capacity report.
//
//   node --test e2e/statistics-browser.test.mjs     (after `npm run build` in web/)

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD, expectStatus, signIn } from './support/client.mjs';
import { repoRoot, startServer } from './support/server.mjs';
import { launchBrowser, newPage, screenshot, waitUntil } from './support/browser.mjs';
import { hasUnzip, readXlsxRows } from './support/xlsx.mjs';

const staticDir = process.env.ANKANG_E2E_STATIC_DIR ?? path.join(repoRoot, 'web', 'dist');
const byTestId = (scope, id) => scope.locator(`[data-testid="${id}"]`);

/** How the dashboard writes a count (grouped thousands). */
const count = (value) => new Intl.NumberFormat('en-US').format(value);

let server;
let browser;
let province; // API client of prov_cadre

before(async () => {
  assert.ok(existsSync(path.join(staticDir, 'index.html')), `no built web app in ${staticDir} (cd web && npm run build)`);
  server = await startServer({ staticDir });
  browser = await launchBrowser();
  province = await signIn(server.baseUrl, 'prov_cadre');
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await server?.stop();
  }
});

/** The dashboard as the API answers it, for the period the page shows by default. */
async function dashboardOf(organisationId) {
  return expectStatus(await province.get(`/statistics/dashboard?organisationId=${organisationId}`), 200).json;
}

/** Waits until the page shows `organisation` as the current crumb and its E01 as the API gives it. */
async function shows(page, expected) {
  await byTestId(page, 'stat-crumb-current').filter({ hasText: expected.organisation.name }).waitFor();
  const value = byTestId(page, 'stat-figure-E01').locator('[data-test="value"]');
  await waitUntil(async () => (await value.innerText()).trim() === count(expected.values.E01), `E01 = ${expected.values.E01}`);
}

test('prov_cadre drills down from the province to a city and a county, exports and goes back up', { timeout: 120_000 }, async () => {
  const root = await dashboardOf(expectStatus(await province.get('/auth/me'), 200).json.user.organisationId);
  assert.equal(root.organisation.name, '江苏省总工会');
  const cityRow = root.children.find((c) => c.organisationId !== null && c.name.startsWith('南京市'));
  assert.ok(cityRow, `no 南京市 among ${root.children.map((c) => c.name)}`);
  const city = await dashboardOf(cityRow.organisationId);
  const countyRow = city.children.find((c) => c.organisationId !== null && c.values.E01 > 0);
  assert.ok(countyRow, 'no county with enterprises under 南京市');
  const county = await dashboardOf(countyRow.organisationId);
  assert.ok(root.values.E01 > county.values.E01, 'the county has fewer enterprises than the province');

  const { context, page, issues } = await newPage(browser, server.baseUrl);
  try {
    await page.goto('/');
    await byTestId(page, 'login-username').fill('prov_cadre');
    await byTestId(page, 'login-password').fill(DEMO_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await page.waitForURL(/#\/(?!login)/);

    // Through the menu: 统计分析 → 统计驾驶舱.
    await byTestId(page, 'menu-statistics').click();
    await byTestId(page, 'menu-stat-dashboard').click();
    await shows(page, root);
    assert.match(await byTestId(page, 'stat-figure-C01').innerText(), /%/);
    // The province is lit on the map of China.
    await byTestId(page, 'stat-map').locator('canvas').first().waitFor();
    await byTestId(page, 'stat-trend').locator('canvas').first().waitFor();
    await page.waitForTimeout(800); // ECharts' entry animation, for the screenshot
    await screenshot(page, 'statistics-dashboard-province.png');
    // The breakdowns by ownership and size, as the API groups them, with the dictionaries' labels.
    for (const by of ['ownership', 'size']) {
      const breakdown = expectStatus(await province.get(`/statistics/breakdown?organisationId=${root.organisation.id}&by=${by}`), 200).json;
      if (by === 'size') await byTestId(page, 'stat-breakdown-tabs').getByRole('tab', { name: '按企业规模' }).click();
      const rows = byTestId(page, `stat-breakdown-${by}`).locator('.el-table__body tr');
      await waitUntil(async () => (await rows.count()) === breakdown.rows.length && breakdown.rows.length > 0, `${by} rows`);
      assert.match(await rows.first().innerText(), new RegExp(breakdown.rows[0].label));
    }

    // Drill down: a city row, then a county row.
    await byTestId(page, `stat-child-${cityRow.organisationId}`).click();
    await shows(page, city);
    const cityCrumbs = await byTestId(page, 'stat-breadcrumb').innerText();
    assert.match(cityCrumbs, /江苏省总工会[\s\S]*南京市/);
    assert.equal(await byTestId(page, 'stat-map').count(), 0, 'no map below the province');

    await byTestId(page, `stat-child-${countyRow.organisationId}`).click();
    await shows(page, county);
    const crumbs = (await byTestId(page, 'stat-breadcrumb').innerText()).split('/').map((s) => s.trim());
    assert.deepEqual(crumbs, ['江苏省总工会', city.organisation.name, county.organisation.name]);
    assert.notEqual(count(county.values.E01), count(root.values.E01));
    await screenshot(page, 'statistics-dashboard-county.png');

    // Export the county's view: the key figures and its children.
    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'stat-export').click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    assert.match(download.suggestedFilename(), new RegExp(county.organisation.name));
    const file = await download.path();
    const bytes = readFileSync(file);
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip file');
    if (hasUnzip()) {
      const rows = await readXlsxRows(bytes);
      assert.match(rows[0][0], new RegExp(`^${county.organisation.name} `));
      assert.deepEqual(rows[2], ['指标代码', '指标', '本期', '上期', '变化']);
      const figures = rows.slice(3);
      assert.equal(figures.length, 12);
      const e01 = figures.find((r) => r[0] === 'E01');
      assert.equal(Number(e01[2]), county.values.E01);
    }

    // The last step: a township without organisations below it shows its enterprises.
    const townRow = county.children.find((c) => c.organisationId !== null && !c.hasChildren && c.values.E01 > 0);
    assert.ok(townRow, 'no township with enterprises in the county');
    const town = await dashboardOf(townRow.organisationId);
    const enterprises = expectStatus(
      await province.get(`/statistics/enterprises?organisationId=${townRow.organisationId}&page=1&pageSize=20`),
      200,
    ).json;
    assert.ok(enterprises.total > 0);
    await byTestId(page, `stat-child-${townRow.organisationId}`).click();
    await shows(page, town);
    assert.equal(await byTestId(page, 'stat-children').count(), 0, 'a township has no child table');
    const listRows = byTestId(page, 'stat-enterprise-table').locator('.el-table__body tr');
    await waitUntil(async () => (await listRows.count()) === Math.min(20, enterprises.total), 'the enterprise rows');
    assert.match(await listRows.first().innerText(), new RegExp(enterprises.items[0].name));
    assert.match(await byTestId(page, 'stat-enterprise-pager').innerText(), new RegExp(`共 ${enterprises.total} 条`));
    // Search narrows the list on the server.
    const wanted = enterprises.items.at(-1);
    await byTestId(page, 'stat-enterprise-search').fill(wanted.creditCode);
    await byTestId(page, 'stat-enterprise-search-button').click();
    await waitUntil(async () => (await listRows.count()) === 1, 'one enterprise found');
    assert.match(await listRows.first().innerText(), new RegExp(wanted.name));
    await screenshot(page, 'statistics-dashboard-township.png');

    // Back up with the breadcrumbs.
    await byTestId(page, `stat-crumb-${root.organisation.id}`).click();
    await shows(page, root);

    // Printed, the page is the dashboard alone: no menu, no header, no buttons, a title instead.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.layout-aside').isVisible(), false, 'the menu is not printed');
    assert.equal(await byTestId(page, 'stat-export').isVisible(), false, 'the buttons are not printed');
    assert.match(await page.locator('.print-title').innerText(), /江苏省总工会 统计驾驶舱/);
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('.layout-aside').isVisible(), true);

    // The wall display: no menu, the same figures, refreshed.
    await byTestId(page, 'stat-open-wall').click();
    await byTestId(page, 'stat-wall').waitFor();
    assert.equal(await page.locator('.layout-aside').count(), 0, 'the wall has no side menu');
    await byTestId(page, 'stat-wall-refreshed').filter({ hasText: /更新于 \d\d:\d\d:\d\d/ }).waitFor();
    assert.match(await byTestId(page, 'stat-wall-figure-E01').innerText(), new RegExp(count(root.values.E01)));
    await byTestId(page, 'stat-wall').locator('canvas').first().waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'statistics-wall.png');
    await byTestId(page, 'stat-wall-fullscreen').click();
    await waitUntil(() => page.evaluate(() => document.fullscreenElement !== null), 'full screen');
    await byTestId(page, 'stat-wall-fullscreen').filter({ hasText: '退出全屏' }).waitFor();
    await byTestId(page, 'stat-wall-fullscreen').click();
    await waitUntil(() => page.evaluate(() => document.fullscreenElement === null), 'full screen left');
    await byTestId(page, 'stat-wall-back').click();
    await shows(page, root);
    assert.deepEqual(issues, []);
  } catch (error) {
    await screenshot(page, 'statistics-browser-failure.png').catch(() => {});
    if (issues.length) error.message += `\n--- browser issues ---\n${issues.join('\n')}`;
    throw error;
  } finally {
    await context.close();
  }
});

test('the coverage and capacity report shows the levels below the province and exports them', { timeout: 90_000 }, async () => {
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
  const me = expectStatus(await province.get('/auth/me'), 200).json.user;
  const report = expectStatus(
    await province.get(`/statistics/coverage-capacity?organisationId=${me.organisationId}&year=${year}`),
    200,
  ).json;
  assert.ok(report.levels.length > 0);

  const { context, page, issues } = await newPage(browser, server.baseUrl);
  try {
    await page.goto('/');
    await byTestId(page, 'login-username').fill('prov_cadre');
    await byTestId(page, 'login-password').fill(DEMO_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await page.waitForURL(/#\/(?!login)/);
    await page.goto('/#/statistics/coverage-capacity');
    assert.equal((await byTestId(page, 'stat-capacity-title').innerText()).trim(), '劳动保护工作覆盖与力量情况报告');
    const levels = byTestId(page, 'stat-capacity-levels').locator('.el-table__body tr');
    // The levels, then 其中：县以下 and 合计.
    const expectedRows = report.levels.length + (report.belowCounty ? 1 : 0) + (report.total ? 1 : 0);
    await waitUntil(async () => (await levels.count()) === expectedRows, 'the level rows');
    const names = (await levels.locator('td:first-child').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(names.slice(-2), ['其中：县以下', '合计']);
    const firstCells = await levels.first().locator('td').allInnerTexts();
    assert.equal(firstCells[3].trim(), count(report.levels[0].enterprises)); // after 工会组织数, 设劳动保护机构的
    await screenshot(page, 'statistics-coverage-capacity.png');

    const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'stat-capacity-export').click()]);
    assert.match(download.suggestedFilename(), /劳动保护工作覆盖与力量情况报告.*\.xlsx$/);
    if (hasUnzip()) {
      const rows = await readXlsxRows(readFileSync(await download.path()));
      assert.match(rows[0][0], /劳动保护工作覆盖与力量情况报告/);
      assert.equal(rows[3][0], '按层级');
      assert.equal(Number(rows[4][3]), report.levels[0].enterprises);
    }
    assert.deepEqual(issues, []);
  } catch (error) {
    await screenshot(page, 'statistics-capacity-failure.png').catch(() => {});
    if (issues.length) error.message += `\n--- browser issues ---\n${issues.join('\n')}`;
    throw error;
  } finally {
    await context.close();
  }
});
