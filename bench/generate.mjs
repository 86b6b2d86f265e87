// Province-scale data (issue 7 part 1), deterministic: the same seed, scale and reference day give the same rows,
// on SQLite and on PostgreSQL alike. See bench/generate (the entry point) for the usage.
//
// Every row is computed inside the database from a counter (generate_series) and an integer hash of
// (counter, seed, draw number) written once in SQL that means the same on both dialects: nothing is sent over a
// pipe row by row. Ids are explicit (max id + counter), so codes can carry them and a rerun is identical.
// Hazards and worker reports load with their triggers and secondary indexes out of the way; the indexes are
// then re-created (sorted builds), the triggers put back, and `ankang statistics-rebuild` fills the roll-ups
// (ADR 0013) when the binary has it. Enterprises, coverage, committees and inspectors load through their
// triggers (ADR 0005/0006 keep paths and per-organisation counts), as bench/organisations.sh does.

import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const usage = `Usage: bench/generate --db URL [--seed N] [--scale F] [--today YYYY-MM-DD] [--binary PATH] [--no-demo] [--keep-triggers]
  URL: sqlite:PATH (the file is created) or postgresql://… (an empty database)
  --scale 1 (default): 300,000 enterprises, ~30,000 unions, 100,000 inspectors, 5,000,000 hazards over
  5 years, 200,000 worker reports; --scale 0.001 for a quick check.
  --today: the reference day (China time); data ends the day before. Default: today.`;

const options = { seed: 20261129, scale: 1, binary: join(root, 'build/release/server/ankang'), demo: true };
for (let i = 2; i < process.argv.length; i += 1) {
  const arg = process.argv[i];
  const value = () => {
    i += 1;
    if (i >= process.argv.length) fail(`${arg} needs a value`);
    return process.argv[i];
  };
  if (arg === '--db') options.db = value();
  else if (arg === '--seed') options.seed = Number(value());
  else if (arg === '--scale') options.scale = Number(value());
  else if (arg === '--today') options.today = value();
  else if (arg === '--binary') options.binary = resolve(value());
  else if (arg === '--no-demo') options.demo = false;
  else if (arg === '--keep-triggers') options.keepTriggers = true; // slow: every row through its triggers (a check)
  else if (arg === '-h' || arg === '--help') {
    console.log(usage);
    process.exit(0);
  } else fail(`unknown argument ${arg}`);
}
function fail(message) {
  console.error(`bench/generate: ${message}\n${usage}`);
  process.exit(2);
}
if (!options.db) fail('--db is required');
if (!Number.isInteger(options.seed) || options.seed < 0) fail('--seed must be a non-negative integer');
if (!(options.scale > 0 && options.scale <= 4)) fail('--scale must be in (0, 4]');
const pg = /^postgres(ql)?:\/\//.test(options.db);
if (!pg && !options.db.startsWith('sqlite:')) fail('--db must be sqlite:PATH or postgresql://…');
const sqlitePath = pg ? '' : options.db.slice('sqlite:'.length);
if (!existsSync(options.binary)) fail(`no binary at ${options.binary} (scripts/build.sh release)`);

const shanghaiToday = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const today = options.today ?? shanghaiToday();
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) fail('--today must be YYYY-MM-DD');
const DAY = 86400000;
const todayMs = Date.parse(`${today}T00:00:00Z`); // 08:00 in China: nothing generated happens later
const scaled = (n) => Math.max(1, Math.round(n * options.scale));
const N = {
  enterprises: scaled(300000),
  unionsPerTownship: Math.max(1, Math.round(19 * options.scale)),
  inspectors: scaled(100000),
  hazards: scaled(5000000),
  reports: scaled(200000),
  days: 5 * 365 + 1,
};

// ---------------------------------------------------------------------------------------------- dialects
const M = 2147483648;
const d = pg
  ? {
      series: (n) => `generate_series(1::bigint, ${n}) AS s(value)`,
      // lpad cuts a longer string to the width; printf('%06d') does not: the longer one is kept whole.
      pad: (expr, width) => `lpad((${expr})::text, GREATEST(${width}, length((${expr})::text)), '0')`,
      daysBefore: (days) => `to_char(DATE '${today}' - (${days})::int, 'YYYY-MM-DD')`,
      datePlus: (date, days) => `to_char((${date})::date + (${days})::int, 'YYYY-MM-DD')`,
      least: (a, b) => `LEAST(${a}, ${b})`,
      greatest: (a, b) => `GREATEST(${a}, ${b})`,
      key: 'BIGINT PRIMARY KEY',
    }
  : {
      series: (n) => `generate_series(1, ${n}) AS s`,
      pad: (expr, width) => `printf('%0${width}d', ${expr})`,
      daysBefore: (days) => `date('${today}', (-(${days})) || ' days')`,
      datePlus: (date, days) => `date(${date}, (${days}) || ' days')`,
      least: (a, b) => `min(${a}, ${b})`,
      greatest: (a, b) => `max(${a}, ${b})`,
      key: 'INTEGER PRIMARY KEY', // the rowid itself: one b-tree lookup
    };

