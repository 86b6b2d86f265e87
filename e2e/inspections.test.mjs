// Checklists and inspections (W1) against the real binary: a county cadre copies a library checklist, plans an
// inspection, starts it with two inspectors on site, answers on the phone route in partial saves, records the
// findings and has the enterprise sign; illegal events are 409 and change nothing; another county sees nothing.
// Runs on SQLite, and on PostgreSQL with ANKANG_E2E_DATABASE=postgres.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './support/server.mjs';
import { signIn, expectStatus } from './support/client.mjs';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('checklists and inspections', () => {
  let server;
  let county; // county_cadre: 玄武区, LP_CADRE
  let qinhuai; // qinhuai_cadre: 秦淮区, LP_CADRE
  let town; // 新街口街道工会
  let enterprise;
  let inspectors;
  let statutory;

  before(async () => {
    server = await startServer();
    county = await signIn(server.baseUrl, 'county_cadre');
    qinhuai = await signIn(server.baseUrl, 'qinhuai_cadre');
    const organisations = expectStatus(await county.get('/organisations?keyword=320102003'), 200).json;
    town = organisations.items[0].id;
    enterprise = expectStatus(await county.get(`/enterprises?organisationId=${town}&pageSize=1`), 200).json.items[0];
    const active = expectStatus(await county.get('/lp-inspectors?status=ACTIVE&pageSize=10'), 200).json.items;
    inspectors = active.map((inspector) => inspector.id);
    assert.ok(inspectors.length >= 2, 'the demo county has two active inspectors');
    const library = expectStatus(await county.get('/checklists?owner=LIBRARY&kind=STATUTORY'), 200).json;
    assert.equal(library.total, 1);
    statutory = library.items[0];
  });

  after(async () => {
    await server?.stop();
  });

  it('copies a library checklist into the county and publishes an adapted version', async () => {
    const summer = expectStatus(await county.get('/checklists?season=SUMMER'), 200).json.items[0];
    const copy = expectStatus(await county.post(`/checklists/${summer.id}/copy`, { code: 'XW-SUMMER' }), 201).json;
    assert.equal(copy.copiedFromId, summer.id);
    assert.equal(copy.currentVersion, 1);
    assert.equal(copy.editable, true);
    // The library itself is not the county's to change.
    expectStatus(await county.put(`/checklists/${summer.id}/draft`, { sections: copy.current.sections }), 403);
    const sections = copy.current.sections;
    sections[0].items.push({ code: 'XW-01', text: '外卖骑手、环卫工人高温时段有休息点', maxScore: 5, severityHint: 'GENERAL' });
    const bad = await county.put(`/checklists/${copy.id}/draft`, {
      sections: [...sections, { title: '', items: [{ code: 'XW-01', text: 'x' }] }],
    });
    expectStatus(bad, 400);
    assert.ok(bad.json.fields[`sections[${sections.length}].title`], JSON.stringify(bad.json.fields));
    assert.ok(bad.json.fields[`sections[${sections.length}].items[0].code`], JSON.stringify(bad.json.fields));
    const drafted = expectStatus(await county.put(`/checklists/${copy.id}/draft`, { note: '本区加项', sections }), 200).json;
    assert.equal(drafted.draft.version, 2);
    const published = expectStatus(await county.post(`/checklists/${copy.id}/publish`), 200).json;
    assert.equal(published.currentVersion, 2);
    assert.equal(published.current.itemCount, copy.current.itemCount + 1);
    const first = expectStatus(await county.get(`/checklists/${copy.id}/versions/1`), 200).json;
    assert.equal(first.itemCount, copy.current.itemCount);
    // 秦淮区 does not see 玄武区's copy.
    expectStatus(await qinhuai.get(`/checklists/${copy.id}`), 404);
    assert.equal(expectStatus(await qinhuai.get('/checklists?q=XW-SUMMER'), 200).json.total, 0);
  });

  it('plans, starts, answers, records the findings and has the enterprise sign', async () => {
    const planned = expectStatus(
      await county.post('/inspections', {
        organisationId: town,
        enterpriseId: enterprise.id,
        mode: 'UNION_INDEPENDENT',
        topic: '年度劳动保护监督检查',
        plannedDate: '2026-12-10',
        checklistId: statutory.id,
        inspectorIds: [inspectors[0]],
        members: ['企业安全员 周强'],
      }),
      201,
    ).json;
    assert.equal(planned.status, 'PLANNED');
    assert.deepEqual(planned.nextEvents, ['START', 'CANCEL']);
    assert.equal(planned.itemCount, statutory.itemCount);
    const id = planned.id;

    // One inspector on site is not enough: 409, and nothing changes.
    const lonely = await county.post(`/inspections/${id}/transitions`, { event: 'START' });
    expectStatus(lonely, 409);
    assert.ok(lonely.json.fields.inspectorIds);
    assert.equal(expectStatus(await county.get(`/inspections/${id}`), 200).json.status, 'PLANNED');
    // Answers before the start: 409.
    expectStatus(await county.put(`/inspections/${id}/answers`, { answers: [{ itemCode: 'LP-01', result: 'PASS' }] }), 409);

    const started = expectStatus(
      await county.post(`/inspections/${id}/transitions`, { event: 'START', inspectorIds: inspectors.slice(0, 2) }),
      200,
    ).json;
    assert.equal(started.status, 'IN_PROGRESS');
    assert.equal(started.inspectors.length, 2);
    assert.deepEqual(started.members, ['企业安全员 周强']);

    // Partial saves from the phone, the same save twice, then the rest.
    const items = started.checklist.sections.flatMap((section) => section.items);
    const firstHalf = items.slice(0, 5).map((item) => ({ itemCode: item.code, result: 'PASS', note: '' }));
    expectStatus(await county.put(`/inspections/${id}/answers`, { answers: firstHalf }), 200);
    const again = expectStatus(await county.put(`/inspections/${id}/answers`, { answers: firstHalf }), 200).json;
    assert.equal(again.answeredCount, 5);
    const early = await county.post(`/inspections/${id}/transitions`, { event: 'RECORD_FINDINGS' });
    expectStatus(early, 400);
    assert.ok(early.json.fields[`answers[${items[5].code}].result`], JSON.stringify(early.json.fields));
    const unknown = await county.put(`/inspections/${id}/answers`, { answers: [{ itemCode: 'NOPE', result: 'PASS' }] });
    expectStatus(unknown, 400);
    assert.ok(unknown.json.fields['answers[0].itemCode']);

    const rest = items.slice(5).map((item) => ({
      itemCode: item.code,
      result: item.code === 'LP-12' ? 'FAIL' : 'PASS',
      note: item.code === 'LP-12' ? '新员工未经三级安全教育即上岗' : '',
    }));
    const answered = expectStatus(await county.put(`/inspections/${id}/answers`, { answers: rest }), 200).json;
    assert.equal(answered.answeredCount, items.length);
    assert.equal(answered.failedCount, 1);
    const lp12 = items.find((item) => item.code === 'LP-12');
    assert.equal(answered.score, answered.maxScore - lp12.maxScore);

    const recorded = expectStatus(
      await county.post(`/inspections/${id}/transitions`, { event: 'RECORD_FINDINGS', summary: '发现一项不合格' }),
      200,
    ).json;
    assert.equal(recorded.status, 'FINDINGS_RECORDED');
    assert.equal(recorded.summary, '发现一项不合格');
    // Illegal now: CANCEL and CLOSE are 409 and change nothing.
    for (const event of ['CANCEL', 'CLOSE', 'START']) {
      const refused = await county.post(`/inspections/${id}/transitions`, { event, comment: '试试' });
      expectStatus(refused, 409);
    }
    const unchanged = expectStatus(await county.get(`/inspections/${id}`), 200).json;
    assert.equal(unchanged.status, 'FINDINGS_RECORDED');
    assert.equal(unchanged.updatedAt, recorded.updatedAt);
    assert.equal(unchanged.events.length, 3);

    expectStatus(await county.post(`/inspections/${id}/transitions`, { event: 'ACKNOWLEDGE' }), 400);
    const signed = expectStatus(
      await county.post(`/inspections/${id}/transitions`, { event: 'ACKNOWLEDGE', signatoryName: '刘伟', signatoryTitle: '总经理' }),
      200,
    ).json;
    assert.equal(signed.status, 'ACKNOWLEDGED');
    assert.equal(signed.signatoryName, '刘伟');
    assert.deepEqual(signed.nextEvents, ['FOLLOW_UP']);
    const followUp = expectStatus(await county.post(`/inspections/${id}/transitions`, { event: 'FOLLOW_UP' }), 200).json;
    assert.deepEqual(followUp.hazards, []);

    // The failed item becomes a hazard through the hazards module; while it is open the inspection cannot close.
    const hazard = expectStatus(
      await county.post('/hazards', {
        enterpriseId: enterprise.id,
        inspectionId: id,
        checklistItemCode: 'LP-12',
        source: 'UNION_INSPECTION',
        category: 'MANAGEMENT_DEFECT',
        grade: 'GENERAL',
        title: '未达标：从业人员经安全生产教育和培训合格后上岗',
        description: '新员工未经三级安全教育即上岗',
        foundOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()),
        foundBy: '检查组',
        photoFileIds: [],
      }),
      201,
    ).json;
    const withHazard = expectStatus(await county.get(`/inspections/${id}`), 200).json;
    assert.equal(withHazard.openHazardCount, 1);
    assert.equal(withHazard.hazards[0].id, hazard.id);
    assert.equal(withHazard.hazards[0].checklistItemCode, 'LP-12');
    const blocked = await county.post(`/inspections/${id}/transitions`, { event: 'CLOSE' });
    expectStatus(blocked, 409);
    assert.equal(expectStatus(await county.get(`/inspections/${id}`), 200).json.status, 'FOLLOW_UP');
    expectStatus(await county.post(`/hazards/${hazard.id}/transitions`, { event: 'REJECT', comment: '已当场整改，不立案' }), 200);
    const closed = expectStatus(await county.post(`/inspections/${id}/transitions`, { event: 'CLOSE' }), 200).json;
    assert.equal(closed.status, 'CLOSED');
    assert.deepEqual(
      closed.events.map((event) => event.event),
      ['PLAN', 'START', 'RECORD_FINDINGS', 'ACKNOWLEDGE', 'FOLLOW_UP', 'CLOSE'],
    );
    assert.equal(closed.openHazardCount, 0);

    // 秦淮区 neither sees nor moves it; the county lists and exports it.
    expectStatus(await qinhuai.get(`/inspections/${id}`), 404);
    expectStatus(await qinhuai.post(`/inspections/${id}/transitions`, { event: 'CANCEL', comment: 'x' }), 404);
    expectStatus(await qinhuai.put(`/inspections/${id}/answers`, { answers: [] }), 404);
    assert.equal(expectStatus(await qinhuai.get(`/inspections?q=${closed.code}`), 200).json.total, 0);
    const listed = expectStatus(await county.get(`/inspections?q=${closed.code}&status=CLOSED`), 200).json;
    assert.equal(listed.total, 1);
    const exported = await county.get(`/inspections/export?q=${closed.code}`);
    expectStatus(exported, 200);
    assert.ok(exported.headers.get('content-type').startsWith(XLSX_TYPE));
  });

  it('cancels a planned inspection with a reason, and refuses an enterprise of another county', async () => {
    const body = {
      organisationId: town,
      enterpriseId: enterprise.id,
      mode: 'JOINT_WITH_AUTHORITY',
      authorityName: '玄武区应急管理局',
      plannedDate: '2026-12-20',
      checklistId: statutory.id,
      inspectorIds: inspectors.slice(0, 2),
    };
    const planned = expectStatus(await county.post('/inspections', body), 201).json;
    assert.equal(planned.authorityName, '玄武区应急管理局');
    expectStatus(await county.post(`/inspections/${planned.id}/transitions`, { event: 'CANCEL' }), 400);
    const cancelled = expectStatus(
      await county.post(`/inspections/${planned.id}/transitions`, { event: 'CANCEL', comment: '企业停产' }),
      200,
    ).json;
    assert.equal(cancelled.status, 'CANCELLED');
    expectStatus(await county.post(`/inspections/${planned.id}/transitions`, { event: 'START' }), 409);

    const missing = await county.post('/inspections', { ...body, mode: 'JOINT_WITH_AUTHORITY', authorityName: '', plannedDate: '2026-13-01' });
    expectStatus(missing, 400);
    assert.ok(missing.json.fields.authorityName);
    assert.ok(missing.json.fields.plannedDate);
    const qinhuaiEnterprise = expectStatus(await qinhuai.get('/enterprises?pageSize=1'), 200).json.items[0];
    const foreign = await county.post('/inspections', { ...body, enterpriseId: qinhuaiEnterprise.id });
    expectStatus(foreign, 400);
    assert.ok(foreign.json.fields.enterpriseId);
  });
});
