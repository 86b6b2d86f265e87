// Scale-out (issue 7, ADR 0014): PostgreSQL 15 with a hot standby, two `ankang serve` processes and nginx in
// front, started by scripts/scale-out.sh on loopback exactly as docs/operations.md deploys them:
//   - a session made through nginx is valid on both servers, and ended on one it is ended on both;
//   - nginx spreads requests over both servers; the client address the servers record is the worker's, not
//     nginx's, and a client cannot choose it by sending X-Forwarded-For itself; failed sign-ins spread over
//     both servers add up to one throttle;
//   - the statistics pages read the standby: with its replay paused, a new hazard is in the primary's lists
//     at once but not on either server's dashboard until replay resumes; with the standby stopped the
//     dashboard answers from the primary;
//   - the periodic jobs run in one process at a time (a lease in the database) and every deadline action of
//     the demo province happened once although both processes run the job every second.
// Needs postgresql-15 and nginx (scripts/setup.sh --with-postgres --with-nginx). Runs in CI with the e2e
// files; ignores ANKANG_E2E_DATABASE (it brings its own PostgreSQL pair).
//
//   node --test e2e/scale-out.test.mjs

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { repoRoot, binaryPath } from './support/server.mjs';
import { signIn, signInAdmin, expectStatus, Client, DEMO_PASSWORD } from './support/client.mjs';
import { waitUntil } from './support/browser.mjs';

const run = promisify(execFile);
const script = path.join(repoRoot, 'scripts', 'scale-out.sh');
// Below the ephemeral range (32768–60999), where parallel tests' connections and port-0 servers live.
const BASE_PORT = 29600;
const JOB = 'hazard-deadlines';

/** Today in Asia/Shanghai (the server's calendar). */
const today = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** SQL on one of the pair, through psql (as the postgres user when we are root, like the script). */
async function psql(url, sql) {
  const { port } = new URL(url);
  const command = ['/usr/lib/postgresql/15/bin/psql', '-h', '127.0.0.1', '-p', port, '-U', 'postgres', '-d', 'ankang', '-qtAc', sql];
  const asPostgres = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', ...command]] : [command[0], command.slice(1)];
  const { stdout } = await run(asPostgres[0], asPostgres[1]);
  return stdout.trim();
}

/** One HTTP request from a chosen loopback source address (fetch cannot choose it). */
function requestFrom(localAddress, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, localAddress }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

