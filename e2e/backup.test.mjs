// Backups taken while the server writes, and restores that a server can run on.
//   node --test e2e/backup.test.mjs                                   # SQLite parts; PostgreSQL part skipped
//   ANKANG_E2E_DATABASE=postgres ANKANG_E2E_POSTGRES_URL=postgresql://postgres@127.0.0.1:55432/ankang_test \
//     node --test e2e/backup.test.mjs                                 # PostgreSQL part; SQLite parts skipped
//
// SQLite: `ankang backup --to NEW_FILE` during a write load is a consistent snapshot: it passes
// integrity_check, every table equals the source's rows up to the snapshot (checksums over all columns),
// writes acknowledged before it started are in it, writes sent after it ended are not, no unit is half in
// it; copied into a fresh directory a server runs on it and answers with the same objects. The command
// refuses an existing destination (untouched) and a PostgreSQL URL (pointing to pg_dump).
// PostgreSQL: `pg_dump -Fc` during a write load, `createdb`, `pg_restore`; the same snapshot checks with
// md5(string_agg(t::text …)) per table; `ankang serve` on the restored database answers and takes writes.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { startServer, sqliteFile, binaryPath } from './support/server.mjs';
import { Client, signIn, signInAdmin, expectStatus } from './support/client.mjs';
import { startWriteLoad, ITEM_NAME, USER_NAME } from './support/write-load.mjs';
import {
  sqlite,
  integrityProblems,
  storedLoadWrites,
  halfAppliedUnits,
  tableKeys,
  tableChecksums,
  HALF_APPLIED_UNITS_SQL,
} from './support/sqlite-check.mjs';

const execFileAsync = promisify(execFile);

const onPostgres = (process.env.ANKANG_E2E_DATABASE ?? 'sqlite') !== 'sqlite';
const postgresUrl = process.env.ANKANG_E2E_POSTGRES_URL;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The CLI's environment: no ANKANG_* of ours (the server refuses unknown ones). */
function cliEnvironment() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ANKANG_')));
}

