// Development/test stand-in for the C++ server: serves dist/ with the production CSP and a
// small in-memory implementation of docs/api-contract.md. Not a reference implementation.
// Usage: node scripts/mock-api.mjs [port=4180] [dist]
import { createServer } from 'node:http'
import { randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'

const port = Number(process.argv[2] ?? 4180)
const dist = process.argv[3] ?? 'dist'
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"
const now = Date.now()

const orgs = [
  { id: 1, parentId: null, name: '安徽省总工会', code: 'AH', orgType: 'PROVINCE', level: 1 },
  { id: 2, parentId: 1, name: '合肥市总工会', code: 'AH-HF', orgType: 'CITY', level: 2 },
  { id: 3, parentId: 2, name: '蜀山区总工会', code: 'AH-HF-SS', orgType: 'COUNTY', level: 3 },
  { id: 4, parentId: 3, name: '三里庵街道工会', code: 'AH-HF-SS-SLA', orgType: 'TOWN', level: 4 },
  { id: 5, parentId: 1, name: '芜湖市总工会', code: 'AH-WH', orgType: 'CITY', level: 2 },
]
const withChildren = (o) => ({ ...o, hasChildren: orgs.some((c) => c.parentId === o.id) })

const permissions = [
  ['system:user:view', '查看用户', 'View users'],
  ['system:user:create', '新增用户', 'Create users'],
  ['system:user:update', '修改用户', 'Update users'],
  ['system:user:delete', '删除用户', 'Delete users'],
  ['system:user:export', '导出用户', 'Export users'],
  ['system:role:view', '查看角色', 'View roles'],
  ['system:role:create', '新增角色', 'Create roles'],
  ['system:role:update', '修改角色', 'Update roles'],
  ['system:role:delete', '删除角色', 'Delete roles'],
  ['system:dict:view', '查看字典', 'View dictionaries'],
  ['system:dict:update', '维护字典', 'Edit dictionaries'],
  ['system:audit:view', '查看审计日志', 'View audit log'],
  ['system:loginlog:view', '查看登录日志', 'View sign-in log'],
  ['organisation:org:view', '查看组织', 'View organisations'],
].map(([key, labelZh, labelEn]) => ({ key, module: key.split(':')[0], labelZh, labelEn }))

const roles = [
  {
    id: 1,
    code: 'admin',
    name: '系统管理员',
    dataScope: 'SUBTREE',
    builtin: true,
    remark: '内置',
    permissions: permissions.map((p) => p.key),
    createdAt: now,
    updatedAt: now,
  },
  {
    id: 2,
    code: 'cadre',
    name: '工会干部',
    dataScope: 'SUBTREE',
    builtin: false,
    remark: null,
    permissions: ['organisation:org:view', 'system:user:view'],
    createdAt: now,
    updatedAt: now,
  },
]

let nextId = 100
const users = [
  {
    id: 1,
    username: 'admin',
    displayName: '系统管理员',
    organisationId: 1,
    roleIds: [1],
    password: 'Admin@12345',
    mustChangePassword: true,
  },
  {
    id: 2,
    username: 'city_cadre',
    displayName: '王市干',
    organisationId: 2,
    roleIds: [2],
    password: 'Ankang@2026',
    mustChangePassword: false,
  },
  ...Array.from({ length: 26 }, (_, i) => ({
    id: 10 + i,
    username: `worker${i + 1}`,
    displayName: `职工${i + 1}`,
    organisationId: 3 + (i % 2),
    roleIds: [2],
    password: 'Ankang@2026',
    mustChangePassword: false,
  })),
].map((u) => ({
  phone: '13912345678',
  email: null,
  status: 'ACTIVE',
  createdAt: now - u.id * 3600e3,
  updatedAt: now,
  ...u,
}))

const dictionaries = [
  { code: 'industry', name: '行业分类', nameEn: 'Industry' },
  { code: 'hazard_level', name: '隐患等级', nameEn: 'Hazard level' },
]
const dictItems = [
  {
    id: 1,
    dictCode: 'industry',
    code: 'mining',
    label: '采矿业',
    labelEn: 'Mining',
    sortOrder: 1,
    enabled: true,
  },
  {
    id: 2,
    dictCode: 'industry',
    code: 'manufacturing',
    label: '制造业',
    labelEn: 'Manufacturing',
    sortOrder: 2,
    enabled: true,
  },
  {
    id: 3,
    dictCode: 'industry',
    code: 'construction',
    label: '建筑业',
    labelEn: 'Construction',
    sortOrder: 3,
    enabled: false,
  },
  {
    id: 4,
    dictCode: 'hazard_level',
    code: 'major',
    label: '重大隐患',
    labelEn: 'Major',
    sortOrder: 1,
    enabled: true,
  },
]
const audit = [
  {
    id: 1,
    at: now - 60e3,
    userId: 1,
    username: 'admin',
    organisationId: 1,
    action: 'update',
    entityType: 'user',
    entityId: '2',
    before: { displayName: '王市干', status: 'ACTIVE', phone: '13900000000' },
    after: { displayName: '王市干', status: 'DISABLED', phone: '13912345678' },
    requestId: 'req-a1',
  },
  {
    id: 2,
    at: now - 120e3,
    userId: 1,
    username: 'admin',
    organisationId: 1,
    action: 'create',
    entityType: 'role',
    entityId: '2',
    before: null,
    after: { code: 'cadre', name: '工会干部' },
    requestId: 'req-a2',
  },
]
const loginLogs = [
  {
    id: 1,
    at: now - 30e3,
    username: 'admin',
    success: true,
    reason: null,
    clientAddress: '127.0.0.1',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156',
  },
  {
    id: 2,
    at: now - 90e3,
    username: 'admin',
    success: false,
    reason: '密码错误',
    clientAddress: '127.0.0.1',
    userAgent: 'Mozilla/5.0',
  },
]

const sessions = new Map() // token → { userId, csrf }
let failures = 0

const userView = (u) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  organisationId: u.organisationId,
  organisationName: orgs.find((o) => o.id === u.organisationId)?.name ?? '',
  roleIds: u.roleIds,
  roleNames: u.roleIds.map((id) => roles.find((r) => r.id === id)?.name ?? ''),
  phone: u.phone,
  email: u.email,
  status: u.status,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
})
const meOf = (u, csrf) => {
  const keys = new Set(u.roleIds.flatMap((id) => roles.find((r) => r.id === id)?.permissions ?? []))
  const { id, username, displayName, organisationId, organisationName, mustChangePassword } =
    userView(u)
  return {
    user: { id, username, displayName, organisationId, organisationName, mustChangePassword },
    permissions: [...keys],
    dataScope: 'SUBTREE',
    csrfToken: csrf,
  }
}

