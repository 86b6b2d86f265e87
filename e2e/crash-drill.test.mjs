// Crash drill on SQLite: kill -9 at random moments under a continuous write load, many times, on one file.
//   node --test e2e/crash-drill.test.mjs
//
// KILLS times: CLIENTS admin sessions, CONCURRENCY requests in flight each, create dictionary items and users
// through the API; after a random 0–MAX_LOAD_MS the server gets SIGKILL with requests in flight; it is
// restarted on the same file, and then every write acknowledged so far (all rounds) must be there with its
// id, nothing that was never sent may be, PRAGMA integrity_check is ok, foreign_key_check is empty, and no
// unit is half applied (each user and item has the audit entry of its transaction, each user its role).
// durability.test.mjs is the short version of this (3 rounds, items only, kill after N acknowledgements).
// The other half of the drill, kill -9 during a large import, comes with the importer (docs/security.md).

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, sqliteFile } from './support/server.mjs';
import { Client, signInAdmin, expectStatus } from './support/client.mjs';
import { startWriteLoad } from './support/write-load.mjs';
import { integrityProblems, storedLoadWrites, halfAppliedUnits } from './support/sqlite-check.mjs';

const KILLS = 24;
const CLIENTS = 4; // separate admin sessions
const CONCURRENCY = 2; // requests in flight per client
const MAX_LOAD_MS = 900;

const onPostgres = (process.env.ANKANG_E2E_DATABASE ?? 'sqlite') !== 'sqlite';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('crash drill: kill -9 under write load (SQLite)', { skip: onPostgres ? 'the crash drill runs on SQLite only' : false }, () => {
  let server;
  let admin;
  let clients;
  let users;

  before(async () => {
    server = await startServer({ database: 'sqlite' });
    admin = await signInAdmin(server.baseUrl);
    clients = [admin];
    while (clients.length < CLIENTS) clients.push(await signInAdmin(server.baseUrl));
    const roles = expectStatus(await admin.get('/roles?pageSize=100'), 200).json.items;
    users = { organisationId: admin.me.user.organisationId, roleIds: [roles.find((role) => role.code === 'LP_CADRE').id] };
  });

  after(async () => {
    await server?.stop();
  });

  it(`${KILLS} kills at random moments lose no acknowledged write and leave the file consistent`, { timeout: 150_000 }, async (t) => {
    const acknowledged = new Map(); // key → id, over all rounds
    const attempted = new Set();
    let inFlight = 0;
    const started = Date.now();

    for (let round = 1; round <= KILLS; round += 1) {
      const loads = clients.map((client, index) =>
        startWriteLoad(client, { prefix: `K${round}${String.fromCharCode(65 + index)}`, concurrency: CONCURRENCY, users }),
      );
      const loadMs = Math.floor(Math.random() * MAX_LOAD_MS);
      await sleep(loadMs);
      for (const load of loads) load.halt(); // no new requests; those in flight are cut off by the kill
      await server.kill9();
      let acknowledgedNow = 0;
      let inFlightNow = 0;
      for (const load of loads) {
        await load.done;
        assert.deepEqual(load.unexpected, [], `round ${round}: every answered write was acknowledged`);
        for (const key of load.attempted) attempted.add(key);
        for (const [key, { id }] of load.acknowledged) acknowledged.set(key, id);
        acknowledgedNow += load.acknowledged.size;
        inFlightNow += load.failedInFlight;
      }
      inFlight += inFlightNow;

      await server.restart();
      for (const client of clients) client.baseUrl = server.baseUrl;
      const file = sqliteFile(server);

      const stored = await storedLoadWrites(file);
      const lostNow = [...acknowledged].filter(([key, id]) => stored.get(key) !== id).map(([key]) => key);
      assert.deepEqual(lostNow, [], `round ${round} (killed after ${loadMs} ms): acknowledged writes missing or changed`);
      const phantom = [...stored.keys()].filter((key) => !attempted.has(key));
      assert.deepEqual(phantom, [], `round ${round}: nothing that was never sent`);
      assert.deepEqual(await integrityProblems(file), [], `round ${round}: integrity and foreign keys`);
      assert.deepEqual(await halfAppliedUnits(file), [], `round ${round}: no half-applied unit`);
      // The sessions are in the database too, and the server answers.
      for (const client of clients) expectStatus(await client.get('/auth/me'), 200);
      t.diagnostic(
        `kill ${round} after ${loadMs} ms: ${acknowledgedNow} acknowledged, ${inFlightNow} in flight; ` +
          `${stored.size} stored in total`,
      );
    }

    // The restarted server takes writes and is healthy.
    const last = await admin.post('/dictionaries/size_class/items', { code: 'AFTER_DRILL', label: '演练后' });
    assert.equal(last.status, 201, last.text);
    assert.deepEqual((await new Client(server.baseUrl).get('/health')).json, { status: 'ok', database: 'ok' });

    assert.ok(acknowledged.size >= KILLS * 10, `the load got going (${acknowledged.size} acknowledged writes)`);
    const stored = await storedLoadWrites(sqliteFile(server));
    const lost = [...acknowledged].filter(([key, id]) => stored.get(key) !== id);
    t.diagnostic(
      `${KILLS} kills, ${acknowledged.size} acknowledged writes, ${lost.length} lost ` +
        `(${inFlight} requests cut off in flight; ${Math.round((Date.now() - started) / 1000)} s)`,
    );
    assert.equal(lost.length, 0);
  });
});
