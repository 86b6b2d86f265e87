// The authorisation matrix: every route of `ankang routes` called anonymously and as every demo
// role-holder, on objects inside and outside the caller's data scope. The expectations per route are in
// e2e/route-matrix.mjs (read its header); the rules are:
//
//   anonymous                             → 401 unauthenticated (public routes: never 401)
//   caller without the route's key        → 403 forbidden (keys from the caller's GET /auth/me)
//   caller with the key, object in scope  → the entry's 2xx
//   caller with the key, object outside   → 404 not_found (the entry may say otherwise, e.g. a list: 200, empty)
//
//   node --test e2e/matrix.test.mjs                                    # SQLite
//   ANKANG_E2E_DATABASE=postgres ANKANG_E2E_POSTGRES_URL=… node --test e2e/matrix.test.mjs

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './support/server.mjs';
import { Client, signIn, signInAdmin, expectStatus, ADMIN_PASSWORD, DEMO_PASSWORD } from './support/client.mjs';
import { readRouteTable, routeKey } from './support/routes.mjs';
import { multipartBody } from './support/multipart.mjs';
import { matrix, buildContext } from './route-matrix.mjs';

const ACCESS = new Set(['public', 'signed_in', 'permission']);

// Read before the tests are declared: there is one test per route.
const table = await readRouteTable();
const tableKeys = new Set(table.map(routeKey));

/**
 * Who calls. The demo role-holders, plus county_admin — not a demo account: a PLATFORM_ADMIN at 玄武区,
 * made by the test so that routes only administrators may call (DELETE /users/{id}, …) are also tried on
 * an object outside the caller's scope. The province-level callers have no such object: their scope is
 * the whole tree.
 */
const callers = [
  { name: 'admin', username: 'admin', password: ADMIN_PASSWORD }, // PLATFORM_ADMIN, 江苏省总工会
  { name: 'prov_cadre', username: 'prov_cadre', password: DEMO_PASSWORD }, // LP_CADRE, 江苏省总工会
  { name: 'county_cadre', username: 'county_cadre', password: DEMO_PASSWORD }, // LP_CADRE, 玄武区总工会
  { name: 'auditor', username: 'auditor', password: DEMO_PASSWORD }, // AUDITOR, 江苏省总工会
  { name: 'county_admin', username: 'mx_county_admin' }, // PLATFORM_ADMIN, 玄武区总工会 (made below)
];

let server;
let ctx;
const counts = { routes: 0, anonymous: 0, forbidden: 0, allowed: 0, outside: 0 };

/** Signs the caller's main session in (again) and reads its permission keys from GET /auth/me. */
async function signInMain(caller) {
  caller.client =
    caller.username === 'admin' && !caller.signedInBefore
      ? await signInAdmin(server.baseUrl, caller.password) // changes the initial password first
      : await signIn(server.baseUrl, caller.username, caller.password);
  caller.signedInBefore = true;
  caller.me = expectStatus(await caller.client.get('/auth/me'), 200).json;
  caller.permissions = new Set(caller.me.permissions);
}

async function sessionFor(caller, kind = 'main') {
  if (kind === 'main') return caller.client;
  if (kind === 'fresh') return signIn(server.baseUrl, caller.username, caller.password);
  if (kind === 'detached') {
    const copy = new Client(server.baseUrl);
    copy.cookies = new Map(caller.client.cookies);
    copy.csrfToken = caller.client.csrfToken;
    return copy;
  }
  throw new Error(`unknown session kind '${kind}'`);
}

// ---- data scope, from the organisation tree (never from a copy of the role definitions) ----
const ancestry = new Map();
/** [id, parent id, …, root id] */
async function ancestorsOf(organisationId) {
  if (!ancestry.has(organisationId)) {
    const { json } = expectStatus(await ctx.maker.get(`/organisations/${organisationId}`), 200);
    ancestry.set(organisationId, [organisationId, ...(json.parentId ? await ancestorsOf(json.parentId) : [])]);
  }
  return ancestry.get(organisationId);
}

async function scopeContains(caller, organisationId) {
  const own = caller.me.user.organisationId;
  if (caller.me.dataScope === 'SELF') return own === organisationId;
  return (await ancestorsOf(organisationId)).includes(own);
}

// ---- calls ----
function fillPath(key, path, params) {
  return path.replace(/\{(\w+)\}/g, (_, name) => {
    if (params?.[name] === undefined) throw new Error(`${key}: the entry gives no value for {${name}}`);
    return encodeURIComponent(String(params[name]));
  });
}

