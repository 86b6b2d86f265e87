// multipart/form-data bodies and small image fixtures for upload tests.
//
//   const { body, contentType } = multipartBody([
//     { name: 'file', filename: 'photo.jpg', contentType: 'image/jpeg', data: JPEG_CARD },
//     { name: 'organisationId', data: '42' },
//   ]);
//   await client.post('/files', body, { headers: { 'content-type': contentType } });
//   await uploadFile(client, { filename: 'photo.jpg', data: JPEG_CARD });   // the same, for POST /files

import { randomBytes } from 'node:crypto';

/** A 32 × 16 baseline JPEG (a colour gradient) without any metadata, made by libvips. */
export const JPEG_CARD = Buffer.from(
  '/9j/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBD' +
    'AQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAQACAD' +
    'ASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEG' +
    'E1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4' +
    'eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6' +
    '/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEI' +
    'FEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaH' +
    'iImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIR' +
    'AxEAPwDyu10Lp8lbdroXT5K7G10Lp8lbVroXT5K83CZr5nk4HO9tTjrXQunyVt2uhdPkrsLXQunyVt2uhdPkr6bCZr5n1+BzvbU/' +
    '/9k=',
  'base64',
);

/** A tiny PDF (kept as sent by the server). */
export const PDF_DOCUMENT = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n');

/**
 * An EXIF block (the APP1 payload, "Exif\0\0" + little-endian TIFF) with Orientation `orientation` and a GPS
 * IFD placing the camera at 32°3'N 118°47'E (Nanjing).
 */
export function exifWithGps(orientation = 6) {
  const tiff = Buffer.alloc(152);
  let at = 0;
  const u16 = (value) => {
    tiff.writeUInt16LE(value, at);
    at += 2;
  };
  const u32 = (value) => {
    tiff.writeUInt32LE(value, at);
    at += 4;
  };
  const entry = (tag, type, count, value) => {
    u16(tag);
    u16(type);
    u32(count);
    u32(value);
  };
  tiff.write('II', 0, 'latin1');
  at = 2;
  u16(42);
  u32(8);
  u16(2); // IFD0 at 8
  entry(0x0112, 3, 1, orientation); // Orientation
  entry(0x8825, 4, 1, 38); // GPS IFD offset
  u32(0);
  u16(5); // GPS IFD at 38
  entry(0x0000, 1, 4, 0x00000302); // GPSVersionID 2.3.0.0
  entry(0x0001, 2, 2, 'N'.charCodeAt(0)); // GPSLatitudeRef
  entry(0x0002, 5, 3, 104); // GPSLatitude
  entry(0x0003, 2, 2, 'E'.charCodeAt(0)); // GPSLongitudeRef
  entry(0x0004, 5, 3, 128); // GPSLongitude
  u32(0);
  for (const value of [32, 3, 0, 118, 47, 0]) {
    u32(value);
    u32(1);
  }
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

/** `jpeg` with an APP1 EXIF segment inserted right after SOI. */
export function withExif(jpeg, exif = exifWithGps()) {
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(exif.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, exif, jpeg.subarray(2)]);
}

/** JPEG_CARD as a phone would send it: EXIF with GPS, orientation 6 (turned 90° clockwise). */
export const JPEG_WITH_GPS = withExif(JPEG_CARD);

/**
 * A multipart/form-data body. parts: [{ name, data (string or Buffer), filename?, contentType? }].
 * Returns { body (Buffer), contentType }.
 */
export function multipartBody(parts) {
  const boundary = `----ankang${randomBytes(12).toString('hex')}`;
  const chunks = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename*=UTF-8''${encodeURIComponent(part.filename)}`;
    head += '\r\n';
    if (part.contentType) head += `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`${head}\r\n`, 'utf8'), Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POST /files (or `path`) with one file part and optionally organisationId; returns the client's response. */
export function uploadFile(client, { filename = 'photo.jpg', data = JPEG_CARD, contentType = 'image/jpeg', organisationId, path = '/files', options = {} } = {}) {
  const parts = [{ name: 'file', filename, contentType, data }];
  if (organisationId !== undefined) parts.push({ name: 'organisationId', data: String(organisationId) });
  const { body, contentType: type } = multipartBody(parts);
  return client.post(path, body, { ...options, headers: { ...(options.headers ?? {}), 'content-type': type } });
}
