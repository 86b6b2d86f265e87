// The authorisation matrix: one entry per route of `ankang routes`, keyed 'METHOD /path'.
// e2e/matrix.test.mjs fails, naming the route, when a route has no entry here or an entry names a route
// that no longer exists. For every route it calls anonymously and as every caller, and expects:
//
//   anonymous                          → 401 unauthenticated (a public route: `expect`, never 401)
//   a caller without the route's key   → 403 forbidden (keys from the caller's GET /auth/me, not from here)
//   a caller with the key              → `expect` (2xx) on `params`/`query`/`body`, objects every caller sees
//   …and on each `outside` object      → 404 not_found (or outside.expect), for every caller with the key
//                                        whose data scope does not contain outside.organisation
//
// Entry fields (functions get (ctx, caller); ctx is built by buildContext below, caller is
// { name, username, password, me } — name 'anonymous' for the anonymous call; any may be async):
//
//   expect          status of an allowed call
//   params          path parameters, e.g. ctx => ({ id: ctx.users.town_cadre })
//   query           query string including '?'
//   body            JSON body (state-changing calls also carry the CSRF header: the Client sends it), or
//                   { multipart: [{ name, data, filename?, contentType? }] } for a multipart/form-data body
//   check           (response, ctx, caller) → a problem (string) or nothing; runs on allowed calls
//   after           (ctx, caller, body) → runs after an allowed call succeeded
//   session         'main' (default); 'fresh': a new sign-in of the caller, for calls that end the
//                   session; 'detached': a copy of the caller's cookies, for calls that replace it
//   signsOutEverywhere  the call ends every session of the caller; the test signs it in again
//   outside         one or a list of { organisation, params?, query?, body?, expect?, check? }: the same
//                   call aimed at an object of another organisation (秦淮区, beside county_cadre's 玄武区)
//   noScope         why a route with path parameters has no `outside` (platform-wide objects)
//
// Writes never touch the demo fixtures other checks use: they act on throwaway objects made by the
// fixture account in buildContext, or made per call (params may create one); creates use unique codes.

import { hasUnzip, readXlsxRows } from './support/xlsx.mjs';
import { Client, expectStatus, signIn, DEMO_PASSWORD } from './support/client.mjs';
import { JPEG_CARD, uploadFile } from './support/multipart.mjs';

/** A password that satisfies the rule (letter and digit, 8–64). */
export const THROWAWAY_PASSWORD = 'Matrix@2026';