/** A failed sign-in, so the login log records the address the server saw. */
function failedLogin(localAddress, baseUrl, username, extraHeaders = {}) {
  const body = JSON.stringify({ username, password: 'wrong-password' });
  return requestFrom(localAddress, `${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': 'login', 'content-length': Buffer.byteLength(body), ...extraHeaders },
    body,
  });
}

/** The same signed-in session used against another base URL (another server, or nginx). */
function sameSession(client, baseUrl) {
  const copy = new Client(baseUrl);
  copy.cookies = client.cookies;
  copy.csrfToken = client.csrfToken;
  return copy;
}

describe('scale-out: two servers behind nginx on PostgreSQL with a hot standby', () => {
  let dir;
  let urls; // nginx, server1, server2, primary, standby
  let cadre; // county_cadre through nginx

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ankang-scale-out-'));
    const { stdout } = await run('bash', [script, 'start', dir, String(BASE_PORT)], {
      env: { ...process.env, ANKANG_E2E_BINARY: binaryPath() },
      timeout: 240_000,
    });
    urls = Object.fromEntries(
      stdout
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    for (const name of ['nginx', 'server1', 'server2', 'primary', 'standby']) assert.ok(urls[name], `the script printed ${name}`);
    cadre = await signIn(urls.nginx, 'county_cadre');
  });

  after(async () => {
    if (dir) {
      await run('bash', [script, 'stop', dir]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('spreads requests over both servers, and a session is valid on both', async () => {
    const upstreams = new Set();
    for (let i = 0; i < 8; i += 1) {
      const response = await fetch(`${urls.nginx}/api/v1/auth/me`, { headers: { cookie: `ankang_session=${cadre.sessionCookie}` } });
      assert.equal(response.status, 200);
      upstreams.add(response.headers.get('x-ankang-upstream'));
    }
    const ports = [urls.server1, urls.server2].map((url) => `127.0.0.1:${new URL(url).port}`);
    assert.deepEqual([...upstreams].sort(), ports.sort(), 'nginx used both servers');

    // The session nginx's first answer created is known to each server directly (it lives in PostgreSQL).
    for (const server of [urls.server1, urls.server2]) {
      const me = expectStatus(await sameSession(cadre, server).get('/auth/me'), 200).json;
      assert.equal(me.user.username, 'county_cadre');
    }
    // Signed in on server 1, signed out on server 2: server 1 no longer knows the session.
    const officer = await signIn(urls.server1, 'town_cadre');
    expectStatus(await sameSession(officer, urls.server2).get('/auth/me'), 200);
    expectStatus(await sameSession(officer, urls.server2).logout(), 204);
    expectStatus(await officer.get('/auth/me'), 401);
  });

  it('records the worker’s address behind nginx, and does not let a client choose it', async () => {
    // Through nginx from 127.0.0.3, with a forged header: nginx appends the real address, the server takes it.
    await failedLogin('127.0.0.3', urls.nginx, 'scale_out_probe_a', { 'x-forwarded-for': '203.0.113.9' });
    // Straight to a server from 127.0.0.4 (not a trusted proxy): its header is ignored.
    await failedLogin('127.0.0.4', urls.server1, 'scale_out_probe_b', { 'x-forwarded-for': '203.0.113.9' });
    const admin = await signInAdmin(urls.nginx);
    const { items } = expectStatus(await admin.get('/login-logs?pageSize=100'), 200).json;
    const address = (username) => items.find((entry) => entry.username === username)?.clientAddress;
    assert.equal(address('scale_out_probe_a'), '127.0.0.3');
    assert.equal(address('scale_out_probe_b'), '127.0.0.4');
  });

  it('throttles an account whose guesses are spread over both servers', async () => {
    // Five failures in all (the default auth.max_failures_per_account), three on one server and two on the other:
    // each process alone saw fewer than five, yet the right password is refused on both.
    for (const server of [urls.server1, urls.server2, urls.server1, urls.server2, urls.server1]) {
      expectStatus(await new Client(server).login('qinhuai_cadre', 'Wrong-guess-1'), 401);
    }
    for (const server of [urls.server1, urls.server2]) {
      expectStatus(await new Client(server).login('qinhuai_cadre', DEMO_PASSWORD), 429);
    }
  });

  it('reads the statistics on the standby, and on the primary while the standby is down', async () => {
    const xuanwu = cadre.me.user.organisationId;
    const sv03 = async (server) =>
      expectStatus(await sameSession(cadre, server).get(`/statistics/dashboard?organisationId=${xuanwu}`), 200).json.values.SV03;
    const enterprise = expectStatus(await cadre.get('/enterprises?pageSize=1'), 200).json.items[0];
    const newHazard = async (title) =>
      expectStatus(
        await cadre.post('/hazards', {
          enterpriseId: enterprise.id,
          source: 'UNION_INSPECTION',
          category: 'UNSAFE_CONDITION',
          grade: 'GENERAL',
          title,
          foundOn: today(),
          foundBy: '张伟',
        }),
        201,
      ).json;
    const inPrimaryList = async (hazard) =>
      expectStatus(await cadre.get(`/hazards?keyword=${encodeURIComponent(hazard.title)}&pageSize=10`), 200).json.items.some((item) => item.id === hazard.id);

    // Replication running: a new hazard reaches both servers' dashboards once the standby has replayed it.
    const start = await sv03(urls.server1);
    await newHazard('扩容测试隐患一');
    for (const server of [urls.server1, urls.server2]) {
      await waitUntil(async () => (await sv03(server)) === start + 1, `the standby replays the first hazard (${server})`);
    }

    // Replay paused on the standby: the primary has the next hazard, the dashboards (standby) do not.
    await psql(urls.standby, 'SELECT pg_wal_replay_pause()');
    await waitUntil(async () => (await psql(urls.standby, 'SELECT pg_get_wal_replay_pause_state()')) === 'paused', 'replay paused');
    const second = await newHazard('扩容测试隐患二');
    assert.ok(await inPrimaryList(second), 'the hazard list (primary) shows the new hazard at once');
    for (let sample = 0; sample < 3; sample += 1) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(await sv03(urls.server1), start + 1, 'server 1 reads the paused standby');
      assert.equal(await sv03(urls.server2), start + 1, 'server 2 reads the paused standby');
      assert.equal(await sv03(urls.nginx), start + 1, 'through nginx too');
    }
    await psql(urls.standby, 'SELECT pg_wal_replay_resume()');
    for (const server of [urls.server1, urls.server2]) {
      await waitUntil(async () => (await sv03(server)) === start + 2, `the standby catches up (${server})`);
    }

    // The standby stops: the dashboards keep answering, from the primary, and so are fresh at once.
    await run(process.getuid?.() === 0 ? 'runuser' : '/usr/lib/postgresql/15/bin/pg_ctl', [
      ...(process.getuid?.() === 0 ? ['-u', 'postgres', '--', '/usr/lib/postgresql/15/bin/pg_ctl'] : []),
      '-D', path.join(dir, 'standby'), '-m', 'immediate', '-w', 'stop',
    ]);
    await newHazard('扩容测试隐患三');
    assert.equal(await sv03(urls.server1), start + 3, 'server 1 falls back to the primary');
    assert.equal(await sv03(urls.server2), start + 3, 'server 2 falls back to the primary');
  });

  it('runs the periodic jobs in one process at a time, and every deadline action once', async () => {
    // Both processes try the job every second (SCALE_OUT_SCHEDULER_INTERVAL=1); the lease gives it to one.
    const admin1 = await signInAdmin(urls.server1);
    const admin2 = sameSession(admin1, urls.server2);
    const lease = async (client) => {
      const jobs = expectStatus(await client.get('/system/jobs'), 200).json;
      return { process: jobs.holder, job: jobs.items.find((item) => item.name === JOB) };
    };
    const [one, two] = [await lease(admin1), await lease(admin2)];
    assert.notEqual(one.process, two.process, 'each process has its own name');
    const holder = await waitUntil(async () => (await lease(admin1)).job.lastStartedAt > 0 && (await lease(admin1)).job.holder, 'a periodic run');
    assert.ok([one.process, two.process].includes(holder), `the holder ${holder} is one of the two servers`);
    for (let sample = 0; sample < 4; sample += 1) {
      await new Promise((resolve) => setTimeout(resolve, 600));
      const [seen1, seen2] = [await lease(admin1), await lease(admin2)];
      assert.equal(seen1.job.holder, holder, 'the lease stays with its holder');
      assert.equal(seen2.job.holder, holder, 'both servers see the same holder');
      assert.ok(seen1.job.lastFinishedAt > 0 && /failures 0/.test(seen1.job.lastResult), `the job ran: ${seen1.job.lastResult}`);
    }

    // The demo province's overdue hazards were escalated by those runs, each exactly once.
    const escalated = expectStatus(await admin1.get('/hazards?status=ESCALATED&pageSize=500'), 200).json.items;
    let automatic = 0;
    for (const hazard of escalated) {
      const detail = expectStatus(await admin2.get(`/hazards/${hazard.id}`), 200).json;
      assert.equal(detail.events.filter((event) => event.event === 'ESCALATE').length, 1, `hazard ${hazard.id} escalated once`);
      const runs = detail.escalations.filter((escalation) => escalation.automatic).length;
      assert.ok(runs <= 1, `hazard ${hazard.id}: ${runs} automatic escalations`);
      automatic += runs;
    }
    assert.ok(automatic > 0, 'the periodic runs escalated the overdue demo hazards');
  });
});
