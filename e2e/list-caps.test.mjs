// The big lists past 10,000 rows (docs/api-contract.md "Lists"): 10,500 hazards and 10,500 enterprises more in
// 玄武区, written straight into the SQLite file. The county's hazard and enterprise lists then say
// total 10001 with totalCapped, still page in order (first page, a later page, the same rows as an uncapped
// filtered list would give), and a filter that leaves few rows gives the exact total without the flag.
// The two ways a page is fetched (LIMIT bound when many match, literal when few: core/paging.hpp) are both
// exercised here. SQLite only (the rows are inserted with the sqlite3 shell).
//
//   node --test e2e/list-caps.test.mjs

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, sqliteFile } from './support/server.mjs';
import { sqlite } from './support/sqlite-check.mjs';
import { signIn, expectStatus } from './support/client.mjs';

const EXTRA = 10_500;

describe('lists past 10,000 rows', { skip: (process.env.ANKANG_E2E_DATABASE ?? 'sqlite') !== 'sqlite' && 'SQLite only' }, () => {
  let server;
  let county;
  let enterprise;

  before(async () => {
    server = await startServer();
    county = await signIn(server.baseUrl, 'county_cadre');
    enterprise = expectStatus(await county.get('/enterprises?pageSize=1'), 200).json.items[0];
    const file = sqliteFile(server);
    // Copies of one of the county's hazards (roll-up triggers run for each) and of one of its enterprises.
    const [hazardId] = (
      await sqlite(
        file,
        `SELECT h.id FROM hazards h JOIN organisations o ON o.id = h.organisation_id
         WHERE o.path LIKE (SELECT path FROM organisations WHERE code = '320102') || '%' ORDER BY h.id LIMIT 1`,
      )
    ).split('\n');
    assert.ok(hazardId, 'the county has a demo hazard to copy');
    await sqlite(
      file,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${EXTRA})
       INSERT INTO hazards (code, organisation_id, enterprise_id, source, category, grade, title, found_on, status,
                            status_changed_at, created_at, updated_at)
       SELECT '', organisation_id, enterprise_id, source, category, 'GENERAL', '批量隐患' || i, found_on, 'CLOSED',
              status_changed_at, created_at, updated_at
       FROM hazards CROSS JOIN n WHERE hazards.id = ${hazardId};
       WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${EXTRA})
       INSERT INTO enterprises (credit_code, name, organisation_id, organisation_path, industry_section,
                                economic_component, size_class, headcount, status, created_at, updated_at)
       SELECT printf('91320102CAP%07d', i), '批量企业' || i, organisation_id, organisation_path, industry_section,
              economic_component, size_class, headcount, status, created_at, updated_at
       FROM enterprises CROSS JOIN n WHERE enterprises.id = ${enterprise.id};`,
    );
  });

  after(async () => {
    await server?.stop();
  });

  it('says more than 10,000 hazards and still pages them newest first', async () => {
    const first = expectStatus(await county.get('/hazards?page=1&pageSize=20'), 200).json;
    assert.equal(first.total, 10_001);
    assert.equal(first.totalCapped, true);
    assert.equal(first.items.length, 20);
    const ids = first.items.map((hazard) => hazard.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first');
    assert.equal(first.items[0].title, `批量隐患${EXTRA}`);
    const later = expectStatus(await county.get('/hazards?page=3&pageSize=20'), 200).json;
    assert.equal(later.items[0].title, `批量隐患${EXTRA - 40}`, 'page 3 starts 40 rows further on');

    // A filter that leaves few: the exact count, no flag, and the rows the county's own list has.
    const few = expectStatus(await county.get('/hazards?page=1&pageSize=20&status=REPORTED,TRIAGED'), 200).json;
    assert.ok(few.total < 10_000 && few.totalCapped === undefined, JSON.stringify({ total: few.total, capped: few.totalCapped }));
    assert.equal(few.items.length, Math.min(20, few.total));
    // The province sees them too, and its list is capped as well.
    const province = await signIn(server.baseUrl, 'prov_cadre');
    const all = expectStatus(await province.get('/hazards?page=1&pageSize=5'), 200).json;
    assert.equal(all.totalCapped, true);
    assert.equal(all.items[0].title, `批量隐患${EXTRA}`);
  });

  it('says more than 10,000 enterprises, and the exact number when a search narrows it', async () => {
    const first = expectStatus(await county.get('/enterprises?page=1&pageSize=20'), 200).json;
    assert.equal(first.total, 10_001);
    assert.equal(first.totalCapped, true);
    assert.equal(first.items[0].name, `批量企业${EXTRA}`);
    const page2 = expectStatus(await county.get('/enterprises?page=2&pageSize=20'), 200).json;
    assert.equal(page2.items[0].name, `批量企业${EXTRA - 20}`);
    const searched = expectStatus(await county.get(`/enterprises?page=1&pageSize=20&keyword=${encodeURIComponent('批量企业1050')}`), 200).json;
    // 批量企业1050 and 批量企业10500
    assert.deepEqual(searched.items.map((e) => e.name).sort(), ['批量企业1050', '批量企业10500']);
    assert.equal(searched.total, 2);
    assert.equal(searched.totalCapped, undefined);
  });
});
