// The scheduler (ADR 0010) with two `ankang serve` processes on ONE SQLite file, as a cluster would run:
//   - both are told to run the hazard deadline job at the same moment, again and again: every deadline action
//     (reminder, overdue mark, escalation) of the demo province's overdue hazards happens once — the runs'
//     own counts add up to what the API shows, and no hazard or user got an action twice;
//   - left to their periodic runners, only one process holds the job's lease at a time.
//
//   node --test e2e/scheduler.test.mjs

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './support/server.mjs';
import { waitUntil } from './support/browser.mjs';
import { signIn, signInAdmin, expectStatus, ADMIN_PASSWORD } from './support/client.mjs';

const JOB = 'hazard-deadlines';
const ROUNDS = 6;
// Demo accounts whose messages are read back: every union that handles demo hazards or is escalated to.
const READERS = ['prov_cadre', 'city_cadre', 'county_cadre', 'town_cadre', 'qinhuai_cadre'];

/** "examined 12, reminders 1, overdue 2, escalations 0, failures 0" → { examined: 12, … } */
function counts(result) {
  const parsed = {};
  for (const match of result.matchAll(/(\w+) (\d+)/g)) parsed[match[1]] = Number(match[2]);
  for (const name of ['examined', 'reminders', 'overdue', 'escalations', 'failures']) {
    assert.ok(Number.isInteger(parsed[name]), `no "${name}" in the job result '${result}'`);
  }
  return parsed;
}

async function hazards(client, status) {
  return expectStatus(await client.get(`/hazards?status=${status}&pageSize=500`), 200).json.items;
}

