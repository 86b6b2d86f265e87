// Worker hazard reports (随手拍, ADR 0012) against the real binary: anonymity that holds (no address, no user
// agent, in the whole database or the server's log), photos without EXIF/GPS, receipts (a wrong one and a
// never-issued one answer alike; guessing is throttled), and the union's side through to the worker's answer.
// Runs on SQLite, and on PostgreSQL with ANKANG_E2E_DATABASE=postgres.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';

import { startServer } from './support/server.mjs';
import { Client, signIn, expectStatus } from './support/client.mjs';
import { JPEG_WITH_GPS, multipartBody } from './support/multipart.mjs';

// The worker's phone: an address of the loopback network no one else here uses, and a user agent found
// nowhere else.
const WORKER_ADDRESS = '127.0.0.77';
const WORKER_AGENT = 'Mozilla/5.0 (Linux; Android 14) MicroMessenger/8.0.50 AnkangProbe-7f3e9c1d';

/** A request from the worker's phone (a distinct client address), answering { status, headers, json, body }. */
function fromPhone(baseUrl, method, path, { body, headers = {} } = {}) {
  const url = new URL(`/api/v1${path}`, baseUrl);
  let payload;
  const sent = {
    'user-agent': WORKER_AGENT,
    'x-csrf-token': 'public',
    ...headers,
  };
  if (body !== undefined) {
    payload = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    sent['content-type'] ??= 'application/json';
    sent['content-length'] = String(payload.length);
  }
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers: sent,
        localAddress: WORKER_ADDRESS,
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          const bytes = Buffer.concat(chunks);
          let json;
          try {
            json = JSON.parse(bytes.toString('utf8'));
          } catch {
            json = undefined;
          }
          resolve({
            status: response.statusCode,
            headers: response.headers,
            json,
            body: bytes,
          });
        });
      },
    );
    request.on('error', reject);
    if (payload) request.write(payload);
    request.end();
  });
}

/** Everything the database holds, read as latin1 (bytes as characters): the SQLite file and its WAL, or a pg_dump. */
function wholeDatabase(server) {
  if (server.databaseUrl.startsWith('sqlite:')) {
    const file = server.databaseUrl.slice('sqlite:'.length);
    return [file, `${file}-wal`]
      .filter((name) => existsSync(name))
      .map((name) => readFileSync(name).toString('latin1'))
      .join('\n');
  }
  return execFileSync('pg_dump', ['--no-owner', '--data-only', '-d', server.databaseUrl], { maxBuffer: 512 * 1024 * 1024 }).toString('latin1');
}

/** The bytes of a string as they would appear in a latin1 reading of a UTF-8 file. */
function asStored(text) {
  return Buffer.from(text, 'utf8').toString('latin1');
}

