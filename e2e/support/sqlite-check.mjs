// Looking into an Ankang SQLite file with the sqlite3 CLI, for the crash and backup tests.
//
//   await sqlite(file, 'PRAGMA integrity_check')      → 'ok' (stdout, trimmed)
//   await storedLoadWrites(file)                      → Map 'item:CODE'|'user:NAME' → id (rows written by write-load.mjs)
//   await halfAppliedUnits(file)                      → [] when every user/item has its audit row (and roles), and back
//   await tableChecksums(file, filters)               → { table: { rows, sha256 } } over every table, ordered by key

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';

import { ITEM_NAME, USER_NAME } from './write-load.mjs';

const execFileAsync = promisify(execFile);

/** Runs SQL on the file with the sqlite3 CLI (busy timeout 10 s); stdout without the final newline. */
export async function sqlite(file, sql, { separator = '|' } = {}) {
  const { stdout } = await execFileAsync(
    'sqlite3',
    ['-batch', '-noheader', '-separator', separator, '-cmd', '.timeout 10000', file, sql],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  return stdout.replace(/\n$/, '');
}

async function lines(file, sql) {
  const text = await sqlite(file, sql, { separator: '\t' });
  return text === '' ? [] : text.split('\n').map((line) => line.split('\t'));
}

/** PRAGMA integrity_check and foreign_key_check: [] when both are clean, else what they said. */
export async function integrityProblems(file) {
  const problems = [];
  const integrity = await sqlite(file, 'PRAGMA integrity_check');
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  const foreignKeys = await sqlite(file, 'PRAGMA foreign_key_check');
  if (foreignKeys !== '') problems.push(`foreign_key_check: ${foreignKeys}`);
  return problems;
}

/** The items and users a write load created that are in the file: key → id. */
export async function storedLoadWrites(file, dictionary = 'size_class') {
  const stored = new Map();
  for (const [code, id] of await lines(file, `SELECT code, id FROM dictionary_items WHERE dict_code = '${dictionary}'`)) {
    if (ITEM_NAME.test(code)) stored.set(`item:${code}`, Number(id));
  }
  for (const [name, id] of await lines(file, "SELECT username, id FROM users WHERE username LIKE 'u\\_%' ESCAPE '\\'")) {
    if (USER_NAME.test(name)) stored.set(`user:${name}`, Number(id));
  }
  return stored;
}

/**
 * Units that were applied only in part (each creation writes the row, its audit entry and, for a user, its
 * roles in one transaction): users or dictionary items without their 'create' audit entry, users without a
 * role, and 'create' audit entries whose user or item is not there (nothing is deleted in these tests).
 */
export async function halfAppliedUnits(file) {
  return (await lines(file, HALF_APPLIED_UNITS_SQL)).map(([text]) => text);
}

/** The query behind halfAppliedUnits(): one problem per row. Plain SQL that PostgreSQL runs too. */
export const HALF_APPLIED_UNITS_SQL = `
  SELECT 'dictionary item ' || i.id || ' (' || i.code || ') has no audit entry' FROM dictionary_items i
    WHERE i.created_at > 0 AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'dictionary_item'
      AND a.action = 'create' AND a.entity_id = CAST(i.id AS TEXT))
  UNION ALL
  SELECT 'user ' || u.id || ' (' || u.username || ') has no audit entry' FROM users u
    WHERE u.username LIKE 'u\\_%' ESCAPE '\\' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_type = 'user'
      AND a.action = 'create' AND a.entity_id = CAST(u.id AS TEXT))
  UNION ALL
  SELECT 'user ' || u.id || ' (' || u.username || ') has no role' FROM users u
    WHERE NOT EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id)
  UNION ALL
  SELECT 'audit entry ' || a.id || ' creates ' || a.entity_type || ' ' || a.entity_id || ', which is not there'
    FROM audit_log a WHERE a.action = 'create' AND (
      (a.entity_type = 'user' AND NOT EXISTS (SELECT 1 FROM users u WHERE CAST(u.id AS TEXT) = a.entity_id)) OR
      (a.entity_type = 'dictionary_item' AND NOT EXISTS (SELECT 1 FROM dictionary_items i WHERE CAST(i.id AS TEXT) = a.entity_id)))`;

/** The file's tables (without sqlite_*) with their primary-key columns in key order. */
export async function tableKeys(file) {
  const tables = (await lines(file, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")).map(([name]) => name);
  const keys = {};
  for (const table of tables) {
    const columns = await lines(file, `SELECT name, pk FROM pragma_table_info('${table}') ORDER BY cid`);
    const primary = columns.filter(([, pk]) => Number(pk) > 0).sort((a, b) => Number(a[1]) - Number(b[1]));
    keys[table] = { columns: columns.map(([name]) => name), key: (primary.length ? primary : columns).map(([name]) => name) };
  }
  return keys;
}

/**
 * For every table: the number of rows and a SHA-256 of all of them (each column through quote(), so types
 * and NULLs count), in primary-key order. filters[table] is an optional SQL condition on the rows.
 */
export async function tableChecksums(file, filters = {}, keys = undefined) {
  keys ??= await tableKeys(file);
  const sums = {};
  for (const [table, { columns, key }] of Object.entries(keys)) {
    const row = columns.map((column) => `quote("${column}")`).join(` || ',' || `);
    const where = filters[table] ? `WHERE ${filters[table]}` : '';
    const text = await sqlite(file, `SELECT ${row} FROM "${table}" ${where} ORDER BY ${key.map((c) => `"${c}"`).join(', ')}`);
    const count = Number(await sqlite(file, `SELECT COUNT(*) FROM "${table}" ${where}`));
    sums[table] = { rows: count, sha256: createHash('sha256').update(text).digest('hex') };
  }
  return sums;
}
