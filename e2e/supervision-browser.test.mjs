// Supervision end to end in real Chromium against the real binary (issue 4): on a phone, a county cadre fills
// the checklist of an inspection, marks an item failed and registers a hazard with a photo; at a desk the
// hazard is triaged, a rectification notice is drafted from it, issued, served, printed to an A4 PDF, and a
// reply link is made; the enterprise, without an account, opens the link on its phone and replies 已整改完毕
// with an evidence photo; the cadre rechecks PASSED with a photo (not without one) and the hazard is CLOSED.
//
//   node --test e2e/supervision-browser.test.mjs      (from the repository root, after `npm run build` in web/)
//
// The built app comes from ANKANG_E2E_STATIC_DIR (default web/dist). Pages are saved under e2e/test-results/.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD, expectStatus, signIn } from './support/client.mjs';
import { JPEG_CARD } from './support/multipart.mjs';
import { repoRoot, startServer } from './support/server.mjs';
import { launchBrowser, newPage, screenshot } from './support/browser.mjs';

const staticDir = process.env.ANKANG_E2E_STATIC_DIR ?? path.join(repoRoot, 'web', 'dist');
const PHONE = { width: 375, height: 667 };

const byTestId = (scope, id) => scope.locator(`[data-testid="${id}"]`);
const photo = (name) => ({ name, mimeType: 'image/jpeg', buffer: JPEG_CARD });

