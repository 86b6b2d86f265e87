// Worker reports end to end in real Chromium against the real binary (issue 5): a worker on a 375×667 phone opens
// the QR code's link, reports a hazard with a photo, anonymously, and keeps the receipt; the township cadre
// opens the report at a desk and accepts it as a hazard; the hazard is rectified and closed (through the API:
// the supervision browser test drives those pages); the cadre writes to the worker; the worker looks the case up
// with the receipt and sees the outcome and the message.
//
//   node --test e2e/reports-browser.test.mjs      (from the repository root, after `npm run build` in web/)

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD, expectStatus, signIn } from './support/client.mjs';
import { JPEG_CARD, uploadFile } from './support/multipart.mjs';
import { repoRoot, startServer } from './support/server.mjs';
import { launchBrowser, newPage, screenshot } from './support/browser.mjs';

const staticDir = process.env.ANKANG_E2E_STATIC_DIR ?? path.join(repoRoot, 'web', 'dist');
const PHONE = { width: 375, height: 667 };

const byTest = (scope, id) => scope.locator(`[data-test="${id}"]`);
const byTestId = (scope, id) => scope.locator(`[data-testid="${id}"]`);

/** Takes a hazard from REPORTED to CLOSED through the API: triage, notice served, rectified, rechecked. */
async function closeHazard(cadre, hazard) {
  const move = (event, body = {}) => cadre.post(`/hazards/${hazard.id}/transitions`, { event, ...body });
  const evidence = async () => expectStatus(await uploadFile(cadre, { filename: '整改后.jpg', data: JPEG_CARD }), 201).json.id;
  expectStatus(await move('TRIAGE', { rectificationDeadline: '2030-01-31' }), 200);
  const document = expectStatus(
    await cadre.post('/documents', {
      documentType: 'HAZARD_RECTIFICATION_NOTICE',
      organisationId: hazard.organisationId,
      enterpriseId: hazard.enterpriseId,
      addressee: hazard.enterpriseName,
      title: '关于冲床防护罩缺失的隐患整改通知',
      content: '经核查职工报告，你单位存在下列事故隐患。',
      requestedActions: '立即恢复防护罩。',
      hazardIds: [hazard.id],
    }),
    201,
  ).json;
  expectStatus(await cadre.post(`/documents/${document.id}/issue`, { signedBy: '张伟' }), 200);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  expectStatus(await cadre.post(`/documents/${document.id}/serve`, { serviceMethod: 'IN_PERSON', servedOn: today }), 200);
  expectStatus(await move('REPORT_RECTIFIED', { evidenceFileIds: [await evidence()] }), 200);
  const closed = expectStatus(
    await move('RECHECK', { result: 'PASSED', verifiedOn: today, verifiers: '李华', evidenceFileIds: [await evidence()] }),
    200,
  ).json;
  assert.equal(closed.status, 'CLOSED');
}

