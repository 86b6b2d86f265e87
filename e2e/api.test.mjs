// Black-box tests of the HTTP API against the real binary (SQLite by default;
// ANKANG_E2E_DATABASE=postgres ANKANG_E2E_POSTGRES_URL=… for PostgreSQL).
//   node --test e2e/api.test.mjs

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

import { startServer } from './support/server.mjs';
import {
  Client,
  signIn,
  signInAdmin,
  rawRequest,
  expectStatus,
  DEMO_PASSWORD,
  ADMIN_INITIAL_PASSWORD,
  ADMIN_PASSWORD,
} from './support/client.mjs';
import { readXlsxRows, hasUnzip } from './support/xlsx.mjs';

const CJK = /[\u4e00-\u9fff]/;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Asserts the error shape {code,message,fields,requestId} and the status. */
function assertError(response, status, code, context = '') {
  assert.equal(response.status, status, `${context} expected ${status} ${code}, got ${response.status} ${response.text.slice(0, 300)}`);
  assert.ok(response.json, `${context} error body is JSON: ${response.text.slice(0, 200)}`);
  assert.equal(response.json.code, code, `${context} code`);
  assert.equal(typeof response.json.message, 'string');
  assert.ok(response.json.message.length > 0, 'message is not empty');
  assert.equal(typeof response.json.fields, 'object');
  assert.equal(response.json.requestId, response.headers.get('x-request-id'), 'requestId in the body equals X-Request-Id');
  return response.json;
}

function assertFields(response, names, context = '') {
  const body = assertError(response, 400, 'invalid_input', context);
  for (const name of names) {
    assert.ok(typeof body.fields[name] === 'string' && body.fields[name].length > 0, `${context} fields.${name} in ${JSON.stringify(body.fields)}`);
  }
  return body;
}

let serial = 0;
/** A username unique within this run (letters, digits, '_'). */
function uniqueName(prefix) {
  serial += 1;
  return `${prefix}_${serial}_${randomBytes(2).toString('hex')}`;
}

// One server for the whole file except the tests that need their own (throttling, static files).
let server;
let prov; // prov_cadre: root organisation, LP_CADRE, sees the whole province
let county; // county_cadre: 玄武区总工会
const ids = {};

before(async () => {
  server = await startServer();
  prov = await signIn(server.baseUrl, 'prov_cadre');
  county = await signIn(server.baseUrl, 'county_cadre');
  ids.xuanwuOrg = county.me.user.organisationId;
  const qinhuai = expectStatus(await prov.get('/organisations?keyword=320104'), 200).json.items.find((o) => o.code === '320104');
  assert.ok(qinhuai, '秦淮区 found by code');
  ids.qinhuaiOrg = qinhuai.id;
  const town = expectStatus(await prov.get('/organisations?keyword=320102003'), 200).json.items.find((o) => o.code === '320102003');
  ids.townOrg = town.id;
  ids.rootOrg = prov.me.user.organisationId;
  const userId = async (username) => {
    const found = expectStatus(await prov.get(`/users?keyword=${username}&pageSize=500`), 200).json.items.find((u) => u.username === username);
    assert.ok(found, `${username} exists`);
    return found.id;
  };
  ids.qinhuaiCadre = await userId('qinhuai_cadre');
  ids.townCadre = await userId('town_cadre');
  ids.countyCadre = county.me.user.id;
  const roles = expectStatus(await prov.get('/roles?pageSize=100'), 200).json.items;
  ids.lpCadreRole = roles.find((r) => r.code === 'LP_CADRE').id;
  ids.adminRole = roles.find((r) => r.code === 'PLATFORM_ADMIN').id;
  ids.auditorRole = roles.find((r) => r.code === 'AUDITOR').id;
});

after(async () => {
  await server?.stop();
});

/** A valid NewUser body in 玄武区 (county_cadre's own organisation) with the LP_CADRE role. */
function newUser(overrides = {}) {
  return {
    username: uniqueName('e2e'),
    displayName: '测试用户',
    password: 'Start1234x',
    organisationId: ids.xuanwuOrg,
    roleIds: [ids.lpCadreRole],
    ...overrides,
  };
}

async function countUsers(keyword) {
  const response = expectStatus(await prov.get(`/users?keyword=${encodeURIComponent(keyword)}&pageSize=500`), 200);
  return response.json.total;
}

