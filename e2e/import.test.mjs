// Enterprise import against the real binary: CSV over HTTP in the caller's scope, JSON rows, the template,
// and the command-line import. Runs on SQLite, and on PostgreSQL with ANKANG_E2E_DATABASE=postgres.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { startServer, binaryPath } from './support/server.mjs';
import { signIn, expectStatus } from './support/client.mjs';
import { IMPORT_HEADER, importCreditCode, importFile, importRow } from './support/import-csv.mjs';

const execFileAsync = promisify(execFile);

describe('enterprise import', () => {
  let server;
  let county; // county_cadre: 玄武区, LP_CADRE

  before(async () => {
    server = await startServer();
    county = await signIn(server.baseUrl, 'county_cadre');
  });

  after(async () => {
    await server?.stop();
  });

  it('imports a CSV into 玄武区 as county_cadre and rejects the row for 秦淮区', async () => {
    const good = importCreditCode('91320102E', 1);
    const outside = importCreditCode('91320102E', 2);
    const csv = IMPORT_HEADER + importRow(good, '玄武导入企业', '新街口街道工会') + importRow(outside, '秦淮导入企业', '320104');
    const response = await county.post('/enterprises/import?mode=VALID_ROWS_ONLY', csv, {
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    const result = expectStatus(response, 200).json;
    assert.equal(result.committed, true);
    assert.equal(result.inserted, 1);
    assert.equal(result.rejected, 1);
    assert.deepEqual(
      result.errors.map((error) => [error.row, error.column, error.columnLabel]),
      [[3, 'organisation', '所属工会组织']],
    );
    assert.equal(result.errors[0].message, '组织不存在或不在您的管理范围内');

    const listed = expectStatus(await county.get(`/enterprises?keyword=${good}`), 200).json;
    assert.equal(listed.total, 1);
    assert.equal(listed.items[0].organisationName, '新街口街道工会');
    assert.equal(listed.items[0].economicComponent, '21');
    assert.equal(listed.items[0].sizeClass, 'SMALL');
    assert.equal(expectStatus(await county.get(`/enterprises?keyword=${outside}`), 200).json.total, 0);

    // The same file again: nothing changes; all-or-nothing with the bad row writes nothing.
    const again = expectStatus(
      await county.post('/enterprises/import?mode=ALL_OR_NOTHING', csv, { headers: { 'content-type': 'text/csv' } }),
      200,
    ).json;
    assert.equal(again.committed, false);
    assert.equal(again.rejected, 1);
    assert.equal(again.inserted + again.updated + again.unchanged, 0);

    const english = await county.post('/enterprises/import?mode=VALID_ROWS_ONLY', csv, {
      headers: { 'content-type': 'text/csv' },
      language: 'en',
    });
    const englishResult = expectStatus(english, 200).json;
    assert.equal(englishResult.unchanged, 1);
    assert.equal(englishResult.errors[0].columnLabel, 'Organisation');
    assert.equal(englishResult.errors[0].message, 'The organisation does not exist or is outside your scope');
  });

  it('takes JSON rows (as the browser posts them) and refuses unreadable files naming the row', async () => {
    const code = importCreditCode('91320102E', 3);
    const response = await county.post('/enterprises/import', {
      mode: 'ALL_OR_NOTHING',
      rows: [
        { rowNumber: 2, creditCode: code, name: 'JSON 企业', organisation: '320102003', industrySection: 'C',
          economicComponent: '私有经济', sizeClass: '小型', headcount: 12 },
      ],
    });
    const result = expectStatus(response, 200).json;
    assert.equal(result.inserted, 1, JSON.stringify(result.errors));

    const broken = await county.post('/enterprises/import', Buffer.concat([Buffer.from(IMPORT_HEADER), Buffer.from([0xc4, 0xe3]), Buffer.from(',x\r\n')]) /* GBK 你 */, {
      headers: { 'content-type': 'text/csv' },
    });
    expectStatus(broken, 400);
    assert.match(broken.json.fields.file, /^第 2 行/);

    const badMode = await county.post('/enterprises/import', { mode: 'SOME', rows: [] });
    expectStatus(badMode, 400);
    assert.ok(badMode.json.fields.mode);
  });

  it('serves the template, which imports as it is', async () => {
    const template = expectStatus(await county.get('/enterprises/import-template'), 200);
    assert.match(template.headers.get('content-type'), /^text\/csv/);
    assert.ok(template.text.startsWith('\uFEFF统一社会信用代码,企业名称,所属工会组织'));
    const dryRun = expectStatus(
      await county.post('/enterprises/import?dryRun=true', template.body, { headers: { 'content-type': 'text/csv' } }),
      200,
    ).json;
    assert.deepEqual([dryRun.rows, dryRun.inserted, dryRun.rejected, dryRun.committed], [1, 1, 0, false]);
  });

  it('imports from the command line, prints the counts and writes the error report', async () => {
    const file = path.join(server.workDir, 'cli-import.csv');
    const report = path.join(server.workDir, 'cli-errors.csv');
    writeFileSync(file, `\uFEFF${importFile('91320102F', 50, '320102003', '命令行企业')}${importRow(importCreditCode('91320102F', 99), '越界企业', '320104')}`);
    let failed;
    try {
      await execFileAsync(binaryPath(), ['--db', server.databaseUrl, 'import', 'enterprises', file, '--organisation', '320102', '--mode', 'valid-rows', '--report', report], { env: server.env });
    } catch (error) {
      failed = error;
    }
    assert.equal(failed?.code, 3, 'exit status 3: some rows were rejected');
    assert.match(failed.stdout, /VALID_ROWS_ONLY: 51 rows, 50 inserted, 0 updated, 0 unchanged, 1 rejected/);
    assert.match(failed.stdout, /rows\/s/);
    const lines = readFileSync(report, 'utf8').split('\r\n');
    assert.equal(lines[0], '\uFEFF行号,列,错误,Column,Error');
    assert.equal(lines[1], '52,所属工会组织,组织不存在或不在您的管理范围内,Organisation,The organisation does not exist or is outside your scope');

    const again = await execFileAsync(binaryPath(), ['--db', server.databaseUrl, 'import', 'enterprises', file, '--organisation', '320102', '--mode', 'valid-rows'], { env: server.env }).catch((error) => error);
    assert.equal(again.code, 3);
    assert.match(again.stdout, /51 rows, 0 inserted, 0 updated, 50 unchanged, 1 rejected/);
    const listed = expectStatus(await county.get('/enterprises?keyword=命令行企业&pageSize=100'), 200).json;
    assert.equal(listed.total, 50);
  });
});