/** One call of the route with the given part ({params, query, body}); returns { response, body }. */
async function call(route, part, client, caller, options = {}) {
  const key = routeKey(route);
  const params = part.params ? await part.params(ctx, caller) : {};
  const query = part.query ? await part.query(ctx, caller) : '';
  const body = part.body ? await part.body(ctx, caller) : undefined;
  let sent = body;
  let sendOptions = options;
  if (body?.multipart) {
    // { multipart: [parts] }: a multipart/form-data body (support/multipart.mjs), e.g. an upload.
    const form = multipartBody(body.multipart);
    sent = form.body;
    sendOptions = { ...options, headers: { ...(options.headers ?? {}), 'content-type': form.contentType } };
  }
  const response = await client.request(route.method, fillPath(key, route.path, params) + query, sent, sendOptions);
  return { response, body };
}

function describeResponse(response) {
  const text = response.json ? JSON.stringify(response.json) : `${response.body.length} bytes`;
  return `${response.status} ${text.slice(0, 240)}`;
}

/** A problem string when the response is not `status` (and, for errors, the error `code`). */
function mismatch(response, status, code) {
  if (response.status !== status) return `expected ${status}${code ? ` ${code}` : ''}, got ${describeResponse(response)}`;
  if (code && response.json?.code !== code) return `expected code ${code}, got ${describeResponse(response)}`;
  return undefined;
}

async function runCheck(check, response, caller) {
  if (!check) return undefined;
  const problem = await check(response, ctx, caller);
  return problem ? `${problem} (${describeResponse(response)})` : undefined;
}

function outsidesOf(entry) {
  if (!entry.outside) return [];
  return Array.isArray(entry.outside) ? entry.outside : [entry.outside];
}

const NOT_FOUND_CODE = 'not_found';

/** Every cell of one route; returns { problems, cells } (cells: 'caller status' for the printed matrix). */
async function runRoute(route, entry) {
  const problems = [];
  const cells = [];
  const note = (who, problem) => {
    if (problem) problems.push(`${who}: ${problem}`);
  };

  // Anonymous. A public route's CSRF check wants a non-empty header; others fail sign-in first.
  const anonymousCaller = { name: 'anonymous' };
  const anonymous = await call(route, entry, new Client(server.baseUrl), anonymousCaller, {
    csrf: route.access === 'public' ? 'anonymous' : undefined,
  });
  counts.anonymous += 1;
  cells.push(`anonymous ${anonymous.response.status}`);
  if (route.access === 'public') {
    note('anonymous', anonymous.response.status === 401 ? 'a public route answered 401' : mismatch(anonymous.response, entry.expect));
  } else {
    note('anonymous', mismatch(anonymous.response, 401, 'unauthenticated'));
  }

  let outsideCalls = 0;
  for (const caller of callers) {
    const allowed = route.access !== 'permission' || caller.permissions.has(route.permission);
    const client = await sessionFor(caller, entry.session);
    const { response, body } = await call(route, entry, client, caller);
    let cell = `${caller.name} ${response.status}`;
    if (!allowed) {
      counts.forbidden += 1;
      note(`${caller.name} (without ${route.permission})`, mismatch(response, 403, 'forbidden'));
    } else {
      counts.allowed += 1;
      const problem = mismatch(response, entry.expect) ?? (await runCheck(entry.check, response, caller));
      note(`${caller.name} (in scope)`, problem);
      if (!problem && entry.after) await entry.after(ctx, caller, body);
    }
    if (entry.signsOutEverywhere) await signInMain(caller);

    if (allowed) {
      for (const outside of outsidesOf(entry)) {
        const organisation = await outside.organisation(ctx);
        if (await scopeContains(caller, organisation)) continue; // nothing of that organisation is outside
        const part = { params: outside.params, query: outside.query, body: outside.body ?? entry.body };
        const result = await call(route, part, caller.client, caller);
        const expected = outside.expect ?? 404;
        counts.outside += 1;
        outsideCalls += 1;
        cell += `/${result.response.status}`;
        const problem =
          mismatch(result.response, expected, expected === 404 ? NOT_FOUND_CODE : undefined) ??
          (await runCheck(outside.check, result.response, caller));
        note(`${caller.name} (outside its scope)`, problem);
      }
    }
    cells.push(cell);
  }
  if (outsidesOf(entry).length > 0 && outsideCalls === 0) {
    note('outside', 'no caller holds the key with that object outside its scope: the check never ran');
  }
  return { problems, cells };
}