// ---------------------------------------------------------------------------------------------------
describe('first sign-in of admin', () => {
  it('blocks every route but me/password/logout until the password is changed', async () => {
    const admin = new Client(server.baseUrl);
    const login = expectStatus(await admin.login('admin', ADMIN_INITIAL_PASSWORD), 200);
    assert.equal(login.json.user.mustChangePassword, true);
    for (const [method, route, body] of [
      ['GET', '/users'],
      ['GET', '/roles'],
      ['GET', '/permissions'],
      ['GET', '/dictionaries'],
      ['GET', '/dictionaries/size_class/items'],
      ['GET', '/audit-logs'],
      ['GET', '/login-logs'],
      ['GET', `/organisations/${ids.rootOrg}`],
      ['GET', '/users/export'],
      ['POST', '/users', newUser()],
      ['POST', '/roles', { code: 'E2E_BLOCKED', name: 'x', dataScope: 'SELF', permissions: [] }],
      ['POST', '/dictionaries/size_class/items', { code: 'E2E_BLOCKED', label: 'x' }],
      ['PUT', `/users/${ids.townCadre}`, { displayName: 'x', organisationId: ids.townOrg, roleIds: [ids.lpCadreRole], status: 'ACTIVE' }],
      ['DELETE', `/users/${ids.townCadre}`],
    ]) {
      const response = await admin.request(method, route, body);
      assertError(response, 403, 'password_change_required', `${method} ${route}`);
    }
    assert.equal(await countUsers('E2E_BLOCKED'), 0);
    const me = expectStatus(await admin.get('/auth/me'), 200);
    assert.equal(me.json.user.username, 'admin');
    assert.equal(me.json.user.mustChangePassword, true);
  });

  it('rejects a bad new password naming newPassword (or currentPassword)', async () => {
    const admin = await (async () => {
      const client = new Client(server.baseUrl);
      expectStatus(await client.login('admin', ADMIN_INITIAL_PASSWORD), 200);
      return client;
    })();
    for (const newPassword of ['short1', 'onlyletters', '1234567890', 'x1'.repeat(40)]) {
      assertFields(await admin.post('/auth/password', { currentPassword: ADMIN_INITIAL_PASSWORD, newPassword }), ['newPassword'], newPassword);
    }
    assertFields(await admin.post('/auth/password', { currentPassword: ADMIN_INITIAL_PASSWORD }), ['newPassword']);
    assertFields(
      await admin.post('/auth/password', { currentPassword: ADMIN_INITIAL_PASSWORD, newPassword: ADMIN_INITIAL_PASSWORD }),
      ['newPassword'],
      'same as current',
    );
    assertFields(await admin.post('/auth/password', { currentPassword: 'Wrong12345', newPassword: ADMIN_PASSWORD }), ['currentPassword']);
    const english = await admin.post('/auth/password', { currentPassword: ADMIN_INITIAL_PASSWORD, newPassword: 'short1' }, { language: 'en' });
    assertFields(english, ['newPassword']);
    assert.doesNotMatch(english.json.fields.newPassword, CJK, 'English field message');
    // Still blocked: nothing was changed.
    assertError(await admin.get('/users'), 403, 'password_change_required');
  });

  it('after the change every route works, the old password and other sessions stop working', async () => {
    const admin = new Client(server.baseUrl);
    expectStatus(await admin.login('admin', ADMIN_INITIAL_PASSWORD), 200);
    const other = new Client(server.baseUrl);
    expectStatus(await other.login('admin', ADMIN_INITIAL_PASSWORD), 200);
    expectStatus(await admin.post('/auth/password', { currentPassword: ADMIN_INITIAL_PASSWORD, newPassword: ADMIN_PASSWORD }), 204);

    const me = expectStatus(await admin.get('/auth/me'), 200);
    assert.equal(me.json.user.mustChangePassword, false);
    const users = expectStatus(await admin.get('/users?pageSize=1'), 200);
    assert.ok(users.json.total > 60, 'admin (root, SUBTREE) sees the demo users');
    expectStatus(await admin.get('/roles'), 200);
    expectStatus(await admin.get('/login-logs'), 200);

    assertError(await other.get('/auth/me'), 401, 'unauthenticated', 'the other session ended');
    assertError(await new Client(server.baseUrl).login('admin', ADMIN_INITIAL_PASSWORD), 401, 'unauthenticated', 'old password');
    const again = await new Client(server.baseUrl).login('admin', ADMIN_PASSWORD);
    assert.equal(again.status, 200);
    assert.equal(again.json.user.mustChangePassword, false);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('health, authentication and cookies', () => {
  it('runs on the database the environment asks for', () => {
    const wanted = process.env.ANKANG_E2E_DATABASE ?? 'sqlite';
    assert.equal(server.kind, wanted === 'postgresql' ? 'postgres' : wanted);
    assert.match(server.databaseUrl, server.kind === 'sqlite' ? /^sqlite:/ : /^postgresql:\/\/.*\/e2e_[0-9a-f]+$/);
  });

  it('GET /health answers 200 with the database ok', async () => {
    const response = await new Client(server.baseUrl).get('/health');
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, { status: 'ok', database: 'ok' });
  });

  it('lists need a session: 401 unauthenticated', async () => {
    const anonymous = new Client(server.baseUrl);
    for (const route of ['/users', '/roles', '/audit-logs', '/dictionaries', '/auth/me', `/organisations/${ids.rootOrg}`, '/users/export']) {
      assertError(await anonymous.get(route), 401, 'unauthenticated', route);
    }
    assertError(await anonymous.post('/users', newUser(), { csrf: 'anything' }), 401, 'unauthenticated');
    // A made-up cookie is no session either.
    const forged = new Client(server.baseUrl);
    forged.cookies.set('ankang_session', randomBytes(32).toString('base64url'));
    assertError(await forged.get('/users'), 401, 'unauthenticated', 'forged cookie');
    forged.cookies.set('ankang_session', "' OR '1'='1");
    assertError(await forged.get('/users'), 401, 'unauthenticated', 'SQL in cookie');
  });

  it('a wrong password and an unknown user get the same 401 answer', async () => {
    for (const language of [undefined, 'en']) {
      const wrong = await new Client(server.baseUrl, { language }).login('county_cadre', 'Wrong@2026');
      const unknown = await new Client(server.baseUrl, { language }).login('nobody_here', 'Wrong@2026');
      assertError(wrong, 401, 'unauthenticated');
      assertError(unknown, 401, 'unauthenticated');
      assert.equal(wrong.json.message, unknown.json.message, 'same message');
      assert.deepEqual(wrong.json.fields, unknown.json.fields);
      assert.equal(wrong.headers.get('set-cookie'), null, 'no cookie on failure');
      if (language === 'en') assert.doesNotMatch(wrong.json.message, CJK);
      else assert.match(wrong.json.message, CJK);
    }
  });

  it('login sets an HttpOnly SameSite=Strict session cookie and returns the CSRF token', async () => {
    const client = new Client(server.baseUrl);
    const response = await client.login('county_cadre', DEMO_PASSWORD);
    assert.equal(response.status, 200);
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((line) => line.startsWith('ankang_session='));
    assert.ok(session, `session cookie in ${JSON.stringify(cookies)}`);
    assert.match(session, /^ankang_session=[A-Za-z0-9_-]{32,};/);
    assert.match(session, /;\s*HttpOnly(;|$)/i);
    assert.match(session, /;\s*SameSite=Strict(;|$)/i);
    assert.match(session, /;\s*Path=\/(;|$)/i);
    const body = response.json;
    assert.equal(body.user.username, 'county_cadre');
    assert.equal(body.user.organisationName, '玄武区总工会');
    assert.equal(body.dataScope, 'SUBTREE');
    assert.ok(body.csrfToken.length >= 32);
    assert.ok(!body.csrfToken.includes(client.sessionCookie), 'the CSRF token is not the session token');
    assert.ok(!response.text.includes(client.sessionCookie), 'the session token is only in the cookie');
    assert.deepEqual(
      [...body.permissions].sort(),
      [
        'files:file:upload',
        'files:file:view',
        'organisation:enterprise:create',
        'organisation:enterprise:export',
        'organisation:enterprise:import',
        'organisation:enterprise:update',
        'organisation:enterprise:view',
        'organisation:inspector:appoint',
        'organisation:inspector:manage',
        'organisation:network:manage',
        'organisation:network:view',
        'organisation:org:create',
        'organisation:org:update',
        'organisation:org:view',
        'reports:entry:manage',
        'reports:entry:view',
        'reports:report:manage',
        'reports:report:view',
        'rules:ruleset:manage',
        'rules:ruleset:view',
        'statistics:annual:approve',
        'statistics:annual:edit',
        'statistics:annual:view',
        'statistics:dashboard:view',
        'supervision:checklist:manage',
        'supervision:checklist:view',
        'supervision:document:manage',
        'supervision:document:sign',
        'supervision:document:view',
        'supervision:hazard:manage',
        'supervision:hazard:view',
        'supervision:inspection:manage',
        'supervision:inspection:view',
        'system:audit:view',
        'system:dict:view',
        'system:role:view',
        'system:user:create',
        'system:user:export',
        'system:user:update',
        'system:user:view',
      ],
    );
    const me = expectStatus(await client.get('/auth/me'), 200);
    assert.equal(me.json.csrfToken, body.csrfToken);
    assert.equal(me.json.user.id, body.user.id);
  });

  it('login validates its body', async () => {
    const client = new Client(server.baseUrl);
    assertFields(await client.post('/auth/login', { username: 1, password: ['x'] }, { csrf: 'login' }), ['username', 'password']);
    assertFields(await client.post('/auth/login', {}, { csrf: 'login' }), ['username', 'password']);
    assertError(await client.post('/auth/login', { username: 'county_cadre', password: DEMO_PASSWORD }, { csrf: false }), 403, 'csrf', 'login without the header');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('CSRF', () => {
  it('a write without X-CSRF-Token is 403 csrf and changes nothing', async () => {
    const body = newUser();
    assertError(await county.post('/users', body, { csrf: false }), 403, 'csrf');
    assertError(await county.post('/users', body, { csrf: '' }), 403, 'csrf', 'empty token');
    assert.equal(await countUsers(body.username), 0);
    const town = expectStatus(await county.get(`/users/${ids.townCadre}`), 200).json;
    const changes = { displayName: '改名', organisationId: town.organisationId, roleIds: town.roleIds, status: 'ACTIVE' };
    assertError(await county.put(`/users/${ids.townCadre}`, changes, { csrf: false }), 403, 'csrf', 'PUT');
    assertError(await county.del(`/users/${ids.townCadre}`, undefined, { csrf: false }), 403, 'csrf', 'DELETE');
    assertError(await county.post('/auth/logout', undefined, { csrf: false }), 403, 'csrf', 'logout');
    assert.equal(expectStatus(await county.get(`/users/${ids.townCadre}`), 200).json.displayName, town.displayName);
    expectStatus(await county.get('/auth/me'), 200); // still signed in
  });

  it('a wrong token, another session\'s token or the login placeholder is 403 csrf', async () => {
    const body = newUser();
    const other = await signIn(server.baseUrl, 'county_cadre');
    for (const token of ['login', 'x'.repeat(43), other.csrfToken, county.csrfToken.slice(0, -1)]) {
      assertError(await county.post('/users', body, { csrf: token }), 403, 'csrf', `token ${token}`);
    }
    assert.equal(await countUsers(body.username), 0);
    assert.equal(expectStatus(await county.post('/users', body), 201).json.username, body.username, 'the right token works');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('data scope of county_cadre (玄武区)', () => {
  let subtree;
  before(async () => {
    // 玄武区 and everything below it, walked through the tree API as the province cadre.
    subtree = new Set([ids.xuanwuOrg]);
    const queue = [ids.xuanwuOrg];
    while (queue.length > 0) {
      const id = queue.shift();
      for (const child of expectStatus(await prov.get(`/organisations/${id}/children`), 200).json) {
        subtree.add(child.id);
        if (child.hasChildren) queue.push(child.id);
      }
    }
    assert.ok(subtree.size > 3, '玄武区 has townships');
  });

  it('the user list holds exactly the 玄武区 subtree', async () => {
    const list = expectStatus(await county.get('/users?pageSize=500'), 200).json;
    assert.equal(list.items.length, list.total);
    for (const user of list.items) assert.ok(subtree.has(user.organisationId), `${user.username} (${user.organisationName}) is in 玄武区`);
    const usernames = new Set(list.items.map((u) => u.username));
    assert.ok(usernames.has('county_cadre') && usernames.has('town_cadre'));
    for (const outside of ['qinhuai_cadre', 'city_cadre', 'prov_cadre', 'auditor', 'admin']) assert.ok(!usernames.has(outside), outside);
    const byProvince = expectStatus(await prov.get(`/users?organisationId=${ids.xuanwuOrg}&pageSize=500`), 200).json;
    assert.deepEqual([...usernames].sort(), byProvince.items.map((u) => u.username).sort(), 'same as the province view filtered to 玄武区');
    const filtered = expectStatus(await county.get(`/users?organisationId=${ids.qinhuaiOrg}`), 200).json;
    assert.equal(filtered.total, 0, 'filtering by another county yields nothing');
    const searched = expectStatus(await county.get('/users?keyword=qinhuai'), 200).json;
    assert.equal(searched.total, 0);
  });

  it('another county\'s user is 404 for read, change and password reset', async () => {
    const before = expectStatus(await prov.get(`/users/${ids.qinhuaiCadre}`), 200).json;
    assertError(await county.get(`/users/${ids.qinhuaiCadre}`), 404, 'not_found', 'GET');
    const changes = { displayName: '被改了', organisationId: ids.xuanwuOrg, roleIds: [ids.lpCadreRole], status: 'DISABLED' };
    assertError(await county.put(`/users/${ids.qinhuaiCadre}`, changes), 404, 'not_found', 'PUT');
    assertError(await county.post(`/users/${ids.qinhuaiCadre}/password`, { newPassword: 'Taken1234x' }), 404, 'not_found', 'reset');
    // Same answer as for an id that does not exist at all.
    const missing = await county.get('/users/99999999');
    assertError(missing, 404, 'not_found');
    assert.equal(missing.json.message, (await county.get(`/users/${ids.qinhuaiCadre}`)).json.message);

    const after = expectStatus(await prov.get(`/users/${ids.qinhuaiCadre}`), 200).json;
    assert.deepEqual(after, before, 'unchanged');
    const qinhuai = await new Client(server.baseUrl).login('qinhuai_cadre', DEMO_PASSWORD);
    assert.equal(qinhuai.status, 200, 'password not reset');
    assert.equal(qinhuai.json.user.mustChangePassword, false);
  });

  it('a township cadre cannot see its county\'s users', async () => {
    const town = await signIn(server.baseUrl, 'town_cadre');
    assertError(await town.get(`/users/${ids.countyCadre}`), 404, 'not_found');
    const list = expectStatus(await town.get('/users?pageSize=500'), 200).json;
    for (const user of list.items) assert.equal(user.organisationId, ids.townOrg, `${user.username} is in 新街口街道`);
    assertError(await town.get(`/organisations/${ids.xuanwuOrg}`), 404, 'not_found', 'parent organisation');
  });

  it('another county\'s organisation and its children are 404', async () => {
    assertError(await county.get(`/organisations/${ids.qinhuaiOrg}`), 404, 'not_found');
    assertError(await county.get(`/organisations/${ids.qinhuaiOrg}/children`), 404, 'not_found');
    assertError(await county.get(`/organisations/${ids.rootOrg}`), 404, 'not_found', 'an ancestor');
    assertError(await county.get('/organisations/99999999'), 404, 'not_found');
    const own = expectStatus(await county.get(`/organisations/${ids.xuanwuOrg}`), 200).json;
    assert.equal(own.code, '320102');
    assert.equal(own.name, '玄武区总工会');
    const children = expectStatus(await county.get(`/organisations/${ids.xuanwuOrg}/children`), 200).json;
    assert.ok(children.length > 0);
    for (const child of children) assert.equal(child.parentId, ids.xuanwuOrg);
    assert.equal(expectStatus(await county.get(`/organisations?keyword=${encodeURIComponent('秦淮')}`), 200).json.total, 0);
    assert.ok(expectStatus(await prov.get(`/organisations?keyword=${encodeURIComponent('秦淮')}`), 200).json.total >= 1);
  });

  it('the export holds only the own subtree', async (t) => {
    const response = await county.get('/users/export');
    assert.equal(response.status, 200, response.text.slice(0, 200));
    assert.equal(response.headers.get('content-type'), XLSX_TYPE);
    assert.equal(response.body.subarray(0, 2).toString('latin1'), 'PK', 'a zip file');
    assert.match(response.headers.get('content-disposition') ?? '', /attachment/);
    const rows = await readXlsxRows(response.body);
    if (rows === null) {
      t.skip('unzip is not installed: the export content is not checked');
      return;
    }
    const list = expectStatus(await county.get('/users?pageSize=500'), 200).json;
    assert.equal(rows[0][0], '用户名');
    const exported = rows.slice(1).map((row) => row[0]);
    assert.deepEqual([...exported].sort(), list.items.map((u) => u.username).sort());
    assert.ok(!exported.includes('qinhuai_cadre'));

    const english = await county.get('/users/export?keyword=town_cadre', { language: 'en' });
    const englishRows = await readXlsxRows(english.body);
    assert.equal(englishRows[0][0], 'Username');
    assert.deepEqual(englishRows.slice(1).map((row) => row[0]), ['town_cadre']);
  });

  it('out-of-scope delete is 404 for a manager who may delete', async () => {
    // county_cadre has no delete key, so a manager role with one is made for 玄武区.
    const admin = await signInAdmin(server.baseUrl);
    const role = expectStatus(
      await admin.post('/roles', {
        code: 'E2E_XW_MANAGER',
        name: '玄武用户管理',
        dataScope: 'SUBTREE',
        permissions: ['organisation:org:view', 'system:user:view', 'system:user:create', 'system:user:update', 'system:user:delete'],
      }),
      201,
    ).json;
    const manager = newUser({ roleIds: [role.id] });
    expectStatus(await admin.post('/users', manager), 201);
    const client = new Client(server.baseUrl);
    expectStatus(await client.login(manager.username, manager.password), 200);
    expectStatus(await client.post('/auth/password', { currentPassword: manager.password, newPassword: 'Manager1234x' }), 204);

    assertError(await client.del(`/users/${ids.qinhuaiCadre}`), 404, 'not_found', 'another county');
    assertError(await client.del(`/users/99999999`), 404, 'not_found', 'no such user');
    expectStatus(await prov.get(`/users/${ids.qinhuaiCadre}`), 200);

    const victim = expectStatus(await client.post('/users', newUser({ roleIds: [role.id] })), 201).json;
    expectStatus(await client.del(`/users/${victim.id}`), 204);
    assertError(await client.get(`/users/${victim.id}`), 404, 'not_found', 'deleted');
    assertError(await client.del(`/users/${victim.id}`), 404, 'not_found', 'deleted twice');
    const self = expectStatus(await client.get('/auth/me'), 200).json.user.id;
    assertError(await client.del(`/users/${self}`), 409, 'conflict', 'own account');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('permissions', () => {
  it('county_cadre may not delete users (403 forbidden, not 404)', async () => {
    assertError(await county.del(`/users/${ids.townCadre}`), 403, 'forbidden');
    expectStatus(await county.get(`/users/${ids.townCadre}`), 200);
    // The permission is checked before the scope, so another county's user answers the same 403:
    // nothing about its existence leaks.
    assertError(await county.del(`/users/${ids.qinhuaiCadre}`), 403, 'forbidden', 'another county');
    assertError(await county.del('/users/99999999'), 403, 'forbidden', 'no such user');
  });

  it('county_cadre may not read the login log nor edit roles or dictionaries', async () => {
    assertError(await county.get('/login-logs'), 403, 'forbidden');
    assertError(await county.get('/login-logs/export'), 403, 'forbidden');
    assertError(await county.post('/roles', { code: 'E2E_NOPE', name: 'x', dataScope: 'SELF', permissions: [] }), 403, 'forbidden');
    assertError(await county.put(`/roles/${ids.lpCadreRole}`, { name: 'x', dataScope: 'SELF', permissions: [] }), 403, 'forbidden');
    assertError(await county.del(`/roles/${ids.auditorRole}`), 403, 'forbidden');
    assertError(await county.post('/dictionaries/size_class/items', { code: 'E2E_NOPE', label: 'x' }), 403, 'forbidden');
    const roles = expectStatus(await prov.get('/roles?keyword=E2E_NOPE'), 200).json;
    assert.equal(roles.total, 0);
  });

  it('nobody grants a role with more than they hold, nor outside their scope', async () => {
    const escalation = newUser({ roleIds: [ids.adminRole] });
    assertFields(await county.post('/users', escalation), ['roleIds']);
    assertFields(await county.post('/users', newUser({ roleIds: [ids.lpCadreRole, ids.auditorRole] })), ['roleIds'], 'auditor has loginlog:view');
    assertFields(await county.post('/users', newUser({ organisationId: ids.qinhuaiOrg })), ['organisationId']);
    assertFields(await county.post('/users', newUser({ roleIds: [] })), ['roleIds']);
    assertFields(await county.post('/users', newUser({ roleIds: [987654] })), ['roleIds']);
    assert.equal(await countUsers(escalation.username), 0);
    // Moving an own user to another county is refused too.
    const town = expectStatus(await county.get(`/users/${ids.townCadre}`), 200).json;
    const moved = { displayName: town.displayName, organisationId: ids.qinhuaiOrg, roleIds: town.roleIds, status: 'ACTIVE' };
    assertFields(await county.put(`/users/${ids.townCadre}`, moved), ['organisationId']);
    const promoted = { displayName: town.displayName, organisationId: town.organisationId, roleIds: [ids.adminRole], status: 'ACTIVE' };
    assertFields(await county.put(`/users/${ids.townCadre}`, promoted), ['roleIds']);
    assert.deepEqual(expectStatus(await county.get(`/users/${ids.townCadre}`), 200).json, town);
  });

  it(
    'a cadre cannot take over a more privileged account in the subtree by resetting its password',
    async () => {
      const admin = await signInAdmin(server.baseUrl);
      const target = newUser({ roleIds: [ids.adminRole], password: 'Original1234x' });
      const created = expectStatus(await admin.post('/users', target), 201).json;
      const reset = await county.post(`/users/${created.id}/password`, { newPassword: 'Taken1234x' });
      assertError(reset, 403, 'forbidden');
      const demote = { displayName: 'x', organisationId: created.organisationId, roleIds: [ids.lpCadreRole], status: 'DISABLED' };
      assertError(await county.put(`/users/${created.id}`, demote), 403, 'forbidden');
      assertError(await new Client(server.baseUrl).login(target.username, 'Taken1234x'), 401, 'unauthenticated');
      expectStatus(await new Client(server.baseUrl).login(target.username, 'Original1234x'), 200);
    },
  );

  it('the auditor reads everything, writes nothing, and sees failed sign-ins', async () => {
    const auditor = await signIn(server.baseUrl, 'auditor');
    assertError(await auditor.post('/users', newUser()), 403, 'forbidden');
    assertError(await auditor.put(`/users/${ids.townCadre}`, { displayName: 'x', organisationId: ids.townOrg, roleIds: [ids.lpCadreRole], status: 'ACTIVE' }), 403, 'forbidden');
    assertError(await auditor.post(`/users/${ids.townCadre}/password`, { newPassword: 'Taken1234x' }), 403, 'forbidden');
    assertError(await auditor.get('/users/export'), 403, 'forbidden');
    const ghost = uniqueName('ghost');
    assertError(await new Client(server.baseUrl).login(ghost, 'Wrong@2026'), 401, 'unauthenticated');
    const log = expectStatus(await auditor.get(`/login-logs?keyword=${ghost}&success=false`), 200).json;
    assert.equal(log.total, 1);
    assert.equal(log.items[0].username, ghost);
    assert.equal(log.items[0].success, false);
    assert.equal(log.items[0].reason, 'unknown_user');
    assert.equal(log.items[0].clientAddress, '127.0.0.1');
    assertFields(await auditor.get('/login-logs?success=maybe'), ['success']);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('input validation', () => {
  it('malformed JSON is 400 with a message naming the problem', async () => {
    const broken = await county.post('/users', '{"username": ');
    assertError(broken, 400, 'invalid_input');
    assert.match(broken.json.message, /JSON/);
    const english = await county.post('/users', '{"username": "a",}', { language: 'en' });
    assertError(english, 400, 'invalid_input');
    assert.match(english.json.message, /not valid JSON/);
    const array = await county.post('/users', '[1, 2, 3]', { language: 'en' });
    assertError(array, 400, 'invalid_input');
    assert.match(array.json.message, /JSON object/);
    const empty = await county.post('/users', '', { language: 'en' });
    assertError(empty, 400, 'invalid_input');
    assert.match(empty.json.message, /empty/);
    const deep = await county.post('/users', `${'['.repeat(200)}${']'.repeat(200)}`);
    assertError(deep, 400, 'invalid_input', 'nesting deeper than the limit');
  });

  it('wrong types are 400 with fields naming each field, in Chinese or English', async () => {
    const body = { username: 5, displayName: [], password: true, organisationId: 'x', roleIds: 'y', phone: 12, email: {} };
    const chinese = assertFields(await county.post('/users', body), ['username', 'displayName', 'password', 'organisationId', 'roleIds', 'phone', 'email']);
    assert.equal(chinese.fields.username, '须为文本');
    assert.match(chinese.message, CJK);
    const english = assertFields(await county.post('/users', body, { language: 'en-GB,en;q=0.9' }), ['username', 'displayName', 'password', 'organisationId', 'roleIds']);
    assert.equal(english.fields.username, 'must be text');
    assert.equal(english.fields.organisationId, 'must be a whole number');
    for (const text of [english.message, ...Object.values(english.fields)]) assert.doesNotMatch(text, CJK, text);

    assertFields(await county.post('/users', {}), ['username', 'displayName', 'password', 'organisationId']);
    assertFields(await county.post('/users', newUser({ username: '1abc' })), ['username'], 'username shape');
    assertFields(await county.post('/users', newUser({ password: 'short' })), ['password'], 'password rule');
    assertFields(await county.post('/users', newUser({ phone: '12345' })), ['phone']);
    assertFields(await county.post('/users', newUser({ email: 'not-an-email' })), ['email']);
    assertFields(await county.post('/users', newUser({ displayName: '长'.repeat(33) })), ['displayName']);
    assertFields(await county.post('/users', newUser({ roleIds: [1.5] })), ['roleIds']);
    assertFields(await county.post('/users', newUser({ organisationId: -3 })), ['organisationId']);
    const town = expectStatus(await county.get(`/users/${ids.townCadre}`), 200).json;
    assertFields(
      await county.put(`/users/${ids.townCadre}`, { displayName: town.displayName, organisationId: town.organisationId, roleIds: town.roleIds, status: 'GONE' }),
      ['status'],
    );
  });

  it('bad query parameters are 400 naming the parameter', async () => {
    assertFields(await county.get('/users?pageSize=0'), ['pageSize']);
    assertFields(await county.get('/users?pageSize=501'), ['pageSize']);
    assertFields(await county.get('/users?page=abc'), ['page']);
    assertFields(await county.get('/users?status=BOGUS'), ['status']);
    assertFields(await county.get('/users?organisationId=abc'), ['organisationId']);
    assertFields(await county.get(`/users?keyword=${'k'.repeat(65)}`), ['keyword']);
    assertFields(await county.get('/users?keyword=%FF%FE'), ['keyword'], 'invalid UTF-8');
    assertFields(await county.get('/audit-logs?from=yesterday'), ['from']);
    const page = expectStatus(await county.get('/users?page=1000000&pageSize=500'), 200).json;
    assert.deepEqual(page.items, []);
    assert.ok(page.total > 0);
  });

  it('unknown routes are 404, wrong methods 405, in the asked language', async () => {
    assertError(await county.get('/no-such-thing'), 404, 'not_found');
    const english = await county.get('/no-such-thing', { language: 'en' });
    assertError(english, 404, 'not_found');
    assert.doesNotMatch(english.json.message, CJK);
    assertError(await county.request('PATCH', '/users'), 405, 'method_not_allowed');
    assertError(await new Client(server.baseUrl, { language: 'en' }).get('/users'), 401, 'unauthenticated');
    assert.equal((await new Client(server.baseUrl, { language: 'en' }).get('/users')).json.message, 'Please sign in');
    // The first language tag decides; anything not English is Chinese.
    for (const [header, english] of [['EN-us', true], ['en-US,zh;q=0.5', true], ['zh-CN,zh;q=0.9,en;q=0.8', false], ['fr', false], ['*', false]]) {
      const message = (await new Client(server.baseUrl, { language: header }).get('/users')).json.message;
      if (english) assert.doesNotMatch(message, CJK, header);
      else assert.match(message, CJK, header);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
describe('oversize bodies', () => {
  it('a 100 KB POST /users is 413 and nothing is stored', async () => {
    const body = newUser({ displayName: '大'.repeat(100 * 1024 / 3) });
    const response = await county.post('/users', body);
    assertError(response, 413, 'payload_too_large');
    assert.equal(await countUsers(body.username), 0);
    expectStatus(await county.get('/auth/me'), 200);
  });

  it('a chunked body over the limit is 413 too', async () => {
    const username = uniqueName('e2e_chunked');
    const json = JSON.stringify(newUser({ username, displayName: 'x'.repeat(20 * 1024) }));
    const chunk = Buffer.from(json);
    const request =
      `POST /api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Cookie: ankang_session=${county.sessionCookie}\r\nX-CSRF-Token: ${county.csrfToken}\r\n` +
      `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunk.length.toString(16)}\r\n${json}\r\n0\r\n\r\n`;
    const response = await rawRequest(server.baseUrl, request);
    assert.equal(response.status, 413, response.raw.slice(0, 300));
    assert.equal(JSON.parse(response.text).code, 'payload_too_large');
    assert.equal(await countUsers(username), 0);
  });

  it('an oversize login body is 413', async () => {
    const response = await new Client(server.baseUrl).post('/auth/login', { username: 'county_cadre', password: 'p'.repeat(10_000) }, { csrf: 'login' });
    assertError(response, 413, 'payload_too_large');
    expectStatus(await new Client(server.baseUrl).get('/health'), 200);
  });

  it('an escaped path keeps its route limit (/auth/log%69n is the login route)', async () => {
    const response = await new Client(server.baseUrl).post('/auth/log%69n', { username: 'county_cadre', password: 'p'.repeat(10_000) }, { csrf: 'login' });
    assertError(response, 413, 'payload_too_large');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('text that looks like SQL', () => {
  const dropTable = "Robert'); DROP TABLE users;--";
  const orTrue = "' OR '1'='1";

  it('is stored and returned verbatim, and searched literally', async () => {
    const totalBefore = expectStatus(await prov.get('/users?pageSize=1'), 200).json.total;
    assert.equal(expectStatus(await county.get(`/users?keyword=${encodeURIComponent('%')}`), 200).json.total, 0, "'%' is not a wildcard");
    assert.equal(expectStatus(await county.get(`/users?keyword=${encodeURIComponent(orTrue)}`), 200).json.total, 0);

    const first = expectStatus(await county.post('/users', newUser({ displayName: dropTable })), 201).json;
    const second = expectStatus(await county.post('/users', newUser({ displayName: orTrue, email: "o'hara@example.com" })), 201).json;
    assert.equal(first.displayName, dropTable);
    assert.equal(second.displayName, orTrue);
    assert.equal(second.email, "o'hara@example.com");
    assert.equal(expectStatus(await county.get(`/users/${first.id}`), 200).json.displayName, dropTable);

    const byDrop = expectStatus(await county.get(`/users?keyword=${encodeURIComponent("Robert'); DROP")}`), 200).json;
    assert.deepEqual(byDrop.items.map((u) => u.id), [first.id]);
    const byOr = expectStatus(await county.get(`/users?keyword=${encodeURIComponent(orTrue)}`), 200).json;
    assert.deepEqual(byOr.items.map((u) => u.id), [second.id]);

    const changed = `x"; DELETE FROM users; --`;
    const updated = expectStatus(
      await county.put(`/users/${first.id}`, { displayName: changed, organisationId: first.organisationId, roleIds: first.roleIds, status: 'ACTIVE' }),
      200,
    ).json;
    assert.equal(updated.displayName, changed);

    assert.equal(expectStatus(await prov.get(`/roles?keyword=${encodeURIComponent("' OR 1=1 --")}`), 200).json.total, 0);
    assert.equal(expectStatus(await prov.get(`/audit-logs?keyword=${encodeURIComponent(orTrue)}`), 200).json.total, 0);
    assert.equal(expectStatus(await prov.get(`/organisations?keyword=${encodeURIComponent(orTrue)}`), 200).json.total, 0);

    const admin = await signInAdmin(server.baseUrl);
    const label = "'; DROP TABLE dictionary_items; --";
    const item = expectStatus(await admin.post('/dictionaries/size_class/items', { code: 'E2E_SQL', label, labelEn: orTrue }), 201).json;
    assert.equal(item.label, label);
    const items = expectStatus(await county.get('/dictionaries/size_class/items'), 200).json;
    assert.equal(items.find((i) => i.id === item.id).labelEn, orTrue);

    expectStatus(await county.get('/health'), 200);
    assert.equal(expectStatus(await prov.get('/users?pageSize=1'), 200).json.total, totalBefore + 2);
  });

  it('keeps Unicode and markup verbatim', async () => {
    const displayName = '张三😀<script>&amp;';
    const created = expectStatus(await county.post('/users', newUser({ displayName })), 201).json;
    assert.equal(expectStatus(await county.get(`/users/${created.id}`), 200).json.displayName, displayName);
    const found = expectStatus(await county.get(`/users?keyword=${encodeURIComponent('😀<script>')}`), 200).json;
    assert.deepEqual(found.items.map((u) => u.id), [created.id]);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('creating a user', () => {
  const username = uniqueName('e2e_alice');
  let created;
  let createResponse;

  it('answers 201 with the user, who then appears in the list', async () => {
    createResponse = await county.post('/users', {
      username,
      displayName: '爱丽丝',
      password: 'Alice1234x',
      organisationId: ids.townOrg,
      roleIds: [ids.lpCadreRole],
      phone: '13912345678',
      email: 'alice@example.com',
    });
    assert.equal(createResponse.status, 201, createResponse.text);
    created = createResponse.json;
    assert.equal(created.username, username);
    assert.equal(created.displayName, '爱丽丝');
    assert.equal(created.organisationId, ids.townOrg);
    assert.equal(created.organisationName, '新街口街道工会');
    assert.deepEqual(created.roleIds, [ids.lpCadreRole]);
    assert.deepEqual(created.roleNames, ['劳动保护工作干部']);
    assert.equal(created.status, 'ACTIVE');
    assert.equal(created.mustChangePassword, true);
    assert.equal(created.phone, '13912345678');
    assert.ok(Math.abs(created.createdAt - Date.now()) < 5 * 60_000, 'createdAt is milliseconds since the epoch');
    assert.ok(!('password' in created) && !('passwordHash' in created));

    const list = expectStatus(await county.get(`/users?keyword=${username}`), 200).json;
    assert.equal(list.total, 1);
    assert.deepEqual(list.items[0], created);
    const upper = expectStatus(await county.get(`/users?keyword=${username.toUpperCase()}`), 200).json;
    assert.equal(upper.total, 1, 'keyword search ignores case');
    const town = await signIn(server.baseUrl, 'town_cadre');
    assert.equal(expectStatus(await town.get(`/users?keyword=${username}`), 200).json.total, 1, 'the township sees it too');
    const qinhuai = await signIn(server.baseUrl, 'qinhuai_cadre');
    assertError(await qinhuai.get(`/users/${created.id}`), 404, 'not_found');
  });

  it('writes an audit entry carrying the request id of the create', async () => {
    const requestId = createResponse.headers.get('x-request-id');
    assert.match(requestId, /^[0-9a-f]{16}$/);
    const log = expectStatus(await county.get(`/audit-logs?entityType=user&action=create&keyword=${created.id}`), 200).json;
    const entry = log.items.find((e) => e.entityId === String(created.id));
    assert.ok(entry, `audit entry in ${JSON.stringify(log)}`);
    assert.equal(entry.requestId, requestId);
    assert.equal(entry.action, 'create');
    assert.equal(entry.entityType, 'user');
    assert.equal(entry.username, 'county_cadre');
    assert.equal(entry.userId, ids.countyCadre);
    assert.equal(entry.before, null);
    assert.equal(entry.after.username, username);
    assert.ok(!/argon|\$[0-9a-z]+\$|Alice1234x/i.test(JSON.stringify(entry)), 'no password or hash in the audit log');
    // Another county does not see it.
    const qinhuai = await signIn(server.baseUrl, 'qinhuai_cadre');
    assert.equal(expectStatus(await qinhuai.get(`/audit-logs?keyword=${created.id}&entityType=user`), 200).json.total, 0);
  });

  it('a duplicate username is 409 naming username', async () => {
    const response = await county.post('/users', newUser({ username }));
    const body = assertError(response, 409, 'conflict');
    assert.ok(body.fields.username, JSON.stringify(body));
    assert.equal(await countUsers(username), 1);
  });

  it('an update is audited with before and after', async () => {
    const changes = { displayName: '爱丽丝二', organisationId: ids.xuanwuOrg, roleIds: [ids.lpCadreRole], phone: '', email: '', status: 'ACTIVE' };
    const response = await county.put(`/users/${created.id}`, changes);
    assert.equal(response.status, 200, response.text);
    assert.equal(response.json.displayName, '爱丽丝二');
    assert.equal(response.json.organisationId, ids.xuanwuOrg);
    const log = expectStatus(await county.get(`/audit-logs?entityType=user&action=update&keyword=${created.id}`), 200).json;
    const entry = log.items.find((e) => e.requestId === response.headers.get('x-request-id'));
    assert.ok(entry);
    assert.equal(entry.before.displayName, '爱丽丝');
    assert.equal(entry.after.displayName, '爱丽丝二');
  });

  it('the new user must change the password first; a reset forces it again', async () => {
    const alice = new Client(server.baseUrl);
    const login = expectStatus(await alice.login(username, 'Alice1234x'), 200);
    assert.equal(login.json.user.mustChangePassword, true);
    assertError(await alice.get('/users'), 403, 'password_change_required');
    expectStatus(await alice.post('/auth/password', { currentPassword: 'Alice1234x', newPassword: 'Alice5678y' }), 204);
    expectStatus(await alice.get('/users'), 200);

    expectStatus(await county.post(`/users/${created.id}/password`, { newPassword: 'Reset1234z' }), 204);
    assertError(await alice.get('/auth/me'), 401, 'unauthenticated', 'a reset ends the sessions');
    const again = new Client(server.baseUrl);
    expectStatus(await again.login(username, 'Reset1234z'), 200);
    assert.equal(again.me.user.mustChangePassword, true);
    assertFields(await county.post(`/users/${created.id}/password`, { newPassword: 'weak' }), ['newPassword']);
  });

  it('a disabled user cannot sign in and loses the sessions', async () => {
    const alice = await signIn(server.baseUrl, username, 'Reset1234z');
    const changes = { displayName: '爱丽丝二', organisationId: ids.xuanwuOrg, roleIds: [ids.lpCadreRole], status: 'DISABLED' };
    expectStatus(await county.put(`/users/${created.id}`, changes), 200);
    assertError(await alice.get('/auth/me'), 401, 'unauthenticated');
    assertError(await new Client(server.baseUrl).login(username, 'Reset1234z'), 401, 'unauthenticated');
    assertFields(await county.put(`/users/${ids.countyCadre}`, { displayName: '张伟', organisationId: ids.xuanwuOrg, roleIds: [ids.lpCadreRole], status: 'DISABLED' }), ['status'], 'disabling oneself');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('roles and permissions', () => {
  let admin;
  before(async () => {
    admin = await signInAdmin(server.baseUrl);
  });

  it('admin creates a role; county_cadre may not', async () => {
    const input = { code: 'E2E_VIEWER', name: '测试只读', dataScope: 'SELF', permissions: ['system:user:view', 'organisation:org:view'], remark: 'e2e' };
    assertError(await county.post('/roles', input), 403, 'forbidden');
    const response = await admin.post('/roles', input);
    assert.equal(response.status, 201, response.text);
    const role = response.json;
    assert.equal(role.code, 'E2E_VIEWER');
    assert.equal(role.dataScope, 'SELF');
    assert.equal(role.builtin, false);
    assert.deepEqual([...role.permissions].sort(), ['organisation:org:view', 'system:user:view']);
    assert.deepEqual(expectStatus(await county.get(`/roles/${role.id}`), 200).json, role);
    assert.equal(expectStatus(await county.get('/roles?keyword=e2e_viewer'), 200).json.total, 1);

    const duplicate = assertError(await admin.post('/roles', input), 409, 'conflict');
    assert.ok(duplicate.fields.code);
    assertFields(await admin.post('/roles', { ...input, code: 'lower_case' }), ['code']);
    assertFields(await admin.post('/roles', { ...input, code: 'E2E_X', permissions: ['system:nuke:all'] }), ['permissions']);
    assertFields(await admin.post('/roles', { ...input, code: 'E2E_X', dataScope: 'ALL' }), ['dataScope']);
    assertFields(await admin.post('/roles', { code: 7, name: [], dataScope: null, permissions: 'x' }), ['code', 'name', 'dataScope', 'permissions']);
  });

  it('a SELF-scope role sees only its holder', async () => {
    const role = expectStatus(await admin.get('/roles?keyword=E2E_VIEWER'), 200).json.items[0];
    const user = newUser({ roleIds: [role.id] });
    expectStatus(await admin.post('/users', user), 201);
    const client = new Client(server.baseUrl);
    expectStatus(await client.login(user.username, user.password), 200);
    expectStatus(await client.post('/auth/password', { currentPassword: user.password, newPassword: 'Viewer1234x' }), 204);
    assert.equal(client.me.dataScope, 'SELF');
    const list = expectStatus(await client.get('/users'), 200).json;
    assert.deepEqual(list.items.map((u) => u.username), [user.username]);
    assertError(await client.get(`/users/${ids.countyCadre}`), 404, 'not_found');
    assertError(await client.post('/users', newUser()), 403, 'forbidden');
  });

  it('roles in use and built-in roles cannot be deleted; others can', async () => {
    const inUse = expectStatus(await admin.get('/roles?keyword=E2E_VIEWER'), 200).json.items[0];
    assertError(await admin.del(`/roles/${inUse.id}`), 409, 'conflict', 'held by a user');
    assertError(await admin.del(`/roles/${ids.auditorRole}`), 409, 'conflict', 'built-in');
    const temporary = expectStatus(await admin.post('/roles', { code: 'E2E_TEMP', name: '临时', dataScope: 'SUBTREE', permissions: [] }), 201).json;
    const renamed = expectStatus(await admin.put(`/roles/${temporary.id}`, { name: '临时二', dataScope: 'SELF', permissions: ['system:dict:view'] }), 200).json;
    assert.equal(renamed.code, 'E2E_TEMP');
    assert.equal(renamed.name, '临时二');
    expectStatus(await admin.del(`/roles/${temporary.id}`), 204);
    assertError(await admin.get(`/roles/${temporary.id}`), 404, 'not_found');
  });

  it('the permission list contains every key used by roles, routes and accounts', async () => {
    const permissions = expectStatus(await county.get('/permissions'), 200).json;
    const keys = permissions.map((p) => p.key);
    assert.equal(new Set(keys).size, keys.length, 'no duplicates');
    for (const permission of permissions) {
      assert.match(permission.key, /^[a-z]+:[a-z]+:[a-z]+$/);
      assert.equal(permission.module, permission.key.split(':')[0]);
      assert.ok(permission.labelZh && permission.labelEn, `${permission.key} has labels`);
    }
    const used = new Set();
    for (const role of expectStatus(await admin.get('/roles?pageSize=500'), 200).json.items) role.permissions.forEach((k) => used.add(k));
    for (const account of ['prov_cadre', 'auditor']) (await signIn(server.baseUrl, account)).me.permissions.forEach((k) => used.add(k));
    admin.me.permissions.forEach((k) => used.add(k));
    const openapi = await new Client(server.baseUrl).get('/openapi.json');
    assert.equal(openapi.status, 200, 'GET /api/v1/openapi.json');
    let routes = 0;
    for (const operations of Object.values(openapi.json.paths)) {
      for (const operation of Object.values(operations)) {
        if (operation && operation['x-permission']) {
          used.add(operation['x-permission']);
          routes += 1;
        }
      }
    }
    assert.ok(routes > 20, 'routes with a permission found in the OpenAPI document');
    for (const key of used) assert.ok(keys.includes(key), `${key} is listed by GET /permissions`);
    for (const key of [
      'system:user:delete',
      'system:role:create',
      'system:role:update',
      'system:role:delete',
      'system:dict:update',
      'system:loginlog:view',
    ]) {
      assert.ok(keys.includes(key), key);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
describe('dictionaries', () => {
  let admin;
  before(async () => {
    admin = await signInAdmin(server.baseUrl);
  });

  it('lists dictionaries and the items of size_class', async () => {
    const dictionaries = expectStatus(await county.get('/dictionaries'), 200).json;
    const sizeClass = dictionaries.find((d) => d.code === 'size_class');
    assert.ok(sizeClass, JSON.stringify(dictionaries.map((d) => d.code)));
    assert.ok(sizeClass.name && sizeClass.nameEn);
    const items = expectStatus(await county.get('/dictionaries/size_class/items'), 200).json;
    assert.equal(items.length, sizeClass.itemCount);
    assert.ok(items.length > 0);
    for (const item of items) {
      assert.equal(item.dictCode, 'size_class');
      assert.equal(typeof item.code, 'string');
      assert.equal(typeof item.enabled, 'boolean');
    }
    const sorted = [...items].sort((a, b) => a.sortOrder - b.sortOrder);
    assert.deepEqual(items.map((i) => i.sortOrder), sorted.map((i) => i.sortOrder), 'in sort order');
    // Any signed-in user may read items, even without system:dict:view.
    const role = expectStatus(await admin.post('/roles', { code: 'E2E_NOTHING', name: '无权限', dataScope: 'SELF', permissions: [] }), 201).json;
    const user = newUser({ roleIds: [role.id] });
    expectStatus(await admin.post('/users', user), 201);
    const client = new Client(server.baseUrl);
    expectStatus(await client.login(user.username, user.password), 200);
    expectStatus(await client.post('/auth/password', { currentPassword: user.password, newPassword: 'Nothing1234x' }), 204);
    expectStatus(await client.get('/dictionaries/size_class/items'), 200);
    assertError(await client.get('/dictionaries'), 403, 'forbidden');
  });

  it('adds, changes and deletes an item; duplicates are 409', async () => {
    const before = expectStatus(await county.get('/dictionaries'), 200).json.find((d) => d.code === 'size_class').itemCount;
    const input = { code: 'E2E_TINY', label: '微型（测试）', labelEn: 'Tiny (test)', sortOrder: 99, enabled: true };
    const response = await admin.post('/dictionaries/size_class/items', input);
    assert.equal(response.status, 201, response.text);
    const item = response.json;
    assert.deepEqual({ ...item, id: undefined }, { ...input, id: undefined, dictCode: 'size_class' });
    const items = expectStatus(await county.get('/dictionaries/size_class/items'), 200).json;
    assert.deepEqual(items.find((i) => i.code === 'E2E_TINY'), item);
    assert.equal(expectStatus(await county.get('/dictionaries'), 200).json.find((d) => d.code === 'size_class').itemCount, before + 1);

    const duplicate = assertError(await admin.post('/dictionaries/size_class/items', input), 409, 'conflict');
    assert.ok(duplicate.fields.code);
    // The same code in another dictionary is fine.
    expectStatus(await admin.post('/dictionaries/org_status/items', input), 201);
    assertFields(await admin.post('/dictionaries/size_class/items', { ...input, code: 'bad code!' }), ['code']);
    assertFields(await admin.post('/dictionaries/size_class/items', { ...input, code: 'E2E_X', sortOrder: 10_000 }), ['sortOrder']);
    assertFields(await admin.post('/dictionaries/size_class/items', { code: 'E2E_X', label: '', enabled: 'yes' }), ['label', 'enabled']);

    const changed = await admin.put(`/dictionary-items/${item.id}`, { code: 'CHANGED', label: '微型', labelEn: 'Tiny', sortOrder: 5, enabled: false });
    assert.equal(changed.status, 200, changed.text);
    assert.equal(changed.json.code, 'E2E_TINY', 'the code is stable');
    assert.equal(changed.json.enabled, false);
    const listed = expectStatus(await county.get('/dictionaries/size_class/items'), 200).json.find((i) => i.id === item.id);
    assert.equal(listed.enabled, false, 'disabled items are listed');

    expectStatus(await admin.del(`/dictionary-items/${item.id}`), 204);
    assertError(await admin.put(`/dictionary-items/${item.id}`, { label: 'x' }), 404, 'not_found');
    assertError(await admin.del(`/dictionary-items/${item.id}`), 404, 'not_found');
    const audit = expectStatus(await admin.get(`/audit-logs?entityType=dictionary_item&keyword=${item.id}`), 200).json;
    assert.deepEqual(audit.items.map((e) => e.action).sort(), ['create', 'delete', 'update']);
  });

  it('an unknown dictionary is 404', async () => {
    assertError(await county.get('/dictionaries/no_such_dictionary/items'), 404, 'not_found');
    assertError(await admin.post('/dictionaries/no_such_dictionary/items', { code: 'X1', label: 'x' }), 404, 'not_found');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('sign-out', () => {
  it('after logout the old cookie no longer works', async () => {
    const client = await signIn(server.baseUrl, 'city_cadre');
    const cookie = client.sessionCookie;
    const response = await client.logout();
    assert.equal(response.status, 204);
    assert.match(response.headers.getSetCookie().join('\n'), /ankang_session=;.*Max-Age=0/);
    const replay = new Client(server.baseUrl);
    replay.cookies.set('ankang_session', cookie);
    assertError(await replay.get('/auth/me'), 401, 'unauthenticated');
    assertError(await replay.get('/users'), 401, 'unauthenticated');
  });

  it('logout-all ends every other session of the same user only', async () => {
    const first = await signIn(server.baseUrl, 'town_cadre');
    const second = await signIn(server.baseUrl, 'town_cadre');
    const otherUser = await signIn(server.baseUrl, 'city_cadre');
    const firstCookie = first.sessionCookie;
    expectStatus(await first.post('/auth/logout-all'), 204);
    assertError(await second.get('/auth/me'), 401, 'unauthenticated', 'the other session');
    const replay = new Client(server.baseUrl);
    replay.cookies.set('ankang_session', firstCookie);
    assertError(await replay.get('/auth/me'), 401, 'unauthenticated', 'the calling session');
    expectStatus(await otherUser.get('/auth/me'), 200);
    expectStatus(await new Client(server.baseUrl).login('town_cadre', DEMO_PASSWORD), 200);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('login throttling (own server)', () => {
  let throttled;
  before(async () => {
    throttled = await startServer({ env: { ANKANG_AUTH_MAX_FAILURES_PER_ADDRESS: '8' } });
  });
  after(async () => {
    await throttled?.stop();
  });

  it('5 wrong passwords for one account → 429, even with the right password; other accounts unaffected', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      assertError(await new Client(throttled.baseUrl).login('prov_cadre', `Wrong${attempt}abc`), 401, 'unauthenticated', `attempt ${attempt}`);
    }
    const blocked = await new Client(throttled.baseUrl, { language: 'en' }).login('prov_cadre', DEMO_PASSWORD);
    assertError(blocked, 429, 'too_many_requests');
    assert.match(blocked.json.message, /minute/);
    assert.equal(blocked.headers.get('set-cookie'), null);
    assertError(await new Client(throttled.baseUrl).login('PROV_CADRE', DEMO_PASSWORD), 429, 'too_many_requests', 'case of the name');
    expectStatus(await new Client(throttled.baseUrl).login('city_cadre', DEMO_PASSWORD), 200);
    const auditor = await signIn(throttled.baseUrl, 'auditor');
    const log = expectStatus(await auditor.get('/login-logs?keyword=prov_cadre&success=false&pageSize=50'), 200).json;
    assert.ok(log.items.some((e) => e.reason === 'throttled'), JSON.stringify(log.items.map((e) => e.reason)));
  });

  it('too many failures from one address → 429 for every account', async () => {
    // 5 failures so far; the limit for this server is 8.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      assertError(await new Client(throttled.baseUrl).login(`ghost${attempt}`, 'Wrong1abc'), 401, 'unauthenticated', `ghost ${attempt}`);
    }
    assertError(await new Client(throttled.baseUrl).login('city_cadre', DEMO_PASSWORD), 429, 'too_many_requests');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('static files and path traversal', () => {
  let web;
  let directory;
  const secret = `TOP-SECRET-${randomBytes(8).toString('hex')}`;
  before(async () => {
    directory = mkdtempSync(path.join(tmpdir(), 'ankang-e2e-static-'));
    const root = path.join(directory, 'dist');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Ankang e2e</title><h1>e2e index</h1>');
    writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log("e2e");');
    writeFileSync(path.join(root, '.env'), secret);
    writeFileSync(path.join(directory, 'secret.txt'), secret);
    web = await startServer({ staticDir: root });
  });
  after(async () => {
    await web?.stop();
    if (directory) rmSync(directory, { recursive: true, force: true });
  });

  it('without a static directory GET / is 404', async () => {
    const response = await new Client(server.baseUrl).get('/');
    assertError(response, 404, 'not_found');
  });

  it('serves files from the static directory', async () => {
    const index = await fetch(`${web.baseUrl}/`);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type'), /text\/html/);
    assert.match(await index.text(), /e2e index/);
    assert.match(index.headers.get('content-security-policy'), /frame-ancestors 'none'/);
    const script = await fetch(`${web.baseUrl}/assets/app-1234.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type'), /javascript/);
    assert.match(script.headers.get('cache-control'), /immutable/);
    await script.text();
    const hidden = await fetch(`${web.baseUrl}/.env`);
    assert.equal(hidden.status, 404, 'dot files are not served');
    assert.ok(!(await hidden.text()).includes(secret));
  });

  const targets = [
    '/../../etc/passwd',
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5c%2e%2e%5cetc%5cpasswd',
    '//etc/passwd',
    '/etc/passwd',
    '/.%2e/secret.txt',
    '/%252e%252e/secret.txt',
    '/..%00/secret.txt',
    '/index.html%00.txt',
    '/api/../../etc/passwd',
  ];
  for (const target of targets) {
    it(`GET ${target} (sent raw) is 404 and never the file`, async () => {
      for (const base of [web.baseUrl, server.baseUrl]) {
        const response = await rawRequest(base, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        assert.ok(response.status === 404 || response.status === 400, `${target}: ${response.status}`);
        assert.ok(!response.raw.includes(secret), 'the secret file is not served');
        assert.ok(!/root:.*:0:0:/.test(response.raw), '/etc/passwd is not served');
        assert.ok(response.headers['x-request-id'], 'X-Request-Id');
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------------
describe('response headers', () => {
  it('every response carries security headers and its own X-Request-Id', async () => {
    const anonymous = new Client(server.baseUrl);
    const responses = {
      health: await anonymous.get('/health'),
      unauthenticated: await anonymous.get('/users'),
      csrf: await county.post('/users', newUser(), { csrf: false }),
      forbidden: await county.get('/login-logs'),
      invalid: await county.post('/users', '{'),
      notFound: await county.get('/users/99999999'),
      page: await anonymous.get('/'),
      tooLarge: await county.post('/users', newUser({ displayName: 'x'.repeat(20_000) })),
      list: await county.get('/users'),
      export: await county.get('/users/export'),
      login: await new Client(server.baseUrl).login('county_cadre', DEMO_PASSWORD),
      openapi: await anonymous.get('/openapi.json'),
    };
    const seen = new Set();
    for (const [name, response] of Object.entries(responses)) {
      const headers = response.headers;
      const requestId = headers.get('x-request-id');
      assert.match(requestId ?? '', /^[0-9a-f]{16}$/, `${name}: X-Request-Id`);
      assert.ok(!seen.has(requestId), `${name}: a new request id`);
      seen.add(requestId);
      assert.equal(headers.get('x-content-type-options'), 'nosniff', `${name}: nosniff`);
      const policy = headers.get('content-security-policy') ?? '';
      assert.match(policy, /frame-ancestors 'none'/, `${name}: CSP frame-ancestors`);
      assert.match(policy, /default-src 'self'/, `${name}: CSP default-src`);
      assert.doesNotMatch(policy, /script-src[^;]*unsafe-(inline|eval)/, `${name}: no unsafe scripts`);
      assert.equal(headers.get('x-frame-options'), 'DENY', `${name}: X-Frame-Options`);
      assert.equal(headers.get('referrer-policy'), 'no-referrer', `${name}: Referrer-Policy`);
      assert.equal(headers.get('access-control-allow-origin'), null, `${name}: no CORS`);
      if (name !== 'page') assert.equal(headers.get('cache-control'), 'no-store', `${name}: API answers are not cached`);
    }
    assert.equal(responses.tooLarge.status, 413);
    assert.equal(responses.export.status, 200);
  });

  it('a cross-origin preflight is not granted', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/users`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'x-csrf-token' },
    });
    await response.arrayBuffer();
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(response.headers.get('access-control-allow-headers'), null);
    assert.ok(response.status >= 400, `OPTIONS answered ${response.status}`);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('names and paths that try to pose as something else', () => {
  it('user names ignore case at sign-in and cannot be registered twice in another case', async () => {
    const mixed = await new Client(server.baseUrl).login('County_Cadre', DEMO_PASSWORD);
    expectStatus(mixed, 200);
    assert.equal(mixed.json.user.username, 'county_cadre');
    const admin = await signInAdmin(server.baseUrl);
    const twin = await admin.post('/users', {
      username: 'PROV_CADRE', displayName: '大小写', password: 'Start1234x',
      organisationId: ids.qinhuaiOrg, roleIds: [ids.lpCadreRole],
    });
    assertError(twin, 409, 'conflict');
    assert.ok(twin.json.fields.username);
  });

  it('an encoded slash in the path does not reach a route', async () => {
    const response = await county.get(`/api/v1/users%2F${ids.townCadre}`);
    assertError(response, 404, 'not_found');
  });

  it('text with a NUL is refused: PostgreSQL would see only the part before it', async () => {
    const login = await new Client(server.baseUrl).post('/auth/login', { username: 'county_cadre\u0000x', password: DEMO_PASSWORD }, { csrf: 'login' });
    assertError(login, 400, 'invalid_input');
    assert.ok(login.json.fields.username);
    const search = await county.get(`/users?keyword=${encodeURIComponent('cadre\u0000x')}`);
    assertError(search, 400, 'invalid_input');
  });
});

// ---------------------------------------------------------------------------------------------------
describe('enterprises and union coverage', () => {
  it('validates the credit code with its check character, refuses duplicates and keeps coverage history', async () => {
    const body = {
      creditCode: '91110000802100433C', // the real code ends in B
      name: '北京测试石化', organisationId: undefined, industrySection: 'C', industryDivision: '25',
      economicComponent: '11', sizeClass: 'LARGE', headcount: 1200,
    };
    const town = expectStatus(await county.get('/organisations?keyword=320102003'), 200).json.items[0].id;
    body.organisationId = town;
    const english = await county.post('/enterprises', body, { language: 'en' });
    assertFields(english, ['creditCode']);
    assert.match(english.json.fields.creditCode, /check character/);
    body.creditCode = '91110000802100433b';
    const created = expectStatus(await county.post('/enterprises', body), 201).json;
    assert.equal(created.creditCode, '91110000802100433B');
    assert.equal(created.coverage, null);
    const duplicate = await county.post('/enterprises', body);
    assertError(duplicate, 409, 'conflict');
    assert.ok(duplicate.json.fields.creditCode);

    const covered = expectStatus(
      await county.put(`/enterprises/${created.id}/coverage`, { coverageType: 'OWN_UNION', unionOrganisationId: town, since: '2026-03-01' }),
      200,
    ).json;
    assert.equal(covered.coverage.coverageType, 'OWN_UNION');
    assertFields(await county.put(`/enterprises/${created.id}/coverage`, { coverageType: 'NONE', unionOrganisationId: town, since: '2026-04-01' }), ['unionOrganisationId']);
    expectStatus(await county.put(`/enterprises/${created.id}/coverage`, { coverageType: 'NONE', since: '2026-04-01' }), 200);
    const history = expectStatus(await county.get(`/enterprises/${created.id}/coverage-history`), 200).json;
    assert.deepEqual(history.map((entry) => [entry.coverageType, entry.until]), [['NONE', null], ['OWN_UNION', '2026-04-01']]);
    const uncovered = expectStatus(await county.get(`/enterprises?coverageType=NONE&keyword=91110000802100433B`), 200).json;
    assert.equal(uncovered.total, 1);
  });
});

// ---------------------------------------------------------------------------------------------------
describe('labour-protection inspectors (workflow W10)', () => {
  async function nominate(client, homeOrganisationId, name = '赵建华') {
    return expectStatus(await client.post('/lp-inspectors', { name, homeOrganisationId, employmentMode: 'PARTTIME', phone: '13905149999' }), 201).json;
  }
  async function move(client, id, to, extra = {}) {
    return client.post(`/lp-inspectors/${id}/transitions`, { to, date: '2026-03-01', ...extra });
  }

  it('walks NOMINATED → ACTIVE, offers only legal next states and keeps the history', async () => {
    const inspector = await nominate(county, ids.townOrg);
    assert.equal(inspector.status, 'NOMINATED');
    assert.deepEqual(inspector.nextStatuses, ['TRAINING']);
    for (const to of ['TRAINING', 'PASSED']) expectStatus(await move(county, inspector.id, to), 200);
    const certificate = `E2E-${randomBytes(3).toString('hex')}`;
    const appointed = expectStatus(
      await move(county, inspector.id, 'APPOINTED', { appointingOrganisationId: ids.xuanwuOrg, certificateNo: certificate.toLowerCase(), termEnd: '2031-02-28' }),
      200,
    ).json;
    assert.equal(appointed.certificateNo, certificate.toUpperCase());
    assert.equal(appointed.appointingOrganisationName, '玄武区总工会');
    assert.equal(appointed.appointmentDate, '2026-03-01');
    const active = expectStatus(await move(county, inspector.id, 'ACTIVE'), 200).json;
    assert.deepEqual([...active.nextStatuses].sort(), ['RESIGNED', 'REVOKED', 'SUSPENDED', 'TERM_EXPIRED']);
    const history = expectStatus(await county.get(`/lp-inspectors/${inspector.id}/history`), 200).json;
    assert.deepEqual(history.map((change) => change.toStatus), ['NOMINATED', 'TRAINING', 'PASSED', 'APPOINTED', 'ACTIVE']);
    assert.equal(history[4].username, 'county_cadre');
    const listed = expectStatus(await county.get(`/lp-inspectors?keyword=${certificate}&status=ACTIVE`), 200).json;
    assert.equal(listed.total, 1);

    // A second inspector cannot carry the same certificate: 409 naming certificateNo.
    const second = await nominate(county, ids.townOrg, '钱立新');
    for (const to of ['TRAINING', 'PASSED']) expectStatus(await move(county, second.id, to), 200);
    const duplicate = await move(county, second.id, 'APPOINTED', { appointingOrganisationId: ids.xuanwuOrg, certificateNo: certificate });
    assertError(duplicate, 409, 'conflict');
    assert.ok(duplicate.json.fields.certificateNo);
  });

  it('an illegal transition is 409 and changes nothing', async () => {
    const inspector = await nominate(county, ids.townOrg);
    const refused = await move(county, inspector.id, 'ACTIVE');
    assertError(refused, 409, 'conflict');
    assert.ok(refused.json.fields.to);
    assertError(await move(county, inspector.id, 'APPOINTED', { appointingOrganisationId: ids.xuanwuOrg, certificateNo: 'E2E-ILLEGAL' }), 409, 'conflict');
    const after = expectStatus(await county.get(`/lp-inspectors/${inspector.id}`), 200).json;
    assert.equal(after.status, 'NOMINATED');
    assert.equal(after.certificateNo, '');
    assert.equal(expectStatus(await county.get(`/lp-inspectors/${inspector.id}/history`), 200).json.length, 1);
    assertFields(await move(county, inspector.id, 'TRAINING', { date: '2026-02-30' }), ['date']);
  });

  it('appointment needs a higher union of the home organisation inside the caller\'s scope', async () => {
    const inspector = await nominate(county, ids.townOrg);
    for (const to of ['TRAINING', 'PASSED']) expectStatus(await move(county, inspector.id, to), 200);
    const sideways = await move(county, inspector.id, 'APPOINTED', { appointingOrganisationId: ids.qinhuaiOrg, certificateNo: 'E2E-SIDE-1' });
    assertError(sideways, 409, 'conflict');
    assert.ok(sideways.json.fields.appointingOrganisationId);
    assertError(await move(county, inspector.id, 'APPOINTED', { appointingOrganisationId: ids.townOrg, certificateNo: 'E2E-SELF-1' }), 409, 'conflict');
    // 南京市总工会 is a higher union of the town, but outside 玄武区's scope.
    const city = expectStatus(await prov.get(`/organisations/${ids.xuanwuOrg}`), 200).json.parentId;
    const above = await move(county, inspector.id, 'APPOINTED', { appointingOrganisationId: city, certificateNo: 'E2E-ABOVE-1' });
    assertError(above, 403, 'forbidden');
    assert.ok(above.json.fields.appointingOrganisationId);
    assert.equal(expectStatus(await county.get(`/lp-inspectors/${inspector.id}`), 200).json.status, 'PASSED');
    // The provincial cadre may appoint on behalf of the city.
    const appointed = await move(prov, inspector.id, 'APPOINTED', { appointingOrganisationId: city, certificateNo: `E2E-${randomBytes(3).toString('hex')}` });
    assert.equal(expectStatus(appointed, 200).json.appointingOrganisationName, '南京市总工会');
  });

  it('another county\'s inspector is 404 for read, change and transitions', async () => {
    const qinhuaiInspector = await nominate(prov, ids.qinhuaiOrg, '孙海燕');
    assertError(await county.get(`/lp-inspectors/${qinhuaiInspector.id}`), 404, 'not_found');
    assertError(await county.get(`/lp-inspectors/${qinhuaiInspector.id}/history`), 404, 'not_found');
    assertError(await move(county, qinhuaiInspector.id, 'TRAINING'), 404, 'not_found');
    assertError(await county.put(`/lp-inspectors/${qinhuaiInspector.id}`, { name: '改名', homeOrganisationId: ids.townOrg, employmentMode: 'FULLTIME' }), 404, 'not_found');
    assert.equal(expectStatus(await prov.get(`/lp-inspectors/${qinhuaiInspector.id}`), 200).json.status, 'NOMINATED');
  });

  it('the coverage gap counts committees and inspectors', async () => {
    const report = expectStatus(await county.get(`/organisations/${ids.xuanwuOrg}/coverage-gaps`), 200).json;
    assert.ok(report.total.inspectors > 0, 'active inspectors under 玄武区');
    assert.equal(typeof report.total.withCommittee, 'number');
    assert.ok(report.total.inspectorsPerThousandWorkers > 0);
    const sum = report.rows.reduce((total, row) => total + row.inspectors, 0);
    assert.equal(sum, report.total.inspectors);
  });
});

describe('rules and the working-day calendar', () => {
  it('GET /rules/deadline counts with the official calendar and names the rule’s source', async () => {
    const deadline = async (rule, from, organisationId = ids.townOrg) =>
      county.get(`/rules/deadline?organisationId=${organisationId}&rule=${rule}&from=${from}`);
    // 15 working days across the 2026 Spring Festival (2/14 and 2/28 are worked Saturdays).
    const opinion = expectStatus(await deadline('OPINION_REPLY', '2026-02-10'), 200).json;
    assert.equal(opinion.due, '2026-03-09');
    assert.equal(opinion.workingDays, 15);
    assert.deepEqual({ code: opinion.rule.code, value: opinion.rule.value, unit: opinion.rule.unit }, {
      code: 'OPINION_REPLY',
      value: 15,
      unit: 'WORKING_DAYS',
    });
    assert.equal(opinion.rule.source.organisationId, null, 'the platform default');
    assert.equal(opinion.rule.source.version, 1);
    // Over the year end: 1–3 January are 元旦, Sunday 4 January is worked.
    assert.equal(expectStatus(await deadline('WORKER_REPORT_ACK', '2025-12-31'), 200).json.due, '2026-01-05');
    assert.equal(expectStatus(await deadline('ENTERPRISE_REPLY', '2026-09-30'), 200).json.due, '2026-10-07');
    assertError(await deadline('OPINION_REPLY', '2026-02-10', ids.qinhuaiOrg), 404, 'not_found', '秦淮区 is outside 玄武区');
    assertFields(await deadline('NO_SUCH_RULE', '2026-02-30'), ['rule', 'from']);
  });
});
