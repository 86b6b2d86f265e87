// The annual statistical report (统计年报, W11, ADR 0013) against the real binary: a township fills and submits,
// its county sees who has submitted, checks its own figures against the children's sum and approves the
// township (never its own report), the city returns and approves the county; approved reports are locked;
// reports outside the caller's scope answer 404. Runs on SQLite, and on PostgreSQL with
// ANKANG_E2E_DATABASE=postgres.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './support/server.mjs';
import { signIn, expectStatus } from './support/client.mjs';

describe('annual statistical reports', () => {
  let server;
  let town; // town_cadre: 新街口街道工会, below 玄武区
  let county; // county_cadre: 玄武区总工会
  let city; // city_cadre: 南京市总工会
  let qinhuai; // qinhuai_cadre: 秦淮区, beside 玄武区
  let auditor; // AUDITOR at the province: reads only
  let townOverview;
  let additive; // the code of the first additive item

  before(async () => {
    server = await startServer();
    [town, county, city, qinhuai, auditor] = await Promise.all(
      ['town_cadre', 'county_cadre', 'city_cadre', 'qinhuai_cadre', 'auditor'].map((name) => signIn(server.baseUrl, name)),
    );
    townOverview = expectStatus(await town.get('/statistical-reports'), 200).json;
  });

  after(async () => {
    await server?.stop();
  });

  it('opens on the last ended statistical year: October to September', () => {
    const now = new Date(Date.now() + 8 * 3600 * 1000); // Shanghai
    const year = now.getUTCMonth() >= 9 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    assert.equal(townOverview.year, year);
    assert.deepEqual(townOverview.period, { from: `${year - 1}-10`, to: `${year}-09` });
    assert.equal(townOverview.organisation.name, '新街口街道工会');
    assert.equal(townOverview.report, null);
    assert.equal(townOverview.canCreate, true);
  });

  it('lets the township fill in its report: system values, manual values that replace them, field errors', async () => {
    const { year, organisation } = townOverview;
    const created = expectStatus(await town.post('/statistical-reports', { organisationId: organisation.id, year }), 201).json;
    assert.equal(created.status, 'DRAFT');
    assert.ok(created.items.length >= 20 && created.items.some((item) => item.code === 'E01'), 'every count and stock of the catalogue is an item');
    for (const item of created.items) {
      assert.ok(['COUNT', 'STOCK'].includes(item.kind), `${item.code} is ${item.kind}`);
      assert.equal(item.value, item.systemValue);
      assert.equal(item.manualValue, null);
      assert.ok(item.name && item.unit !== undefined && item.section);
    }
    const item = created.items.find((candidate) => candidate.additive);
    assert.ok(item, 'some items are additive');
    additive = item.code;
    expectStatus(await town.post('/statistical-reports', { organisationId: organisation.id, year }), 409);

    const bad = expectStatus(
      await town.put(`/statistical-reports/${created.id}`, {
        items: [
          { code: additive, manualValue: -3 },
          { code: created.items[1].code, manualValue: 2.5 },
          { code: 'NOPE', manualValue: 1 },
        ],
      }),
      400,
    ).json;
    assert.ok(bad.fields[`items[${additive}].manualValue`], JSON.stringify(bad.fields));
    assert.ok(bad.fields[`items[${created.items[1].code}].manualValue`]);
    assert.ok(!bad.fields['items[NOPE].code'], 'type errors are reported before the codes are looked up');

    const saved = expectStatus(
      await town.put(`/statistical-reports/${created.id}`, { items: [{ code: additive, manualValue: 5000, note: '含未上平台企业' }] }),
      200,
    ).json;
    const savedItem = saved.items.find((candidate) => candidate.code === additive);
    assert.equal(savedItem.manualValue, 5000);
    assert.equal(savedItem.value, 5000, 'the manual value is the one used');
    assert.equal(savedItem.systemValue, item.systemValue);
    assert.equal(savedItem.note, '含未上平台企业');

    const submitted = expectStatus(await town.post(`/statistical-reports/${created.id}/submit`, {}), 200).json;
    assert.equal(submitted.status, 'SUBMITTED');
    assert.deepEqual(submitted.actions, { edit: false, review: false });
    expectStatus(await town.put(`/statistical-reports/${created.id}`, { items: [{ code: additive, manualValue: 1 }] }), 409);
  });

  it('shows the county who has submitted and checks its figures against the children', async () => {
    const overview = expectStatus(await county.get(`/statistical-reports?year=${townOverview.year}`), 200).json;
    assert.equal(overview.organisation.name, '玄武区总工会');
    const child = overview.children.find((candidate) => candidate.name === '新街口街道工会');
    assert.equal(child.report.status, 'SUBMITTED');
    assert.equal(child.report.actions.review, true, 'the county reviews its townships');
    assert.equal(overview.completion.submitted, 1);
    assert.ok(overview.completion.total >= 1);

    const report = expectStatus(
      await county.post('/statistical-reports', { organisationId: overview.organisation.id, year: overview.year }),
      201,
    ).json;
    const item = report.items.find((candidate) => candidate.code === additive);
    assert.equal(item.childrenSum, 5000);
    assert.equal(item.check, 'FAILED');
    assert.equal(item.difference, item.value - 5000);
    assert.ok(report.failedChecks >= 1);
    const refused = expectStatus(await county.post(`/statistical-reports/${report.id}/submit`, {}), 400).json;
    assert.ok(refused.fields.note, 'a failed check needs a note');

    // The county approves the township, but not its own report.
    const approved = expectStatus(await county.post(`/statistical-reports/${child.report.id}/approve`), 200).json;
    assert.equal(approved.status, 'APPROVED');
    expectStatus(await county.post(`/statistical-reports/${child.report.id}/return`, { comment: '请核实' }), 409);
    expectStatus(await town.post(`/statistical-reports/${child.report.id}/refresh`), 409);
    const submitted = expectStatus(
      await county.post(`/statistical-reports/${report.id}/submit`, { note: '街道数据含园区企业，已另行核减' }),
      200,
    ).json;
    assert.equal(submitted.checkNote, '街道数据含园区企业，已另行核减');
    expectStatus(await county.post(`/statistical-reports/${report.id}/approve`), 403);

    const { json: notifications } = expectStatus(await town.get('/me/notifications?pageSize=50'), 200);
    assert.ok(notifications.items.some((message) => message.kind === 'ANNUAL_REPORT_APPROVED'));
  });

  it('lets the city return the county report with a comment, then approve it', async () => {
    const overview = expectStatus(await city.get(`/statistical-reports?year=${townOverview.year}`), 200).json;
    const xuanwu = overview.children.find((candidate) => candidate.name === '玄武区总工会');
    assert.equal(xuanwu.report.status, 'SUBMITTED');
    const { json: todos } = expectStatus(await city.get('/me/todos?pageSize=50'), 200);
    assert.ok(todos.items.some((todo) => todo.kind === 'REVIEW_ANNUAL_REPORT' && todo.entityId === xuanwu.report.id));

    const id = xuanwu.report.id;
    const missing = expectStatus(await city.post(`/statistical-reports/${id}/return`, {}), 400).json;
    assert.ok(missing.fields.comment);
    const returned = expectStatus(await city.post(`/statistical-reports/${id}/return`, { comment: '企业数与工商登记不符' }), 200).json;
    assert.equal(returned.status, 'RETURNED');
    assert.equal(returned.returnComment, '企业数与工商登记不符');

    const { json: countyTodos } = expectStatus(await county.get('/me/todos?pageSize=50'), 200);
    assert.ok(countyTodos.items.some((todo) => todo.kind === 'REVISE_ANNUAL_REPORT' && todo.entityId === id));
    const fixed = expectStatus(await county.put(`/statistical-reports/${id}`, { items: [{ code: additive, manualValue: 5000 }] }), 200).json;
    assert.equal(fixed.items.find((item) => item.code === additive).check, 'PASSED');
    expectStatus(await county.post(`/statistical-reports/${id}/submit`), 200);
    const approved = expectStatus(await city.post(`/statistical-reports/${id}/approve`), 200).json;
    assert.equal(approved.status, 'APPROVED');
    assert.deepEqual(
      approved.events.map((event) => event.event),
      ['CREATE', 'SUBMIT', 'RETURN', 'SUBMIT', 'APPROVE'],
    );
    expectStatus(await county.put(`/statistical-reports/${id}`, { items: [{ code: additive, manualValue: 1 }] }), 409);
  });

  it('hides reports outside the scope and lets the auditor only read', async () => {
    const overview = expectStatus(await county.get(`/statistical-reports?year=${townOverview.year}`), 200).json;
    const id = overview.report.id;
    expectStatus(await qinhuai.get(`/statistical-reports/${id}`), 404);
    expectStatus(await qinhuai.get(`/statistical-reports?organisationId=${overview.organisation.id}`), 404);
    expectStatus(await qinhuai.post(`/statistical-reports`, { organisationId: overview.organisation.id, year: overview.year }), 404);
    expectStatus(await town.get(`/statistical-reports/${id}`), 404);

    const read = expectStatus(await auditor.get(`/statistical-reports/${id}`), 200).json;
    assert.equal(read.status, 'APPROVED');
    assert.deepEqual(read.actions, { edit: false, review: false });
    expectStatus(await auditor.put(`/statistical-reports/${id}`, { items: [] }), 403);
  });
});