// A uniform integer in [0, n) from the counter `v` and draw number `k`: a Weyl step, a middle-square mix and an
// LCG step, all below 2^63 in 64-bit integers, so SQLite and PostgreSQL compute the same numbers.
function rnd(v, k, n) {
  const K = (options.seed * 7919 + k * 104729) % M;
  const x1 = `((${v}) * 2654435761 + ${K}) % ${M}`;
  const x2 = `((${x1}) * (${x1}) / 32768 + ${(k * 31 + 7) % M}) % ${M}`;
  const x3 = `((${x2}) * 1103515245 + 12345) % ${M}`;
  return `((${x3}) * (${n}) / ${M})`;
}
// CASE over a list by an index expression.
const pick = (index, list) =>
  `CASE ${index} ${list.map((item, i) => `WHEN ${i} THEN ${quote(item)}`).join(' ')} END`;
// A weighted choice: [[value, weight per mille], …] (weights, not running sums) on a draw in [0, 1000).
const weighted = (draw, list) => {
  let sum = 0;
  const parts = list.map(([value, weight]) => {
    sum += weight;
    return `WHEN ${draw} < ${sum} THEN ${quote(value)}`;
  });
  return `CASE ${parts.join(' ')} ELSE ${quote(list[list.length - 1][0])} END`;
};
// Keeps a subquery from being merged into its outer query (which would repeat its expressions per use): a
// subquery with OFFSET is neither flattened by SQLite nor pulled up by PostgreSQL.
const fence = ' LIMIT 9000000000000 OFFSET 0';
// The series first, then the lookup by key (SQLite: CROSS JOIN fixes the loop order; PostgreSQL plans it).
const lookup = pg ? 'JOIN' : 'CROSS JOIN';
const quote = (value) => (typeof value === 'number' ? String(value) : `'${String(value).replaceAll("'", "''")}'`);

