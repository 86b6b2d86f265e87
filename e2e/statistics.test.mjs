// Statistics (ADR 0013) against the real binary: a hazard and a worker's report at an enterprise of 玄武区 show
// at once on the dashboards of 玄武区, 南京市 and the province, and nowhere else; children add up to their parent;
// the catalogue's ratios are recomputed from totals; bad months and dimensions are 400 naming the field (Chinese
// and English); an organisation outside the caller's scope is 404 on every statistics route. Runs on SQLite, and
// on PostgreSQL with ANKANG_E2E_DATABASE=postgres.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './support/server.mjs';
import { signIn, expectStatus } from './support/client.mjs';

/** Today and this month in Asia/Shanghai (the server's calendar). */
const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const thisMonth = () => today().slice(0, 7);

describe('statistics', () => {
  let server;
  let province; // prov_cadre: the provincial federation
  let city; // city_cadre: 南京市
  let county; // county_cadre: 玄武区
  let qinhuai; // qinhuai_cadre: 秦淮区, beside 玄武区
  let orgs;

  const dashboard = async (client, organisationId, query = '') =>
    expectStatus(await client.get(`/statistics/dashboard?organisationId=${organisationId}${query}`), 200).json;

  before(async () => {
    server = await startServer();
    province = await signIn(server.baseUrl, 'prov_cadre');
    city = await signIn(server.baseUrl, 'city_cadre');
    county = await signIn(server.baseUrl, 'county_cadre');
    qinhuai = await signIn(server.baseUrl, 'qinhuai_cadre');
    const find = async (code) => expectStatus(await province.get(`/organisations?keyword=${code}`), 200).json.items.find((o) => o.code === code).id;
    orgs = { root: province.me?.user?.organisationId ?? (await find('320000')), city: await find('320100'), xuanwu: await find('320102'), qinhuai: await find('320104') };
  });

  after(async () => {
    await server?.stop();
  });

  it('counts a new hazard at its enterprise and every level above it, and nowhere else', async () => {
    const before = {
      county: await dashboard(county, orgs.xuanwu),
      city: await dashboard(city, orgs.city),
      root: await dashboard(province, orgs.root),
      qinhuai: await dashboard(qinhuai, orgs.qinhuai),
    };
    const enterprise = expectStatus(await county.get('/enterprises?pageSize=1'), 200).json.items[0];
    const created = expectStatus(
      await county.post('/hazards', {
        enterpriseId: enterprise.id,
        source: 'UNION_INSPECTION',
        category: 'UNSAFE_CONDITION',
        grade: 'MAJOR',
        majorSubgrade: 1,
        majorCriterion: '有限空间作业未审批',
        title: '有限空间作业未审批',
        foundOn: today(),
        foundBy: '张伟',
      }),
      201,
    ).json;
    assert.equal(created.grade, 'MAJOR');

    const after = {
      county: await dashboard(county, orgs.xuanwu),
      city: await dashboard(city, orgs.city),
      root: await dashboard(province, orgs.root),
      qinhuai: await dashboard(qinhuai, orgs.qinhuai),
    };
    for (const level of ['county', 'city', 'root']) {
      assert.equal(after[level].values.SV03, before[level].values.SV03 + 1, `SV03 at ${level}`);
      assert.equal(after[level].values.SV04, before[level].values.SV04 + 1, `SV04 at ${level}`);
      assert.equal(after[level].values.H02, before[level].values.H02 + 1, `H02 at ${level}`);
    }
    assert.equal(after.qinhuai.values.SV03, before.qinhuai.values.SV03, '秦淮区 is not touched');
    const month = after.county.trend.find((point) => point.month === thisMonth());
    const monthBefore = before.county.trend.find((point) => point.month === thisMonth());
    assert.equal(month.values.SV03, monthBefore.values.SV03 + 1, 'the trend counts it in this month');

    // Rejected (not a hazard after all): it leaves the found and open counts.
    expectStatus(await county.post(`/hazards/${created.id}/transitions`, { event: 'REJECT', comment: '复核不属实' }), 200);
    const rejected = await dashboard(county, orgs.xuanwu);
    assert.equal(rejected.values.SV03, before.county.values.SV03);
    assert.equal(rejected.values.H02, before.county.values.H02);
  });

  it('gives each child in the table the figures of its own dashboard', async () => {
    // The child table is computed for all children at once (one statement per source); each child's own
    // dashboard computes the child alone. Every count and stock must agree, at the province and in 南京市.
    const seen = new Set();
    for (const parent of [orgs.root, orgs.city]) {
      const data = await dashboard(province, parent);
      for (const child of data.children.filter((c) => c.organisationId)) {
        const own = await dashboard(province, child.organisationId);
        for (const [code, value] of Object.entries(own.values)) {
          if (!Number.isInteger(value)) continue; // ratios and averages are derived from the counts
          assert.equal(child.values[code], value, `${code} of ${child.name} in the table of ${data.organisation.name}`);
          if (value > 0) seen.add(code);
        }
      }
    }
    for (const code of ['E01', 'SV03', 'SV11', 'H01', 'O01', 'O03', 'SV01', 'SV08', 'O06F']) {
      assert.ok(seen.has(code), `the demo province has some ${code} to compare (seen: ${[...seen].sort().join(' ')})`);
    }
  });

  it('adds the children up to the parent and recomputes ratios from totals', async () => {
    const data = await dashboard(province, orgs.root);
    assert.equal(data.organisation.id, orgs.root);
    assert.ok(data.children.length >= 10, 'the cities of the province');
    for (const code of ['E01', 'E03', 'SV03', 'H01', 'SV11', 'O03']) {
      const sum = data.children.reduce((total, child) => total + child.values[code], 0);
      assert.equal(sum, data.values[code], `${code}: children add up to the province`);
    }
    assert.ok(data.values.E01 > 1000 && data.values.SV03 > 0 && data.values.SV11 > 0, 'the demo province has data');
    assert.equal(data.values.C01, data.values.E03 / data.values.E01, 'C01 = E03 / E01 from the totals');
    const nanjing = data.children.find((child) => child.organisationId === orgs.city);
    assert.equal(nanjing.values.C01, nanjing.values.E03 / nanjing.values.E01);
    assert.equal(data.trend.length, 12);
    assert.equal(data.trend.at(-1).month, data.period.to);
    assert.deepEqual(
      data.breadcrumbs.map((crumb) => crumb.id),
      [orgs.root],
    );
    const drilled = await dashboard(province, orgs.xuanwu);
    assert.deepEqual(
      drilled.breadcrumbs.map((crumb) => crumb.id),
      [orgs.root, orgs.city, orgs.xuanwu],
    );

    const previous = await dashboard(province, orgs.root, '&from=2026-01&to=2026-03');
    assert.deepEqual(previous.previousPeriod, { from: '2025-10', to: '2025-12' });
    assert.equal(previous.previousValues.E01, undefined, 'stocks have no previous value');

    const catalogue = expectStatus(await county.get('/statistics/indicators'), 200).json.items;
    const rate = catalogue.find((item) => item.code === 'SV06');
    assert.deepEqual([rate.kind, rate.numerator, rate.denominator], ['RATIO', 'SV06N', 'SV03']);
  });

  it('breaks enterprises down by size and lists them for the last drill-down step', async () => {
    const breakdown = expectStatus(await county.get(`/statistics/breakdown?organisationId=${orgs.xuanwu}&by=size`), 200).json;
    const county_ = await dashboard(county, orgs.xuanwu);
    assert.equal(
      breakdown.rows.reduce((total, row) => total + row.values.E01, 0),
      county_.values.E01,
      'every enterprise in one size class',
    );
    assert.ok(breakdown.rows.every((row) => row.label && row.label !== row.key), 'labels from the dictionary');
    const page = expectStatus(await county.get(`/statistics/enterprises?organisationId=${orgs.xuanwu}&pageSize=5`), 200).json;
    assert.equal(page.total, county_.values.E01);
    assert.equal(page.items.length, 5);
    assert.ok(page.items.every((item) => typeof item.values.H01 === 'number' && item.creditCode));
    const capacity = expectStatus(await county.get(`/statistics/coverage-capacity?organisationId=${orgs.xuanwu}&year=2026`), 200).json;
    assert.equal(capacity.total.enterprises, county_.values.E01);
    assert.equal(
      capacity.levels.reduce((total, level) => total + level.organisations, 0),
      capacity.total.organisations,
    );
  });

  it('refuses bad input naming the field, in Chinese and in English', async () => {
    const bad = expectStatus(await county.get(`/statistics/dashboard?organisationId=${orgs.xuanwu}&from=2026-13`), 400).json;
    assert.ok(bad.fields.from.includes('YYYY-MM'));
    const english = expectStatus(await county.get(`/statistics/dashboard?from=2026-05&to=2026-01`, { language: 'en' }), 400).json;
    assert.equal(english.fields.to, 'must not be before from');
    const chinese = expectStatus(await county.get(`/statistics/dashboard?from=2026-05&to=2026-01`), 400).json;
    assert.equal(chinese.fields.to, '结束月份不能早于开始月份');
    const dimension = expectStatus(await county.get(`/statistics/breakdown?by=colour`), 400).json;
    assert.ok(dimension.fields.by);
    expectStatus(await county.get(`/statistics/coverage-capacity?year=1800`), 400);
  });

  it('answers 404 for an organisation outside the caller\'s scope', async () => {
    for (const path of ['dashboard', 'breakdown', 'enterprises', 'coverage-capacity']) {
      expectStatus(await county.get(`/statistics/${path}?organisationId=${orgs.qinhuai}`), 404);
      expectStatus(await county.get(`/statistics/${path}?organisationId=${orgs.city}`), 404);
      expectStatus(await county.get(`/statistics/${path}?organisationId=99999999`), 404);
    }
    // Without organisationId: the caller's own organisation.
    const own = expectStatus(await county.get('/statistics/dashboard'), 200).json;
    assert.equal(own.organisation.id, orgs.xuanwu);
  });
});
