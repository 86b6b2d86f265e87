// Union documents (workflow W4, ADR 0010) against the real binary: draft → issue (numbered) → serve (hazards
// NOTIFIED) → reply link → the enterprise's public page and reply with a photo → the used link answers 410 →
// review → CLOSED; revoked and unknown links; 409s; 50 concurrent issues take 50 consecutive numbers; the print
// view (escaped, A4, no script) and Chromium's PDF of it (A4, notice + receipt stub = 2 pages). Runs on SQLite,
// and on PostgreSQL with ANKANG_E2E_DATABASE=postgres.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { Client, expectStatus, signIn } from './support/client.mjs';
import { JPEG_CARD, uploadFile } from './support/multipart.mjs';
import { startServer } from './support/server.mjs';

/** A calendar day in Asia/Shanghai (the server's calendar), `days` from today. */
function inDays(days) {
  return new Date(Date.now() + 8 * 3600 * 1000 + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}
const today = () => inDays(0);

describe('union documents', () => {
  let server;
  let county; // county_cadre: 玄武区, LP_CADRE (holds supervision:document:sign)
  let qinhuai; // qinhuai_cadre: 秦淮区, beside 玄武区
  let enterprise; // an enterprise in 玄武区
  const anonymous = () => new Client(server.baseUrl);
  const publicPost = (path, body, options = {}) => anonymous().post(path, body, { csrf: 'public', ...options });

  const draftBody = (overrides = {}) => ({
    documentType: 'HAZARD_RECTIFICATION_NOTICE',
    enterpriseId: enterprise.id,
    addressee: enterprise.name,
    title: '关于配电箱隐患的整改通知',
    content: '经检查，你单位存在下列事故隐患，现通知如下。',
    requestedActions: '立即停用一号车间配电箱，限期整改并书面回复。',
    ...overrides,
  });
  const draft = async (overrides) => expectStatus(await county.post('/documents', draftBody(overrides)), 201).json;
  const issue = async (id) => expectStatus(await county.post(`/documents/${id}/issue`, { signedBy: '张伟' }), 200).json;
  const serve = async (id) =>
    expectStatus(await county.post(`/documents/${id}/serve`, { serviceMethod: 'IN_PERSON', servedOn: today() }), 200)
      .json;
  const link = async (id, body = {}) => expectStatus(await county.post(`/documents/${id}/reply-links`, body), 201).json;
  const triagedHazard = async (title) => {
    const hazard = expectStatus(
      await county.post('/hazards', {
        enterpriseId: enterprise.id,
        source: 'UNION_INSPECTION',
        category: 'UNSAFE_CONDITION',
        grade: 'GENERAL',
        title,
        location: '一号车间',
        foundOn: today(),
      }),
      201,
    ).json;
    expectStatus(await county.post(`/hazards/${hazard.id}/transitions`, { event: 'TRIAGE', comment: '核定' }), 200);
    return hazard;
  };

  before(async () => {
    server = await startServer();
    county = await signIn(server.baseUrl, 'county_cadre');
    qinhuai = await signIn(server.baseUrl, 'qinhuai_cadre');
    enterprise = expectStatus(await county.get('/enterprises?pageSize=1'), 200).json.items[0];
    assert.ok(enterprise, 'a demo enterprise in 玄武区');
  });

  after(async () => {
    await server?.stop();
  });

  it('takes a notice from draft to CLOSED through the enterprise’s single-use reply link', async () => {
    const hazard = await triagedHazard('配电箱未接地');
    const created = await draft({ hazardIds: [hazard.id] });
    assert.equal(created.status, 'DRAFT');
    assert.match(created.replyDue, /^\d{4}-\d{2}-\d{2}$/); // ENTERPRISE_REPLY from the rule set
    assert.ok(created.ruleSetVersionId);
    assert.deepEqual(created.hazardIds, [hazard.id]);
    assert.deepEqual(created.actions, ['edit', 'issue', 'withdraw']);

    const issued = await issue(created.id);
    assert.equal(issued.status, 'ISSUED');
    assert.match(issued.documentNo, new RegExp(`^玄武区总工会劳保〔${today().slice(0, 4)}〕\\d+号$`));
    // A second issue of the same document is refused and changes nothing.
    const again = await county.post(`/documents/${created.id}/issue`, { signedBy: '张伟' });
    assert.equal(again.status, 409);
    assert.equal(expectStatus(await county.get(`/documents/${created.id}`), 200).json.documentNo, issued.documentNo);
    // Out of scope: 404, never 403.
    assert.equal((await qinhuai.get(`/documents/${created.id}`)).status, 404);
    // A link before service: 409.
    assert.equal((await county.post(`/documents/${created.id}/reply-links`, {})).status, 409);

    const served = await serve(created.id);
    assert.equal(served.status, 'SERVED');
    assert.equal(served.servedOn, today());
    assert.equal(expectStatus(await county.get(`/hazards/${hazard.id}`), 200).json.status, 'NOTIFIED');

    const { token, url, expiresAt } = await link(created.id);
    assert.equal(url, `/#/reply/${token}`);
    assert.ok(expiresAt > Date.now());
    const page = expectStatus(await anonymous().get(`/public/document-replies/${token}`), 200).json;
    assert.equal(page.documentNo, issued.documentNo);
    assert.equal(page.title, '关于配电箱隐患的整改通知');
    assert.equal(page.id, undefined);
    assert.equal(page.organisationId, undefined);
    assert.deepEqual(
      page.hazards.map((h) => h.title),
      ['配电箱未接地'],
    );
    assert.equal(page.hazards[0].id, undefined);

    // Evidence through the link; a file uploaded elsewhere cannot be cited.
    const photo = expectStatus(
      await uploadFile(anonymous(), {
        path: `/public/document-replies/${token}/files`,
        filename: '整改后.jpg',
        data: JPEG_CARD,
        options: { csrf: 'public' },
      }),
      201,
    ).json;
    assert.equal(photo.mediaType, 'image/jpeg');
    assert.equal(photo.organisationId, undefined); // review: no internal ids on the public routes
    assert.ok(photo.thumbnailUrl.startsWith(`/api/v1/public/document-replies/${token}/files/`));
    const thumbnail = await anonymous().get(photo.thumbnailUrl);
    assert.equal(thumbnail.status, 200);
    const foreign = expectStatus(await uploadFile(county, { filename: 'other.jpg' }), 201).json;
    const cited = await publicPost(`/public/document-replies/${token}`, {
      decision: 'RECTIFIED',
      content: '已整改',
      evidenceFileIds: [foreign.id],
    });
    assert.equal(cited.status, 400);
    assert.ok(cited.json.fields.evidenceFileIds);
    const missing = await publicPost(`/public/document-replies/${token}`, { decision: 'ACCEPT' });
    assert.equal(missing.status, 400);
    assert.ok(missing.json.fields.plan && missing.json.fields.rectificationDeadline);
    // The page sends no session cookie and needs none; a missing CSRF header is still refused.
    assert.equal((await anonymous().post(`/public/document-replies/${token}`, { decision: 'DISPUTE' })).status, 403);

    const replied = await publicPost(`/public/document-replies/${token}`, {
      decision: 'RECTIFIED',
      content: '已更换配电箱并接地',
      contact: '王经理 13905140099',
      evidenceFileIds: [photo.id],
    });
    expectStatus(replied, 200);
    assert.equal(replied.json.status, 'REPLIED');
    assert.equal(expectStatus(await county.get(`/hazards/${hazard.id}`), 200).json.status, 'PENDING_VERIFICATION');

    // The link is used up: 410 saying so, in both languages.
    const reused = await publicPost(`/public/document-replies/${token}`, { decision: 'DISPUTE', content: '再次提交' });
    assert.equal(reused.status, 410);
    assert.equal(reused.json.code, 'gone');
    assert.match(reused.json.message, /已使用/);
    const reusedEn = await anonymous().get(`/public/document-replies/${token}`, { language: 'en' });
    assert.equal(reusedEn.status, 410);
    assert.match(reusedEn.json.message, /used/);

    const detail = expectStatus(await county.get(`/documents/${created.id}`), 200).json;
    assert.equal(detail.status, 'REPLIED');
    assert.equal(detail.replyDecision, 'RECTIFIED');
    assert.equal(detail.replyLink.state, 'USED');
    assert.deepEqual(
      detail.files.map((f) => [f.id, f.purpose]),
      [[photo.id, 'REPLY_EVIDENCE']],
    );
    const todos = await county.get('/me/todos?pageSize=200');
    if (todos.status === 200) {
      // The inbox routes (their own branch) list the REVIEW_REPLY to-do the reply opened.
      const items = Array.isArray(todos.json) ? todos.json : todos.json.items;
      assert.ok(items.some((todo) => todo.kind === 'REVIEW_REPLY' && todo.entityId === created.id));
    }

    const closed = expectStatus(
      await county.post(`/documents/${created.id}/review`, { decision: 'ACCEPT', note: '整改到位' }),
      200,
    ).json;
    assert.equal(closed.status, 'CLOSED');
    assert.equal((await county.post(`/documents/${created.id}/withdraw`, { reason: '撤回' })).status, 409);
    assert.equal((await county.post(`/documents/${created.id}/serve`, { serviceMethod: 'POST', servedOn: today() })).status, 409);
  });

  it('revokes an earlier link when a new one is made; unknown tokens are 404', async () => {
    const document = await draft();
    await issue(document.id);
    await serve(document.id);
    const first = await link(document.id);
    const second = await link(document.id, { expiresInHours: 2 });
    assert.ok(second.expiresAt <= Date.now() + 2 * 3600 * 1000 + 5000);
    const revoked = await anonymous().get(`/public/document-replies/${first.token}`);
    assert.equal(revoked.status, 410);
    assert.match(revoked.json.message, /撤销/);
    expectStatus(await anonymous().get(`/public/document-replies/${second.token}`), 200);
    const unknown = await anonymous().get(`/public/document-replies/${'A'.repeat(43)}`);
    assert.equal(unknown.status, 404);
    assert.equal((await publicPost(`/public/document-replies/nothing`, { decision: 'DISPUTE', content: 'x' })).status, 404);
    assert.equal((await county.post(`/documents/${document.id}/reply-links`, { expiresInHours: 0 })).status, 400);
    // Withdrawing revokes the live link too.
    expectStatus(await county.post(`/documents/${document.id}/withdraw`, { reason: '文书有误' }), 200);
    assert.equal((await anonymous().get(`/public/document-replies/${second.token}`)).status, 410);
  });

  it('takes 50 consecutive numbers for 50 concurrent issues', async () => {
    const drafts = [];
    for (let index = 0; index < 50; index += 1) drafts.push((await draft({ title: `并发签发 ${index}` })).id);
    const answers = await Promise.all(drafts.map((id) => county.post(`/documents/${id}/issue`, { signedBy: '张伟' })));
    for (const answer of answers) expectStatus(answer, 200);
    const serials = answers.map((answer) => answer.json.serial).sort((a, b) => a - b);
    for (let index = 1; index < serials.length; index += 1) assert.equal(serials[index], serials[0] + index);
    assert.equal(new Set(answers.map((answer) => answer.json.documentNo)).size, 50);
    const listed = expectStatus(await county.get(`/documents?status=ISSUED&q=${encodeURIComponent('并发签发')}&pageSize=100`), 200).json;
    assert.equal(listed.total, 50);
  });

  it('refuses a rectification recommendation from a union below county level', async () => {
    const town = await signIn(server.baseUrl, 'town_cadre');
    const refused = await town.post('/documents', {
      documentType: 'RECTIFICATION_RECOMMENDATION',
      addressee: '玄武区应急管理局',
      title: '关于企业拒不整改的建议',
    });
    assert.equal(refused.status, 409);
    assert.match(refused.json.message, /县级以上/);
    const county_ = await county.post('/documents', {
      documentType: 'RECTIFICATION_RECOMMENDATION',
      addressee: '玄武区应急管理局',
      title: '关于企业拒不整改的建议',
    });
    assert.equal(county_.status, 201);
  });

  it('prints an escaped, script-free A4 page with the receipt stub, and Chromium makes a 2-page A4 PDF of it', async () => {
    const evil = '<script>alert("x")</script>';
    const created = await draft({ title: `整改通知${evil}`, addressee: `<img src=x onerror=alert(1)>` });
    const draftPrint = await county.get(`/documents/${created.id}/print`);
    assert.equal(draftPrint.status, 200);
    assert.match(draftPrint.headers.get('content-type'), /^text\/html/);
    assert.match(draftPrint.headers.get('content-security-policy'), /script-src 'none'/);
    assert.match(draftPrint.text, /@page \{ size: A4; margin: 25mm 20mm; \}/);
    assert.ok(!draftPrint.text.includes('<script'));
    assert.ok(!draftPrint.text.includes('<img'));
    assert.ok(draftPrint.text.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.match(draftPrint.text, /class="watermark"[^>]*>草稿</);
    assert.equal((await qinhuai.get(`/documents/${created.id}/print`)).status, 404);

    const issued = await issue(created.id);
    const print = await county.get(`/documents/${created.id}/print`);
    assert.ok(print.text.includes(issued.documentNo));
    assert.ok(print.text.includes('送达回执'));
    assert.ok(!print.text.includes('class="watermark"'));

    const chromium = process.env.ANKANG_E2E_CHROMIUM ?? '/usr/bin/chromium';
    if (!existsSync(chromium)) return; // no browser here: the HTML checks above stand
    const { launchBrowser } = await import('./support/browser.mjs');
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ baseURL: server.baseUrl });
      await context.addCookies([{ name: 'ankang_session', value: county.sessionCookie, url: server.baseUrl }]);
      const page = await context.newPage();
      const response = await page.goto(`/api/v1/documents/${created.id}/print`);
      assert.equal(response.status(), 200);
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
      assert.ok(boxes.length > 0, 'a MediaBox in the PDF');
      for (const [, width, height] of boxes) {
        assert.ok(Math.abs(Number(width) - 595) < 1.5, `page width ${width} pt is A4`);
        assert.ok(Math.abs(Number(height) - 842) < 1.5, `page height ${height} pt is A4`);
      }
      const pages = [...pdf.matchAll(/\/Type\s*\/Page(?!s)/g)].length;
      assert.equal(pages, 2, 'the notice and the receipt stub');
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