class HttpError extends Error {
  constructor(status, code, message, fields) {
    super(message)
    Object.assign(this, { status, code, fields })
  }
}
const en = (req) => (req.headers['accept-language'] ?? '').startsWith('en')
const msg = (req, zh, e) => (en(req) ? e : zh)

function page(items, q) {
  const p = Math.max(1, Number(q.get('page') ?? 1))
  const size = Math.min(500, Math.max(1, Number(q.get('pageSize') ?? 20)))
  return { items: items.slice((p - 1) * size, p * size), total: items.length }
}
const kw = (q) => (q.get('keyword') ?? '').toLowerCase()
const has = (kwd, ...vals) =>
  !kwd ||
  vals.some((v) =>
    String(v ?? '')
      .toLowerCase()
      .includes(kwd),
  )

function checkPassword(req, value, field) {
  const len = [...(value ?? '')].length
  if (len < 8 || len > 64 || !/[A-Za-z]/.test(value) || !/\d/.test(value))
    throw new HttpError(400, 'invalid_input', msg(req, '输入有误', 'Invalid input'), {
      [field]: msg(
        req,
        '密码须为 8–64 个字符，包含字母和数字',
        '8–64 characters with a letter and a digit',
      ),
    })
}

async function body(req) {
  const chunks = []
  for await (const c of req) chunks.push(c)
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? JSON.parse(text) : {}
}