// ---- the tests ----
describe('authorisation matrix', () => {
  before(async () => {
    server = await startServer();
    const admin = callers.find((caller) => caller.name === 'admin');
    await signInMain(admin);
    ctx = await buildContext(server.baseUrl, admin.client);
    const countyAdmin = callers.find((caller) => caller.name === 'county_admin');
    const made = await ctx.newSignedInUser({
      username: countyAdmin.username,
      organisationId: ctx.orgs.xuanwu,
      roleIds: [ctx.roles.PLATFORM_ADMIN],
    });
    countyAdmin.password = made.password;
    for (const caller of callers) if (caller !== admin) await signInMain(caller);
  });

  after(async () => {
    if (server) await server.stop();
  });

  it('has an entry for every route of `ankang routes`, and none for a route that does not exist', (t) => {
    const missing = table.map(routeKey).filter((key) => !(key in matrix));
    const stale = Object.keys(matrix).filter((key) => !tableKeys.has(key));
    const covered = table.length - missing.length;
    const percent = Math.floor((100 * covered) / table.length);
    const line = `route matrix: ${covered} of ${table.length} routes have an entry (${percent}%)`;
    t.diagnostic(line);
    const problems = [
      ...missing.map((key) => `${key}: no entry in e2e/route-matrix.mjs`),
      ...stale.map((key) => `${key}: entry in e2e/route-matrix.mjs names a route that does not exist`),
    ];
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  it('every route states its access, and every permission route its key', () => {
    const problems = [];
    for (const route of table) {
      if (!ACCESS.has(route.access)) problems.push(`${routeKey(route)}: unknown access '${route.access}'`);
      if (route.access === 'permission' && !route.permission) {
        problems.push(`${routeKey(route)}: access "permission" without a permission key`);
      }
      if (route.access !== 'permission' && route.permission) {
        problems.push(`${routeKey(route)}: access "${route.access}" but names permission ${route.permission}`);
      }
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  it('every entry is well-formed: a 2xx, and scope stated for routes with path parameters', () => {
    const problems = [];
    for (const route of table) {
      const key = routeKey(route);
      const entry = matrix[key];
      if (!entry) continue;
      if (!Number.isInteger(entry.expect) || entry.expect < 200 || entry.expect > 299) {
        problems.push(`${key}: expect must be a 2xx status, not ${entry.expect}`);
      }
      const hasParameters = route.path.includes('{');
      if (hasParameters && !entry.params) problems.push(`${key}: path parameters but no params`);
      if (hasParameters && !entry.outside && !entry.noScope) {
        problems.push(`${key}: path parameters but neither an outside object nor a noScope reason`);
      }
      for (const outside of outsidesOf(entry)) {
        if (typeof outside.organisation !== 'function') problems.push(`${key}: an outside without organisation`);
        if (hasParameters && !outside.params) problems.push(`${key}: an outside without params`);
      }
    }
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  it('the running server serves exactly the table of `ankang routes`', async () => {
    const { json } = expectStatus(await new Client(server.baseUrl).get('/openapi.json'), 200);
    const served = new Set();
    for (const [path, operations] of Object.entries(json.paths)) {
      for (const method of Object.keys(operations)) served.add(`${method.toUpperCase()} ${path}`);
    }
    assert.deepEqual([...served].sort(), [...tableKeys].sort());
  });

  for (const route of table) {
    const key = routeKey(route);
    const entry = matrix[key];
    const keyless = route.access === 'permission' && !route.permission;
    const skip = !entry ? 'no matrix entry' : keyless ? 'no permission key' : false;
    it(key, { skip }, async (t) => {
      const { problems, cells } = await runRoute(route, entry);
      counts.routes += 1;
      t.diagnostic(cells.join(' · '));
      assert.deepEqual(problems, [], `${key}\n  ${problems.join('\n  ')}`);
    });
  }

  it('summary', (t) => {
    const calls = counts.anonymous + counts.forbidden + counts.allowed + counts.outside;
    const covered = table.filter((route) => routeKey(route) in matrix).length;
    const percent = `${Math.floor((100 * covered) / table.length)}%`;
    t.diagnostic(
      `authorisation matrix: ${table.length} routes, ${covered} with an entry (${percent}), ${counts.routes} called; ` +
        `${calls} calls as anonymous and ${callers.length} callers: ${counts.anonymous} anonymous, ` +
        `${counts.forbidden} without the key (403), ${counts.allowed} allowed, ${counts.outside} outside the scope`,
    );
  });
});
