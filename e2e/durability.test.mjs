// Crash durability on SQLite: writes that were acknowledged (201) survive a kill -9.
//   node --test e2e/durability.test.mjs
//
// Each round fires ROUND_WRITES dictionary-item creations, CONCURRENCY at a time, kills the server with
// SIGKILL once a random number of them has been acknowledged (requests still in flight), restarts it on
// the same file and checks that every acknowledged item is there, nothing unknown appeared, every item
// has its audit entry (same transaction) and PRAGMA integrity_check says ok.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { startServer, sqliteFile } from './support/server.mjs';
import { Client, signInAdmin, expectStatus } from './support/client.mjs';
import { startWriteLoad } from './support/write-load.mjs';

const execFileAsync = promisify(execFile);

const ROUNDS = 3;
const ROUND_WRITES = 300;
const CONCURRENCY = 12;
const DICTIONARY = 'size_class';

const onPostgres = (process.env.ANKANG_E2E_DATABASE ?? 'sqlite') !== 'sqlite';

async function sqlite(file, sql) {
  const { stdout } = await execFileAsync('sqlite3', ['-batch', '-noheader', file, sql]);
  return stdout.trim();
}

describe('durability of acknowledged writes across kill -9 (SQLite)', { skip: onPostgres ? 'the crash test runs on SQLite only' : false }, () => {
  let server;
  let admin;
  const acknowledged = new Map(); // code → id, over all rounds
  const attempted = new Set();

  before(async () => {
    server = await startServer({ database: 'sqlite' });
    admin = await signInAdmin(server.baseUrl);
  });

  after(async () => {
    await server?.stop();
  });

  for (let round = 1; round <= ROUNDS; round += 1) {
    it(`round ${round}: every acknowledged write survives`, async (t) => {
      // Kill after 15–85 % of the writes have been acknowledged, with others in flight.
      const killAfter = Math.floor(ROUND_WRITES * (0.15 + Math.random() * 0.7));
      let killed;
      const load = startWriteLoad(admin, {
        prefix: `R${round}`,
        concurrency: CONCURRENCY,
        dictionary: DICTIONARY,
        limit: ROUND_WRITES,
        onAcknowledged: (count) => {
          if (count === killAfter) {
            killed = server.kill9();
            load.halt();
          }
        },
      });
      await load.done;
      for (const key of load.attempted) attempted.add(key.slice('item:'.length));
      for (const { name, id } of load.acknowledged.values()) acknowledged.set(name, id);
      const acknowledgedThisRound = load.acknowledged.size;
      const failedInFlight = load.failedInFlight;
      assert.deepEqual(load.unexpected, [], 'every answered write was acknowledged');
      assert.ok(killed, `the server was killed (after ${killAfter} acknowledgements)`);
      await killed;
      assert.ok(acknowledgedThisRound >= killAfter);

      await server.restart();
      const file = sqliteFile(server);

      // The session survived too (sessions are stored in the database).
      admin.baseUrl = server.baseUrl;
      expectStatus(await admin.get('/auth/me'), 200);

      const items = expectStatus(await admin.get(`/dictionaries/${DICTIONARY}/items`), 200).json;
      const present = new Map(items.filter((item) => /^R\d+_\d{4}$/.test(item.code)).map((item) => [item.code, item.id]));
      const missing = [...acknowledged.keys()].filter((code) => !present.has(code));
      assert.deepEqual(missing, [], `acknowledged writes missing after the crash (round ${round}, killed after ${killAfter})`);
      for (const [code, id] of acknowledged) assert.equal(present.get(code), id, `${code} kept its id`);
      const phantom = [...present.keys()].filter((code) => !attempted.has(code));
      assert.deepEqual(phantom, [], 'no item that was never sent');
      // In-flight writes may or may not have committed, but never half: each item has its audit entry.
      const unaudited = await sqlite(
        file,
        `SELECT COUNT(*) FROM dictionary_items i WHERE i.dict_code = '${DICTIONARY}' AND i.code LIKE 'R%' AND NOT EXISTS ` +
          `(SELECT 1 FROM audit_log a WHERE a.entity_type = 'dictionary_item' AND a.action = 'create' AND a.entity_id = CAST(i.id AS TEXT))`,
      );
      assert.equal(unaudited, '0', 'every stored item has its audit entry');
      const stored = Number(await sqlite(file, `SELECT COUNT(*) FROM dictionary_items WHERE dict_code = '${DICTIONARY}' AND code LIKE 'R%'`));
      assert.equal(stored, present.size, 'the API and the file agree');
      assert.equal(await sqlite(file, 'PRAGMA integrity_check'), 'ok');
      assert.equal(await sqlite(file, 'PRAGMA foreign_key_check'), '');

      // The restarted server takes writes again.
      const after = await admin.post(`/dictionaries/${DICTIONARY}/items`, { code: `AFTER_${round}`, label: `重启后 ${round}` });
      assert.equal(after.status, 201, after.text);
      const health = await new Client(server.baseUrl).get('/health');
      assert.deepEqual(health.json, { status: 'ok', database: 'ok' });
      t.diagnostic(
        `round ${round}: killed after ${killAfter} acknowledged; ${acknowledgedThisRound} acknowledged, ` +
          `${failedInFlight} lost in flight, ${present.size} stored in total`,
      );
    });
  }
});