describe('scheduler: two processes on one database', () => {
  let first;
  let second;

  after(async () => {
    await second?.stop(); // leaves the shared file in place …
    await first?.stop(); // … which the first removes with its work directory
  });

  describe('running the deadline job at the same moment in both', () => {
    let a;
    let b;

    before(async () => {
      // Periodic runs an hour apart: the job runs only when the test says so.
      const env = { ANKANG_SCHEDULER_INTERVAL_SECONDS: '3600' };
      first = await startServer({ env }); // demo province, with overdue hazards
      second = await startServer({ databaseUrl: first.databaseUrl, env });
      a = await signInAdmin(first.baseUrl);
      b = await signIn(second.baseUrl, 'admin', ADMIN_PASSWORD);
    });

    it('acts on every deadline once, whichever process gets there first', async (t) => {
      const overdueBefore = [
        ...(await hazards(a, 'OVERDUE_REPLY')),
        ...(await hazards(a, 'OVERDUE_RECTIFICATION')),
      ];
      const escalatedBefore = new Set((await hazards(a, 'ESCALATED')).map((h) => h.id));
      assert.ok(overdueBefore.length > 0, 'the demo province has overdue hazards');

      const total = { reminders: 0, overdue: 0, escalations: 0, failures: 0 };
      const perRound = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const answers = await Promise.all([a.post(`/system/jobs/${JOB}/run`), b.post(`/system/jobs/${JOB}/run`)]);
        const results = answers.map((answer) => counts(expectStatus(answer, 200).json.result));
        for (const result of results) for (const name of Object.keys(total)) total[name] += result[name];
        perRound.push(results.map((r) => r.reminders + r.overdue + r.escalations));
      }
      t.diagnostic(`actions over ${ROUNDS} rounds of two simultaneous runs: ${JSON.stringify(total)}; per round ${JSON.stringify(perRound)}`);
      assert.equal(total.failures, 0, 'no hazard failed');
      assert.ok(total.escalations > 0, `the overdue demo hazards were escalated (runs: ${JSON.stringify(perRound)})`);
      // Everything happened in the first round; every later run found nothing left to do.
      assert.deepEqual(perRound.slice(1), Array.from({ length: ROUNDS - 1 }, () => [0, 0]));

      // The escalations the runs reported are exactly the hazards newly ESCALATED, each with one ESCALATE event.
      const escalated = (await hazards(a, 'ESCALATED')).filter((h) => !escalatedBefore.has(h.id));
      assert.equal(escalated.length, total.escalations);
      for (const hazard of escalated) {
        const detail = expectStatus(await b.get(`/hazards/${hazard.id}`), 200).json;
        const events = detail.events.filter((e) => e.event === 'ESCALATE');
        assert.equal(events.length, 1, `hazard ${hazard.id} escalated ${events.length} times`);
        assert.equal(detail.escalations.filter((e) => e.automatic).length, 1, `hazard ${hazard.id}: one escalation`);
      }

      // No user got the same reminder or escalation message twice; the reminders reached someone.
      const seen = new Map();
      for (const username of READERS) {
        const reader = await signIn(first.baseUrl, username);
        const { items } = expectStatus(await reader.get('/me/notifications?pageSize=500'), 200).json;
        for (const message of items) {
          if (message.kind !== 'DEADLINE_REMINDER' && message.kind !== 'HAZARD_ESCALATED') continue;
          const key = `${username} ${message.kind} ${message.entityType}/${message.entityId}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
      }
      const twice = [...seen].filter(([, count]) => count > 1);
      assert.deepEqual(twice, [], 'messages sent more than once');
      const escalationMessages = new Set(
        [...seen.keys()].filter((key) => key.includes('HAZARD_ESCALATED')).map((key) => key.split(' ')[2]),
      );
      assert.ok(escalationMessages.size > 0, 'the unions above were told of the escalations');
      if (total.reminders > 0) {
        assert.ok([...seen.keys()].some((key) => key.includes('DEADLINE_REMINDER')), 'reminders were sent');
      }

      // Both processes recorded their runs of the job in the one table.
      const jobs = expectStatus(await b.get('/system/jobs'), 200).json;
      const job = jobs.items.find((item) => item.name === JOB);
      assert.ok(job, 'the job is registered');
      assert.equal(job.intervalSeconds, 3600);
      assert.match(job.lastResult, /escalations 0/);
      assert.ok(job.lastFinishedAt >= job.lastStartedAt && job.lastStartedAt > 0);
    });

    it('refuses an unknown job and a caller without system:job:run', async () => {
      expectStatus(await a.post('/system/jobs/no-such-job/run'), 404);
      const cadre = await signIn(second.baseUrl, 'county_cadre');
      expectStatus(await cadre.post(`/system/jobs/${JOB}/run`), 403);
      expectStatus(await cadre.get('/system/jobs'), 200); // viewing needs system:audit:view, which cadres hold
    });

    after(async () => {
      await second?.stop();
      second = undefined;
    });
  });

  describe('left to their periodic runners', () => {
    it('one process holds the lease and keeps it while it lives; the other takes over when it is gone', async () => {
      // A one-second interval: each process tries every second; a lease lasts two.
      const env = { ANKANG_SCHEDULER_INTERVAL_SECONDS: '1' };
      first.env.ANKANG_SCHEDULER_INTERVAL_SECONDS = '1';
      await first.restart(); // same database, new process with the fast interval
      second = await startServer({ databaseUrl: first.databaseUrl, env });
      const a = await signInAdmin(first.baseUrl);
      const b = await signIn(second.baseUrl, 'admin', ADMIN_PASSWORD);
      const holders = {
        first: expectStatus(await a.get('/system/jobs'), 200).json.holder,
        second: expectStatus(await b.get('/system/jobs'), 200).json.holder,
      };
      assert.notEqual(holders.first, holders.second);
      const lease = async (client) => {
        const job = expectStatus(await client.get('/system/jobs'), 200).json.items.find((item) => item.name === JOB);
        return job;
      };

      // Both runners have ticked a few times; the lease belongs to one of them, and stays with it.
      const started = Date.now();
      const holder = await waitUntil(async () => {
        const job = await lease(a);
        return job.lastStartedAt > started ? job.holder : undefined;
      }, 'a periodic run');
      assert.ok([holders.first, holders.second].includes(holder), `holder ${holder}`);
      for (let sample = 0; sample < 4; sample += 1) {
        await new Promise((resolve) => setTimeout(resolve, 700));
        const [seenByA, seenByB] = await Promise.all([lease(a), lease(b)]);
        assert.equal(seenByA.holder, holder);
        assert.equal(seenByB.holder, holder);
        assert.ok(seenByA.leaseUntil > Date.now() - 1000, 'the holder keeps renewing its lease');
      }

      // The holder stops (SIGTERM, cleanly): once its lease has run out the other process takes the job.
      const [survivor, survivorHolder] = holder === holders.first ? [b, holders.second] : [a, holders.first];
      await (holder === holders.first ? first : second).terminate();
      const takenOver = await waitUntil(async () => {
        const job = await lease(survivor);
        return job.holder === survivorHolder ? job : undefined;
      }, 'the other process to take the lease over', { timeoutMs: 15_000 });
      assert.ok(takenOver.lastStartedAt > 0);
    });
  });
});