// ---- enterprises ------------------------------------------------------------------------------------

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A valid unified social credit code (GB 32100 check character) unique for `serial`. */
export function creditCode(serial) {
  const body = `92320199MB${String(serial).padStart(7, '0')}`; // a prefix the demo data never uses
  const sum = [...body].reduce((total, char, index) => total + CREDIT_ALPHABET.indexOf(char) * CREDIT_WEIGHTS[index], 0);
  return body + CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

function enterpriseBody(ctx, organisationId, code = creditCode(ctx.nextSerial())) {
  return {
    creditCode: code,
    name: `矩阵测试企业${code.slice(-4)}`,
    organisationId,
    industrySection: 'C',
    industryDivision: '34',
    economicComponent: '21',
    sizeClass: 'SMALL',
    headcount: 42,
  };
}

// ---- supervision network ----------------------------------------------------------------------------

function committeeBody(organisationId) {
  // EXPIRED: a committee no longer in office has no size rule and no one-per-union rule, so every call may add one.
  return {
    organisationId,
    establishedOn: '2019-03-01',
    approvedBy: '矩阵测试决定',
    termEnd: '2024-02-28',
    status: 'EXPIRED',
    members: [
      { name: '矩阵主任', role: 'CHAIR' },
      { name: '矩阵委员', role: 'MEMBER' },
    ],
  };
}

function inspectorBody(homeOrganisationId, name = '矩阵检查员') {
  return { name, homeOrganisationId, employmentMode: 'PARTTIME' };
}

function volunteerBody(organisationId) {
  return { kind: 'GROUP_INSPECTOR', name: '矩阵组检员', organisationId, team: '矩阵一班', appointedOn: '2025-03-01' };
}

function staffingBody(organisationId, year) {
  return { organisationId, year, hasLpDepartment: true, lpDepartmentName: '劳动保护部', fulltimeLpCadres: 2, budgetPlannedFen: 1234500 };
}

/** One row of an enterprise import (JSON, as the browser posts it) under an organisation code. */
function importRowBody(ctx, organisationCode) {
  const code = creditCode(ctx.nextSerial());
  return { creditCode: code, name: `导入矩阵企业${code.slice(-4)}`, organisation: organisationCode, industrySection: '制造业',
    economicComponent: '私有经济', sizeClass: '小型', headcount: 5 };
}

// ---- fixtures ---------------------------------------------------------------------------------------

async function organisationByCode(admin, code) {
  const { json } = expectStatus(await admin.get(`/organisations?keyword=${code}&pageSize=100`), 200);
  const found = json.items.find((organisation) => organisation.code === code);
  if (!found) throw new Error(`demo organisation ${code} not found`);
  return found.id;
}

async function userByName(admin, username) {
  const { json } = expectStatus(await admin.get(`/users?keyword=${username}&pageSize=100`), 200);
  const found = json.items.find((user) => user.username === username);
  if (!found) throw new Error(`demo user ${username} not found`);
  return found.id;
}

/**
 * A new account with the given role at the given organisation, signed in with its initial password
 * already changed: { username, password, client }.
 */
export async function newSignedInUser(baseUrl, creator, { username, organisationId, roleIds }) {
  expectStatus(
    await creator.post('/users', {
      username,
      displayName: '矩阵测试账号',
      password: THROWAWAY_PASSWORD,
      organisationId,
      roleIds,
    }),
    201,
  );
  const client = await signIn(baseUrl, username, THROWAWAY_PASSWORD);
  const password = `${THROWAWAY_PASSWORD}b`;
  expectStatus(await client.post('/auth/password', { currentPassword: THROWAWAY_PASSWORD, newPassword: password }), 204);
  return { username, password, client };
}

/**
 * Ids of the demo objects the entries aim at, plus throwaway objects the writes act on. The throwaways
 * are made by `mx_fixtures`, a PLATFORM_ADMIN at the root (the whole province) that the matrix itself
 * never calls as — the admin's own sessions end when the matrix changes its password or signs it out.
 */
export async function buildContext(baseUrl, admin) {
  let serial = 0;
  const ctx = {
    baseUrl,
    orgs: {},
    users: {},
    roles: {},
    dict: { code: 'hazard_category' },
    /** A name unique within this server's database (fresh for every run). */
    unique: (prefix) => `${prefix}${++serial}`,
    nextPassword: () => `Matrix@${++serial}x`,
    nextSerial: () => ++serial,
    enterprises: {},
  };

  ctx.orgs.province = await organisationByCode(admin, '320000'); // 江苏省总工会 (root)
  ctx.orgs.xuanwu = await organisationByCode(admin, '320102'); // 玄武区总工会: county_cadre's organisation
  ctx.orgs.town = await organisationByCode(admin, '320102003'); // 新街口街道工会, below 玄武区: every caller's scope
  ctx.orgs.qinhuai = await organisationByCode(admin, '320104'); // 秦淮区总工会: outside 玄武区

  const { json: roles } = expectStatus(await admin.get('/roles?pageSize=100'), 200);
  for (const role of roles.items) ctx.roles[role.code] = role.id;
  const fixtures = await newSignedInUser(baseUrl, admin, {
    username: 'mx_fixtures',
    organisationId: ctx.orgs.province,
    roleIds: [ctx.roles.PLATFORM_ADMIN],
  });
  ctx.maker = fixtures.client;
  /** A new signed-in account (see newSignedInUser), made by the fixture account. */
  ctx.newSignedInUser = (options) => newSignedInUser(baseUrl, ctx.maker, options);

  for (const username of ['town_cadre', 'qinhuai_cadre']) ctx.users[username] = await userByName(admin, username);
  const { json: qinhuaiCadre } = expectStatus(await ctx.maker.get(`/users/${ctx.users.qinhuai_cadre}`), 200);
  // qinhuai_cadre as it is: what an out-of-scope PUT sends, so that even a wrongly allowed call changes nothing.
  ctx.qinhuaiCadreAsIs = {
    displayName: qinhuaiCadre.displayName,
    organisationId: qinhuaiCadre.organisationId,
    roleIds: qinhuaiCadre.roleIds,
    phone: qinhuaiCadre.phone,
    email: qinhuaiCadre.email,
    status: qinhuaiCadre.status,
  };

  ctx.createUser = async (organisationId = ctx.orgs.town) => {
    const created = await ctx.maker.post('/users', {
      username: ctx.unique('mx_user'),
      displayName: '矩阵测试用户',
      password: THROWAWAY_PASSWORD,
      organisationId,
      roleIds: [ctx.roles.LP_CADRE],
    });
    return expectStatus(created, 201).json.id;
  };
  ctx.createRole = async () => {
    const created = await ctx.maker.post('/roles', {
      code: ctx.unique('MX_ROLE'),
      name: '矩阵测试角色',
      dataScope: 'SUBTREE',
      permissions: ['system:user:view'],
    });
    return expectStatus(created, 201).json.id;
  };
  ctx.createDictItem = async () => {
    const created = await ctx.maker.post(`/dictionaries/${ctx.dict.code}/items`, {
      code: ctx.unique('MX_ITEM'),
      label: '矩阵测试项',
      labelEn: 'Matrix item',
      sortOrder: 900,
      enabled: true,
    });
    return expectStatus(created, 201).json.id;
  };

  ctx.createEnterprise = async (organisationId = ctx.orgs.town) => {
    const created = await ctx.maker.post('/enterprises', enterpriseBody(ctx, organisationId));
    return expectStatus(created, 201).json;
  };
  ctx.enterprises.town = await ctx.createEnterprise(); // in every caller's scope
  ctx.enterprises.qinhuai = await ctx.createEnterprise(ctx.orgs.qinhuai); // outside 玄武区
  ctx.enterprises.putTarget = await ctx.createEnterprise(); // changed by PUT /enterprises/{id}
  ctx.createOrganisation = async () => {
    const code = ctx.unique('MX-ORG-');
    const created = await ctx.maker.post('/organisations', {
      parentId: ctx.orgs.town, name: `矩阵测试工会${code}`, code, orgType: 'JOINT_BASE_UNION',
    });
    return expectStatus(created, 201).json.id;
  };
  ctx.orgs.putTarget = await ctx.createOrganisation(); // changed by PUT /organisations/{id}
  ctx.users.putTarget = await ctx.createUser(); // changed by PUT /users/{id}
  ctx.users.resetTarget = await ctx.createUser(); // POST /users/{id}/password resets it
  // Their creation is in the audit log under 新街口街道; this one's under 秦淮区.
  ctx.users.qinhuaiThrowaway = await ctx.createUser(ctx.orgs.qinhuai);
  ctx.roles.putTarget = await ctx.createRole();
  ctx.dict.putTarget = await ctx.createDictItem();

  ctx.network = {};
  ctx.createCommittee = async (organisationId = ctx.orgs.town) =>
    expectStatus(await ctx.maker.post('/lp-committees', committeeBody(organisationId)), 201).json.id;
  ctx.createInspector = async (organisationId = ctx.orgs.town) =>
    expectStatus(await ctx.maker.post('/lp-inspectors', inspectorBody(organisationId)), 201).json.id;
  ctx.createVolunteer = async (organisationId = ctx.orgs.town) =>
    expectStatus(await ctx.maker.post('/lp-volunteers', volunteerBody(organisationId)), 201).json.id;
  // Years no demo row uses; the upsert makes a row for (organisation, year) or returns the one there.
  ctx.createStaffing = async (organisationId = ctx.orgs.town) =>
    expectStatus(await ctx.maker.put('/lp-staffing', staffingBody(organisationId, 2040 + (ctx.nextSerial() % 50))), 200).json.id;
  ctx.network.committee = await ctx.createCommittee();
  ctx.network.qinhuaiCommittee = await ctx.createCommittee(ctx.orgs.qinhuai);
  ctx.network.committeePutTarget = await ctx.createCommittee();
  ctx.network.inspector = await ctx.createInspector();
  ctx.network.qinhuaiInspector = await ctx.createInspector(ctx.orgs.qinhuai);
  ctx.network.inspectorPutTarget = await ctx.createInspector();
  ctx.network.volunteer = await ctx.createVolunteer();
  ctx.network.qinhuaiVolunteer = await ctx.createVolunteer(ctx.orgs.qinhuai);
  ctx.network.volunteerPutTarget = await ctx.createVolunteer();
  expectStatus(await ctx.maker.put('/lp-staffing', staffingBody(ctx.orgs.town, 2039)), 200);
  ctx.network.qinhuaiStaffing = await ctx.createStaffing(ctx.orgs.qinhuai);

  // Rule set versions, effective far ahead so that no other check's deadline changes.
  ctx.rules = {};
  ctx.publishVersion = async (organisationId = ctx.orgs.town) =>
    expectStatus(await ctx.maker.post('/rules/versions', ruleVersionBody(organisationId)), 201).json.id;
  ctx.rules.townVersion = await ctx.publishVersion();
  ctx.rules.qinhuaiVersion = await ctx.publishVersion(ctx.orgs.qinhuai);

  // Uploaded files of 新街口街道 (every caller's scope) and of 秦淮区.
  ctx.files = {};
  ctx.uploadFile = async (organisationId = ctx.orgs.town) =>
    expectStatus(await uploadFile(ctx.maker, { filename: '矩阵照片.jpg', organisationId }), 201).json.id;
  ctx.files.town = await ctx.uploadFile();
  ctx.files.qinhuai = await ctx.uploadFile(ctx.orgs.qinhuai);
  // Hazards handled by 新街口街道 (every caller's scope) and by 秦淮区 (outside 玄武区).
  ctx.hazards = {};
  ctx.createHazard = async (organisationId = ctx.orgs.town, enterpriseId = ctx.enterprises.town.id) =>
    expectStatus(await ctx.maker.post('/hazards', hazardBody(organisationId, enterpriseId)), 201).json.id;
  ctx.hazards.town = await ctx.createHazard();
  ctx.hazards.qinhuai = await ctx.createHazard(ctx.orgs.qinhuai, ctx.enterprises.qinhuai.id);
  // Checklists and inspections: templates of 新街口街道 and of 秦淮区, inspections of their enterprises.
  ctx.inspections = {};
  const { json: library } = expectStatus(await ctx.maker.get('/checklists?owner=LIBRARY&q=SEASON-FLOOD'), 200);
  ctx.inspections.library = library.items[0].id;
  ctx.createChecklist = async (organisationId = ctx.orgs.town) =>
    expectStatus(await ctx.maker.post('/checklists', checklistBody(organisationId, ctx.unique('MX-CL-'))), 201).json;
  ctx.inspections.townChecklist = await ctx.createChecklist();
  ctx.inspections.qinhuaiChecklist = await ctx.createChecklist(ctx.orgs.qinhuai);
  ctx.inspections.checklistPutTarget = await ctx.createChecklist();
  expectStatus(await ctx.maker.post(`/checklists/${ctx.inspections.townChecklist.id}/publish`), 200);
  ctx.createActiveInspector = async () => {
    const id = await ctx.createInspector();
    for (const to of ['TRAINING', 'PASSED', 'APPOINTED', 'ACTIVE']) {
      const body = { to, date: '2026-02-01', appointingOrganisationId: ctx.orgs.xuanwu, certificateNo: ctx.unique('MX-JC-') };
      expectStatus(await ctx.maker.post(`/lp-inspectors/${id}/transitions`, body), 200);
    }
    return id;
  };
  ctx.inspections.inspectors = [await ctx.createActiveInspector(), await ctx.createActiveInspector()];
  ctx.planInspection = async (enterprise = ctx.enterprises.town) =>
    expectStatus(await ctx.maker.post('/inspections', planBody(ctx, enterprise)), 201).json.id;
  ctx.inspections.town = await ctx.planInspection();
  ctx.inspections.qinhuai = await ctx.planInspection(ctx.enterprises.qinhuai);
  ctx.inspections.inProgress = await ctx.planInspection();
  expectStatus(await ctx.maker.post(`/inspections/${ctx.inspections.inProgress}/transitions`, { event: 'START' }), 200);
  // A major hazard at 新街口街道 messages the cadres of every union above it (玄武区 up to the province): each
  // caller then has a message of its own to mark read (inbox). Made once, when the first caller needs one.
  let majorHazard;
  ctx.notifyEveryCaller = async () => {
    majorHazard ??= expectStatus(
      await ctx.maker.post('/hazards', { ...hazardBody(ctx.orgs.town, ctx.enterprises.town.id), grade: 'MAJOR' }),
      201,
    ).json.id;
  };

  // Union documents: drafts of 新街口街道 (every caller's scope) and of 秦淮区, served ones with a reply link.
  ctx.documents = {};
  ctx.documentIn = async (state, organisationId = ctx.orgs.town, enterpriseId = ctx.enterprises.town.id) => {
    const id = expectStatus(await ctx.maker.post('/documents', documentBody(organisationId, enterpriseId)), 201).json.id;
    if (state === 'DRAFT') return id;
    expectStatus(await ctx.maker.post(`/documents/${id}/issue`, { signedBy: '矩阵签发人' }), 200);
    if (state === 'ISSUED') return id;
    expectStatus(await ctx.maker.post(`/documents/${id}/serve`, { serviceMethod: 'IN_PERSON', servedOn: shanghaiToday() }), 200);
    if (state === 'SERVED') return id;
    if (state === 'REFUSED') {
      expectStatus(await ctx.maker.post(`/documents/${id}/refused`, { note: '矩阵拒收' }), 200);
      return id;
    }
    const token = await ctx.replyToken(id);
    const reply = { decision: 'DISPUTE', content: '矩阵异议' };
    expectStatus(await new Client(baseUrl).post(`/public/document-replies/${token}`, reply, { csrf: 'public' }), 200);
    return id; // REPLIED
  };
  ctx.replyToken = async (id) => expectStatus(await ctx.maker.post(`/documents/${id}/reply-links`, {}), 201).json.token;
  ctx.documents.town = await ctx.documentIn('DRAFT');
  ctx.documents.qinhuai = await ctx.documentIn('DRAFT', ctx.orgs.qinhuai, ctx.enterprises.qinhuai.id);
  ctx.documents.putTarget = await ctx.documentIn('DRAFT');
  ctx.documents.linkTarget = await ctx.documentIn('SERVED');
  ctx.documents.token = await ctx.replyToken(await ctx.documentIn('SERVED')); // read and uploaded to, never used up
  ctx.documents.evidence = expectStatus(
    await uploadFile(new Client(baseUrl), { path: `/public/document-replies/${ctx.documents.token}/files`, options: { csrf: 'public' } }),
    201,
  ).json.id;

  // Worker reports: a QR code of the 新街口街道 enterprise (every caller's scope) and one in 秦淮区; reports sent
  // through them anonymously (and one named each, for the reporter route). The public answer has no id: the
  // fixture account finds the newest report of the enterprise.
  ctx.reports = {};
  ctx.entryPoint = async (enterpriseId = ctx.enterprises.town.id) =>
    expectStatus(await ctx.maker.post('/report-entry-points', { enterpriseId, siteName: ctx.unique('矩阵车间') }), 201).json;
  ctx.reportIn = async (entry, extra = {}) => {
    const body = { category: 'UNSAFE_CONDITION', description: '矩阵测试：冲床防护罩缺失', location: '一号车间', anonymity: 'ANONYMOUS', ...extra };
    const { json } = expectStatus(await new Client(baseUrl).post(`/public/report-entry/${entry.code}/reports`, body, { csrf: 'public' }), 201);
    const { json: list } = expectStatus(await ctx.maker.get(`/worker-reports?enterpriseId=${entry.enterpriseId}&pageSize=1`), 200);
    return { id: list.items[0].id, receipt: json.receipt };
  };
  const NAMED = { anonymity: 'NAMED', reporterName: '矩阵职工', reporterPhone: '13900000000' };
  ctx.reports.entry = await ctx.entryPoint();
  ctx.reports.qinhuaiEntry = await ctx.entryPoint(ctx.enterprises.qinhuai.id);
  ctx.reports.town = await ctx.reportIn(ctx.reports.entry);
  ctx.reports.townNamed = await ctx.reportIn(ctx.reports.entry, NAMED);
  ctx.reports.qinhuai = await ctx.reportIn(ctx.reports.qinhuaiEntry);
  ctx.reports.qinhuaiNamed = await ctx.reportIn(ctx.reports.qinhuaiEntry, NAMED);

  // Sign-ins in the login log of 新街口街道 and of 秦淮区.
  await signIn(baseUrl, 'town_cadre', DEMO_PASSWORD);
  await signIn(baseUrl, 'qinhuai_cadre', DEMO_PASSWORD);
  return ctx;
}

// ---- rules and calendar -----------------------------------------------------------------------------

function ruleVersionBody(organisationId) {
  return {
    organisationId,
    effectiveFrom: '2099-01-01',
    note: '矩阵测试版本',
    rules: [{ code: 'OPINION_REPLY', value: 12, unit: 'WORKING_DAYS' }],
  };
}

// ---- files -----------------------------------------------------------------------------------------

function uploadBody(organisationId) {
  return {
    multipart: [
      { name: 'file', filename: '矩阵照片.jpg', contentType: 'image/jpeg', data: JPEG_CARD },
      { name: 'organisationId', data: String(organisationId) },
    ],
  };
}

function contentType(expected) {
  return (response) => {
    const type = response.headers.get('content-type') ?? '';
    return type === expected ? undefined : `content-type ${type}, expected ${expected}`;
  };
}

// ---- hazards -----------------------------------------------------------------------------------------

function hazardBody(organisationId, enterpriseId) {
  return {
    enterpriseId,
    organisationId,
    source: 'UNION_INSPECTION',
    category: 'UNSAFE_CONDITION',
    grade: 'GENERAL',
    title: '矩阵测试隐患：配电箱未接地',
    location: '一号车间',
    foundOn: '2026-01-05',
  };
}
// ---- checklists and inspections ---------------------------------------------------------------------

function checklistSections() {
  return [{ title: '矩阵分组', items: [{ code: 'MX-1', text: '矩阵检查项', maxScore: 5, requiresPhoto: false, requiresNote: false, severityHint: 'GENERAL' }] }];
}

function checklistBody(organisationId, code) {
  return { organisationId, code, name: `矩阵检查表${code}`, kind: 'CUSTOM', sections: checklistSections() };
}

/** An inspection of the enterprise by its own organisation, with the two active inspectors of the fixture. */
function planBody(ctx, enterprise) {
  return {
    organisationId: enterprise.organisationId,
    enterpriseId: enterprise.id,
    mode: 'UNION_INDEPENDENT',
    topic: '矩阵检查',
    plannedDate: '2026-06-01',
    checklistId: ctx.inspections.library,
    inspectorIds: enterprise.organisationId === ctx.orgs.town ? ctx.inspections.inspectors : [],
  };
}

// ---- reusable pieces --------------------------------------------------------------------------------

const QINHUAI = (ctx) => ctx.orgs.qinhuai;
const QINHUAI_CADRE = { organisation: QINHUAI, params: (ctx) => ({ id: ctx.users.qinhuai_cadre }) };
const QINHUAI_ENTERPRISE = { organisation: QINHUAI, params: (ctx) => ({ id: ctx.enterprises.qinhuai.id }) };
const QINHUAI_ORGANISATION = { organisation: QINHUAI, params: (ctx) => ({ id: ctx.orgs.qinhuai }) };
const QINHUAI_COMMITTEE = { organisation: QINHUAI, params: (ctx) => ({ id: ctx.network.qinhuaiCommittee }) };
const QINHUAI_INSPECTOR = { organisation: QINHUAI, params: (ctx) => ({ id: ctx.network.qinhuaiInspector }) };
const QINHUAI_HAZARD = { organisation: QINHUAI, params: (ctx) => ({ id: ctx.hazards.qinhuai }) };
const QINHUAI_CHECKLIST = { organisation: QINHUAI, params: (ctx) => ({ id: ctx.inspections.qinhuaiChecklist.id }) };
const QINHUAI_INSPECTION = { organisation: QINHUAI, params: (ctx) => ({ id: ctx.inspections.qinhuai }) };
const QINHUAI_VOLUNTEER = { organisation: QINHUAI, params: (ctx) => ({ id: ctx.network.qinhuaiVolunteer }) };
const QINHUAI_LIST = (check) => ({ organisation: QINHUAI, expect: 200, query: (ctx) => `?organisationId=${ctx.orgs.qinhuai}`, check });
const TOWN_LIST = (ctx) => `?organisationId=${ctx.orgs.town}`;
/** A field error on `field` that does not say whether the organisation exists. */
const fieldError = (field) => (response) => (response.json?.fields?.[field] ? undefined : `no ${field} field error`);

/**
 * The id of one of the caller's own messages (read or not), for POST /me/notifications/{id}/read. Messages come
 * from the workflows: ctx.notifyEveryCaller() makes one for every caller when none has one yet.
 */
async function ownNotification(ctx, caller) {
  if (!caller.client) return 1; // anonymous: refused before the id matters
  const latest = async () => expectStatus(await caller.client.get('/me/notifications?pageSize=1'), 200).json.items[0]?.id;
  let id = await latest();
  if (id === undefined && ctx.notifyEveryCaller) {
    await ctx.notifyEveryCaller();
    id = await latest();
  }
  if (id === undefined) throw new Error(`${caller.name} has no message to mark read`);
  return id;
}

function total(expected) {
  return (response) => {
    const found = response.json?.total;
    if (expected === 'some' ? !(found > 0) : found !== expected) return `total ${found}, expected ${expected}`;
    return undefined;
  };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
function isXlsx(response) {
  const type = response.headers.get('content-type') ?? '';
  return type.startsWith(XLSX_TYPE) ? undefined : `content-type ${type}, expected an .xlsx file`;
}
/** An export of nothing: the header row only (not checked where unzip is missing). */
async function headerOnly(response) {
  const problem = isXlsx(response);
  if (problem || !hasUnzip()) return problem;
  const rows = await readXlsxRows(response.body);
  return rows.length === 1 ? undefined : `${rows.length - 1} data row(s): ${JSON.stringify(rows.slice(1, 3))}`;
}

// ---- union documents ---------------------------------------------------------------------------------

function documentBody(organisationId, enterpriseId) {
  return {
    documentType: 'HAZARD_RECTIFICATION_NOTICE',
    organisationId,
    enterpriseId,
    addressee: '矩阵测试企业',
    title: '矩阵测试整改通知',
    content: '经检查，存在事故隐患。',
    requestedActions: '限期整改。',
  };
}

/** Today in Asia/Shanghai as YYYY-MM-DD (service dates may not lie ahead of it). */
function shanghaiToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

const QINHUAI_DOCUMENT = { organisation: QINHUAI, params: (ctx) => ({ id: ctx.documents.qinhuai }) };
const PUBLIC_TOKEN = 'the reply token is the only credential: a link opens its own document only';
const PUBLIC_REPORT = 'a worker needs no account: the QR code opens one enterprise, the receipt one report';

// ---- annual statistical reports ----------------------------------------------------------------------

/**
 * A new annual report of an organisation, made by the fixture account for a year none of its reports has used
 * (one report per organisation and year; years from 2000), and submitted when asked.
 */
async function annualReport(ctx, organisationId, { submitted = false } = {}) {
  ctx.annualYears ??= {};
  const year = (ctx.annualYears[organisationId] ??= 2000);
  ctx.annualYears[organisationId] += 1;
  const { json } = expectStatus(await ctx.maker.post('/statistical-reports', { organisationId, year }), 201);
  if (!submitted) return json;
  return expectStatus(await ctx.maker.post(`/statistical-reports/${json.id}/submit`, { note: '矩阵测试' }), 200).json;
}
/** One draft of 新街口街道 (every caller's scope) the reads and saves share, and one draft and one submitted report of 秦淮区. */
async function annualFixture(ctx, name, organisation, options) {
  ctx.annual ??= {};
  ctx.annual[name] ??= annualReport(ctx, organisation(ctx), options);
  return (await ctx.annual[name]).id;
}
const ANNUAL_DRAFT = (ctx) => annualFixture(ctx, 'draft', (c) => c.orgs.town);
const QINHUAI_ANNUAL = { organisation: QINHUAI, params: async (ctx) => ({ id: await annualFixture(ctx, 'qinhuai', QINHUAI) }) };
const QINHUAI_ANNUAL_SUBMITTED = {
  organisation: QINHUAI,
  params: async (ctx) => ({ id: await annualFixture(ctx, 'qinhuaiSubmitted', QINHUAI, { submitted: true }) }),
};
const annualStatus = (expected) => (response) => (response.json?.status === expected ? undefined : `status ${response.json?.status}, expected ${expected}`);

// ---- the matrix -------------------------------------------------------------------------------------

export const matrix = {
  // ---- public ----
  'GET /api/v1/health': { expect: 200 },
  'GET /api/v1/openapi.json': { expect: 200 },
  'POST /api/v1/auth/login': {
    expect: 200,
    body: () => ({ username: 'town_cadre', password: DEMO_PASSWORD }), // never a caller: its password stays
    session: 'detached', // a sign-in replaces the cookie: keep the caller's own session
  },

  // ---- any signed-in user ----
  'POST /api/v1/auth/logout': { expect: 204, session: 'fresh' },
  'POST /api/v1/auth/logout-all': { expect: 204, session: 'fresh', signsOutEverywhere: true },
  'GET /api/v1/auth/me': {
    expect: 200,
    check: (response, ctx, caller) =>
      response.json?.user?.username === caller.username ? undefined : `me is ${response.json?.user?.username}`,
  },
  'POST /api/v1/auth/password': {
    expect: 204,
    body: (ctx, caller) => ({ currentPassword: caller.password ?? DEMO_PASSWORD, newPassword: ctx.nextPassword() }),
    after: (ctx, caller, body) => {
      caller.password = body.newPassword;
    },
  },
  'GET /api/v1/dictionaries/{code}/items': {
    expect: 200,
    params: (ctx) => ({ code: ctx.dict.code }),
    noScope: 'dictionaries are platform-wide: no data scope',
  },

  // ---- organisations ----
  'GET /api/v1/organisations': {
    expect: 200,
    query: () => '?keyword=320102003',
    check: total(1),
    outside: { organisation: QINHUAI, expect: 200, query: () => '?keyword=320104', check: total(0) },
  },
  'GET /api/v1/organisations/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.orgs.town }),
    outside: QINHUAI_ORGANISATION,
  },
  'GET /api/v1/organisations/{id}/children': {
    expect: 200,
    params: (ctx) => ({ id: ctx.orgs.xuanwu }),
    outside: QINHUAI_ORGANISATION,
  },

  // ---- users ----
  'GET /api/v1/users': {
    expect: 200,
    query: () => '?keyword=town_cadre',
    check: total(1),
    outside: [
      { organisation: QINHUAI, expect: 200, query: () => '?keyword=qinhuai_cadre', check: total(0) },
      { organisation: QINHUAI, expect: 200, query: (ctx) => `?organisationId=${ctx.orgs.qinhuai}`, check: total(0) },
    ],
  },
  'GET /api/v1/users/export': {
    expect: 200,
    check: isXlsx,
    outside: { organisation: QINHUAI, expect: 200, query: () => '?keyword=qinhuai_cadre', check: headerOnly },
  },
  'GET /api/v1/users/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.users.town_cadre }),
    outside: QINHUAI_CADRE,
  },
  'POST /api/v1/users': {
    expect: 201,
    body: (ctx) => ({
      username: ctx.unique('mx_new'),
      displayName: '矩阵新用户',
      password: THROWAWAY_PASSWORD,
      organisationId: ctx.orgs.town,
      roleIds: [ctx.roles.LP_CADRE],
    }),
    // An organisation outside the scope in a body is a field error that does not say whether it exists.
    outside: {
      organisation: QINHUAI,
      expect: 400,
      body: (ctx) => ({
        username: ctx.unique('mx_new'),
        displayName: '矩阵新用户',
        password: THROWAWAY_PASSWORD,
        organisationId: ctx.orgs.qinhuai,
        roleIds: [ctx.roles.LP_CADRE],
      }),
      check: (response) => (response.json?.fields?.organisationId ? undefined : 'no organisationId field error'),
    },
  },
  'PUT /api/v1/users/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.users.putTarget }),
    body: (ctx, caller) => ({
      displayName: `改名 ${caller.name}`,
      organisationId: ctx.orgs.town,
      roleIds: [ctx.roles.LP_CADRE],
      phone: '',
      email: '',
      status: 'ACTIVE',
    }),
    outside: { ...QINHUAI_CADRE, body: (ctx) => ctx.qinhuaiCadreAsIs },
  },
  'DELETE /api/v1/users/{id}': {
    expect: 204,
    params: async (ctx) => ({ id: await ctx.createUser() }), // a throwaway for every call
    outside: QINHUAI_CADRE,
  },
  'POST /api/v1/users/{id}/password': {
    expect: 204,
    params: (ctx) => ({ id: ctx.users.resetTarget }),
    body: () => ({ newPassword: 'Reset@2026' }),
    outside: { ...QINHUAI_CADRE, body: () => ({ newPassword: 'Reset@2026' }) },
  },

  // ---- roles and permissions (platform-wide) ----
  'GET /api/v1/roles': { expect: 200, check: total('some') },
  'GET /api/v1/roles/export': { expect: 200, check: isXlsx },
  'GET /api/v1/roles/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.roles.LP_CADRE }),
    noScope: 'roles are platform-wide: no data scope',
  },
  'POST /api/v1/roles': {
    expect: 201,
    body: (ctx) => ({
      code: ctx.unique('MX_NEW'),
      name: '矩阵新角色',
      dataScope: 'SUBTREE',
      permissions: ['system:user:view'],
    }),
  },
  'PUT /api/v1/roles/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.roles.putTarget }),
    body: (ctx, caller) => ({
      name: `改名 ${caller.name}`.slice(0, 32),
      dataScope: 'SUBTREE',
      permissions: ['system:user:view'],
    }),
    noScope: 'roles are platform-wide: no data scope',
  },
  'DELETE /api/v1/roles/{id}': {
    expect: 204,
    params: async (ctx) => ({ id: await ctx.createRole() }), // a throwaway for every call
    noScope: 'roles are platform-wide: no data scope',
  },
  'GET /api/v1/permissions': {
    expect: 200,
    check: (response) => (Array.isArray(response.json) && response.json.length > 0 ? undefined : 'no keys'),
  },

  // ---- dictionaries (platform-wide) ----
  'GET /api/v1/dictionaries': { expect: 200 },
  'POST /api/v1/dictionaries/{code}/items': {
    expect: 201,
    params: (ctx) => ({ code: ctx.dict.code }),
    body: (ctx) => ({ code: ctx.unique('MX_NEW'), label: '矩阵新项', labelEn: 'Matrix', sortOrder: 901, enabled: true }),
    noScope: 'dictionaries are platform-wide: no data scope',
  },
  'PUT /api/v1/dictionary-items/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.dict.putTarget }),
    body: (ctx, caller) => ({ label: `改名 ${caller.name}`, labelEn: 'Renamed', sortOrder: 902, enabled: true }),
    noScope: 'dictionary items are platform-wide: no data scope',
  },
  'DELETE /api/v1/dictionary-items/{id}': {
    expect: 204,
    params: async (ctx) => ({ id: await ctx.createDictItem() }), // a throwaway for every call
    noScope: 'dictionary items are platform-wide: no data scope',
  },

  // ---- audit and login logs ----
  'GET /api/v1/audit-logs': {
    expect: 200,
    query: (ctx) => `?entityType=user&keyword=${ctx.users.putTarget}`,
    check: total('some'),
    outside: {
      organisation: QINHUAI,
      expect: 200,
      query: (ctx) => `?entityType=user&keyword=${ctx.users.qinhuaiThrowaway}`,
      check: total(0),
    },
  },
  'GET /api/v1/audit-logs/export': {
    expect: 200,
    check: isXlsx,
    outside: {
      organisation: QINHUAI,
      expect: 200,
      query: (ctx) => `?entityType=user&keyword=${ctx.users.qinhuaiThrowaway}`,
      check: headerOnly,
    },
  },
  'GET /api/v1/login-logs': {
    expect: 200,
    query: () => '?keyword=town_cadre',
    check: total('some'),
    outside: { organisation: QINHUAI, expect: 200, query: () => '?keyword=qinhuai_cadre', check: total(0) },
  },
  'GET /api/v1/login-logs/export': {
    expect: 200,
    check: isXlsx,
    outside: { organisation: QINHUAI, expect: 200, query: () => '?keyword=qinhuai_cadre', check: headerOnly },
  },

  // ---- enterprises (organisation network) ----
  'GET /api/v1/enterprises': {
    expect: 200,
    check: total('some'),
    outside: { organisation: QINHUAI, expect: 200, query: (ctx) => `?keyword=${ctx.enterprises.qinhuai.creditCode}`, check: total(0) },
  },
  'GET /api/v1/enterprises/export': {
    expect: 200,
    check: isXlsx,
    outside: { organisation: QINHUAI, expect: 200, query: (ctx) => `?keyword=${ctx.enterprises.qinhuai.creditCode}`, check: headerOnly },
  },
  'GET /api/v1/enterprises/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.enterprises.town.id }),
    outside: QINHUAI_ENTERPRISE,
  },
  'POST /api/v1/enterprises': {
    expect: 201,
    body: (ctx) => enterpriseBody(ctx, ctx.orgs.town),
    // An organisation outside the scope in a body is a field error that does not say whether it exists.
    outside: {
      organisation: QINHUAI,
      expect: 400,
      body: (ctx) => enterpriseBody(ctx, ctx.orgs.qinhuai),
      check: (response) => (response.json?.fields?.organisationId ? undefined : 'no organisationId field error'),
    },
  },
  'PUT /api/v1/enterprises/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.enterprises.putTarget.id }),
    body: (ctx, caller) => ({ ...enterpriseBody(ctx, ctx.orgs.town, ctx.enterprises.putTarget.creditCode), name: `改名企业 ${caller.name}` }),
    outside: {
      ...QINHUAI_ENTERPRISE,
      body: (ctx) => enterpriseBody(ctx, ctx.orgs.qinhuai, ctx.enterprises.qinhuai.creditCode),
    },
  },
  'DELETE /api/v1/enterprises/{id}': {
    expect: 204,
    params: async (ctx) => ({ id: (await ctx.createEnterprise()).id }), // a throwaway for every call
    outside: QINHUAI_ENTERPRISE,
  },
  'PUT /api/v1/enterprises/{id}/coverage': {
    expect: 200,
    params: (ctx) => ({ id: ctx.enterprises.town.id }),
    body: (ctx) => ({ coverageType: 'JOINT_BASE_UNION', unionOrganisationId: ctx.orgs.town, since: '2026-01-01' }),
    outside: { ...QINHUAI_ENTERPRISE, body: () => ({ coverageType: 'NONE', since: '2026-01-01' }) },
  },
  'GET /api/v1/enterprises/{id}/coverage-history': {
    expect: 200,
    params: (ctx) => ({ id: ctx.enterprises.town.id }),
    outside: QINHUAI_ENTERPRISE,
  },

  'POST /api/v1/enterprises/import': {
    expect: 200,
    body: (ctx) => ({ mode: 'ALL_OR_NOTHING', rows: [importRowBody(ctx, '320102003')] }),
    check: (response) => (response.json?.inserted === 1 && response.json?.committed ? undefined : `inserted ${response.json?.inserted}`),
    // A row naming an organisation outside the scope is rejected as if it did not exist; nothing is written.
    outside: {
      organisation: QINHUAI,
      expect: 200,
      body: (ctx) => ({ mode: 'ALL_OR_NOTHING', rows: [importRowBody(ctx, '320104')] }),
      check: (response) =>
        response.json?.rejected === 1 && response.json?.committed === false && response.json?.errors?.[0]?.column === 'organisation'
          ? undefined
          : `the 秦淮区 row was not rejected: ${response.text}`,
    },
  },
  'GET /api/v1/enterprises/import-template': {
    expect: 200,
    check: (response) => (response.text.includes('统一社会信用代码') ? undefined : 'no header row in the template'),
  },

  'GET /api/v1/organisations/{id}/coverage-gaps': {
    expect: 200,
    params: (ctx) => ({ id: ctx.orgs.xuanwu }),
    check: (response) => (response.json?.total?.enterprises > 0 ? undefined : 'no enterprises counted under 玄武区'),
    outside: QINHUAI_ORGANISATION,
  },
  'GET /api/v1/organisations/{id}/coverage-gaps/export': {
    expect: 200,
    params: (ctx) => ({ id: ctx.orgs.xuanwu }),
    check: isXlsx,
    outside: QINHUAI_ORGANISATION,
  },
  'GET /api/v1/organisations/{id}/uncovered-townships': {
    expect: 200,
    params: (ctx) => ({ id: ctx.orgs.xuanwu }),
    query: () => '?page=1&pageSize=5',
    check: (response) =>
      response.json?.total > 0 && response.json.items.every((township) => township.enterprises > 0)
        ? undefined
        : 'no township with uncovered enterprises under 玄武区',
    outside: QINHUAI_ORGANISATION,
  },
  'GET /api/v1/organisations/{id}/uncovered-enterprises/export': {
    expect: 200,
    params: (ctx) => ({ id: ctx.orgs.xuanwu }),
    check: isXlsx,
    outside: QINHUAI_ORGANISATION,
  },

  // ---- supervision network: committees, inspectors (W10), volunteers, staffing ----
  'GET /api/v1/lp-committees': { expect: 200, query: TOWN_LIST, check: total('some'), outside: QINHUAI_LIST(total(0)) },
  'GET /api/v1/lp-committees/export': { expect: 200, query: TOWN_LIST, check: isXlsx, outside: QINHUAI_LIST(headerOnly) },
  'GET /api/v1/lp-committees/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.network.committee }),
    outside: QINHUAI_COMMITTEE,
  },
  'POST /api/v1/lp-committees': {
    expect: 201,
    body: (ctx) => committeeBody(ctx.orgs.town),
    outside: { organisation: QINHUAI, expect: 400, body: (ctx) => committeeBody(ctx.orgs.qinhuai), check: fieldError('organisationId') },
  },
  'PUT /api/v1/lp-committees/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.network.committeePutTarget }),
    body: (ctx) => committeeBody(ctx.orgs.town),
    outside: { ...QINHUAI_COMMITTEE, body: (ctx) => committeeBody(ctx.orgs.qinhuai) },
  },
  'DELETE /api/v1/lp-committees/{id}': {
    expect: 204,
    params: async (ctx) => ({ id: await ctx.createCommittee() }), // a throwaway for every call
    outside: QINHUAI_COMMITTEE,
  },
  'GET /api/v1/lp-inspectors': { expect: 200, query: TOWN_LIST, check: total('some'), outside: QINHUAI_LIST(total(0)) },
  'GET /api/v1/lp-inspectors/export': { expect: 200, query: TOWN_LIST, check: isXlsx, outside: QINHUAI_LIST(headerOnly) },
  'GET /api/v1/lp-inspectors/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.network.inspector }),
    outside: QINHUAI_INSPECTOR,
  },
  'POST /api/v1/lp-inspectors': {
    expect: 201,
    body: (ctx) => inspectorBody(ctx.orgs.town),
    outside: { organisation: QINHUAI, expect: 400, body: (ctx) => inspectorBody(ctx.orgs.qinhuai), check: fieldError('homeOrganisationId') },
  },
  'PUT /api/v1/lp-inspectors/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.network.inspectorPutTarget }),
    body: (ctx, caller) => inspectorBody(ctx.orgs.town, `改名 ${caller.name}`.slice(0, 50)),
    outside: { ...QINHUAI_INSPECTOR, body: (ctx) => inspectorBody(ctx.orgs.qinhuai) },
  },
  'DELETE /api/v1/lp-inspectors/{id}': {
    expect: 204,
    params: async (ctx) => ({ id: await ctx.createInspector() }), // a throwaway nomination for every call
    outside: QINHUAI_INSPECTOR,
  },
  'POST /api/v1/lp-inspectors/{id}/transitions': {
    expect: 200,
    params: async (ctx) => ({ id: await ctx.createInspector() }), // NOMINATED → TRAINING on a fresh one
    body: () => ({ to: 'TRAINING', date: '2026-02-01', note: '矩阵' }),
    check: (response) => (response.json?.status === 'TRAINING' ? undefined : `status ${response.json?.status}`),
    outside: { ...QINHUAI_INSPECTOR, body: () => ({ to: 'TRAINING', date: '2026-02-01' }) },
  },
  'GET /api/v1/lp-inspectors/{id}/history': {
    expect: 200,
    params: (ctx) => ({ id: ctx.network.inspector }),
    check: (response) => (response.json?.[0]?.toStatus === 'NOMINATED' ? undefined : 'no nomination in the history'),
    outside: QINHUAI_INSPECTOR,
  },
  'GET /api/v1/lp-volunteers': { expect: 200, query: TOWN_LIST, check: total('some'), outside: QINHUAI_LIST(total(0)) },
  'GET /api/v1/lp-volunteers/export': { expect: 200, query: TOWN_LIST, check: isXlsx, outside: QINHUAI_LIST(headerOnly) },
  'GET /api/v1/lp-volunteers/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.network.volunteer }),
    outside: QINHUAI_VOLUNTEER,
  },
  'POST /api/v1/lp-volunteers': {
    expect: 201,
    body: (ctx) => volunteerBody(ctx.orgs.town),
    outside: { organisation: QINHUAI, expect: 400, body: (ctx) => volunteerBody(ctx.orgs.qinhuai), check: fieldError('organisationId') },
  },
  'PUT /api/v1/lp-volunteers/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.network.volunteerPutTarget }),
    body: (ctx, caller) => ({ ...volunteerBody(ctx.orgs.town), name: `改名 ${caller.name}`.slice(0, 50) }),
    outside: { ...QINHUAI_VOLUNTEER, body: (ctx) => volunteerBody(ctx.orgs.qinhuai) },
  },
  'DELETE /api/v1/lp-volunteers/{id}': {
    expect: 204,
    params: async (ctx) => ({ id: await ctx.createVolunteer() }), // a throwaway for every call
    outside: QINHUAI_VOLUNTEER,
  },
  'GET /api/v1/lp-staffing': {
    expect: 200,
    query: (ctx) => `?organisationId=${ctx.orgs.town}&year=2039`,
    check: total(1),
    outside: QINHUAI_LIST(total(0)),
  },
  'GET /api/v1/lp-staffing/export': { expect: 200, query: TOWN_LIST, check: isXlsx, outside: QINHUAI_LIST(headerOnly) },
  'PUT /api/v1/lp-staffing': {
    expect: 200,
    body: (ctx) => staffingBody(ctx.orgs.town, 2039),
    outside: { organisation: QINHUAI, expect: 400, body: (ctx) => staffingBody(ctx.orgs.qinhuai, 2039), check: fieldError('organisationId') },
  },
  'DELETE /api/v1/lp-staffing/{id}': {
    expect: 204,
    params: async (ctx) => ({ id: await ctx.createStaffing() }), // a throwaway for every call
    outside: { organisation: QINHUAI, params: (ctx) => ({ id: ctx.network.qinhuaiStaffing }) },
  },

  'POST /api/v1/organisations': {
    expect: 201,
    body: (ctx) => {
      const code = ctx.unique('MX-NEW-');
      return { parentId: ctx.orgs.town, name: `矩阵新工会${code}`, code, orgType: 'JOINT_BASE_UNION' };
    },
    // A parent outside the scope is a field error that does not say whether it exists.
    outside: {
      organisation: QINHUAI,
      expect: 400,
      body: (ctx) => {
        const code = ctx.unique('MX-NEW-');
        return { parentId: ctx.orgs.qinhuai, name: `矩阵新工会${code}`, code, orgType: 'JOINT_BASE_UNION' };
      },
      check: (response) => (response.json?.fields?.parentId ? undefined : 'no parentId field error'),
    },
  },
  'PUT /api/v1/organisations/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.orgs.putTarget }),
    body: (ctx, caller) => ({ name: `矩阵改名 ${caller.name}`, orgType: 'JOINT_BASE_UNION', status: 'ACTIVE' }),
    outside: { ...QINHUAI_ORGANISATION, body: () => ({ name: '秦淮区总工会', orgType: 'COUNTY_FED', status: 'ACTIVE' }) },
  },
  'POST /api/v1/organisations/{id}/move': {
    expect: 200,
    params: async (ctx) => ({ id: await ctx.createOrganisation() }), // a throwaway for every call
    body: (ctx) => ({ parentId: ctx.orgs.xuanwu }),
    outside: { ...QINHUAI_ORGANISATION, body: (ctx) => ({ parentId: ctx.orgs.xuanwu }) },
  },

  'GET /api/v1/rules/calendar/{year}': {
    expect: 200,
    params: () => ({ year: 2026 }),
    check: (response) => (response.json?.days?.some((d) => d.date === '2026-02-14' && d.kind === 'WORKDAY') ? undefined : 'no 2026-02-14 adjusted working day'),
    noScope: 'the calendar is platform-wide',
  },
  'PUT /api/v1/rules/calendar/{year}': {
    expect: 200,
    params: () => ({ year: 2099 }),
    body: () => ({ days: [{ date: '2099-01-01', kind: 'HOLIDAY', name: '元旦' }] }),
    noScope: 'the calendar is platform-wide',
  },
  'GET /api/v1/rules/versions': {
    expect: 200,
    query: TOWN_LIST,
    check: (response, ctx) => (response.json?.some?.((v) => v.id === ctx.rules.townVersion) ? undefined : 'the town version is not listed'),
    outside: { organisation: QINHUAI, query: (ctx) => `?organisationId=${ctx.orgs.qinhuai}` },
  },
  'GET /api/v1/rules/versions/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.rules.townVersion }),
    outside: { organisation: QINHUAI, params: (ctx) => ({ id: ctx.rules.qinhuaiVersion }) },
  },
  'POST /api/v1/rules/versions': {
    expect: 201,
    body: (ctx) => ruleVersionBody(ctx.orgs.town),
    outside: { organisation: QINHUAI, body: (ctx) => ruleVersionBody(ctx.orgs.qinhuai) },
  },
  'GET /api/v1/rules/in-force': {
    expect: 200,
    query: (ctx) => `?organisationId=${ctx.orgs.town}&date=2026-03-02`,
    check: (response) => (response.json?.rules?.length === 8 ? undefined : 'not 8 rules in force'),
    outside: { organisation: QINHUAI, query: (ctx) => `?organisationId=${ctx.orgs.qinhuai}` },
  },
  'GET /api/v1/rules/deadline': {
    expect: 200,
    query: (ctx) => `?organisationId=${ctx.orgs.town}&rule=OPINION_REPLY&from=2026-02-10`,
    check: (response) => (response.json?.due === '2026-03-09' ? undefined : 'due is not 2026-03-09'),
    outside: { organisation: QINHUAI, query: (ctx) => `?organisationId=${ctx.orgs.qinhuai}&rule=OPINION_REPLY&from=2026-02-10` },
  },

  // ---- files ----
  'POST /api/v1/files': {
    expect: 201,
    body: (ctx) => uploadBody(ctx.orgs.town),
    check: (response) => (response.json?.mediaType === 'image/jpeg' && response.json?.thumbnailUrl ? undefined : 'not a re-encoded photo'),
    outside: { organisation: QINHUAI, expect: 400, body: (ctx) => uploadBody(ctx.orgs.qinhuai), check: fieldError('organisationId') },
  },
  'GET /api/v1/files/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.files.town }),
    check: contentType('image/jpeg'),
    outside: { organisation: QINHUAI, params: (ctx) => ({ id: ctx.files.qinhuai }) },
  },
  'GET /api/v1/files/{id}/thumbnail': {
    expect: 200,
    params: (ctx) => ({ id: ctx.files.town }),
    check: contentType('image/jpeg'),
    outside: { organisation: QINHUAI, params: (ctx) => ({ id: ctx.files.qinhuai }) },
  },
  'GET /api/v1/hazards': { expect: 200, query: TOWN_LIST, check: total('some'), outside: QINHUAI_LIST(total(0)) },
  'GET /api/v1/hazards/export': { expect: 200, query: TOWN_LIST, check: isXlsx, outside: QINHUAI_LIST(headerOnly) },
  'GET /api/v1/hazards/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.hazards.town }),
    check: (response) => (response.json?.events?.[0]?.toStatus === 'REPORTED' ? undefined : 'no REPORTED event'),
    outside: QINHUAI_HAZARD,
  },
  'POST /api/v1/hazards': {
    expect: 201,
    body: (ctx) => hazardBody(ctx.orgs.town, ctx.enterprises.town.id),
    outside: {
      organisation: QINHUAI,
      expect: 400,
      body: (ctx) => hazardBody(ctx.orgs.qinhuai, ctx.enterprises.qinhuai.id),
      check: fieldError('enterpriseId'),
    },
  },
  'POST /api/v1/hazards/{id}/transitions': {
    expect: 200,
    params: async (ctx) => ({ id: await ctx.createHazard() }), // REPORTED → TRIAGED on a fresh one
    body: () => ({ event: 'TRIAGE', comment: '矩阵' }),
    check: (response) => (response.json?.status === 'TRIAGED' ? undefined : `status ${response.json?.status}`),
    outside: { ...QINHUAI_HAZARD, body: () => ({ event: 'TRIAGE' }) },
  },
  // ---- union documents ----
  'GET /api/v1/documents': { expect: 200, query: TOWN_LIST, check: total('some'), outside: QINHUAI_LIST(total(0)) },
  'GET /api/v1/documents/export': { expect: 200, query: TOWN_LIST, check: isXlsx, outside: QINHUAI_LIST(headerOnly) },
  'GET /api/v1/documents/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.documents.town }),
    check: (response) => (response.json?.status === 'DRAFT' ? undefined : `status ${response.json?.status}`),
    outside: QINHUAI_DOCUMENT,
  },
  'GET /api/v1/documents/{id}/print': {
    expect: 200,
    params: (ctx) => ({ id: ctx.documents.town }),
    check: contentType('text/html; charset=utf-8'),
    outside: QINHUAI_DOCUMENT,
  },
  'POST /api/v1/documents': {
    expect: 201,
    body: (ctx) => documentBody(ctx.orgs.town, ctx.enterprises.town.id),
    outside: {
      organisation: QINHUAI,
      expect: 400,
      body: (ctx) => documentBody(ctx.orgs.qinhuai, ctx.enterprises.qinhuai.id),
      check: fieldError('organisationId'),
    },
  },
  'PUT /api/v1/documents/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.documents.putTarget }),
    body: (ctx, caller) => ({ ...documentBody(ctx.orgs.town, ctx.enterprises.town.id), title: `矩阵改题 ${caller.name}` }),
    outside: { ...QINHUAI_DOCUMENT, body: (ctx) => documentBody(ctx.orgs.town, ctx.enterprises.town.id) },
  },
  'POST /api/v1/documents/{id}/issue': {
    expect: 200,
    params: async (ctx) => ({ id: await ctx.documentIn('DRAFT') }),
    body: () => ({ signedBy: '矩阵签发人' }),
    check: (response) => (/劳保〔\d{4}〕\d+号$/.test(response.json?.documentNo ?? '') ? undefined : 'no document number'),
    outside: QINHUAI_DOCUMENT,
  },
  'POST /api/v1/documents/{id}/serve': {
    expect: 200,
    params: async (ctx) => ({ id: await ctx.documentIn('ISSUED') }),
    body: () => ({ serviceMethod: 'POST', servedOn: shanghaiToday() }),
    outside: QINHUAI_DOCUMENT,
  },
  'POST /api/v1/documents/{id}/review': {
    expect: 200,
    params: async (ctx) => ({ id: await ctx.documentIn('REPLIED') }),
    body: () => ({ decision: 'ACCEPT', note: '矩阵审查' }),
    check: (response) => (response.json?.status === 'CLOSED' ? undefined : `status ${response.json?.status}`),
    outside: QINHUAI_DOCUMENT,
  },
  'POST /api/v1/documents/{id}/refused': {
    expect: 200,
    params: async (ctx) => ({ id: await ctx.documentIn('SERVED') }),
    body: () => ({ note: '矩阵拒收' }),
    outside: QINHUAI_DOCUMENT,
  },
  'POST /api/v1/documents/{id}/escalate': {
    expect: 200,
    params: async (ctx) => ({ id: await ctx.documentIn('REFUSED') }),
    body: () => ({ note: '矩阵上报' }),
    outside: QINHUAI_DOCUMENT,
  },
  'POST /api/v1/documents/{id}/withdraw': {
    expect: 200,
    params: async (ctx) => ({ id: await ctx.documentIn('DRAFT') }),
    body: () => ({ reason: '矩阵撤回' }),
    outside: QINHUAI_DOCUMENT,
  },
  'POST /api/v1/documents/{id}/reply-links': {
    expect: 201,
    params: (ctx) => ({ id: ctx.documents.linkTarget }),
    body: () => ({ expiresInHours: 24 }),
    check: (response) => (response.json?.url === `/#/reply/${response.json?.token}` ? undefined : 'no reply url'),
    outside: QINHUAI_DOCUMENT,
  },
  'GET /api/v1/public/document-replies/{token}': {
    expect: 200,
    params: (ctx) => ({ token: ctx.documents.token }),
    check: (response) => (response.json?.documentNo && response.json?.id === undefined ? undefined : 'not the public view'),
    noScope: PUBLIC_TOKEN,
  },
  'POST /api/v1/public/document-replies/{token}/files': {
    expect: 201,
    params: (ctx) => ({ token: ctx.documents.token }),
    body: () => ({ multipart: [{ name: 'file', filename: '整改照片.jpg', contentType: 'image/jpeg', data: JPEG_CARD }] }),
    check: (response) => (response.json?.thumbnailUrl?.includes('/public/document-replies/') ? undefined : 'no public thumbnail url'),
    noScope: PUBLIC_TOKEN,
  },
  'GET /api/v1/public/document-replies/{token}/files/{fileId}': {
    expect: 200,
    params: (ctx) => ({ token: ctx.documents.token, fileId: ctx.documents.evidence }),
    check: contentType('image/jpeg'),
    noScope: PUBLIC_TOKEN,
  },
  'GET /api/v1/public/document-replies/{token}/files/{fileId}/thumbnail': {
    expect: 200,
    params: (ctx) => ({ token: ctx.documents.token, fileId: ctx.documents.evidence }),
    check: contentType('image/jpeg'),
    noScope: PUBLIC_TOKEN,
  },
  'POST /api/v1/public/document-replies/{token}': {
    expect: 200,
    params: async (ctx) => ({ token: await ctx.replyToken(await ctx.documentIn('SERVED')) }),
    body: () => ({ decision: 'DISPUTE', content: '矩阵异议', contact: '矩阵联系人' }),
    check: (response) => (response.json?.status === 'REPLIED' ? undefined : `status ${response.json?.status}`),
    noScope: PUBLIC_TOKEN,
  },
  // ---- worker reports (随手拍) ----
  'GET /api/v1/worker-reports': {
    expect: 200,
    query: (ctx) => `?enterpriseId=${ctx.enterprises.town.id}`,
    check: total('some'),
    outside: { organisation: QINHUAI, expect: 200, query: (ctx) => `?enterpriseId=${ctx.enterprises.qinhuai.id}`, check: total(0) },
  },
  'GET /api/v1/worker-reports/export': {
    expect: 200,
    query: (ctx) => `?enterpriseId=${ctx.enterprises.town.id}`,
    check: isXlsx,
    outside: { organisation: QINHUAI, expect: 200, query: (ctx) => `?enterpriseId=${ctx.enterprises.qinhuai.id}`, check: headerOnly },
  },
  'GET /api/v1/worker-reports/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.reports.town.id }),
    check: (response) => (response.json?.events?.[0]?.event === 'SUBMIT' ? undefined : 'no SUBMIT event'),
    outside: { organisation: QINHUAI, params: (ctx) => ({ id: ctx.reports.qinhuai.id }) },
  },
  'POST /api/v1/worker-reports/{id}/transitions': {
    expect: 200,
    params: async (ctx) => ({ id: (await ctx.reportIn(ctx.reports.entry)).id }),
    body: () => ({ event: 'ACKNOWLEDGE' }),
    check: (response) => (response.json?.status === 'UNDER_REVIEW' ? undefined : `status ${response.json?.status}`),
    outside: { organisation: QINHUAI, params: (ctx) => ({ id: ctx.reports.qinhuai.id }), body: () => ({ event: 'ACKNOWLEDGE' }) },
  },
  'POST /api/v1/worker-reports/{id}/messages': {
    expect: 201,
    params: (ctx) => ({ id: ctx.reports.town.id }),
    body: () => ({ body: '矩阵留言：请补充是哪台设备' }),
    outside: { organisation: QINHUAI, params: (ctx) => ({ id: ctx.reports.qinhuai.id }), body: () => ({ body: '矩阵留言' }) },
  },
  'GET /api/v1/worker-reports/{id}/reporter': {
    expect: 200,
    params: (ctx) => ({ id: ctx.reports.townNamed.id }),
    check: (response) => (response.json?.name === '矩阵职工' ? undefined : 'no name'),
    outside: { organisation: QINHUAI, params: (ctx) => ({ id: ctx.reports.qinhuaiNamed.id }) },
  },
  'GET /api/v1/report-entry-points': {
    expect: 200,
    query: (ctx) => `?enterpriseId=${ctx.enterprises.town.id}`,
    check: (response) => (response.json?.items?.length > 0 ? undefined : 'no entry points'),
    outside: {
      organisation: QINHUAI,
      expect: 200,
      query: (ctx) => `?enterpriseId=${ctx.enterprises.qinhuai.id}`,
      check: (response) => (response.json?.items?.length === 0 ? undefined : 'entry points of another county listed'),
    },
  },
  'POST /api/v1/report-entry-points': {
    expect: 201,
    body: (ctx) => ({ enterpriseId: ctx.enterprises.town.id, siteName: ctx.unique('矩阵工地') }),
    check: (response) => (response.json?.url?.includes('/report.html#/e/') ? undefined : 'no worker url'),
    outside: { organisation: QINHUAI, expect: 400, body: (ctx) => ({ enterpriseId: ctx.enterprises.qinhuai.id, siteName: ctx.unique('矩阵工地') }) },
  },
  'DELETE /api/v1/report-entry-points/{id}': {
    expect: 200,
    params: async (ctx) => ({ id: (await ctx.entryPoint()).id }),
    check: (response) => (response.json?.revokedAt ? undefined : 'not revoked'),
    outside: { organisation: QINHUAI, params: (ctx) => ({ id: ctx.reports.qinhuaiEntry.id }) },
  },
  'GET /api/v1/report-entry-points/{id}/poster': {
    expect: 200,
    params: (ctx) => ({ id: ctx.reports.entry.id }),
    check: contentType('text/html; charset=utf-8'),
    outside: { organisation: QINHUAI, params: (ctx) => ({ id: ctx.reports.qinhuaiEntry.id }) },
  },
  'GET /api/v1/public/report-entry/{code}': {
    expect: 200,
    params: (ctx) => ({ code: ctx.reports.entry.code }),
    check: (response) => (response.json?.categories?.length === 5 && response.json?.id === undefined ? undefined : 'not the public view'),
    noScope: PUBLIC_REPORT,
  },
  'POST /api/v1/public/report-entry/{code}/photos': {
    expect: 201,
    params: (ctx) => ({ code: ctx.reports.entry.code }),
    body: () => ({ multipart: [{ name: 'file', filename: 'IMG_0001.jpg', contentType: 'image/jpeg', data: JPEG_CARD }] }),
    check: (response) => (response.json?.uploadToken && response.json?.id === undefined ? undefined : 'no upload token'),
    noScope: PUBLIC_REPORT,
  },
  'POST /api/v1/public/report-entry/{code}/reports': {
    expect: 201,
    params: (ctx) => ({ code: ctx.reports.entry.code }),
    body: () => ({ category: 'ENVIRONMENT', description: '矩阵：消防通道被货物堵住', location: '仓库', anonymity: 'ANONYMOUS' }),
    check: (response) => (/^\d{20}$/.test(response.json?.receipt ?? '') ? undefined : 'no receipt'),
    noScope: PUBLIC_REPORT,
  },
  'POST /api/v1/public/reports/lookup': {
    expect: 200,
    body: (ctx) => ({ receipt: ctx.reports.town.receipt }),
    check: (response) => (response.json?.status && response.json?.id === undefined ? undefined : 'not the public view'),
  },
  'POST /api/v1/public/reports/messages': {
    expect: 200,
    body: (ctx) => ({ receipt: ctx.reports.town.receipt, body: '矩阵：是 3 号冲床' }),
    check: (response) => (response.json?.messages?.some((message) => message.author === 'WORKER') ? undefined : 'message missing'),
  },
  // ---- checklists and inspections ----
  'GET /api/v1/checklists': {
    expect: 200,
    query: () => '?owner=LIBRARY',
    check: total(6),
    outside: { organisation: QINHUAI, expect: 200, query: (ctx) => `?q=${ctx.inspections.qinhuaiChecklist.code}`, check: total(0) },
  },
  'GET /api/v1/checklists/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.inspections.townChecklist.id }),
    outside: QINHUAI_CHECKLIST,
  },
  'GET /api/v1/checklists/{id}/versions/{version}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.inspections.townChecklist.id, version: 1 }),
    outside: { organisation: QINHUAI, params: (ctx) => ({ id: ctx.inspections.qinhuaiChecklist.id, version: 1 }) },
  },
  'POST /api/v1/checklists': {
    expect: 201,
    body: (ctx) => checklistBody(ctx.orgs.town, ctx.unique('MX-CL-')),
    outside: { organisation: QINHUAI, expect: 400, body: (ctx) => checklistBody(ctx.orgs.qinhuai, ctx.unique('MX-CL-')), check: fieldError('organisationId') },
  },
  'PUT /api/v1/checklists/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.inspections.checklistPutTarget.id }),
    body: (ctx, caller) => ({ name: `矩阵改名 ${caller.name}`, season: 'SUMMER' }),
    outside: { ...QINHUAI_CHECKLIST, body: () => ({ name: '矩阵越权改名' }) },
  },
  'POST /api/v1/checklists/{id}/copy': {
    expect: 201,
    params: (ctx) => ({ id: ctx.inspections.library }),
    body: (ctx) => ({ organisationId: ctx.orgs.town, code: ctx.unique('MX-COPY-') }),
    outside: { ...QINHUAI_CHECKLIST, body: (ctx) => ({ organisationId: ctx.orgs.town, code: ctx.unique('MX-COPY-') }) },
  },
  'PUT /api/v1/checklists/{id}/draft': {
    expect: 200,
    params: (ctx) => ({ id: ctx.inspections.checklistPutTarget.id }),
    body: () => ({ note: '矩阵草稿', sections: checklistSections() }),
    outside: { ...QINHUAI_CHECKLIST, body: () => ({ sections: checklistSections() }) },
  },
  'POST /api/v1/checklists/{id}/publish': {
    expect: 200,
    params: async (ctx) => ({ id: (await ctx.createChecklist()).id }), // a fresh draft for every call
    check: (response) => (response.json?.currentVersion === 1 ? undefined : `current version ${response.json?.currentVersion}`),
    outside: QINHUAI_CHECKLIST,
  },
  'GET /api/v1/inspections': { expect: 200, query: TOWN_LIST, check: total('some'), outside: QINHUAI_LIST(total(0)) },
  'GET /api/v1/inspections/export': { expect: 200, query: TOWN_LIST, check: isXlsx, outside: QINHUAI_LIST(headerOnly) },
  'GET /api/v1/inspections/{id}': {
    expect: 200,
    params: (ctx) => ({ id: ctx.inspections.town }),
    check: (response) => (response.json?.checklist?.itemCount > 0 ? undefined : 'no pinned checklist'),
    outside: QINHUAI_INSPECTION,
  },
  'POST /api/v1/inspections': {
    expect: 201,
    body: (ctx) => planBody(ctx, ctx.enterprises.town),
    outside: { organisation: QINHUAI, expect: 400, body: (ctx) => planBody(ctx, ctx.enterprises.qinhuai), check: fieldError('organisationId') },
  },
  'PUT /api/v1/inspections/{id}/answers': {
    expect: 200,
    params: (ctx) => ({ id: ctx.inspections.inProgress }),
    body: () => ({ answers: [{ itemCode: 'FL-01', result: 'PASS', note: '' }] }),
    check: (response) => (response.json?.answeredCount === 1 ? undefined : `answered ${response.json?.answeredCount}`),
    outside: { ...QINHUAI_INSPECTION, body: () => ({ answers: [{ itemCode: 'FL-01', result: 'PASS' }] }) },
  },
  'POST /api/v1/inspections/{id}/transitions': {
    expect: 200,
    params: async (ctx) => ({ id: await ctx.planInspection() }), // PLANNED → CANCELLED on a fresh one
    body: () => ({ event: 'CANCEL', comment: '矩阵取消' }),
    check: (response) => (response.json?.status === 'CANCELLED' ? undefined : `status ${response.json?.status}`),
    outside: { ...QINHUAI_INSPECTION, body: () => ({ event: 'CANCEL', comment: '矩阵越权' }) },
  },
  // ---- annual statistical reports (W11): the level above reviews; fresh reports per call where the state changes ----
  'GET /api/v1/statistical-reports': {
    expect: 200,
    query: (ctx) => `?organisationId=${ctx.orgs.xuanwu}&year=2000`,
    check: (response) => (response.json?.children?.some((child) => child.name === '新街口街道工会') ? undefined : 'no children'),
    outside: { organisation: QINHUAI, query: (ctx) => `?organisationId=${ctx.orgs.qinhuai}` },
  },
  'POST /api/v1/statistical-reports': {
    expect: 201,
    body: (ctx) => {
      ctx.annualYears ??= {};
      const year = (ctx.annualYears[ctx.orgs.xuanwu] ??= 2000);
      ctx.annualYears[ctx.orgs.xuanwu] += 1;
      return { organisationId: ctx.orgs.xuanwu, year };
    },
    check: annualStatus('DRAFT'),
    outside: { organisation: QINHUAI, body: (ctx) => ({ organisationId: ctx.orgs.qinhuai, year: 2001 }) },
  },
  'GET /api/v1/statistical-reports/{id}': {
    expect: 200,
    params: async (ctx) => ({ id: await ANNUAL_DRAFT(ctx) }),
    check: (response) => (response.json?.items?.length > 0 && response.json?.events?.[0]?.event === 'CREATE' ? undefined : 'no items or events'),
    outside: QINHUAI_ANNUAL,
  },
  'PUT /api/v1/statistical-reports/{id}': {
    expect: 200,
    params: async (ctx) => ({ id: await ANNUAL_DRAFT(ctx) }),
    body: () => ({ items: [{ code: 'E01', note: '矩阵说明' }] }),
    check: annualStatus('DRAFT'),
    outside: QINHUAI_ANNUAL,
  },
  'POST /api/v1/statistical-reports/{id}/refresh': {
    expect: 200,
    params: async (ctx) => ({ id: await ANNUAL_DRAFT(ctx) }),
    check: (response) => (response.json?.events?.at(-1)?.event === 'REFRESH' ? undefined : 'no REFRESH event'),
    outside: QINHUAI_ANNUAL,
  },
  'POST /api/v1/statistical-reports/{id}/submit': {
    expect: 200,
    params: async (ctx) => ({ id: (await annualReport(ctx, ctx.orgs.town)).id }),
    body: () => ({ note: '矩阵测试' }),
    check: annualStatus('SUBMITTED'),
    outside: QINHUAI_ANNUAL,
  },
  'POST /api/v1/statistical-reports/{id}/return': {
    expect: 200,
    params: async (ctx) => ({ id: (await annualReport(ctx, ctx.orgs.town, { submitted: true })).id }),
    body: () => ({ comment: '矩阵退回' }),
    check: annualStatus('RETURNED'),
    outside: QINHUAI_ANNUAL_SUBMITTED,
  },
  'POST /api/v1/statistical-reports/{id}/approve': {
    expect: 200,
    params: async (ctx) => ({ id: (await annualReport(ctx, ctx.orgs.town, { submitted: true })).id }),
    check: annualStatus('APPROVED'),
    outside: QINHUAI_ANNUAL_SUBMITTED,
  },
  // ---- inbox: the caller's own messages and to-dos (signed in; per user, so no organisation scope) ----
  'GET /api/v1/me/notifications': {
    expect: 200,
    query: () => '?unread=true&pageSize=5',
    check: (response) =>
      Array.isArray(response.json?.items) && Number.isInteger(response.json?.total) && Number.isInteger(response.json?.unread)
        ? undefined
        : 'not {items, total, unread}',
  },
  'GET /api/v1/me/notifications/unread-count': {
    expect: 200,
    check: (response) => (Number.isInteger(response.json?.count) ? undefined : 'no count'),
  },
  'POST /api/v1/me/notifications/{id}/read': {
    expect: 204,
    params: async (ctx, caller) => ({ id: await ownNotification(ctx, caller) }),
    noScope: "a user's own messages: another user's message answers 404 whatever the scope (inbox unit tests)",
  },
  'POST /api/v1/me/notifications/read-all': {
    expect: 200,
    check: (response) => (Number.isInteger(response.json?.marked) ? undefined : 'no marked count'),
  },
  'GET /api/v1/me/todos': {
    expect: 200,
    check: (response) => (Array.isArray(response.json?.items) && Number.isInteger(response.json?.total) ? undefined : 'not {items, total}'),
  },
  // ---- scheduler (platform-wide; the jobs of the server process answering) ----
  'GET /api/v1/system/jobs': {
    expect: 200,
    check: (response) => (Array.isArray(response.json?.items) && typeof response.json?.holder === 'string' ? undefined : 'not {holder, items}'),
  },
  'POST /api/v1/system/jobs/{name}/run': {
    expect: 200,
    params: () => ({ name: 'hazard-deadlines' }),
    check: (response) => (typeof response.json?.result === 'string' ? undefined : 'no result text'),
    noScope: 'jobs are platform-wide; each job acts within the deadlines of every organisation',
  },

  // ---- statistics (ADR 0013) ----------------------------------------------------------------------------
  'GET /api/v1/statistics/indicators': {
    expect: 200,
    check: (response) => (response.json?.items?.some((item) => item.code === 'SV03') ? undefined : 'no SV03 in the catalogue'),
  },
  'GET /api/v1/statistics/dashboard': {
    expect: 200,
    query: (ctx) => `?organisationId=${ctx.orgs.xuanwu}`,
    check: (response) => (response.json?.values?.E01 > 0 && Array.isArray(response.json.children) ? undefined : 'no enterprises on 玄武区 dashboard'),
    outside: { organisation: QINHUAI, query: (ctx) => `?organisationId=${ctx.orgs.qinhuai}` },
  },
  'GET /api/v1/statistics/breakdown': {
    expect: 200,
    query: (ctx) => `?organisationId=${ctx.orgs.xuanwu}&by=size`,
    check: (response) => (response.json?.rows?.length > 0 ? undefined : 'no size classes under 玄武区'),
    outside: { organisation: QINHUAI, query: (ctx) => `?organisationId=${ctx.orgs.qinhuai}&by=size` },
  },
  'GET /api/v1/statistics/enterprises': {
    expect: 200,
    query: (ctx) => `?organisationId=${ctx.orgs.xuanwu}&pageSize=5`,
    check: total('some'),
    outside: { organisation: QINHUAI, query: (ctx) => `?organisationId=${ctx.orgs.qinhuai}` },
  },
  'GET /api/v1/statistics/coverage-capacity': {
    expect: 200,
    query: (ctx) => `?organisationId=${ctx.orgs.xuanwu}&year=2026`,
    check: (response) => (response.json?.levels?.length > 0 ? undefined : 'no levels under 玄武区'),
    outside: { organisation: QINHUAI, query: (ctx) => `?organisationId=${ctx.orgs.qinhuai}&year=2026` },
  },
};