// ---------------------------------------------------------------------------------------------- running SQL
const work = mkdtempSync(join(tmpdir(), 'ankang-generate-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function runSql(sql, { capture = false } = {}) {
  const args = pg
    ? [options.db, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At', '-F', '\t']
    : ['-bail', '-batch', '-noheader', '-separator', '\t', sqlitePath];
  const prelude = pg
    ? "SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '64MB';\n"
    : // A bulk load appends pages: a rollback journal holds almost nothing, where WAL would hold every new page
      // once more; the server puts the file back in WAL mode when it opens it (and so does the end of this run).
      '.timeout 60000\nPRAGMA journal_mode = DELETE;\nPRAGMA synchronous = OFF;\nPRAGMA cache_size = -400000;\nPRAGMA temp_store = MEMORY;\n';
  const result = spawnSync(pg ? 'psql' : 'sqlite3', args, {
    input: prelude + sql,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (result.status !== 0 || (result.stderr && /error/i.test(result.stderr))) {
    const failed = join(tmpdir(), 'ankang-generate-failed.sql');
    writeFileSync(failed, prelude + sql);
    console.error(result.stderr || `exit ${result.status}`);
    console.error(`bench/generate: SQL failed (the statements: ${failed}); the database is half loaded, start again`
      + ` from an empty one${pg ? '' : ` (its dropped triggers and indexes: ${sqlitePath}.bench-restore.sql)`}`);
    process.exit(1);
  }
  if (!capture) return '';
  // SQLite prints "wal" for the journal_mode pragma.
  return result.stdout
    .split('\n')
    .filter((line) => line !== '' && line !== 'wal' && line !== 'delete')
    .join('\n');
}
const scalar = (sql) => Number(runSql(sql, { capture: true }).split('\n').pop());

const lines = [];
const NAME_WIDTH = 44;
function step(name, rows, sql) {
  const start = process.hrtime.bigint();
  const body = typeof sql === 'function' ? sql() : sql;
  if (process.env.BENCH_GENERATE_SQL_DIR) writeFileSync(join(process.env.BENCH_GENERATE_SQL_DIR, `${lines.length}.sql`), body);
  runSql(`BEGIN;\n${body}\nCOMMIT;\n`);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const line =
    rows === null
      ? `${name.padEnd(NAME_WIDTH)} ${' '.repeat(15)} ${seconds.toFixed(2).padStart(8)} s`
      : `${name.padEnd(NAME_WIDTH)} ${String(rows).padStart(10)} rows ${seconds.toFixed(2).padStart(8)} s ${Math.round(rows / seconds)
          .toString()
          .padStart(10)} rows/s`;
  console.log(line);
  lines.push(line);
  return seconds;
}

// ---------------------------------------------------------------------------------------------- the run
const started = process.hrtime.bigint();
console.log(
  `== bench/generate: ${pg ? 'PostgreSQL' : 'SQLite'} ${pg ? options.db.replace(/\/\/[^@/]*@/, '//…@') : sqlitePath}, seed ${options.seed}, scale ${options.scale}, data up to ${today} (excluded)`,
);
if (options.demo) {
  const env = { ...process.env, ANKANG_AUTH_PASSWORD_HASH: process.env.ANKANG_AUTH_PASSWORD_HASH ?? 'minimal' };
  const start = process.hrtime.bigint();
  const result = spawnSync(options.binary, ['--db', options.db, 'demo'], { encoding: 'utf8', env });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  if (/already present/.test(result.stdout)) fail('the database already holds the demo province: start from an empty one');
  console.log(`${'demo province (ankang demo)'.padEnd(NAME_WIDTH)} ${' '.repeat(15)} ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2).padStart(8)} s`);
}
if (scalar("SELECT COUNT(*) FROM organisations WHERE code LIKE 'BU%'") > 0)
  fail('the database already holds generated data: start from an empty one');

const maxId = (table) => scalar(`SELECT COALESCE(MAX(id), 0) FROM ${table}`);
const base = {
  organisations: maxId('organisations'),
  enterprises: maxId('enterprises'),
  coverage: maxId('union_coverage'),
  committees: maxId('lp_committees'),
  inspectors: maxId('lp_inspectors'),
  history: maxId('lp_inspector_status_history'),
  hazards: maxId('hazards'),
  reports: maxId('worker_reports'),
};

// Helper tables (dropped at the end): the townships, the generated unions and enterprises, numbered from 0.
runSql(`
DROP TABLE IF EXISTS bench_towns; DROP TABLE IF EXISTS bench_unions; DROP TABLE IF EXISTS bench_enterprises;
DROP TABLE IF EXISTS bench_homes;
CREATE TABLE bench_towns (k ${d.key}, id BIGINT NOT NULL, path TEXT NOT NULL, code TEXT NOT NULL,
    name TEXT NOT NULL, county_id BIGINT NOT NULL);
INSERT INTO bench_towns SELECT row_number() OVER (ORDER BY id) - 1, id, path, code, replace(name, '工会', ''), parent_id
    FROM organisations WHERE org_type = 'TOWN_STREET_PARK';
`);
const T = scalar('SELECT COUNT(*) FROM bench_towns');
const U = N.unionsPerTownship;

// Unions: U base unions per township, the first of each township a joint base union; explicit ids, so the
// path is written at once (no pending path to rewrite).
step('unions (organisations)', T * U, () => {
  const i = 's.value - 1';
  return `
INSERT INTO organisations (id, parent_id, name, code, org_type, level, path, status, created_at, updated_at)
SELECT ${base.organisations} + s.value, t.id,
       t.name || CASE WHEN ${i} / ${T} = 0 THEN '片区联合工会' ELSE '第' || (${i} / ${T}) || '基层工会' END,
       'BU' || ${d.pad(i, 7)},
       CASE WHEN ${i} / ${T} = 0 THEN 'JOINT_BASE_UNION' ELSE 'BASE_UNION' END, 5,
       t.path || '/' || ${d.pad(`${base.organisations} + s.value`, 8)}, 'ACTIVE', ${todayMs - 900 * DAY}, ${todayMs - 900 * DAY}
FROM ${d.series(T * U)} ${lookup} bench_towns t ON t.k = (${i}) % ${T};
CREATE TABLE bench_unions (town_k BIGINT NOT NULL, j BIGINT NOT NULL, id BIGINT NOT NULL, PRIMARY KEY (town_k, j));
INSERT INTO bench_unions SELECT (s.value - 1) % ${T}, (s.value - 1) / ${T}, ${base.organisations} + s.value
    FROM ${d.series(T * U)};
CREATE TABLE bench_homes (k ${d.key}, id BIGINT NOT NULL, parent_id BIGINT NOT NULL);
INSERT INTO bench_homes SELECT row_number() OVER (ORDER BY id) - 1, id, parent_id FROM organisations WHERE level >= 3;
`;
});
const homes = scalar('SELECT COUNT(*) FROM bench_homes');

// ---------------------------------------------------------------------------------------------- triggers out of the way
// The tables loaded in bulk lose their triggers for the load (and hazards and worker reports their secondary
// indexes too, re-created afterwards by sorted builds); what the triggers would have kept is then computed in
// bulk with the migrations' own statements (the enterprise mirrors and organisation_statistics of ADR 0006 here,
// the roll-ups of ADR 0013 by `ankang statistics-rebuild`). On SQLite the trigger and index SQL is saved beside
// the database first (PATH.bench-restore.sql), so a failed run can be repaired by hand; on PostgreSQL the
// triggers are disabled (ALL, so foreign-key checks too, for a superuser; USER otherwise).
const triggerTables = options.keepTriggers
  ? []
  : ['enterprises', 'union_coverage', 'lp_committees', 'lp_inspectors', 'hazards', 'worker_reports'];
const indexTables = ['hazards', 'worker_reports'];
const inList = (tables) => tables.map(quote).join(', ') || "''";
let savedIndexes = [];
let savedTriggers = [];
const triggerKind = pg && scalar('SELECT CASE WHEN rolsuper THEN 1 ELSE 0 END FROM pg_roles WHERE rolname = current_user') === 1 ? 'ALL' : 'USER';
step('drop triggers and indexes', null, () => {
  if (pg) {
    savedIndexes = runSql(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN (${inList(indexTables)})
         AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY indexname;`,
      { capture: true },
    )
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'));
    return [
      ...savedIndexes.map(([name]) => `DROP INDEX ${name};`),
      ...triggerTables.map((table) => `ALTER TABLE ${table} DISABLE TRIGGER ${triggerKind};`),
    ].join('\n');
  }
  const rows = (type, tables) =>
    JSON.parse(
      spawnSync(
        'sqlite3',
        ['-json', sqlitePath, `SELECT name, sql FROM sqlite_master WHERE type = '${type}' AND sql IS NOT NULL
          AND tbl_name IN (${inList(tables)}) ORDER BY name`],
        { encoding: 'utf8' },
      ).stdout || '[]',
    );
  savedIndexes = rows('index', indexTables).map((row) => [row.name, row.sql]);
  savedTriggers = rows('trigger', triggerTables).map((row) => [row.name, row.sql]);
  writeFileSync(`${sqlitePath}.bench-restore.sql`, [...savedIndexes, ...savedTriggers].map(([, sql]) => `${sql};`).join('\n'));
  return [
    ...savedIndexes.map(([name]) => `DROP INDEX ${name};`),
    ...savedTriggers.map(([name]) => `DROP TRIGGER ${name};`),
  ].join('\n');
});

// Supervision committees in office at ~45 % of the base unions (before coverage, so with_committee follows).
const committees = scalar(`SELECT COUNT(*) FROM bench_unions WHERE ${rnd('id', 40, 1000)} < 450`);
step('committees (lp_committees)', committees, `
INSERT INTO lp_committees (id, organisation_id, established_on, approved_by, term_end, status, created_at, updated_at)
SELECT ${base.committees} + row_number() OVER (ORDER BY u.id), u.id, ${d.daysBefore(`100 + ${rnd('u.id', 41, 1500)}`)},
       '上级工会', '', 'ACTIVE', ${todayMs - 800 * DAY}, ${todayMs - 800 * DAY}
FROM bench_unions u WHERE ${rnd('u.id', 40, 1000)} < 450;
`);

// Enterprises: half spread evenly over the townships, half drawn towards the lower-numbered ones (denser towns).
const WORDS = ['精密', '华安', '金陵', '恒信', '宏达', '新材', '汇通', '安泰', '瑞丰', '明德', '长江', '紫金'];
const TRADES = ['机械', '电子', '建设', '物流', '商贸', '餐饮', '软件', '化工', '纺织', '印刷'];
const STREETS = ['中山路', '北京东路', '龙蟠路', '珠江路', '汉中路', '江东北路', '建宁路', '应天大街'];
const SECTIONS = [
  ['C', ['13', '18', '26', '33', '34', '38', '39']],
  ['C', ['13', '18', '26', '33', '34', '38', '39']],
  ['C', ['13', '18', '26', '33', '34', '38', '39']],
  ['E', ['47', '48', '50']],
  ['F', ['51', '52']],
  ['G', ['54', '58', '59']],
  ['H', ['61', '62']],
  ['I', ['64', '65']],
  ['L', ['71', '72']],
  ['B', ['06', '08']],
];
step('enterprises', N.enterprises, () => {
  const v = 's.value';
  const section = rnd('e.k', 3, SECTIONS.length);
  const town = `CASE WHEN ${rnd(v, 1, 2)} = 0 THEN ${rnd(v, 2, T)} ELSE ${d.least(rnd(v, 2, T), rnd(v, 4, T))} END`;
  const size = weighted(rnd('e.k', 5, 1000), [['MICRO', 420], ['SMALL', 360], ['MEDIUM', 160], ['LARGE', 60]]);
  return `
CREATE TABLE bench_enterprises (k ${d.key}, id BIGINT NOT NULL, town_k BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL, county_id BIGINT NOT NULL, path TEXT NOT NULL);
INSERT INTO bench_enterprises
SELECT s.value - 1, ${base.enterprises} + s.value, t.k, t.id, t.county_id, t.path
FROM ${d.series(N.enterprises)} ${lookup} bench_towns t ON t.k = ${town};
INSERT INTO enterprises (id, credit_code, name, organisation_id, organisation_path, industry_section,
    industry_division, economic_component, registration_type, size_class, headcount, address,
    admin_division_code, status, created_at, updated_at)
SELECT b.id, '91' || substr(b.code, 1, 6) || 'B' || ${d.pad('b.n', 8)} || 'X',
       ${pick(rnd('b.n', 6, WORDS.length), WORDS)} || ${pick(rnd('b.n', 7, TRADES.length), TRADES)} || b.n || '有限公司',
       b.organisation_id, b.path, b.section,
       CASE b.section ${SECTIONS.map(([s, divisions]) => `WHEN '${s}' THEN ${pick(rnd('b.n', 8, divisions.length), divisions)}`).filter((x, i, all) => all.indexOf(x) === i).join(' ')} END,
       ${weighted(rnd('b.n', 9, 1000), [['21', 740], ['11', 80], ['12', 50], ['22', 70], ['23', 60]])},
       ${pick(rnd('b.n', 10, 5), ['173', '171', '159', '160', '110'])},
       b.size,
       CASE b.size WHEN 'MICRO' THEN 3 + ${rnd('b.n', 11, 17)} WHEN 'SMALL' THEN 20 + ${rnd('b.n', 11, 280)}
                   WHEN 'MEDIUM' THEN 300 + ${rnd('b.n', 11, 700)} ELSE 1000 + ${rnd('b.n', 11, 4000)} END,
       '江苏省' || ${pick(rnd('b.n', 12, STREETS.length), STREETS)} || (1 + ${rnd('b.n', 13, 300)}) || '号',
       substr(b.code, 1, 6),
       CASE WHEN ${rnd('b.n', 14, 1000)} < 20 THEN 'CLOSED' ELSE 'ACTIVE' END,
       ${todayMs - 2000 * DAY} + ${rnd('b.n', 15, 1900)} * ${DAY}, ${todayMs - 100 * DAY}
FROM (SELECT e.k AS n, e.id, e.organisation_id, e.path, t.code,
             ${pick(section, SECTIONS.map(([s]) => s))} AS section, ${size} AS size
      FROM bench_enterprises e JOIN bench_towns t ON t.k = e.town_k${fence}) b;
`;
});

// Union coverage: own union 25 %, joint base union 25 %, regional federation 15 %, NONE (supervised) 15 %, no row 20 %.
const coverageRows = scalar(`SELECT COUNT(*) FROM bench_enterprises WHERE ${rnd('k', 20, 1000)} < 800`);
step('union coverage', coverageRows, `
INSERT INTO union_coverage (id, enterprise_id, coverage_type, union_organisation_id, supervising_organisation_id,
    since_date, created_at)
SELECT ${base.coverage} + row_number() OVER (ORDER BY c.id), c.id, c.kind,
       CASE c.kind WHEN 'NONE' THEN NULL WHEN 'REGIONAL_FEDERATION' THEN c.organisation_id ELSE u.id END,
       CASE c.kind WHEN 'NONE' THEN c.organisation_id ELSE NULL END,
       ${d.daysBefore(`30 + ${rnd('c.k', 22, 1500)}`)}, ${todayMs - 30 * DAY}
FROM (SELECT e.k, e.id, e.organisation_id, e.town_k,
             ${weighted(rnd('e.k', 20, 1000), [['OWN_UNION', 250], ['JOINT_BASE_UNION', 250], ['REGIONAL_FEDERATION', 150], ['NONE', 150]])} AS kind
      FROM bench_enterprises e WHERE ${rnd('e.k', 20, 1000)} < 800) c
LEFT JOIN bench_unions u ON u.town_k = c.town_k
    AND u.j = CASE c.kind WHEN 'JOINT_BASE_UNION' THEN 0 ELSE ${U > 1 ? `1 + ${rnd('c.k', 21, U - 1)}` : '0'} END;
`);

// Inspectors: homes drawn from every county, township and union; mostly in office.
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英'];
const INSPECTOR_STATUS = [
  ['ACTIVE', 800], ['NOMINATED', 40], ['TRAINING', 30], ['PASSED', 10], ['APPOINTED', 10], ['SUSPENDED', 20],
  ['TERM_EXPIRED', 40], ['RESIGNED', 25], ['RETIRED', 15], ['REVOKED', 5], ['FAILED', 5],
];
const CERTIFIED = ['APPOINTED', 'ACTIVE', 'SUSPENDED', 'TERM_EXPIRED', 'RESIGNED', 'RETIRED', 'REVOKED'];
step('inspectors (+ status history)', N.inspectors * 2, `
INSERT INTO lp_inspectors (id, name, gender, phone, home_organisation_id, appointing_organisation_id, certificate_no,
    employment_mode, appointment_date, term_end, status, notes, created_at, updated_at)
SELECT ${base.inspectors} + i.n, i.name, i.gender, '139' || ${d.pad('i.n', 8)}, i.home, CASE WHEN i.certified = 1 THEN i.parent END,
       CASE WHEN i.certified = 1 THEN 'BJ-' || ${d.pad('i.n', 8)} END, i.mode,
       CASE WHEN i.certified = 1 THEN i.appointed ELSE '' END,
       CASE WHEN i.certified = 1 THEN ${d.datePlus('i.appointed', 1826)} ELSE '' END,
       i.status, '', ${todayMs - 1900 * DAY}, ${todayMs - 30 * DAY}
FROM (SELECT s.value AS n, h.id AS home, h.parent_id AS parent,
             ${pick(rnd('s.value', 30, SURNAMES.length), SURNAMES)} || ${pick(rnd('s.value', 31, GIVEN.length), GIVEN)} AS name,
             CASE WHEN ${rnd('s.value', 32, 2)} = 0 THEN 'MALE' ELSE 'FEMALE' END AS gender,
             ${weighted(rnd('s.value', 33, 1000), [['PARTTIME', 700], ['FULLTIME', 200], ['SPECIALLY_INVITED', 100]])} AS mode,
             ${weighted(rnd('s.value', 34, 1000), INSPECTOR_STATUS)} AS status,
             CASE WHEN ${weighted(rnd('s.value', 34, 1000), INSPECTOR_STATUS)} IN (${CERTIFIED.map(quote).join(', ')}) THEN 1 ELSE 0 END AS certified,
             ${d.daysBefore(`60 + ${rnd('s.value', 35, 1700)}`)} AS appointed
      FROM ${d.series(N.inspectors)} ${lookup} bench_homes h ON h.k = ${rnd('s.value', 36, homes)}${fence}) i;
INSERT INTO lp_inspector_status_history (id, inspector_id, from_status, to_status, transition_date, note, username, created_at)
SELECT ${base.history} + 2 * (i.id - ${base.inspectors}) - 1, i.id, '', 'NOMINATED',
       CASE WHEN i.appointment_date = '' THEN ${d.daysBefore(30)} ELSE ${d.datePlus('i.appointment_date', -90)} END,
       '由本单位工会提名', 'bench', ${todayMs - 1900 * DAY}
FROM lp_inspectors i WHERE i.id > ${base.inspectors};
INSERT INTO lp_inspector_status_history (id, inspector_id, from_status, to_status, transition_date, note, username, created_at)
SELECT ${base.history} + 2 * (i.id - ${base.inspectors}), i.id, 'NOMINATED', i.status,
       CASE WHEN i.appointment_date = '' THEN ${d.daysBefore(10)} ELSE i.appointment_date END,
       '', 'bench', ${todayMs - 30 * DAY}
FROM lp_inspectors i WHERE i.id > ${base.inspectors};
`);

const TITLES = {
  UNSAFE_CONDITION: ['冲床防护罩缺失', '配电箱未接地', '安全通道堵塞', '消防器材过期'],
  UNSAFE_ACT: ['高处作业未系安全带', '违章操作起重设备', '未佩戴防护用品上岗', '动火作业无监护'],
  MANAGEMENT_DEFECT: ['安全培训记录缺失', '应急预案未演练', '特种作业人员无证上岗', '隐患排查台账不全'],
  OCCUPATIONAL_HEALTH: ['粉尘浓度超标', '噪声岗位未配耳塞', '职业健康检查未落实', '有毒气体报警器失效'],
  ENVIRONMENT: ['车间照明不足', '作业场所通风不良', '地面湿滑未警示', '危化品存放混乱'],
};
const CATEGORIES = Object.keys(TITLES);
const LOCATIONS = ['一号车间', '二号车间', '仓库', '配电房', '生产线', '办公楼', '厂区道路', '锅炉房'];
// Found on: one day of the five years per counter position (ids grow with time), the day before `today` last.
const dayOf = (v, count) => `(${N.days} - (${v} - 1) * ${N.days} / ${count})`; // 1 … days back

step('hazards', N.hazards, () => {
  const v = 's.value';
  // Layer 1: the draws. Layer 2: status from the age. Layer 3: the row.
  const layer1 = `
SELECT s.value AS n, e.id AS enterprise_id, e.organisation_id AS town_id, e.county_id,
       ${dayOf(v, N.hazards)} AS age,
       CASE WHEN ${rnd(v, 50, 1000)} < 20 THEN 1 ELSE 0 END AS major,
       ${rnd(v, 51, 1000)} AS u_status, ${rnd(v, 52, 1000)} AS u_open, ${rnd(v, 53, 1000)} AS u_ontime,
       ${rnd(v, 54, 15)} AS early, ${rnd(v, 55, 60)} AS late, ${rnd(v, 56, 9)} AS hour, ${rnd(v, 57, 60)} AS minute,
       ${rnd(v, 58, CATEGORIES.length)} AS category, ${rnd(v, 59, 4)} AS title, ${rnd(v, 60, 1000)} AS source,
       ${rnd(v, 61, LOCATIONS.length)} AS location, ${rnd(v, 62, 10)} AS handler
FROM ${d.series(N.hazards)} ${lookup} bench_enterprises e ON e.k = ${rnd(v, 63, N.enterprises)}${fence}`;
  const closedShare = 'CASE WHEN a.age > 365 THEN 955 WHEN a.age > 90 THEN 920 ELSE 9 * a.age END';
  const layer2 = `
SELECT a.*, CASE WHEN a.major = 1 THEN 30 ELSE 15 END AS allowed, ${d.daysBefore('a.age')} AS found_on,
       CASE
         WHEN a.u_status < ${closedShare} THEN 'CLOSED'
         WHEN a.u_status < ${closedShare} + 35 THEN 'REJECTED'
         WHEN a.age > CASE WHEN a.major = 1 THEN 30 ELSE 15 END THEN
           ${weighted('a.u_open', [['OVERDUE_RECTIFICATION', 650], ['ESCALATED', 150], ['OVERDUE_REPLY', 50], ['PENDING_VERIFICATION', 100], ['DISPUTED', 50]])}
         WHEN a.age <= 2 THEN ${weighted('a.u_open', [['REPORTED', 400], ['TRIAGED', 300], ['NOTIFIED', 300]])}
         ELSE ${weighted('a.u_open', [['RECTIFYING', 600], ['NOTIFIED', 150], ['PENDING_VERIFICATION', 150], ['DISPUTED', 50], ['EVACUATION_RECOMMENDED', 50]])}
       END AS status
FROM (${layer1}) a${fence}`;
  // Days from found to closed: on time (85 %) within the allowed days, else up to 60 days late; never after today.
  const closeDays = `${d.least(
    `CASE WHEN b.u_ontime < 850 THEN b.early * b.allowed / 15 ELSE b.allowed + 1 + b.late END`,
    'b.age - 1',
  )}`;
  const foundMs = `(${todayMs} - b.age * ${DAY})`;
  const closedMs = `(${foundMs} + (${closeDays}) * ${DAY} + (1 + b.hour) * 3600000 + b.minute * 60000)`;
  const titleCases = CATEGORIES.flatMap((category, c) =>
    TITLES[category].map((title, t) => `WHEN ${c * 4 + t} THEN ${quote(title)}`),
  ).join(' ');
  return `
INSERT INTO hazards (id, code, organisation_id, enterprise_id, source, category, grade, major_subgrade,
    major_criterion, title, description, location, immediate_danger, found_on, found_by, rectification_deadline,
    reply_due, recheck_due, rectification_plan, status, status_changed_at, created_at, updated_at, closed_at)
SELECT ${base.hazards} + b.n,
       'YH' || substr(b.found_on, 1, 4) || ${d.pad(`${base.hazards} + b.n`, 6)},
       CASE WHEN b.handler = 0 THEN b.county_id ELSE b.town_id END, b.enterprise_id,
       ${weighted('b.source', [['UNION_INSPECTION', 400], ['GROUP_INSPECTOR_LOG', 150], ['MASS_SUPERVISOR', 100], ['WORKER_REPORT', 100], ['ENTERPRISE_SELF_CHECK', 150], ['GOV_REFERRAL', 50], ['ACCIDENT_FOLLOWUP', 50]])},
       ${pick('b.category', CATEGORIES)},
       CASE WHEN b.major = 1 THEN 'MAJOR' ELSE 'GENERAL' END,
       CASE WHEN b.major = 1 THEN 1 + b.hour % 2 END,
       CASE WHEN b.major = 1 THEN '重大事故隐患判定标准' ELSE '' END,
       CASE b.category * 4 + b.title ${titleCases} END, '',
       ${pick('b.location', LOCATIONS)},
       CASE WHEN b.major = 1 AND b.minute < 20 THEN 1 ELSE 0 END,
       b.found_on, '检查组',
       CASE WHEN b.status = 'REPORTED' THEN '' ELSE ${d.daysBefore('b.age - b.allowed')} END,
       CASE WHEN b.status IN ('REPORTED', 'TRIAGED', 'REJECTED') THEN '' ELSE ${d.daysBefore('b.age - 5')} END,
       '', '', b.status,
       CASE WHEN b.status = 'CLOSED' THEN ${d.least(closedMs, todayMs)}
            ELSE ${d.least(`${foundMs} + ${d.least('b.age - 1', 'b.allowed + b.late')} * ${DAY} + 7200000`, todayMs)} END,
       ${foundMs} + 3600000 + b.minute * 60000,
       CASE WHEN b.status = 'CLOSED' THEN ${d.least(closedMs, todayMs)}
            ELSE ${d.least(`${foundMs} + ${d.least('b.age - 1', 'b.allowed + b.late')} * ${DAY} + 7200000`, todayMs)} END,
       CASE WHEN b.status = 'CLOSED' THEN ${d.least(closedMs, todayMs)} END
FROM (${layer2}) b;
`;
});

const REPORT_TEXTS = [
  '车间消防通道被货物堵住', '冲床防护罩缺失，工人直接操作', '夜班加班无人监护', '配电箱门损坏，电线裸露',
  '仓库货架超高堆放', '有毒气体报警器不响', '安全帽数量不足', '食堂燃气管道有异味',
];
step('worker reports', N.reports, () => {
  const v = 's.value';
  const layer1 = `
SELECT s.value AS n, e.id AS enterprise_id, e.organisation_id, e.county_id, e.path,
       ${dayOf(v, N.reports)} AS age, ${rnd(v, 70, 1000)} AS u_status, ${rnd(v, 71, 1000)} AS u_decision,
       ${rnd(v, 72, 14)} AS hour, ${rnd(v, 73, 1000)} AS u_ack, ${rnd(v, 74, 48)} AS ack_hours,
       ${rnd(v, 75, 96)} AS late_hours, ${rnd(v, 76, 48)} AS decide_hours, ${rnd(v, 77, CATEGORIES.length)} AS category,
       ${rnd(v, 78, REPORT_TEXTS.length)} AS text, ${rnd(v, 79, LOCATIONS.length)} AS location,
       ${rnd(v, 80, 10)} AS anonymity
FROM ${d.series(N.reports)} ${lookup} bench_enterprises e ON e.k = ${rnd(v, 81, N.enterprises)}${fence}`;
  // Still waiting: most of the last days' reports, a few older ones (overdue); the rest acknowledged and decided.
  const layer2 = `
SELECT a.*,
       CASE
         WHEN a.u_status < ${d.greatest('5', '600 - 60 * a.age')} THEN 'SUBMITTED'
         WHEN a.u_status < ${d.greatest('15', '850 - 60 * a.age')} THEN 'UNDER_REVIEW'
         ELSE ${weighted('a.u_decision', [['ACCEPTED', 600], ['REJECTED', 200], ['DUPLICATE', 200]])}
       END AS status,
       ${todayMs} - a.age * ${DAY} + a.hour * 3600000 AS submitted_ms,
       CASE WHEN a.u_ack < 880 THEN 1 + a.ack_hours ELSE 72 + a.late_hours END AS hours_to_ack,
       ${d.daysBefore('a.age')} AS submitted_on
FROM (${layer1}) a${fence}`;
  const ackMs = `${d.least('b.submitted_ms + b.hours_to_ack * 3600000', todayMs)}`;
  const decidedMs = `${d.least(`b.submitted_ms + (b.hours_to_ack + 1 + b.decide_hours) * 3600000`, todayMs)}`;
  const dueDay = d.daysBefore('b.age - 3');
  return `
INSERT INTO worker_reports (id, code, receipt_hash, enterprise_id, site_name, organisation_id, organisation_path,
    category, description, location, anonymity, status, submitted_at, submitted_on, acknowledge_due,
    acknowledged_at, decided_at, overdue_at, escalated_to_organisation_id, reject_reason, updated_at)
SELECT ${base.reports} + b.n,
       'JB' || substr(b.submitted_on, 1, 4) || ${d.pad(`${base.reports} + b.n`, 6)},
       'bench' || ${d.pad(`${base.reports} + b.n`, 59)},
       b.enterprise_id, '', b.organisation_id, b.path,
       ${pick('b.category', CATEGORIES)}, ${pick('b.text', REPORT_TEXTS)}, ${pick('b.location', LOCATIONS)},
       CASE WHEN b.anonymity < 7 THEN 'ANONYMOUS' ELSE 'NAMED' END,
       b.status, b.submitted_ms, b.submitted_on, ${dueDay},
       CASE WHEN b.status <> 'SUBMITTED' THEN ${ackMs} END,
       CASE WHEN b.status IN ('ACCEPTED', 'REJECTED', 'DUPLICATE') THEN ${decidedMs} END,
       CASE WHEN (b.status = 'SUBMITTED' AND b.age > 3) OR (b.status <> 'SUBMITTED' AND b.hours_to_ack > 72)
            THEN ${todayMs} - (b.age - 4) * ${DAY} END,
       CASE WHEN b.status = 'SUBMITTED' AND b.age > 3 THEN b.county_id END,
       CASE WHEN b.status = 'REJECTED' THEN '经核查不属于安全隐患' ELSE '' END,
       CASE WHEN b.status = 'SUBMITTED' THEN b.submitted_ms
            WHEN b.status = 'UNDER_REVIEW' THEN ${ackMs} ELSE ${decidedMs} END
FROM (${layer2}) b;
`;
});

// What the triggers keep, computed in bulk for the generated enterprises and inspectors only (the demo's rows
// kept theirs): the coverage mirrors with the statement of migration 0009, then their counts added to
// organisation_statistics as the insert triggers would have added them.
const statisticsColumns = `enterprises, workers, covered, covered_workers, non_public, non_public_covered,
    small_and_micro, small_and_micro_covered, with_committee`;
const mirrors = pg
  ? `SELECT enterprise_mirrors_refresh(ARRAY(SELECT id FROM enterprises WHERE id > ${base.enterprises}));`
  : `UPDATE enterprises SET
        covered = COALESCE((SELECT MAX(c.coverage_type <> 'NONE') FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0),
        with_committee = COALESCE((SELECT MAX(c.coverage_type <> 'NONE' AND EXISTS (SELECT 1 FROM lp_committees k
            WHERE k.organisation_id = c.union_organisation_id AND k.status = 'ACTIVE')) FROM union_coverage c
            WHERE c.enterprise_id = enterprises.id AND c.until_date IS NULL), 0)
    WHERE id > ${base.enterprises};`;
const isNonPublic = pg ? "(economic_component LIKE '2%')::int" : "(economic_component LIKE '2%')";
const isSmall = pg ? "(size_class IN ('SMALL', 'MICRO'))::int" : "(size_class IN ('SMALL', 'MICRO'))";
if (!options.keepTriggers)
  step('coverage mirrors + organisation_statistics', null, `
${mirrors}
INSERT INTO organisation_statistics AS s (organisation_id, ${statisticsColumns})
SELECT organisation_id, COUNT(*), SUM(headcount), SUM(covered), SUM(covered * headcount),
       SUM(${isNonPublic}), SUM(${isNonPublic} * covered), SUM(${isSmall}), SUM(${isSmall} * covered), SUM(with_committee)
FROM enterprises WHERE id > ${base.enterprises} AND status = 'ACTIVE' GROUP BY organisation_id
ON CONFLICT (organisation_id) DO UPDATE SET
    ${statisticsColumns.split(',').map((c) => c.trim()).map((c) => `${c} = s.${c} + excluded.${c}`).join(', ')};
INSERT INTO organisation_statistics AS s (organisation_id, inspectors)
SELECT home_organisation_id, COUNT(*) FROM lp_inspectors WHERE id > ${base.inspectors} AND status = 'ACTIVE'
GROUP BY home_organisation_id
ON CONFLICT (organisation_id) DO UPDATE SET inspectors = s.inspectors + excluded.inspectors;
`);

step('re-create indexes, triggers back', null, () => {
  if (pg)
    return [
      ...savedIndexes.map(([, def]) => `${def};`),
      ...triggerTables.map((table) => `ALTER TABLE ${table} ENABLE TRIGGER ${triggerKind};`),
    ].join('\n');
  return [...savedIndexes, ...savedTriggers].map(([, sql]) => `${sql};`).join('\n');
});
if (!pg) rmSync(`${sqlitePath}.bench-restore.sql`, { force: true });

if (pg) {
  step('sequences', null, ['organisations', 'enterprises', 'union_coverage', 'lp_committees', 'lp_inspectors',
    'lp_inspector_status_history', 'hazards', 'worker_reports'].map((table) =>
    `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT MAX(id) FROM ${table}));`).join('\n'));
}
runSql('DROP TABLE bench_towns; DROP TABLE bench_unions; DROP TABLE bench_enterprises; DROP TABLE bench_homes;');

// Roll-ups (ADR 0013): rebuilt from the raw rows by the binary, when it has the command.
const help = spawnSync(options.binary, ['--help'], { encoding: 'utf8' }).stdout;
if (/statistics-rebuild/.test(help)) {
  const start = process.hrtime.bigint();
  const result = spawnSync(options.binary, ['--db', options.db, 'statistics-rebuild'], { encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    process.exit(1);
  }
  const line = `${'statistics-rebuild (roll-ups)'.padEnd(NAME_WIDTH)} ${' '.repeat(15)} ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2).padStart(8)} s   ${result.stdout.trim().split('\n').pop() ?? ''}`;
  console.log(line);
} else {
  console.log('statistics-rebuild: not in this binary (migration 0016 not built in): no roll-ups rebuilt');
}

step('analyze', null, 'ANALYZE;');
if (!pg) spawnSync('sqlite3', [sqlitePath, 'PRAGMA journal_mode = WAL;'], { encoding: 'utf8' });
const total = Number(process.hrtime.bigint() - started) / 1e9;
const counts = runSql(
  `SELECT 'organisations', COUNT(*) FROM organisations UNION ALL SELECT 'enterprises', COUNT(*) FROM enterprises
   UNION ALL SELECT 'union_coverage', COUNT(*) FROM union_coverage UNION ALL SELECT 'lp_committees', COUNT(*) FROM lp_committees
   UNION ALL SELECT 'lp_inspectors', COUNT(*) FROM lp_inspectors UNION ALL SELECT 'hazards', COUNT(*) FROM hazards
   UNION ALL SELECT 'worker_reports', COUNT(*) FROM worker_reports;`,
  { capture: true },
)
  .split('\n')
  .map((line) => line.replace('\t', ' '))
  .join(', ');
console.log(`== total ${total.toFixed(1)} s; now: ${counts}`);
