// Request limits and slow clients: a slowloris-style attack must not exhaust the server, over-large
// headers and bodies are refused before they are read, and every response carries the security headers.
//   node --test e2e/limits.test.mjs

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';

import { startServer } from './support/server.mjs';
import { signIn } from './support/client.mjs';

function connect(baseUrl) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends raw bytes and resolves with everything the server sent before closing (or the first response). */
async function exchange(baseUrl, bytes) {
  const socket = await connect(baseUrl);
  return new Promise((resolve) => {
    const chunks = [];
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (Buffer.concat(chunks).includes('\r\n\r\n')) socket.end();
    });
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', () => {});
    socket.write(bytes);
  });
}

describe('limits and slow clients', () => {
  let server;
  before(async () => {
    server = await startServer({
      env: { ANKANG_SERVER_HEADER_TIMEOUT_SECONDS: '2', ANKANG_SERVER_IDLE_TIMEOUT_SECONDS: '3' },
    });
  });
  after(async () => server?.stop());

  it('a slowloris attack of 200 connections neither blocks other clients nor keeps its connections', async (t) => {
    const slow = [];
    const closedAt = [];
    const started = Date.now();
    for (let index = 0; index < 200; index += 1) {
      const socket = await connect(server.baseUrl);
      socket.on('error', () => {});
      socket.on('close', () => closedAt.push(Date.now() - started));
      socket.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\n');
      slow.push(socket);
    }
    // Drip one header line per connection every 300 ms, never finishing the request.
    const drip = setInterval(() => {
      for (const socket of slow) if (!socket.destroyed) socket.write(`X-Slow-${Math.random().toString(36).slice(2, 6)}: 1\r\n`);
    }, 300);
    try {
      // Meanwhile ordinary clients are served promptly.
      for (let index = 0; index < 20; index += 1) {
        const before = Date.now();
        const response = await fetch(`${server.baseUrl}/api/v1/health`);
        assert.equal(response.status, 200);
        assert.ok(Date.now() - before < 1000, `a normal request took ${Date.now() - before} ms during the attack`);
      }
      // The server cuts every slow connection at its header timeout (2 s), though they keep sending.
      const deadline = Date.now() + 8000;
      while (closedAt.length < slow.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      clearInterval(drip);
      for (const socket of slow) socket.destroy();
    }
    assert.equal(closedAt.length, slow.length, `${slow.length - closedAt.length} slow connections still open`);
    t.diagnostic(`200 slow connections closed by the server after ${Math.min(...closedAt)}–${Math.max(...closedAt)} ms`);
    assert.ok(Math.max(...closedAt) < 6000);
  });

  it('an idle keep-alive connection is closed after the idle timeout', async () => {
    const socket = await connect(server.baseUrl);
    const started = Date.now();
    const closed = new Promise((resolve) => socket.on('close', () => resolve(Date.now() - started)));
    socket.on('error', () => {});
    const elapsed = await closed;
    assert.ok(elapsed >= 2500 && elapsed < 6000, `closed after ${elapsed} ms`);
  });

  it('over-large headers are refused', async () => {
    const response = await exchange(server.baseUrl, `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(response, /^HTTP\/1\.1 413 /, response.slice(0, 200));
  });

  it('a declared body over the route limit is refused before it is sent', async () => {
    const client = await signIn(server.baseUrl, 'county_cadre');
    const response = await exchange(
      server.baseUrl,
      `POST /api/v1/users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n` +
        `Cookie: ankang_session=${client.sessionCookie}\r\nX-CSRF-Token: ${client.csrfToken}\r\n\r\n{`,
    );
    assert.match(response, /^HTTP\/1\.1 413 /, response.slice(0, 200));
    assert.match(response, /payload_too_large/);
  });

  it('every response carries the security headers, including errors and static 404s', async () => {
    for (const path of ['/api/v1/health', '/api/v1/users', '/api/v1/nothing', '/index.html']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/, path);
      assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
      assert.ok(response.headers.get('x-request-id'), path);
    }
  });
});
