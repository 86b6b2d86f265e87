// Receipt lookups: does a wrong receipt (one digit off a real one), a never-issued one and a malformed one take
// the same time? Issue 5 asks that they answer alike "in the same time class"; the server looks every receipt up
// by its SHA-256 in one indexed query whatever was typed (ADR 0012). This prints the latency of each class
// (median, p90, p99) over interleaved lookups and the largest difference of medians.
//
//   node bench/receipt-timing.mjs [LOOKUPS_PER_CLASS]      (default 600)
//   ANKANG_E2E_BINARY=build/release/server/ankang node bench/receipt-timing.mjs   (the release build)
//
// Failed lookups are throttled per address (10 in 10 minutes), so the lookups come from many loopback addresses
// (127.0.1.x), nine per address: every lookup measured reaches the database, none is a 429.

import http from 'node:http';
import { performance } from 'node:perf_hooks';

import { startServer } from '../e2e/support/server.mjs';
import { signIn, expectStatus } from '../e2e/support/client.mjs';

const perClass = Number(process.argv[2] ?? 600);

function post(baseUrl, path, body, localAddress) {
  const url = new URL(`/api/v1${path}`, baseUrl);
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, 'x-csrf-token': 'public' },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, ms: performance.now() - started, body: Buffer.concat(chunks).toString() }));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const server = await startServer();
try {
  const cadre = await signIn(server.baseUrl, 'county_cadre');
  const enterprise = expectStatus(await cadre.get('/enterprises?pageSize=1'), 200).json.items[0];
  const entry = expectStatus(await cadre.post('/report-entry-points', { enterpriseId: enterprise.id, siteName: '计时' }), 201).json;
  const sent = await post(server.baseUrl, `/public/report-entry/${entry.code}/reports`, { category: 'ENVIRONMENT', description: '计时用报告：通道堵塞', anonymity: 'ANONYMOUS' }, '127.0.0.1');
  const receipt = JSON.parse(sent.body).receipt;

  const classes = {
    wrong: () => receipt.slice(0, 19) + String((Number(receipt[19]) + 1) % 10),
    neverIssued: () => Array.from({ length: 20 }, () => Math.floor(Math.random() * 10)).join(''),
    malformed: () => `x${Math.random().toString(36).slice(2, 12)}`,
  };
  const times = { wrong: [], neverIssued: [], malformed: [] };
  let address = 0;
  let used = 9; // lookups made from the current address
  // A warm-up round, not measured.
  for (let i = 0; i < 30; i += 1) await post(server.baseUrl, '/public/reports/lookup', { receipt: classes.wrong() }, `127.0.2.${1 + (i % 3)}`);
  for (let round = 0; round < perClass; round += 1) {
    for (const [name, make] of Object.entries(classes)) {
      if (used >= 9) {
        address += 1;
        used = 0;
      }
      const local = `127.0.${1 + Math.floor(address / 250) + 10}.${1 + (address % 250)}`;
      const answer = await post(server.baseUrl, '/public/reports/lookup', { receipt: make() }, local);
      used += 1;
      if (answer.status !== 404) throw new Error(`${name}: ${answer.status} ${answer.body}`);
      times[name].push(answer.ms);
    }
  }
  console.log(`receipt lookups against ${server.kind ?? 'sqlite'}, ${perClass} per class, interleaved, from ${address + 1} addresses`);
  console.log('class         median ms   p90 ms   p99 ms');
  const medians = [];
  for (const [name, list] of Object.entries(times)) {
    const sorted = [...list].sort((a, b) => a - b);
    medians.push(quantile(sorted, 0.5));
    console.log(`${name.padEnd(12)} ${quantile(sorted, 0.5).toFixed(3).padStart(9)} ${quantile(sorted, 0.9).toFixed(3).padStart(8)} ${quantile(sorted, 0.99).toFixed(3).padStart(8)}`);
  }
  console.log(`largest difference of medians: ${(Math.max(...medians) - Math.min(...medians)).toFixed(3)} ms`);
} finally {
  await server.stop();
}
