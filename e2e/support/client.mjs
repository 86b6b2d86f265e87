// A tiny HTTP client for the Ankang API that keeps its cookies and sends the CSRF header.
//
//   const client = new Client(server.baseUrl);
//   await client.login('county_cadre', DEMO_PASSWORD);
//   const { status, json } = await client.get('/users?pageSize=500');
//   await client.post('/users', { username: … });
//
// Paths that do not start with /api/ are taken relative to /api/v1. Every answer is
// { status, headers, json, text, body } where json is the parsed body (or undefined), text the body as
// UTF-8 and body the raw bytes (a Buffer). Options of every call: { headers, csrf, language }:
// csrf false sends no X-CSRF-Token header, a string sends that value instead of the session's token.

import net from 'node:net';

export const API = '/api/v1';
export const DEMO_PASSWORD = 'Ankang@2026';
export const ADMIN_INITIAL_PASSWORD = 'Admin@12345';
/** What signInAdmin() changes the admin password to. */
export const ADMIN_PASSWORD = 'Admin@2026e2e';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export class Client {
  /**
   * @param {string} baseUrl e.g. http://127.0.0.1:PORT
   * @param {{language?: string}} [options] language becomes Accept-Language on every request
   */
  constructor(baseUrl, { language } = {}) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.language = language;
    this.cookies = new Map();
    this.csrfToken = undefined;
    this.me = undefined;
  }

  /** The value of the session cookie (undefined when signed out). */
  get sessionCookie() {
    return this.cookies.get('ankang_session');
  }

  url(path) {
    return this.baseUrl + (path.startsWith('/api/') ? path : API + path);
  }

  storeCookies(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /**
   * Any request. body: a plain value is sent as JSON; a string or Buffer is sent as it is
   * (with Content-Type application/json unless the headers name another).
   */
  async request(method, path, body, { headers = {}, csrf, language } = {}) {
    const sent = {};
    if (this.cookies.size > 0) {
      sent.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const lang = language ?? this.language;
    if (lang) sent['accept-language'] = lang;
    if (STATE_CHANGING.has(method) && csrf !== false) {
      const token = typeof csrf === 'string' ? csrf : this.csrfToken;
      if (token !== undefined) sent['x-csrf-token'] = token;
    }
    let payload;
    if (body !== undefined) {
      payload = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
      sent['content-type'] = 'application/json';
    }
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || value === null) delete sent[name.toLowerCase()];
      else sent[name.toLowerCase()] = value;
    }
    const response = await fetch(this.url(path), { method, headers: sent, body: payload, redirect: 'manual' });
    this.storeCookies(response);
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    let json;
    if ((response.headers.get('content-type') ?? '').includes('json') && text.length > 0) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { status: response.status, headers: response.headers, json, text, body: bytes };
  }

  get(path, options) {
    return this.request('GET', path, undefined, options);
  }

  post(path, body, options) {
    return this.request('POST', path, body, options);
  }

  put(path, body, options) {
    return this.request('PUT', path, body, options);
  }

  del(path, body, options) {
    return this.request('DELETE', path, body, options);
  }

  /** POST /auth/login (CSRF header 'login'); on success remembers the session and its CSRF token. */
  async login(username, password, options = {}) {
    const response = await this.post('/auth/login', { username, password }, { csrf: 'login', ...options });
    if (response.status === 200) {
      this.csrfToken = response.json.csrfToken;
      this.me = response.json;
    }
    return response;
  }

  async logout() {
    const response = await this.post('/auth/logout');
    if (response.status === 204) this.csrfToken = undefined;
    return response;
  }
}

function explain(response) {
  return `${response.status} ${response.text.slice(0, 500)}`;
}

/** A client signed in as username; throws when the sign-in fails. */
export async function signIn(baseUrl, username, password = DEMO_PASSWORD, options) {
  const client = new Client(baseUrl, options);
  const response = await client.login(username, password);
  if (response.status !== 200) throw new Error(`sign-in of ${username} failed: ${explain(response)}`);
  return client;
}

/**
 * The admin, signed in with the initial password changed to newPassword when that is still needed
 * (a fresh demo database), or signed in with newPassword when it was changed already.
 */
export async function signInAdmin(baseUrl, newPassword = ADMIN_PASSWORD, options) {
  const client = new Client(baseUrl, options);
  let response = await client.login('admin', ADMIN_INITIAL_PASSWORD);
  if (response.status === 401) response = await client.login('admin', newPassword);
  if (response.status !== 200) throw new Error(`admin sign-in failed: ${explain(response)}`);
  if (client.me.user.mustChangePassword) {
    const changed = await client.post('/auth/password', { currentPassword: ADMIN_INITIAL_PASSWORD, newPassword });
    if (changed.status !== 204) throw new Error(`admin password change failed: ${explain(changed)}`);
    client.me = (await client.get('/auth/me')).json;
  }
  return client;
}

/** Returns the response, or throws an error naming the unexpected status and body. */
export function expectStatus(response, status) {
  if (response.status !== status) throw new Error(`expected ${status}, got ${explain(response)}`);
  return response;
}

/**
 * Sends bytes exactly as given (no URL normalisation) and returns { status, headers, text }.
 * For request targets fetch() would rewrite, such as /../../etc/passwd.
 */
export function rawRequest(baseUrl, requestText, { timeoutMs = 10_000 } = {}) {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    const chunks = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('raw request timed out')));
    socket.on('connect', () => socket.write(requestText)); // send Connection: close so the server ends it
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const headerEnd = raw.indexOf('\r\n\r\n');
      const head = headerEnd >= 0 ? raw.slice(0, headerEnd) : raw;
      const [statusLine, ...headerLines] = head.split('\r\n');
      const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(statusLine)?.[1]);
      const headers = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status, headers, text: headerEnd >= 0 ? raw.slice(headerEnd + 4) : '', raw });
    });
  });
}