describe('worker reports', () => {
  let server;
  let county; // county_cadre: 玄武区, LP_CADRE
  let admin; // PLATFORM_ADMIN at the province: may see named reporters
  let qinhuai;
  let enterpriseId;
  let entry; // the QR code of a 玄武区 enterprise

  before(async () => {
    server = await startServer();
    county = await signIn(server.baseUrl, 'county_cadre');
    qinhuai = await signIn(server.baseUrl, 'qinhuai_cadre');
    admin = await signIn(server.baseUrl, 'prov_cadre');
    const { json: enterprises } = expectStatus(await county.get('/enterprises?pageSize=1'), 200);
    enterpriseId = enterprises.items[0].id;
    entry = expectStatus(
      await county.post('/report-entry-points', {
        enterpriseId,
        siteName: '二号车间',
      }),
      201,
    ).json;
  });

  after(async () => {
    await server?.stop();
  });

  it('keeps nothing that identifies an anonymous worker: no address, no user agent, no EXIF, no precise time', async () => {
    const opened = await fromPhone(server.baseUrl, 'GET', `/public/report-entry/${entry.code}`);
    assert.equal(opened.status, 200);
    assert.equal(opened.json.siteName, '二号车间');

    const { body, contentType } = multipartBody([
      {
        name: 'file',
        filename: 'IMG_20261129_081523.jpg',
        contentType: 'image/jpeg',
        data: JPEG_WITH_GPS,
      },
    ]);
    const upload = await fromPhone(server.baseUrl, 'POST', `/public/report-entry/${entry.code}/photos`, {
      body,
      headers: { 'content-type': contentType },
    });
    assert.equal(upload.status, 201, upload.body.toString());
    const report = await fromPhone(server.baseUrl, 'POST', `/public/report-entry/${entry.code}/reports`, {
      body: {
        category: 'UNSAFE_CONDITION',
        description: '冲床防护罩被拆除，工人直接操作',
        location: '二号车间东侧',
        anonymity: 'ANONYMOUS',
        uploadTokens: [upload.json.uploadToken],
      },
    });
    assert.equal(report.status, 201, report.body.toString());
    assert.match(report.json.receipt, /^\d{20}$/);
    const message = await fromPhone(server.baseUrl, 'POST', '/public/reports/messages', {
      body: { receipt: report.json.receipt, body: '是 3 号冲床' },
    });
    assert.equal(message.status, 200);

    // The union sees the report, its photo without EXIF or GPS, and a time to the hour.
    const { json: list } = expectStatus(await county.get(`/worker-reports?enterpriseId=${enterpriseId}`), 200);
    const staffView = expectStatus(await county.get(`/worker-reports/${list.items[0].id}`), 200).json;
    assert.equal(staffView.submittedAt % 3_600_000, 0, 'the time staff see is cut to the hour');
    assert.equal(staffView.photos.length, 1);
    const photo = await county.get(`/files/${staffView.photos[0].fileId}`);
    assert.equal(photo.status, 200);
    assert.equal(photo.body.includes('Exif'), false, 'EXIF left in the photo');
    assert.equal(photo.body.includes(Buffer.from([0x88, 0x25])), false, 'a GPS tag left in the photo');
    const original = await county.get(`/files/${staffView.photos[0].fileId}`);
    assert.doesNotMatch(original.headers.get('content-disposition') ?? '', /IMG_2026/, "the phone's file name kept");

    const database = wholeDatabase(server);
    assert.ok(database.includes(asStored('冲床防护罩被拆除')), 'the scan does not read the stored data');
    assert.equal(database.includes(WORKER_ADDRESS), false, 'the client address is in the database');
    assert.equal(database.includes('AnkangProbe-7f3e9c1d'), false, 'the user agent is in the database');
    assert.equal(database.includes('IMG_20261129'), false, "the phone's file name is in the database");
    const log = server.stderr() + (server.stdoutText ?? '');
    assert.ok(log.includes('/api/v1/public/report-entry/{code}/reports'), 'the log does not show the route');
    assert.equal(log.includes(WORKER_ADDRESS), false, 'the client address is in the log');
    assert.equal(log.includes('AnkangProbe-7f3e9c1d'), false, 'the user agent is in the log');
    assert.equal(log.includes(entry.code), false, 'the entry point (which enterprise) is in the log');
    assert.equal(log.includes(report.json.receipt), false, 'the receipt is in the log');
  });

  it('answers a wrong receipt and a never-issued one alike, and throttles guessing', async () => {
    const issued = await fromPhone(server.baseUrl, 'POST', `/public/report-entry/${entry.code}/reports`, {
      body: {
        category: 'ENVIRONMENT',
        description: '消防通道被货物堵住',
        anonymity: 'ANONYMOUS',
      },
    });
    assert.equal(issued.status, 201);
    const receipt = issued.json.receipt;
    const wrong = receipt.slice(0, 19) + (receipt[19] === '0' ? '1' : '0');
    const guesser = new Client(server.baseUrl); // 127.0.0.1, not the worker's phone
    const lookup = (value) => guesser.post('/public/reports/lookup', { receipt: value }, { csrf: 'public' });
    const answers = [];
    for (const value of [wrong, '00000000000000000000', 'not-a-receipt']) {
      const response = await lookup(value);
      assert.equal(response.status, 404);
      answers.push(JSON.stringify({ ...response.json, requestId: undefined }));
    }
    assert.equal(new Set(answers).size, 1, `different answers: ${answers.join(' / ')}`);
    assert.equal(JSON.parse(answers[0]).fields.receipt !== undefined, true);

    // The right one works (spaces as the page shows it), then guessing from this address stops.
    const right = await lookup(receipt.replace(/(\d{4})(?=\d)/g, '$1 '));
    assert.equal(right.status, 200);
    assert.equal(right.json.status, 'SUBMITTED');
    for (let attempt = 3; attempt < 10; attempt += 1) assert.equal((await lookup(`9${attempt}`.padEnd(20, '7'))).status, 404);
    const throttled = await lookup(wrong);
    assert.equal(throttled.status, 429);
    assert.ok(Number(throttled.headers.get('retry-after')) > 0, 'no Retry-After');
    assert.equal((await lookup(receipt)).status, 429, 'even a right receipt waits once the address is throttled');
    // The worker's own phone (another address) is not affected.
    assert.equal(
      (
        await fromPhone(server.baseUrl, 'POST', '/public/reports/lookup', {
          body: { receipt },
        })
      ).status,
      200,
    );
  });

  it('refuses bad input naming the field, in the language asked, and stores nothing', async () => {
    const before = expectStatus(await county.get(`/worker-reports?enterpriseId=${enterpriseId}`), 200).json.total;
    const english = await fromPhone(server.baseUrl, 'POST', `/public/report-entry/${entry.code}/reports`, {
      body: {
        category: 'UNSAFE_ACT',
        description: 'x',
        anonymity: 'NAMED',
        reporterName: '',
        reporterPhone: '123',
      },
      headers: { 'accept-language': 'en' },
    });
    assert.equal(english.status, 400);
    assert.deepEqual(Object.keys(english.json.fields).sort(), ['description', 'reporterName', 'reporterPhone']);
    assert.match(english.json.fields.reporterPhone, /11-digit/);
    const chinese = await fromPhone(server.baseUrl, 'POST', `/public/report-entry/${entry.code}/reports`, {
      body: {
        category: 'UNSAFE_ACT',
        description: '有人违章动火作业',
        anonymity: 'NAMED',
        reporterName: '王强',
        reporterPhone: '123',
      },
    });
    assert.equal(chinese.status, 400);
    assert.match(chinese.json.fields.reporterPhone, /11 位手机号码/);
    assert.equal((await fromPhone(server.baseUrl, 'GET', '/public/report-entry/NOSUCHCODE99')).status, 404);
    assert.equal(expectStatus(await county.get(`/worker-reports?enterpriseId=${enterpriseId}`), 200).json.total, before);
  });

  it('takes a named report to a hazard: the identity is for the federation only, every view audited', async () => {
    const sent = await fromPhone(server.baseUrl, 'POST', `/public/report-entry/${entry.code}/reports`, {
      body: {
        category: 'OCCUPATIONAL_HEALTH',
        description: '喷漆房排风扇坏了一周，气味很大',
        location: '喷漆房',
        anonymity: 'NAMED',
        reporterName: '赵六',
        reporterPhone: '13812345678',
      },
    });
    assert.equal(sent.status, 201);
    const { json: list } = expectStatus(await county.get(`/worker-reports?enterpriseId=${enterpriseId}&anonymity=NAMED`), 200);
    const id = list.items[0].id;
    const detail = expectStatus(await county.get(`/worker-reports/${id}`), 200).json;
    assert.equal(JSON.stringify(detail).includes('赵六'), false, 'the name in the report');
    assert.equal(JSON.stringify(detail).includes('13812345678'), false, 'the phone in the report');
    assert.equal((await county.get(`/worker-reports/${id}/reporter`)).status, 403, 'a cadre without the permission');
    assert.equal((await qinhuai.get(`/worker-reports/${id}`)).status, 404);

    // The union answers: acknowledge, ask, accept as a hazard. The worker sees it all with the receipt.
    expectStatus(
      await county.post(`/worker-reports/${id}/transitions`, {
        event: 'ACKNOWLEDGE',
      }),
      200,
    );
    expectStatus(
      await county.post(`/worker-reports/${id}/messages`, {
        body: '已收到，将于明日到现场核查',
      }),
      201,
    );
    const accepted = expectStatus(
      await county.post(`/worker-reports/${id}/transitions`, {
        event: 'ACCEPT',
        grade: 'GENERAL',
        title: '喷漆房排风扇故障',
      }),
      200,
    ).json;
    assert.equal(accepted.status, 'ACCEPTED');
    const hazard = expectStatus(await county.get(`/hazards/${accepted.hazardId}`), 200).json;
    assert.equal(hazard.source, 'WORKER_REPORT');
    assert.equal(JSON.stringify(hazard).includes('赵六'), false, 'the name went into the hazard');
    assert.equal(
      (
        await county.post(`/worker-reports/${id}/transitions`, {
          event: 'REJECT',
          reason: '重复报告不予处理',
        })
      ).status,
      409,
    );

    const seen = (
      await fromPhone(server.baseUrl, 'POST', '/public/reports/lookup', {
        body: { receipt: sent.json.receipt },
      })
    ).json;
    assert.equal(seen.status, 'ACCEPTED');
    assert.equal(seen.unionName, detail.organisationName);
    assert.deepEqual(
      seen.messages.map((message) => message.author),
      ['UNION'],
    );
    assert.match(seen.messages[0].at, /^\d{4}-\d\d-\d\d \d\d:00$/, 'times to the hour');
    assert.equal(JSON.stringify(seen).includes('county_cadre'), false, 'a staff name shown to the worker');
    assert.equal(seen.id, undefined);
  });

  it('counts an entry point per enterprise and site, and a withdrawn one answers 410', async () => {
    const again = await county.post('/report-entry-points', {
      enterpriseId,
      siteName: '二号车间',
    });
    assert.equal(again.status, 200);
    assert.equal(again.json.id, entry.id);
    const spare = expectStatus(
      await county.post('/report-entry-points', {
        enterpriseId,
        siteName: '临时工地',
      }),
      201,
    ).json;
    const poster = await county.get(`/report-entry-points/${spare.id}/poster`);
    assert.equal(poster.status, 200);
    assert.match(poster.text, /size: A4/);
    assert.match(poster.text, /<svg/);
    assert.ok(poster.text.includes(spare.code), 'the worker URL on the poster');
    expectStatus(await county.del(`/report-entry-points/${spare.id}`), 200);
    assert.equal((await fromPhone(server.baseUrl, 'GET', `/public/report-entry/${spare.code}`)).status, 410);
    const refused = await fromPhone(server.baseUrl, 'POST', `/public/report-entry/${spare.code}/reports`, {
      body: {
        category: 'ENVIRONMENT',
        description: '通道堵塞严重',
        anonymity: 'ANONYMOUS',
      },
    });
    assert.equal(refused.status, 410);
    assert.equal((await county.get(`/report-entry-points/${spare.id}/poster`)).status, 410);
  });
});
