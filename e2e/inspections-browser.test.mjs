// The inspection record page on a phone-sized screen (375×667) in real Chromium against the real binary:
// county_cadre answers items with the big buttons, the answers autosave, and a failed MAJOR item is registered
// as a hazard with the grade preselected.
//
//   node --test e2e/inspections-browser.test.mjs     (after `npm run build` in web/)

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DEMO_PASSWORD, signIn, expectStatus } from './support/client.mjs';
import { repoRoot, startServer } from './support/server.mjs';
import { launchBrowser, newPage, screenshot, waitUntil } from './support/browser.mjs';

const staticDir = process.env.ANKANG_E2E_STATIC_DIR ?? path.join(repoRoot, 'web', 'dist');
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

test('county_cadre records an inspection on a phone and registers a major hazard', { timeout: 90_000 }, async () => {
  const county = await signIn(server.baseUrl, 'county_cadre');
  const town = expectStatus(await county.get('/organisations?keyword=320102003'), 200).json.items[0].id;
  const enterprise = expectStatus(await county.get(`/enterprises?organisationId=${town}&pageSize=1`), 200).json.items[0];
  const inspectors = expectStatus(await county.get('/lp-inspectors?status=ACTIVE&pageSize=2'), 200).json.items.map((i) => i.id);
  const criteria = expectStatus(await county.get('/checklists?owner=LIBRARY&kind=MAJOR_HAZARD_CRITERIA'), 200).json.items[0];
  const planned = expectStatus(
    await county.post('/inspections', {
      organisationId: town,
      enterpriseId: enterprise.id,
      mode: 'SPECIAL_CAMPAIGN',
      topic: '粉尘防爆专项检查',
      plannedDate: '2026-12-01',
      checklistId: criteria.id,
      inspectorIds: inspectors,
    }),
    201,
  ).json;
  expectStatus(await county.post(`/inspections/${planned.id}/transitions`, { event: 'START' }), 200);

  const { context, page, issues } = await newPage(browser, server.baseUrl);
  try {
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto('/');
    await byTestId(page, 'login-username').fill('county_cadre');
    await byTestId(page, 'login-password').fill(DEMO_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await page.waitForURL(/#\/(?!login)/);
    await page.goto(`/#/supervision/inspections/${planned.id}`);
    const progress = byTestId(page, 'record-progress');
    await progress.filter({ hasText: `已完成 0/${criteria.itemCount}` }).waitFor();

    await byTestId(page, 'item-MH-3-1-pass').click();
    await byTestId(page, 'item-MH-3-2-na').click();
    await byTestId(page, 'item-MH-11-10-fail').click();
    await progress.filter({ hasText: `已完成 3/${criteria.itemCount}` }).waitFor();
    // The result buttons are big enough to hit with a thumb and the card fits the screen.
    const button = await byTestId(page, 'item-MH-11-10-fail').boundingBox();
    assert.ok(button.height >= 44, `button height ${button.height}`);
    const card = await byTestId(page, 'item-MH-11-10').boundingBox();
    assert.ok(card.x >= 0 && card.x + card.width <= 375, `card spans ${card.x}..${card.x + card.width}`);
    await byTestId(page, 'record-save-state').filter({ hasText: '已自动保存' }).waitFor();
    const saved = await waitUntil(async () => {
      const detail = expectStatus(await county.get(`/inspections/${planned.id}`), 200).json;
      return detail.answeredCount === 3 ? detail : null;
    }, 'three answers stored');
    assert.deepEqual(
      saved.answers.map((a) => `${a.itemCode}:${a.result}`).sort(),
      ['MH-11-10:FAIL', 'MH-3-1:PASS', 'MH-3-2:NA'],
    );

    await byTestId(page, 'register-hazard-MH-11-10').click();
    const dialog = page.locator('.el-dialog').filter({ has: byTestId(page, 'hazard-submit') });
    await dialog.waitFor();
    assert.match(await byTestId(dialog, 'hazard-title').inputValue(), /^未达标：落实粉尘清理制度/);
    assert.match((await byTestId(dialog, 'hazard-grade-MAJOR').getAttribute('class')) ?? '', /is-active/);
    await byTestId(dialog, 'hazard-location').fill('抛光车间');
    await byTestId(dialog, 'hazard-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(page, 'inspections-browser-record.png');

    const detail = expectStatus(await county.get(`/inspections/${planned.id}`), 200).json;
    assert.equal(detail.hazards.length, 1);
    assert.deepEqual(
      [detail.hazards[0].checklistItemCode, detail.hazards[0].grade, detail.openHazardCount],
      ['MH-11-10', 'MAJOR', 1],
    );
    assert.deepEqual(issues, []);
  } catch (error) {
    await screenshot(page, 'inspections-browser-failure.png').catch(() => {});
    if (issues.length) error.message += `\n--- browser issues ---\n${issues.join('\n')}`;
    throw error;
  } finally {
    await context.close();
  }
});
