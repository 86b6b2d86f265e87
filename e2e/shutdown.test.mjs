// Graceful shutdown: SIGTERM stops accepting, lets a request that is already being received finish and be
// answered (and committed), closes idle keep-alive connections at once, and exits with status 0.
//   node --test e2e/shutdown.test.mjs

import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';

import { startServer } from './support/server.mjs';
import { signIn, signInAdmin, expectStatus } from './support/client.mjs';

function connect(baseUrl) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => resolve(socket));
    socket.once('error', reject);
  });
}

function readAll(socket) {
  return new Promise((resolve) => {
    const chunks = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

describe('graceful shutdown on SIGTERM', () => {
  let server;
  after(async () => server?.stop());

  it('finishes the request in flight, closes idle connections, exits 0, and the write is kept', async () => {
    server = await startServer();
    const client = await signInAdmin(server.baseUrl);
    const code = `SHUTDOWN_${Date.now() % 100000}`;
    const body = JSON.stringify({ code, label: '停机测试', labelEn: 'Shutdown test', sortOrder: 90 });

    // A keep-alive connection that has finished its request and sits idle.
    const idle = await connect(server.baseUrl);
    const idleClosed = readAll(idle);
    idle.write(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n`);
    await new Promise((resolve) => idle.once('data', resolve));

    // A request whose body is still arriving when the signal comes.
    const inFlight = await connect(server.baseUrl);
    const answer = readAll(inFlight);
    const half = Math.floor(body.length / 2);
    inFlight.write(
      `POST /api/v1/dictionaries/size_class/items HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
        `Cookie: ankang_session=${client.sessionCookie}\r\nX-CSRF-Token: ${client.csrfToken}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
    );
    // The server has no observable "headers received" state; give it a moment to read them.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const started = Date.now();
    const stopped = server.terminate();
    await new Promise((resolve) => setTimeout(resolve, 300));
    inFlight.end(body.slice(half));

    const response = await answer;
    assert.match(response, /^HTTP\/1\.1 201 /, response.slice(0, 300));
    assert.match(response, /Connection: close/i, 'the last response on a draining server closes the connection');
    await idleClosed; // closed by the server without waiting for its idle timeout
    await stopped; // throws unless the exit status is 0 with no sanitizer report
    assert.ok(Date.now() - started < 10_000, `shutdown took ${Date.now() - started} ms`);

    await assert.rejects(connect(server.baseUrl), 'no longer accepting connections');

    await server.restart();
    const again = await signIn(server.baseUrl, 'prov_cadre');
    const items = expectStatus(await again.get('/dictionaries/size_class/items'), 200).json;
    assert.ok(items.some((item) => item.code === code), 'the write answered during shutdown is stored');
  });
});