/** Runs `ankang ARGS` in cwd; resolves to { code, signal, stdout, stderr, ms } whatever the exit. */
async function ankang(args, { cwd, timeout = 60_000 } = {}) {
  const started = performance.now();
  try {
    const { stdout, stderr } = await execFileAsync(binaryPath(), args, { cwd, env: cliEnvironment(), timeout });
    return { code: 0, signal: null, stdout, stderr, ms: performance.now() - started };
  } catch (error) {
    return {
      code: typeof error.code === 'number' ? error.code : null,
      signal: error.signal ?? null,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? String(error),
      ms: performance.now() - started,
    };
  }
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function until(condition, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function loadUsersConfig(admin) {
  const roles = expectStatus(await admin.get('/roles?pageSize=100'), 200).json.items;
  return { organisationId: admin.me.user.organisationId, roleIds: [roles.find((role) => role.code === 'LP_CADRE').id] };
}

/** Every user the API lists for keyword, over all pages, by id. */
async function listUsers(client, keyword) {
  const found = new Map();
  for (let page = 1; ; page += 1) {
    const { items, total } = expectStatus(await client.get(`/users?keyword=${encodeURIComponent(keyword)}&pageSize=500&page=${page}`), 200).json;
    for (const user of items) found.set(user.id, user);
    if (items.length === 0 || found.size >= total) return found;
  }
}

async function listItems(client, dictionary = 'size_class') {
  const items = expectStatus(await client.get(`/dictionaries/${dictionary}/items`), 200).json;
  return new Map(items.map((item) => [item.id, item]));
}

/** Map restricted to the given ids. */
function only(map, ids) {
  return new Map([...map].filter(([id]) => ids.has(id)));
}

/** The ids of one kind ('item' or 'user') among stored load writes (key → id). */
function idsOf(stored, kind) {
  return new Set([...stored].filter(([key]) => key.startsWith(`${kind}:`)).map(([, id]) => id));
}

/**
 * Conditions selecting the source rows that existed at the snapshot: ids up to the snapshot's largest
 * (ids grow with commit order: one writer at a time), user roles of those users; other tables whole.
 */
function snapshotFilters(keys, largestIds) {
  const filters = {};
  for (const [table, { key }] of Object.entries(keys)) {
    if (key.length === 1 && key[0] === 'id') filters[table] = `id <= ${largestIds[table] ?? 0}`;
  }
  if (keys.user_roles) filters.user_roles = `user_id <= ${largestIds.users ?? 0}`;
  return filters;
}

// ---------------------------------------------------------------------------------------------------------
describe('the backup command', () => {
  it('on a PostgreSQL URL exits non-zero and points to pg_dump, writing nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ankang-backup-'));
    try {
      const destination = path.join(dir, 'never.db');
      const url = postgresUrl ?? 'postgresql://ankang@127.0.0.1:1/ankang';
      const result = await ankang(['--db', url, 'backup', '--to', destination], { cwd: dir });
      assert.notEqual(result.code, 0, 'non-zero exit');
      assert.match(result.stderr, /pg_dump/, result.stderr);
      assert.equal(existsSync(destination), false, 'no file written');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('SQLite: backup while writing, restore into a fresh directory', { skip: onPostgres ? 'SQLite backups run with ANKANG_E2E_DATABASE=sqlite' : false }, () => {
  let server;
  let admin;
  let dir;
  let backupFile;
  let snapshot; // what the backup holds: key → id of load writes
  let sourceItems;
  let sourceUsers;

  before(async () => {
    server = await startServer({ database: 'sqlite' });
    admin = await signInAdmin(server.baseUrl);
    dir = mkdtempSync(path.join(tmpdir(), 'ankang-backup-'));
    backupFile = path.join(dir, 'ankang-backup.db');
  });

  after(async () => {
    await server?.stop();
    if (dir && process.env.ANKANG_E2E_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  });

  it('is a consistent snapshot of the database at its moment', async (t) => {
    const source = sqliteFile(server);
    const load = startWriteLoad(admin, { prefix: 'B', concurrency: 6, users: await loadUsersConfig(admin) });
    let result;
    let backupStarted;
    try {
      await until(() => load.acknowledged.size >= 60, '60 acknowledged writes before the backup');
      backupStarted = performance.now();
      result = await ankang(['--db', server.databaseUrl, 'backup', '--to', backupFile], { cwd: dir, timeout: 30_000 });
      const acknowledgedAtEnd = load.acknowledged.size;
      // Writes after the backup, so the source has moved on when it is compared.
      await until(() => load.acknowledged.size >= acknowledgedAtEnd + 40, '40 acknowledged writes after the backup');
    } finally {
      await load.stop();
    }
    const backupEnded = backupStarted + result.ms;
    assert.equal(result.code, 0, `backup failed: ${result.stderr}`);
    assert.match(result.stdout, /backup written to/);
    assert.deepEqual(load.unexpected, []);

    assert.deepEqual(await integrityProblems(backupFile), [], 'the backup opens and is intact');
    assert.deepEqual(await halfAppliedUnits(backupFile), [], 'no half-applied unit in the backup');
    assert.deepEqual(await integrityProblems(source), []);

    snapshot = await storedLoadWrites(backupFile);
    const stored = await storedLoadWrites(source);
    const before = [...load.acknowledged].filter(([, { ackAt }]) => ackAt < backupStarted);
    const missing = before.filter(([key, { id }]) => snapshot.get(key) !== id).map(([key]) => key);
    assert.deepEqual(missing, [], 'every write acknowledged before the backup started is in it');
    const late = [...snapshot.keys()].filter((key) => load.sentAt.get(key) > backupEnded);
    assert.deepEqual(late, [], 'no write sent after the backup ended is in it');
    const lost = [...load.acknowledged].filter(([key, { id }]) => stored.get(key) !== id).map(([key]) => key);
    assert.deepEqual(lost, [], 'the source kept every acknowledged write');
    assert.ok(snapshot.size > 0 && stored.size > snapshot.size, `the backup is mid-load (${snapshot.size} of ${stored.size})`);

    // Table by table: the backup equals the source's rows up to the snapshot's largest ids.
    const keys = await tableKeys(backupFile);
    assert.deepEqual(Object.keys(await tableKeys(source)), Object.keys(keys), 'the same tables');
    const largestIds = {};
    for (const [table, { key }] of Object.entries(keys)) {
      if (key.length === 1 && key[0] === 'id') largestIds[table] = Number((await sqlite(backupFile, `SELECT COALESCE(MAX(id), 0) FROM "${table}"`)) || 0);
    }
    const inBackup = await tableChecksums(backupFile, {}, keys);
    const inSource = await tableChecksums(source, snapshotFilters(keys, largestIds), keys);
    assert.deepEqual(inSource, inBackup, 'every table of the backup equals the source up to the snapshot');
    const sourceLoadRows = Number(await sqlite(source, "SELECT COUNT(*) FROM dictionary_items WHERE code LIKE 'B\\_%' ESCAPE '\\'"));
    assert.ok(sourceLoadRows > Number(await sqlite(backupFile, "SELECT COUNT(*) FROM dictionary_items WHERE code LIKE 'B\\_%' ESCAPE '\\'")));

    // The objects of the snapshot as the source server shows them (nothing was changed after creation).
    sourceItems = only(await listItems(admin), idsOf(snapshot, 'item'));
    sourceUsers = only(await listUsers(admin, 'u_b_'), idsOf(snapshot, 'user'));
    t.diagnostic(
      `backup in ${Math.round(result.ms)} ms during the load: ${snapshot.size} of ${stored.size} load writes in it, ` +
        `${Object.keys(keys).length} tables equal, ${inBackup.audit_log.rows} audit entries`,
    );
  });

  it('restored into a fresh directory, serves the same objects', async () => {
    assert.ok(snapshot, 'the backup test ran');
    const restoreDir = mkdtempSync(path.join(tmpdir(), 'ankang-restore-'));
    const restored = path.join(restoreDir, 'ankang.db');
    copyFileSync(backupFile, restored);
    let restoredServer;
    try {
      restoredServer = await startServer({ databaseUrl: `sqlite:${restored}` });
      const restoredAdmin = await signInAdmin(restoredServer.baseUrl);
      const items = await listItems(restoredAdmin);
      const users = await listUsers(restoredAdmin, 'u_b_');
      const loadItems = new Map([...items].filter(([, item]) => /^B_\d+$/.test(item.code)));
      assert.equal(loadItems.size + users.size, snapshot.size, 'the API lists exactly the snapshot');
      assert.deepEqual(only(items, idsOf(snapshot, 'item')), sourceItems, 'items as the source served them');
      assert.deepEqual(users, sourceUsers, 'users as the source served them');
      // Demo accounts sign in with their passwords; a session of the source from before the backup is valid
      // again (see docs/security.md); the restored database takes writes.
      await signIn(restoredServer.baseUrl, 'county_cadre');
      const revived = new Client(restoredServer.baseUrl);
      revived.cookies = new Map(admin.cookies);
      assert.equal((await revived.get('/auth/me')).status, 200, 'the source session works on the restored server');
      const created = await restoredAdmin.post('/dictionaries/size_class/items', { code: 'RESTORED', label: '恢复后' });
      assert.equal(created.status, 201, created.text);
      assert.deepEqual((await new Client(restoredServer.baseUrl).get('/health')).json, { status: 'ok', database: 'ok' });
      await restoredServer.stop();
      restoredServer = undefined;
      assert.deepEqual(await integrityProblems(restored), []);
    } finally {
      await restoredServer?.stop().catch(() => {});
      if (process.env.ANKANG_E2E_KEEP !== '1') rmSync(restoreDir, { recursive: true, force: true });
    }
  });

  it('refuses an existing destination and leaves it untouched', async () => {
    const existing = path.join(dir, 'existing.db');
    writeFileSync(existing, `not to be overwritten ${randomBytes(8).toString('hex')}\n`);
    const before = sha256(existing);
    const result = await ankang(['--db', server.databaseUrl, 'backup', '--to', existing], { cwd: dir });
    assert.notEqual(result.code, 0, 'non-zero exit');
    assert.match(result.stderr, /already exists/, result.stderr);
    assert.equal(sha256(existing), before, 'the file is untouched');
    // The earlier backup is an existing file too.
    const again = sha256(backupFile);
    assert.notEqual((await ankang(['--db', server.databaseUrl, 'backup', '--to', backupFile], { cwd: dir })).code, 0);
    assert.equal(sha256(backupFile), again);
  });
});

// ---------------------------------------------------------------------------------------------------------
// BackupSqliteDatabase copies 256 pages per sqlite3_backup_step(); a commit by another process (the server)
// between two steps restarts the copy from page 1, so a database whose copy takes longer than the gap
// between two writes is never backed up. Copying in one step (-1) in WAL mode does not block the writers.
const LARGE_ROWS = 80_000; // ~80 MB of filler login-log rows
const LARGE_BACKUP_LIMIT_MS = 6_000; // idle it takes ~0.7 s

describe('SQLite: backup of a large database under a steady write load', { skip: onPostgres ? 'SQLite only' : false }, () => {
  let server;
  let dir;
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`finishes within ${LARGE_BACKUP_LIMIT_MS / 1000} s`, async (t) => {
    server = await startServer({ database: 'sqlite' });
    dir = mkdtempSync(path.join(tmpdir(), 'ankang-backup-large-'));
    const source = sqliteFile(server);
    await sqlite(
      source,
      `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${LARGE_ROWS})
       INSERT INTO login_log (at, username, success, reason, user_agent) SELECT 0, 'filler', 0, 'filler', hex(randomblob(400)) FROM n`,
    );
    const pages = Number(await sqlite(source, 'PRAGMA page_count'));
    const admin = await signInAdmin(server.baseUrl);
    const load = startWriteLoad(admin, { prefix: 'L', concurrency: 6 });
    let result;
    let during;
    try {
      await until(() => load.acknowledged.size >= 20, '20 acknowledged writes');
      const before = load.acknowledged.size;
      result = await ankang(['--db', server.databaseUrl, 'backup', '--to', path.join(dir, 'large.db')], { cwd: dir, timeout: LARGE_BACKUP_LIMIT_MS });
      during = load.acknowledged.size - before;
    } finally {
      await load.stop();
    }
    t.diagnostic(`${pages} pages; backup ${result.code === 0 ? 'done' : `stopped (${result.signal ?? result.code})`} after ${Math.round(result.ms)} ms, ${during} writes acknowledged meanwhile`);
    assert.equal(result.code, 0, `the backup did not finish: ${result.signal ?? result.stderr}`);
    assert.deepEqual(await integrityProblems(path.join(dir, 'large.db')), []);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('PostgreSQL: pg_dump -Fc while writing, pg_restore into a fresh database', {
  skip: postgresUrl ? false : 'set ANKANG_E2E_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:55432/ankang_test) to run it',
}, () => {
  let server;
  let dir;
  let restoredName;
  let restoredUrl;

  const pgEnv = () => ({ ...cliEnvironment(), PGCONNECT_TIMEOUT: '10' });
  const psql = async (url, sql) =>
    (await execFileAsync('psql', ['-X', '-q', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql], { env: pgEnv(), maxBuffer: 64 * 1024 * 1024 })).stdout.replace(/\n$/, '');

  before(async () => {
    server = await startServer({ database: 'postgres' });
    dir = mkdtempSync(path.join(tmpdir(), 'ankang-pgdump-'));
    restoredName = `e2e_restored_${randomBytes(5).toString('hex')}`;
    const url = new URL(postgresUrl);
    url.pathname = `/${restoredName}`;
    restoredUrl = url.toString();
  });

  after(async () => {
    await server?.stop();
    if (restoredName) await psql(postgresUrl, `DROP DATABASE IF EXISTS ${restoredName} WITH (FORCE)`).catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Tables of the public schema with their primary-key columns. */
  async function pgTableKeys(url) {
    const rows = await psql(
      url,
      `SELECT c.relname, string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey::int2[], a.attnum))
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
         LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
        WHERE c.relkind = 'r' GROUP BY c.relname ORDER BY c.relname`,
    );
    return Object.fromEntries(rows.split('\n').map((line) => line.split('\t')).map(([table, key]) => [table, key]));
  }

  /** Like storedLoadWrites() of sqlite-check.mjs: key → id of the write-load rows in the database. */
  async function pgLoadWrites(url) {
    const stored = new Map();
    const text = await psql(
      url,
      `SELECT 'item:' || code, id FROM dictionary_items WHERE dict_code = 'size_class'
       UNION ALL SELECT 'user:' || username, id FROM users`,
    );
    for (const [key, id] of text.split('\n').map((line) => line.split('\t'))) {
      const name = key.slice(key.indexOf(':') + 1);
      if (key.startsWith('item:') ? ITEM_NAME.test(name) : USER_NAME.test(name)) stored.set(key, Number(id));
    }
    return stored;
  }

  async function pgChecksums(url, keys, filters = {}) {
    const sums = {};
    for (const [table, key] of Object.entries(keys)) {
      const where = filters[table] ? `WHERE ${filters[table]}` : '';
      const order = key || 't::text';
      const [rows, md5] = (await psql(url, `SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY ${order}), '')) FROM public."${table}" t ${where}`)).split('\t');
      sums[table] = { rows: Number(rows), md5 };
    }
    return sums;
  }

  it('restores a consistent snapshot that a server runs on', async (t) => {
    const admin = await signInAdmin(server.baseUrl);
    const dump = path.join(dir, 'ankang.dump');
    const load = startWriteLoad(admin, { prefix: 'P', concurrency: 6, users: await loadUsersConfig(admin) });
    let dumped;
    try {
      await until(() => load.acknowledged.size >= 60, '60 acknowledged writes before pg_dump');
      const started = performance.now();
      await execFileAsync('pg_dump', ['-Fc', '-d', server.databaseUrl, '-f', dump], { env: pgEnv() });
      dumped = { started, ms: performance.now() - started };
      const acknowledgedAtEnd = load.acknowledged.size;
      await until(() => load.acknowledged.size >= acknowledgedAtEnd + 40, '40 acknowledged writes after pg_dump');
    } finally {
      await load.stop();
    }
    assert.deepEqual(load.unexpected, []);

    await execFileAsync('createdb', [`--maintenance-db=${postgresUrl}`, restoredName], { env: pgEnv() });
    await execFileAsync('pg_restore', ['--exit-on-error', '--no-owner', '-d', restoredUrl, dump], { env: pgEnv() });

    // Table by table: the restored database equals the source's rows that it has. Unlike SQLite's, ids are
    // not in commit order here (concurrent transactions draw from the identity sequence), so the snapshot
    // is the set of ids the dump holds, not a prefix; whole tables for the rest.
    const keys = await pgTableKeys(restoredUrl);
    assert.deepEqual(Object.keys(await pgTableKeys(server.databaseUrl)), Object.keys(keys), 'the same tables');
    const idList = async (sql) => `'{${await psql(restoredUrl, sql)}}'::bigint[]`;
    const filters = {};
    for (const [table, key] of Object.entries(keys)) {
      if (key === 'id') filters[table] = `id = ANY (${await idList(`SELECT string_agg(id::text, ',') FROM public."${table}"`)})`;
    }
    if (keys.user_roles) filters.user_roles = `user_id = ANY (${await idList('SELECT string_agg(DISTINCT user_id::text, \',\') FROM user_roles')})`;
    const restoredSums = await pgChecksums(restoredUrl, keys);
    const sourceSums = await pgChecksums(server.databaseUrl, keys, filters);
    assert.deepEqual(sourceSums, restoredSums, 'every table equals the source on the rows of the snapshot');
    assert.equal(await psql(restoredUrl, HALF_APPLIED_UNITS_SQL), '', 'no half-applied unit in the dump');

    const inDump = await pgLoadWrites(restoredUrl);
    const inSource = await pgLoadWrites(server.databaseUrl);
    const missing = [...load.acknowledged]
      .filter(([key, { id, ackAt }]) => ackAt < dumped.started && inDump.get(key) !== id)
      .map(([key]) => key);
    assert.deepEqual(missing, [], 'every write acknowledged before pg_dump started is in the dump');
    const late = [...inDump.keys()].filter((key) => load.sentAt.get(key) > dumped.started + dumped.ms);
    assert.deepEqual(late, [], 'no write sent after pg_dump ended is in the dump');
    const lost = [...load.acknowledged].filter(([key, { id }]) => inSource.get(key) !== id).map(([key]) => key);
    assert.deepEqual(lost, [], 'the source kept every acknowledged write');
    assert.ok(inDump.size > 0 && inDump.size < inSource.size, `the dump is mid-load (${inDump.size} of ${inSource.size})`);

    // A server on the restored database: same objects, demo sign-in, and new writes (identity sequences restored).
    const restoredServer = await startServer({ databaseUrl: restoredUrl });
    try {
      const restoredAdmin = await signInAdmin(restoredServer.baseUrl);
      const items = await listItems(restoredAdmin);
      const restoredIds = new Set(items.keys());
      assert.deepEqual(items, only(await listItems(admin), restoredIds), 'items as the source serves them');
      const users = await listUsers(restoredAdmin, 'u_p_');
      assert.deepEqual(users, only(await listUsers(admin, 'u_p_'), new Set(users.keys())), 'users as the source serves them');
      await signIn(restoredServer.baseUrl, 'county_cadre');
      const created = await restoredAdmin.post('/dictionaries/size_class/items', { code: 'RESTORED', label: '恢复后' });
      assert.equal(created.status, 201, created.text);
      const user = await restoredAdmin.post('/users', {
        username: 'restored_user', displayName: '恢复后', password: 'Start1234x', ...(await loadUsersConfig(restoredAdmin)),
      });
      assert.equal(user.status, 201, user.text);
    } finally {
      await restoredServer.stop();
    }
    t.diagnostic(
      `pg_dump -Fc in ${Math.round(dumped.ms)} ms during the load: ${inDump.size} of ${inSource.size} load writes in it, ` +
        `${Object.keys(keys).length} tables equal`,
    );
  });
});