describe('worker report in the browser', () => {
  let server;
  let browser;
  let town; // API client of town_cadre (新街口街道工会), who answers reports of the township's enterprises
  let entry;
  let receipt;

  before(async () => {
    assert.ok(existsSync(path.join(staticDir, 'report.html')), `no built worker page in ${staticDir} (cd web && npm run build)`);
    server = await startServer({ staticDir });
    browser = await launchBrowser();
    town = await signIn(server.baseUrl, 'town_cadre');
    const townId = expectStatus(await town.get('/organisations?keyword=320102003'), 200).json.items[0].id;
    const enterprise = expectStatus(await town.get(`/enterprises?organisationId=${townId}&pageSize=1`), 200).json.items[0];
    entry = expectStatus(await town.post('/report-entry-points', { enterpriseId: enterprise.id, siteName: '冲压车间' }), 201).json;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a worker reports with a photo on a phone and keeps the receipt', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: PHONE, baseURL: server.baseUrl, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));

    // The QR code's URL, as printed on the poster.
    assert.match(entry.url, /\/report\.html#\/e\/[0-9A-Z]{12}$/);
    await page.goto(`/report.html#/e/${entry.code}`);
    await byTest(page, 'entry-info').waitFor();
    assert.match(await byTest(page, 'entry-info').innerText(), /冲压车间/);

    // The form checks as the worker types; sending with too little said is refused at the field.
    await byTest(page, 'submit').click();
    await byTest(page, 'category-error').waitFor();
    await byTest(page, 'category-UNSAFE_CONDITION').click();
    await byTest(page, 'description').fill('3 号冲床的防护罩被拆掉了，工人直接用手送料');
    await byTest(page, 'location').fill('冲压车间东侧');
    await byTest(page, 'photo-input').setInputFiles({ name: 'IMG_20261129_081523.jpg', mimeType: 'image/jpeg', buffer: JPEG_CARD });
    await byTest(page, 'photo-done').waitFor();
    await byTest(page, 'anonymity-ANONYMOUS').click();
    await screenshot(page, 'report-phone-form.png');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the page scrolls sideways (${width} px)`);
    await byTest(page, 'submit').click();

    // The receipt, shown once: 20 digits in groups of four.
    const shown = (await byTest(page, 'receipt-text').innerText()).trim();
    assert.match(shown, /^\d{4} \d{4} \d{4} \d{4} \d{4}$/);
    receipt = shown.replaceAll(' ', '');
    await screenshot(page, 'report-phone-receipt.png');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the union accepts it as a hazard at a desk, and the hazard is rectified and closed', async () => {
    const { page, context, issues } = await newPage(browser, server.baseUrl);
    await page.goto('/');
    await byTestId(page, 'login-username').fill('town_cadre');
    await byTestId(page, 'login-password').fill(DEMO_PASSWORD);
    await byTestId(page, 'login-submit').click();
    await page.waitForURL(/#\/$/);

    const report = expectStatus(await town.get(`/worker-reports?enterpriseId=${entry.enterpriseId}`), 200).json.items[0];
    assert.equal(report.anonymity, 'ANONYMOUS');
    await page.goto(`/#/reports/${report.id}`);
    await byTestId(page, 'report-detail').waitFor();
    assert.match(await byTestId(page, 'report-description').innerText(), /防护罩/);
    await byTestId(page, 'report-photos').locator('img').first().waitFor();

    await byTestId(page, 'report-action-ACCEPT').click();
    // Element Plus puts a test id given to el-input on the native control.
    await byTestId(page, 'accept-title').fill('冲床防护罩缺失');
    await byTestId(page, 'action-submit').click();
    await byTestId(page, 'report-hazard-link').waitFor();
    await screenshot(page, 'report-desk-accepted.png');

    const accepted = expectStatus(await town.get(`/worker-reports/${report.id}`), 200).json;
    assert.equal(accepted.status, 'ACCEPTED');
    const hazard = expectStatus(await town.get(`/hazards/${accepted.hazardId}`), 200).json;
    assert.equal(hazard.source, 'WORKER_REPORT');
    assert.equal(hazard.photos.length, 1, 'the worker\'s photo is on the hazard');
    await closeHazard(town, hazard);

    // The cadre thanks the worker in the report's thread.
    await page.reload();
    await byTestId(page, 'report-message-input').fill('防护罩已恢复并经复查合格，感谢您的监督！');
    await byTestId(page, 'report-message-send').click();
    await byTestId(page, 'report-messages').getByText('防护罩已恢复并经复查合格').waitFor();
    assert.deepEqual(issues, []);
    await context.close();
  });

  test('the worker looks the case up with the receipt and sees the outcome and the message', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: PHONE, baseURL: server.baseUrl, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto('/report.html#/status');
    await byTest(page, 'status-receipt').fill(receipt.replace(/(\d{4})(?=\d)/g, '$1 '));
    await byTest(page, 'lookup').click();
    await byTest(page, 'status').waitFor();
    assert.equal(await byTest(page, 'status-label').getAttribute('data-status'), 'RESOLVED');
    assert.match(await byTest(page, 'outcome').innerText(), /整改完毕/);
    assert.match(await byTest(page, 'message-list').innerText(), /感谢您的监督/);

    // And answers.
    await byTest(page, 'message-input').fill('谢谢工会！');
    await byTest(page, 'send').click();
    await byTest(page, 'message-list').getByText('谢谢工会！').waitFor();
    await screenshot(page, 'report-phone-outcome.png');
    const report = expectStatus(await town.get(`/worker-reports?enterpriseId=${entry.enterpriseId}`), 200).json.items[0];
    assert.equal(report.unreadMessages, 1, 'the union sees an unread message from the worker');
    await context.close();
  });
});
