// Hazards (workflow W2, ADR 0010) against the real binary: report with a photo, triage, notice, the enterprise's
// answers recorded by a cadre, rectification and recheck with evidence (without it: 400); illegal transitions
// 409 with the hazard unchanged; 404 outside the scope; list filters and export; a MAJOR hazard notifies the
// higher unions. Runs on SQLite, and on PostgreSQL with ANKANG_E2E_DATABASE=postgres.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './support/server.mjs';
import { signIn, expectStatus } from './support/client.mjs';
import { hasUnzip, readXlsxRows } from './support/xlsx.mjs';
import { uploadFile } from './support/multipart.mjs';

/** A calendar day in Asia/Shanghai (the server's calendar), `days` from today. */
function inDays(days) {
  return new Date(Date.now() + 8 * 3600 * 1000 + days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}
const today = () => inDays(0);

describe('hazards', () => {
  let server;
  let county; // county_cadre: 玄武区, LP_CADRE
  let city; // city_cadre: 南京市
  let qinhuai; // qinhuai_cadre: 秦淮区, beside 玄武区
  let enterprise; // an enterprise in 玄武区

  const body = (overrides = {}) => ({
    enterpriseId: enterprise.id,
    source: 'UNION_INSPECTION',
    category: 'UNSAFE_CONDITION',
    grade: 'GENERAL',
    title: '配电箱未接地',
    description: '车间东侧配电箱外壳未做保护接地',
    location: '一号车间',
    foundOn: today(),
    foundBy: '张伟',
    ...overrides,
  });
  const move = async (client, id, event, extra = {}) => client.post(`/hazards/${id}/transitions`, { event, ...extra });
  const get = async (client, id) => expectStatus(await client.get(`/hazards/${id}`), 200).json;
  const upload = async (client, filename) => expectStatus(await uploadFile(client, { filename }), 201).json.id;

  before(async () => {
    server = await startServer();
    county = await signIn(server.baseUrl, 'county_cadre');
    city = await signIn(server.baseUrl, 'city_cadre');
    qinhuai = await signIn(server.baseUrl, 'qinhuai_cadre');
    enterprise = expectStatus(await county.get('/enterprises?pageSize=1'), 200).json.items[0];
    assert.ok(enterprise, 'a demo enterprise in 玄武区');
  });

  after(async () => {
    await server?.stop();
  });

  it('takes a case from report to a close with evidence, refusing what W2 does not allow', async () => {
    const photo = await upload(county, '现场照片.jpg');
    const created = expectStatus(await county.post('/hazards', body({ photoFileIds: [photo] })), 201).json;
    assert.equal(created.status, 'REPORTED');
    assert.equal(created.photos.length, 1);
    assert.equal(created.photos[0].id, photo);
    assert.equal(created.photos[0].url, `/api/v1/files/${photo}`);
    assert.equal(created.photos[0].thumbnailUrl, `/api/v1/files/${photo}/thumbnail`);
    assert.match(created.code, /^YH\d{4}\d{6}$/);
    assert.equal(created.organisationName, '玄武区总工会');
    assert.deepEqual(created.nextEvents, ['TRIAGE', 'REJECT']);
    const id = created.id;

    // Illegal: 409, the hazard unchanged.
    for (const event of ['NOTIFY', 'RECHECK', 'AUTHORITY_CLOSES', 'MARK_OVERDUE']) {
      const refused = await move(county, id, event, { evidenceFileIds: [1], comment: 'x' });
      assert.equal(refused.status, 409, `${event}: ${refused.text}`);
      assert.equal(refused.json.code, 'conflict');
    }
    let hazard = await get(county, id);
    assert.equal(hazard.status, 'REPORTED');
    assert.equal(hazard.events.length, 1);
    assert.equal(expectStatus(await move(county, id, 'CLOSE'), 400).json.fields.event !== undefined, true);

    // TRIAGE: a GENERAL hazard's deadline comes from the rule set (GENERAL_RECTIFICATION).
    hazard = expectStatus(await move(county, id, 'TRIAGE', { comment: '经研判属实' }), 200).json;
    assert.equal(hazard.status, 'TRIAGED');
    assert.ok(hazard.rectificationDeadline >= today());
    assert.ok(hazard.ruleSetVersionId);
    // No immediate danger: the evacuation recommendation, which the service would refuse, is not offered.
    assert.deepEqual(hazard.nextEvents, ['NOTIFY']);
    // The notice is served (recorded by the cadre): the reply due defaults to ENTERPRISE_REPLY.
    hazard = expectStatus(await move(county, id, 'NOTIFY'), 200).json;
    assert.equal(hazard.status, 'NOTIFIED');
    assert.ok(hazard.replyDue > today());
    // The enterprise's paper reply, recorded by the cadre on its behalf.
    const bad = expectStatus(await move(county, id, 'ENTERPRISE_ACCEPT'), 400).json;
    assert.ok(bad.fields.rectificationDeadline);
    hazard = expectStatus(
      await move(county, id, 'ENTERPRISE_ACCEPT', { rectificationDeadline: inDays(20), comment: '企业书面答复接受整改' }),
      200,
    ).json;
    assert.equal(hazard.status, 'RECTIFYING');
    assert.equal(hazard.events.at(-1).actor, '张伟');
    // Rectified without evidence: 400 naming evidenceFileIds, nothing changes.
    const noEvidence = expectStatus(await move(county, id, 'REPORT_RECTIFIED'), 400).json;
    assert.ok(noEvidence.fields.evidenceFileIds);
    const unknownFile = expectStatus(await move(county, id, 'REPORT_RECTIFIED', { evidenceFileIds: [999999] }), 400).json;
    assert.ok(unknownFile.fields.evidenceFileIds);
    hazard = await get(county, id);
    assert.equal(hazard.status, 'RECTIFYING');
    assert.deepEqual(
      hazard.events.map((event) => event.event),
      ['REPORT', 'TRIAGE', 'NOTIFY', 'ENTERPRISE_ACCEPT'],
    );
    // With evidence: PENDING_VERIFICATION, the recheck due by RECHECK_AFTER_DONE.
    const replyEvidence = await upload(county, '整改后照片.jpg');
    hazard = expectStatus(await move(county, id, 'REPORT_RECTIFIED', { evidenceFileIds: [replyEvidence] }), 200).json;
    assert.equal(hazard.status, 'PENDING_VERIFICATION');
    assert.ok(hazard.recheckDue > today());
    // A passed recheck without evidence: 400, and the hazard stays as it was — no close without evidence.
    const recheck = { result: 'PASSED', verifiers: '张伟、刘芳', verifiedOn: today(), comment: '现场复查整改到位' };
    const unproven = expectStatus(await move(county, id, 'RECHECK', recheck), 400).json;
    assert.ok(unproven.fields.evidenceFileIds);
    assert.equal((await get(county, id)).status, 'PENDING_VERIFICATION');
    const recheckEvidence = await upload(county, '复查照片.jpg');
    hazard = expectStatus(await move(county, id, 'RECHECK', { ...recheck, evidenceFileIds: [recheckEvidence] }), 200).json;
    assert.equal(hazard.status, 'CLOSED');
    assert.ok(hazard.closedAt);
    assert.deepEqual(hazard.nextEvents, []);
    assert.equal(hazard.verifications.length, 1);
    assert.equal(hazard.verifications[0].result, 'PASSED');
    assert.deepEqual(
      hazard.evidence.map((file) => `${file.id} ${file.purpose}`).sort(),
      [`${replyEvidence} REPLY_EVIDENCE`, `${recheckEvidence} VERIFICATION_EVIDENCE`].sort(),
    );
    // The evidence is served to whoever may see the hazard.
    const served = await county.get(hazard.evidence[0].url);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    // Closed is final.
    assert.equal((await move(county, id, 'RECHECK', { ...recheck, evidenceFileIds: [recheckEvidence] })).status, 409);

    // Out of scope: 404 for 秦淮区's cadre, and nothing changes; the city above sees it.
    assert.equal((await qinhuai.get(`/hazards/${id}`)).status, 404);
    assert.equal((await move(qinhuai, id, 'MARK_OVERDUE')).status, 404);
    assert.equal((await get(city, id)).status, 'CLOSED');
  });

  it('escalates a maintained dispute to the city, which orders rectification', async () => {
    const id = expectStatus(await county.post('/hazards', body({ title: '消防通道堵塞', category: 'MANAGEMENT_DEFECT' })), 201)
      .json.id;
    expectStatus(await move(county, id, 'TRIAGE'), 200);
    expectStatus(await move(county, id, 'NOTIFY', { replyDue: inDays(7) }), 200);
    assert.ok(expectStatus(await move(county, id, 'ENTERPRISE_DISPUTE'), 400).json.fields.comment);
    expectStatus(await move(county, id, 'ENTERPRISE_DISPUTE', { comment: '企业称通道已清理' }), 200);
    const escalated = expectStatus(await move(county, id, 'MAINTAIN_POSITION', { comment: '复核仍堵塞' }), 200).json;
    assert.equal(escalated.status, 'ESCALATED');
    assert.equal(escalated.escalations.length, 1);
    assert.equal(escalated.escalations[0].toOrganisationName, '南京市总工会');
    assert.equal(escalated.escalations[0].reason, 'REFUSED');
    const ordered = expectStatus(await move(city, id, 'AUTHORITY_ORDERS', { rectificationDeadline: inDays(10) }), 200).json;
    assert.equal(ordered.status, 'RECTIFYING');
    assert.equal(ordered.rectificationDeadline, inDays(10));
  });

  it('checks the report: enterprise in scope, handling union above the enterprise, valid fields', async () => {
    const qinhuaiEnterprise = expectStatus(await qinhuai.get('/enterprises?pageSize=1'), 200).json.items[0];
    const outside = expectStatus(await county.post('/hazards', body({ enterpriseId: qinhuaiEnterprise.id })), 400).json;
    assert.ok(outside.fields.enterpriseId);
    const invalid = expectStatus(
      await county.post('/hazards', body({ grade: 'SEVERE', category: 'X', foundOn: '2999-01-01', photoFileIds: [999999] })),
      400,
    ).json;
    assert.deepEqual(Object.keys(invalid.fields).sort(), ['category', 'foundOn', 'grade', 'photoFileIds']);
    // 秦淮区's photo is not 玄武区's to attach.
    const theirPhoto = await upload(qinhuai, '秦淮照片.jpg');
    assert.ok(expectStatus(await county.post('/hazards', body({ photoFileIds: [theirPhoto] })), 400).json.fields.photoFileIds);
    const major = expectStatus(await county.post('/hazards', body({ grade: 'MAJOR', title: '有限空间作业未审批' })), 201).json;
    // A MAJOR triage needs the deadline.
    assert.ok(expectStatus(await move(county, major.id, 'TRIAGE'), 400).json.fields.rectificationDeadline);
  });

  it('lists with filters, sorts, exports, and stays in scope', async () => {
    const first = expectStatus(await county.post('/hazards', body({ title: '高温作业无防暑措施', category: 'OCCUPATIONAL_HEALTH' })), 201)
      .json;
    const byCode = expectStatus(await county.get(`/hazards?q=${first.code}`), 200).json;
    assert.equal(byCode.total, 1);
    assert.equal(byCode.items[0].id, first.id);
    const byTitle = expectStatus(await county.get(`/hazards?q=${encodeURIComponent('高温作业')}&status=REPORTED`), 200).json;
    assert.ok(byTitle.items.some((item) => item.id === first.id));
    const several = expectStatus(await county.get('/hazards?status=REPORTED,RECTIFYING&pageSize=100'), 200).json;
    assert.ok(several.items.every((item) => ['REPORTED', 'RECTIFYING'].includes(item.status)));
    assert.ok(several.total > 0);
    const overdue = expectStatus(await county.get('/hazards?overdue=true&pageSize=100'), 200).json;
    assert.ok(overdue.total > 0, 'the demo has overdue cases in 玄武区');
    assert.ok(overdue.items.every((item) => item.overdue === true));
    const sorted = expectStatus(await county.get('/hazards?sort=foundOn&pageSize=100'), 200).json.items;
    for (let i = 1; i < sorted.length; i += 1) assert.ok(sorted[i - 1].foundOn <= sorted[i].foundOn);
    assert.equal((await county.get('/hazards?sort=nope')).status, 400);
    assert.equal((await county.get('/hazards?status=NOPE')).status, 400);
    // 秦淮区 sees none of 玄武区's cases; the export carries the rows.
    const theirs = expectStatus(await qinhuai.get(`/hazards?q=${first.code}`), 200).json;
    assert.equal(theirs.total, 0);
    const exported = await county.get(`/hazards/export?q=${first.code}`);
    assert.equal(exported.status, 200);
    if (hasUnzip()) {
      const rows = await readXlsxRows(exported.body);
      assert.equal(rows.length, 2);
      assert.equal(rows[1][0], first.code);
    }
  });

  it('notifies every higher union of a MAJOR hazard (when the inbox routes are there)', async (t) => {
    const major = expectStatus(await county.post('/hazards', body({ grade: 'MAJOR', title: '起重机限位器失灵' })), 201).json;
    const mine = await city.get('/me/notifications?unread=true&pageSize=100');
    if (mine.status === 404) {
      t.skip('GET /me/notifications is not on this branch yet; the unit test HazardServiceTest covers it');
      return;
    }
    const announced = (items) => items.some((item) => item.kind === 'MAJOR_HAZARD' && item.entityId === major.id);
    // Every union above 玄武区 (the handling one): 南京市 and 江苏省; not 玄武区 itself, not 秦淮区 beside it.
    assert.ok(announced(expectStatus(mine, 200).json.items), 'city_cadre has an unread MAJOR_HAZARD message');
    const province = await signIn(server.baseUrl, 'prov_cadre');
    assert.ok(announced(expectStatus(await province.get('/me/notifications?unread=true&pageSize=100'), 200).json.items));
    assert.ok(!announced(expectStatus(await county.get('/me/notifications?pageSize=100'), 200).json.items));
    assert.ok(!announced(expectStatus(await qinhuai.get('/me/notifications?pageSize=100'), 200).json.items));
  });
});