async function api(req, res, url) {
  const path = url.pathname.replace(/^\/api\/v1/, '')
  const q = url.searchParams
  const method = req.method
  const cookie = /ankang_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
  const session = cookie ? sessions.get(cookie) : undefined
  const user = session ? users.find((u) => u.id === session.userId) : undefined
  const send = (status, data, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
    res.end(data === undefined ? '' : JSON.stringify(data))
  }
  const unsafe = method !== 'GET' && method !== 'HEAD'
  if (unsafe && !req.headers['x-csrf-token'])
    throw new HttpError(403, 'csrf', msg(req, 'CSRF 校验失败', 'CSRF check failed'))

  if (method === 'POST' && path === '/auth/login') {
    const b = await body(req)
    if (failures >= 5) {
      failures = 0
      throw Object.assign(
        new HttpError(429, 'too_many_requests', msg(req, '登录尝试过于频繁', 'Too many attempts')),
        { retryAfter: 60 },
      )
    }
    const u = users.find(
      (x) => x.username === b.username && x.password === b.password && x.status === 'ACTIVE',
    )
    loginLogs.unshift({
      id: loginLogs.length + 1,
      at: Date.now(),
      username: b.username,
      success: !!u,
      reason: u ? null : '用户名或密码错误',
      clientAddress: '127.0.0.1',
      userAgent: req.headers['user-agent'] ?? '',
    })
    if (!u) {
      failures += 1
      throw new HttpError(
        401,
        'unauthenticated',
        msg(req, '用户名或密码错误', 'Wrong username or password'),
      )
    }
    const token = randomUUID()
    const csrf = randomUUID()
    sessions.set(token, { userId: u.id, csrf })
    return send(200, meOf(u, csrf), {
      'Set-Cookie': `ankang_session=${token}; HttpOnly; SameSite=Strict; Path=/`,
    })
  }
  if (!user) throw new HttpError(401, 'unauthenticated', msg(req, '请先登录', 'Please sign in'))
  if (unsafe && req.headers['x-csrf-token'] !== session.csrf)
    throw new HttpError(403, 'csrf', msg(req, 'CSRF 校验失败', 'CSRF check failed'))
  if (path === '/auth/me') return send(200, meOf(user, session.csrf))
  if (path === '/auth/logout') {
    sessions.delete(cookie)
    return send(204)
  }
  if (path === '/auth/logout-all') {
    for (const [k, s] of sessions) if (s.userId === user.id) sessions.delete(k)
    return send(204)
  }
  if (path === '/auth/password' && method === 'POST') {
    const b = await body(req)
    if (b.currentPassword !== user.password)
      throw new HttpError(400, 'invalid_input', msg(req, '输入有误', 'Invalid input'), {
        currentPassword: msg(req, '当前密码不正确', 'The current password is wrong'),
      })
    checkPassword(req, b.newPassword, 'newPassword')
    user.password = b.newPassword
    user.mustChangePassword = false
    return send(204)
  }
  if (user.mustChangePassword)
    throw new HttpError(
      403,
      'password_change_required',
      msg(req, '请先修改密码', 'Change your password first'),
    )

  let m
  if (path === '/users' && method === 'GET') {
    const k = kw(q)
    const list = users.filter(
      (u) =>
        has(k, u.username, u.displayName, u.phone) &&
        (!q.get('status') || u.status === q.get('status')) &&
        (!q.get('organisationId') || u.organisationId === Number(q.get('organisationId'))),
    )
    return send(200, page(list.map(userView), q))
  }
  if (path.endsWith('/export') && method === 'GET') {
    res.writeHead(200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': 'attachment; filename="export.xlsx"',
    })
    return res.end('mock')
  }
  if (path === '/users' && method === 'POST') {
    const b = await body(req)
    if (users.some((u) => u.username === b.username))
      throw new HttpError(409, 'conflict', msg(req, '用户名已存在', 'Username exists'), {
        username: msg(req, '用户名已存在', 'This username is taken'),
      })
    checkPassword(req, b.password, 'password')
    const u = {
      id: nextId++,
      status: 'ACTIVE',
      mustChangePassword: true,
      createdAt: Date.now(),
      updatedAt: Date.now(),
      phone: null,
      email: null,
      ...b,
    }
    users.unshift(u)
    return send(201, userView(u))
  }
  if ((m = /^\/users\/(\d+)(\/password)?$/.exec(path))) {
    const u = users.find((x) => x.id === Number(m[1]))
    if (!u) throw new HttpError(404, 'not_found', msg(req, '数据不存在', 'Not found'))
    if (m[2]) {
      const b = await body(req)
      checkPassword(req, b.newPassword, 'newPassword')
      Object.assign(u, { password: b.newPassword, mustChangePassword: true })
      return send(204)
    }
    if (method === 'GET') return send(200, userView(u))
    if (method === 'PUT') {
      Object.assign(u, await body(req), { updatedAt: Date.now() })
      return send(200, userView(u))
    }
    if (method === 'DELETE') {
      users.splice(users.indexOf(u), 1)
      return send(204)
    }
  }
  if (path === '/roles' && method === 'GET')
    return send(
      200,
      page(
        roles.filter((r) => has(kw(q), r.code, r.name)),
        q,
      ),
    )
  if (path === '/roles' && method === 'POST') {
    const r = {
      id: nextId++,
      builtin: false,
      createdAt: Date.now(),
      updatedAt: Date.now(),
      remark: null,
      ...(await body(req)),
    }
    roles.push(r)
    return send(201, r)
  }
  if ((m = /^\/roles\/(\d+)$/.exec(path))) {
    const r = roles.find((x) => x.id === Number(m[1]))
    if (!r) throw new HttpError(404, 'not_found', msg(req, '数据不存在', 'Not found'))
    if (method === 'PUT') Object.assign(r, await body(req), { updatedAt: Date.now() })
    if (method === 'DELETE') {
      roles.splice(roles.indexOf(r), 1)
      return send(204)
    }
    return send(200, r)
  }
  if (path === '/permissions') return send(200, permissions)
  if (path === '/dictionaries')
    return send(
      200,
      dictionaries.map((d) => ({
        ...d,
        itemCount: dictItems.filter((i) => i.dictCode === d.code).length,
      })),
    )
  if ((m = /^\/dictionaries\/([^/]+)\/items$/.exec(path))) {
    if (method === 'GET')
      return send(
        200,
        dictItems.filter((i) => i.dictCode === m[1]).sort((a, b) => a.sortOrder - b.sortOrder),
      )
    const item = { id: nextId++, dictCode: m[1], ...(await body(req)) }
    if (dictItems.some((i) => i.dictCode === m[1] && i.code === item.code))
      throw new HttpError(409, 'conflict', msg(req, '编码已存在', 'Code exists'), {
        code: msg(req, '编码已存在', 'This code exists'),
      })
    dictItems.push(item)
    return send(201, item)
  }
  if ((m = /^\/dictionary-items\/(\d+)$/.exec(path))) {
    const item = dictItems.find((i) => i.id === Number(m[1]))
    if (!item) throw new HttpError(404, 'not_found', msg(req, '数据不存在', 'Not found'))
    if (method === 'DELETE') {
      dictItems.splice(dictItems.indexOf(item), 1)
      return send(204)
    }
    const patch = await body(req)
    delete patch.code // stable: not editable
    Object.assign(item, patch)
    return send(200, item)
  }
  if (path === '/audit-logs')
    return send(
      200,
      page(
        audit.filter((a) => has(kw(q), a.username, a.entityId, a.requestId)),
        q,
      ),
    )
  if (path === '/login-logs')
    return send(
      200,
      page(
        loginLogs.filter((l) => has(kw(q), l.username, l.clientAddress)),
        q,
      ),
    )
  if ((m = /^\/organisations\/(\d+)(\/children)?$/.exec(path))) {
    const id = Number(m[1])
    if (m[2]) return send(200, orgs.filter((o) => o.parentId === id).map(withChildren))
    const o = orgs.find((x) => x.id === id)
    return o ? send(200, withChildren(o)) : send(404, { code: 'not_found', message: 'not found' })
  }
  throw new HttpError(404, 'not_found', msg(req, '接口不存在', 'No such route'))
}

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const requestId = randomUUID()
  res.setHeader('X-Request-Id', requestId)
  if (url.pathname.startsWith('/api/v1/')) {
    try {
      await api(req, res, url)
    } catch (err) {
      const status = err.status ?? 500
      const headers = { 'Content-Type': 'application/json; charset=utf-8' }
      if (err.retryAfter) headers['Retry-After'] = String(err.retryAfter)
      res.writeHead(status, headers)
      res.end(
        JSON.stringify({
          code: err.code ?? 'internal',
          message: err.message,
          fields: err.fields,
          requestId,
        }),
      )
    }
    return
  }
  const rel = normalize(url.pathname === '/' ? '/index.html' : url.pathname).replace(
    /^(\.\.[/\\])+/,
    '',
  )
  const file = join(dist, rel)
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file')
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
    })
    res.end(await readFile(file))
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' })
    res.end('not found')
  }
}).listen(port, '127.0.0.1', () => console.log(`mock API + ${dist} on http://127.0.0.1:${port}/`))
