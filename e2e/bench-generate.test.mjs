// bench/generate at a tiny scale on SQLite (the full run, 5 million hazards, is a benchmark: docs/performance.md).
//   node --test e2e/bench-generate.test.mjs
//
// The generator is seeded: the same seed and reference day give the same rows, another seed other rows. It loads
// with triggers and secondary indexes dropped and puts them back: the schema after a run equals a fresh demo
// database's. What the triggers would have kept is computed in bulk: organisation_statistics equals a recount
// from the enterprises and inspectors, and the statistics roll-ups (rebuilt by `ankang statistics-rebuild`)
// count every hazard and report once at the province root.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { binaryPath, repoRoot } from './support/server.mjs';
import { sqlite } from './support/sqlite-check.mjs';

const execFileAsync = promisify(execFile);
const TODAY = '2026-06-15';

// The binary refuses unknown ANKANG_* variables: none are passed on.
const cleanEnvironment = () =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ANKANG_')));

// Each run starts from a copy of one demo database (--no-demo): the demo takes most of the time of a debug build.
async function generate(fresh, file, seed) {
  copyFileSync(fresh, file);
  const { stdout } = await execFileAsync(
    'node',
    [path.join(repoRoot, 'bench/generate.mjs'), '--db', `sqlite:${file}`, '--no-demo', '--scale', '0.001',
      '--seed', String(seed), '--today', TODAY, '--binary', binaryPath()],
    { cwd: repoRoot, env: cleanEnvironment(), maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

// Rows the generator wrote (ids above the demo's), hashed by the sqlite3 shell's output.
const generatedRows = (file, table, demoMax) =>
  sqlite(file, `SELECT * FROM ${table} WHERE id > ${demoMax} ORDER BY id`);

describe('bench/generate (scale 0.001, SQLite)', () => {
  let directory;
  let first;
  let output;
  let demoMax;
  let fresh;

  before(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'ankang-bench-generate-'));
    fresh = path.join(directory, 'fresh.db');
    await execFileAsync(binaryPath(), ['--db', `sqlite:${fresh}`, 'demo'], {
      env: { ...cleanEnvironment(), ANKANG_AUTH_PASSWORD_HASH: 'minimal' },
    });
    // One file, no WAL beside it, so a plain copy is the whole database.
    await sqlite(fresh, 'PRAGMA journal_mode = DELETE');
    first = path.join(directory, 'first.db');
    output = await generate(fresh, first, 11);
    demoMax = {};
    for (const table of ['enterprises', 'hazards', 'worker_reports', 'lp_inspectors'])
      demoMax[table] = Number(await sqlite(fresh, `SELECT MAX(id) FROM ${table}`));
  });

  after(() => rmSync(directory, { recursive: true, force: true }));

  it('prints rows per second per table and loads the scaled counts', async () => {
    for (const table of ['enterprises', 'hazards', 'worker reports', 'union coverage'])
      assert.match(output, new RegExp(`^${table}\\s+\\d+ rows\\s+[\\d.]+ s\\s+\\d+ rows/s$`, 'm'));
    assert.match(output, /^statistics-rebuild \(roll-ups\)/m);
    assert.equal(Number(await sqlite(first, `SELECT COUNT(*) FROM hazards WHERE id > ${demoMax.hazards}`)), 5000);
    assert.equal(Number(await sqlite(first, `SELECT COUNT(*) FROM enterprises WHERE id > ${demoMax.enterprises}`)), 300);
    assert.equal(Number(await sqlite(first, `SELECT COUNT(*) FROM worker_reports WHERE id > ${demoMax.worker_reports}`)), 200);
    assert.equal(Number(await sqlite(first, `SELECT COUNT(*) FROM lp_inspectors WHERE id > ${demoMax.lp_inspectors}`)), 100);
  });

  it('spreads hazards over five years before the reference day, mostly closed when old, about 2 % major', async () => {
    const [min, max, major, oldClosed, old, recentOpen, recent] = (
      await sqlite(
        first,
        `SELECT MIN(found_on), MAX(found_on), SUM(grade = 'MAJOR'),
                SUM(found_on < '2025-06-15' AND status = 'CLOSED'), SUM(found_on < '2025-06-15'),
                SUM(found_on >= '2026-06-01' AND status NOT IN ('CLOSED', 'REJECTED')), SUM(found_on >= '2026-06-01')
         FROM hazards WHERE id > ${demoMax.hazards}`,
      )
    ).split('|');
    assert.equal(min, '2021-06-15'); // 1,826 days back (five years and 29 February 2024)
    assert.equal(max, '2026-06-14');
    assert.ok(Number(major) > 50 && Number(major) < 160, `major ${major} of 5000`);
    assert.ok(Number(oldClosed) / Number(old) > 0.9, `${oldClosed} of ${old} old hazards closed`);
    assert.ok(Number(recentOpen) / Number(recent) > 0.4, `${recentOpen} of ${recent} recent hazards open`);
    assert.equal(
      await sqlite(first, `SELECT COUNT(*) FROM hazards WHERE status = 'CLOSED' AND (closed_at IS NULL
        OR closed_at > ${Date.parse(`${TODAY}T00:00:00Z`)}) AND id > ${demoMax.hazards}`),
      '0',
    );
  });

  it('gives the same rows for the same seed and other rows for another seed', async () => {
    const again = path.join(directory, 'again.db');
    const other = path.join(directory, 'other.db');
    await generate(fresh, again, 11);
    await generate(fresh, other, 12);
    for (const table of ['enterprises', 'hazards', 'worker_reports', 'lp_inspectors']) {
      const rows = await generatedRows(first, table, demoMax[table]);
      assert.equal(await generatedRows(again, table, demoMax[table]), rows, `${table}: same seed, same rows`);
      assert.notEqual(await generatedRows(other, table, demoMax[table]), rows, `${table}: another seed`);
    }
  });

  it('puts every trigger and index back', async () => {
    const schema = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') ORDER BY name";
    assert.equal(await sqlite(first, schema), await sqlite(fresh, schema));
  });

  it('keeps organisation_statistics equal to a recount, and the roll-ups count each hazard and report once', async () => {
    const recount = `
      WITH e AS (SELECT organisation_id, COUNT(*) AS n, SUM(headcount) AS w, SUM(covered) AS c,
                        SUM(with_committee) AS k FROM enterprises WHERE status = 'ACTIVE' GROUP BY organisation_id),
           i AS (SELECT home_organisation_id AS organisation_id, COUNT(*) AS n FROM lp_inspectors
                 WHERE status = 'ACTIVE' GROUP BY home_organisation_id)
      SELECT COUNT(*) FROM organisations o LEFT JOIN organisation_statistics s ON s.organisation_id = o.id
      LEFT JOIN e ON e.organisation_id = o.id LEFT JOIN i ON i.organisation_id = o.id
      WHERE COALESCE(s.enterprises, 0) <> COALESCE(e.n, 0) OR COALESCE(s.workers, 0) <> COALESCE(e.w, 0)
         OR COALESCE(s.covered, 0) <> COALESCE(e.c, 0) OR COALESCE(s.with_committee, 0) <> COALESCE(e.k, 0)
         OR COALESCE(s.inspectors, 0) <> COALESCE(i.n, 0)`;
    assert.equal(await sqlite(first, recount), '0');
    assert.ok(Number(await sqlite(first, 'SELECT SUM(covered) FROM enterprises')) > 100);
    const root = 'SELECT id FROM organisations WHERE parent_id IS NULL';
    assert.equal(
      await sqlite(first, `SELECT SUM(hazards) FROM hazard_rollups WHERE organisation_id = (${root})`),
      await sqlite(first, 'SELECT COUNT(*) FROM hazards'),
    );
    assert.equal(
      await sqlite(first, `SELECT SUM(reports) FROM report_rollups WHERE organisation_id = (${root})`),
      await sqlite(first, 'SELECT COUNT(*) FROM worker_reports'),
    );
  });
});