async function signInThroughForm(page, username) {
  await page.goto('/');
  await byTestId(page, 'login-username').fill(username);
  await byTestId(page, 'login-password').fill(DEMO_PASSWORD);
  await byTestId(page, 'login-submit').click();
  await page.waitForURL(/#\/$/);
}

/** Chooses an option of an el-select by its label (the dropdown is teleported to the body). */
async function choose(page, selectTestId, label) {
  await byTestId(page, selectTestId).click();
  await page.locator('.el-select-dropdown__item').filter({ visible: true }).filter({ hasText: label }).first().click();
}

/** Uploads one photo through the PhotoUpload inside `scope` and waits until it is stored. */
async function uploadPhoto(scope, name) {
  const before = await scope.locator('[data-testid="photo-item"].done').count();
  await scope.locator('[data-testid="photo-input"]').setInputFiles(photo(name));
  await scope.locator('[data-testid="photo-item"].done').nth(before).waitFor();
}

/** The width and height in points of the first page of a PDF (its /MediaBox). */
function pdfPageSize(pdf) {
  const match = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  assert.ok(match, 'the PDF has a /MediaBox');
  return [Number(match[1]), Number(match[2])];
}

let server;
let browser;
let county; // API client of county_cadre (玄武区总工会)
const ctx = {};

before(async () => {
  assert.ok(existsSync(path.join(staticDir, 'index.html')), `no built web app in ${staticDir} (cd web && npm run build)`);
  server = await startServer({ staticDir });
  browser = await launchBrowser();
  county = await signIn(server.baseUrl, 'county_cadre');

  // An inspection in progress at an enterprise of 新街口街道, with the statutory checklist and two inspectors.
  const town = expectStatus(await county.get('/organisations?keyword=320102003'), 200).json.items[0].id;
  ctx.enterprise = expectStatus(await county.get(`/enterprises?organisationId=${town}&pageSize=1`), 200).json.items[0];
  const inspectors = expectStatus(await county.get('/lp-inspectors?status=ACTIVE&pageSize=10'), 200).json.items;
  const checklist = expectStatus(await county.get('/checklists?owner=LIBRARY&kind=STATUTORY'), 200).json.items[0];
  const planned = expectStatus(
    await county.post('/inspections', {
      organisationId: town,
      enterpriseId: ctx.enterprise.id,
      mode: 'UNION_INDEPENDENT',
      topic: '年度劳动保护监督检查',
      plannedDate: '2026-12-10',
      checklistId: checklist.id,
      inspectorIds: [inspectors[0].id],
      members: [],
    }),
    201,
  ).json;
  const started = expectStatus(
    await county.post(`/inspections/${planned.id}/transitions`, {
      event: 'START',
      inspectorIds: inspectors.slice(0, 2).map((inspector) => inspector.id),
    }),
    200,
  ).json;
  ctx.inspection = started;
  ctx.items = started.checklist.sections.flatMap((section) => section.items);
  ctx.failed = ctx.items.find((item) => item.severityHint !== 'MAJOR') ?? ctx.items[0];
});

after(async () => {
  try {
    await browser?.close();
  } finally {
    await server?.stop();
  }
});

describe('supervision in the browser: inspection → hazard → notice → reply → recheck', { concurrency: false }, () => {
  test('on a phone, the cadre fills the checklist, fails an item and registers a hazard with a photo', async () => {
    const { context, page, issues } = await newPage(browser, server.baseUrl);
    await page.setViewportSize(PHONE);
    await signInThroughForm(page, 'county_cadre');
    await page.goto(`/#/supervision/inspections/${ctx.inspection.id}`);
    await byTestId(page, 'record-title').waitFor();
    for (const item of ctx.items) {
      await byTestId(page, `item-${item.code}-${item === ctx.failed ? 'fail' : 'pass'}`).click();
    }
    const failedCard = byTestId(page, `item-${ctx.failed.code}`);
    await failedCard.locator('textarea').fill('配电箱门未上锁，箱内线路裸露');
    await uploadPhoto(failedCard, 'item.jpg');
    await byTestId(page, `register-hazard-${ctx.failed.code}`).click();
    const dialog = page.locator('.el-dialog').filter({ has: byTestId(page, 'hazard-submit') });
    await byTestId(dialog, 'hazard-title').fill('配电箱未上锁，线路裸露');
    await byTestId(dialog, 'hazard-location').fill('二号车间');
    await uploadPhoto(dialog, 'hazard.jpg');
    await byTestId(dialog, 'hazard-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await screenshot(page, 'supervision-phone-record.png');

    const hazards = expectStatus(await county.get(`/hazards?enterpriseId=${ctx.enterprise.id}&status=REPORTED`), 200).json.items;
    const hazard = hazards.find((h) => h.inspectionId === ctx.inspection.id);
    assert.ok(hazard, 'the hazard is linked to the inspection');
    assert.equal(hazard.checklistItemCode, ctx.failed.code);
    const detail = expectStatus(await county.get(`/hazards/${hazard.id}`), 200).json;
    assert.ok(detail.photos.length >= 1, 'the hazard has its photo');
    ctx.hazard = detail;
    assert.deepEqual(issues, []);
    await context.close();
  });

  test('at a desk the hazard is triaged, a notice issued, served, printed on A4 and a reply link made', async () => {
    const { context, page, issues } = await newPage(browser, server.baseUrl);
    await signInThroughForm(page, 'county_cadre');
    await page.goto('/#/supervision/hazards');
    await byTestId(page, 'hazard-list').waitFor();
    await page.locator('[data-testid="hazard-code"]', { hasText: ctx.hazard.code }).click();
    await page.waitForURL(new RegExp(`#/supervision/hazards/${ctx.hazard.id}$`));
    await page.locator('[data-testid="hazard-detail-status"][data-status="REPORTED"]').waitFor();
    assert.deepEqual(
      await page.locator('[data-testid^="hazard-action-"]').evaluateAll((els) => els.map((e) => e.dataset.testid)),
      ['hazard-action-TRIAGE', 'hazard-action-REJECT'],
    );

    await byTestId(page, 'hazard-action-TRIAGE').click();
    await byTestId(page, 'transition-submit').click();
    await page.locator('[data-testid="hazard-detail-status"][data-status="TRIAGED"]').waitFor();

    // 签发整改通知书: the notice form comes prefilled from the hazard.
    await byTestId(page, 'hazard-action-ISSUE_NOTICE').click();
    const form = byTestId(page, 'document-form');
    await form.waitFor();
    assert.equal(await byTestId(form, 'document-field-addressee').inputValue(), ctx.enterprise.name);
    assert.equal(
      await byTestId(form, 'document-field-title').inputValue(),
      `关于${ctx.enterprise.name}事故隐患限期整改的通知`,
    );
    await byTestId(page, 'document-submit').click();
    await page.waitForURL(/#\/supervision\/documents\/\d+$/);
    ctx.documentId = Number(/documents\/(\d+)$/.exec(page.url())[1]);
    await page.locator('[data-testid="document-detail-status"][data-status="DRAFT"]').waitFor();

    await byTestId(page, 'document-action-issue').click();
    await byTestId(page, 'action-submit').click();
    await page.locator('[data-testid="document-detail-status"][data-status="ISSUED"]').waitFor();
    const number = await byTestId(page, 'document-detail-number').innerText();
    assert.match(number, /劳保〔\d{4}〕\d+号$/);

    await byTestId(page, 'document-action-serve').click();
    await byTestId(page, 'action-submit').click();
    await page.locator('[data-testid="document-detail-status"][data-status="SERVED"]').waitFor();
    assert.equal(expectStatus(await county.get(`/hazards/${ctx.hazard.id}`), 200).json.status, 'NOTIFIED');

    // 打印: the print view opens in a new tab and prints on A4 (595 × 842 pt).
    const [print] = await Promise.all([context.waitForEvent('page'), byTestId(page, 'document-print').click()]);
    await print.waitForLoadState();
    assert.ok((await print.content()).includes(number), 'the print view shows the number');
    const pdf = await print.pdf({ preferCSSPageSize: true, printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const [width, height] = pdfPageSize(pdf);
    assert.ok(Math.abs(width - 595.3) < 2 && Math.abs(height - 841.9) < 2, `A4, not ${width} × ${height}`);
    await print.close();

    // 生成回复链接: shown once, in full.
    await byTestId(page, 'document-action-replyLink').click();
    ctx.replyUrl = await byTestId(page, 'reply-link-url').inputValue();
    assert.ok(ctx.replyUrl.startsWith(`${server.baseUrl}/#/reply/`), ctx.replyUrl);
    await screenshot(page, 'supervision-reply-link.png');
    assert.deepEqual(issues, []);
    await context.close();
  });

  test('the enterprise, without an account, replies 已整改完毕 with an evidence photo on its phone', async () => {
    const { context, page, issues } = await newPage(browser, server.baseUrl);
    await page.setViewportSize(PHONE);
    await page.goto(ctx.replyUrl);
    await byTestId(page, 'reply-title').waitFor();
    assert.ok((await byTestId(page, 'reply-hazards').innerText()).includes(ctx.hazard.title));
    await byTestId(page, 'reply-decision-RECTIFIED').click();
    await byTestId(page, 'reply-content').fill('已整改完毕：配电箱加锁，线路已穿管防护');
    await byTestId(page, 'reply-contact').fill('安全员 周强 13912345678');
    await uploadPhoto(byTestId(page, 'reply-evidence'), 'rectified.jpg');
    await byTestId(page, 'reply-submit').click();
    await byTestId(page, 'reply-done').waitFor();
    await screenshot(page, 'supervision-reply-done.png');
    assert.deepEqual(issues, []);

    const document = expectStatus(await county.get(`/documents/${ctx.documentId}`), 200).json;
    assert.equal(document.status, 'REPLIED');
    assert.equal(document.replyDecision, 'RECTIFIED');
    assert.equal(expectStatus(await county.get(`/hazards/${ctx.hazard.id}`), 200).json.status, 'PENDING_VERIFICATION');

    // The link was for one reply.
    await page.reload();
    await byTestId(page, 'reply-error').waitFor();
    await context.close();
  });

  test('the cadre rechecks PASSED, needing a photo for it, and the hazard is CLOSED', async () => {
    const { context, page, issues } = await newPage(browser, server.baseUrl);
    await signInThroughForm(page, 'county_cadre');
    await page.goto(`/#/supervision/hazards/${ctx.hazard.id}`);
    await page.locator('[data-testid="hazard-detail-status"][data-status="PENDING_VERIFICATION"]').waitFor();
    await byTestId(page, 'hazard-action-RECHECK').click();
    const dialog = byTestId(page, 'transition-dialog');
    await byTestId(dialog, 'transition-result-PASSED').click();
    await byTestId(page, 'transition-submit').click();
    await dialog.getByText('复查合格须上传至少一张佐证照片').waitFor();
    assert.equal(expectStatus(await county.get(`/hazards/${ctx.hazard.id}`), 200).json.status, 'PENDING_VERIFICATION');

    await uploadPhoto(byTestId(dialog, 'transition-evidence'), 'recheck.jpg');
    await byTestId(page, 'transition-submit').click();
    await page.locator('[data-testid="hazard-detail-status"][data-status="CLOSED"]').waitFor();
    assert.equal(await page.locator('[data-testid^="hazard-action-"]').count(), 0);
    assert.ok((await byTestId(page, 'hazard-timeline').innerText()).includes('复查'));
    assert.ok((await byTestId(page, 'hazard-verifications').innerText()).includes('合格'));
    await screenshot(page, 'supervision-closed.png');

    const hazard = expectStatus(await county.get(`/hazards/${ctx.hazard.id}`), 200).json;
    assert.equal(hazard.status, 'CLOSED');
    assert.ok(hazard.evidence.length >= 2, 'reply and recheck evidence are kept');
    assert.deepEqual(issues, []);
    await context.close();
  });
});
