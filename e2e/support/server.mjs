// Starts a real Ankang server process for black-box tests.
//
//   const server = await startServer();            // SQLite in a fresh temp dir, demo province loaded
//   const server = await startServer({ database: 'postgres' });  // fresh database on ANKANG_E2E_POSTGRES_URL
//   server.baseUrl      → 'http://127.0.0.1:PORT'
//   await server.kill9();   await server.restart();   // same database, new process (new port)
//   await server.stop();    // SIGTERM; throws if the process did not exit cleanly (ASan reports included)
//   const restored = await startServer({ databaseUrl: 'sqlite:/tmp/x/restored.db' });  // an existing database, kept
//
// Environment:
//   ANKANG_E2E_BINARY              the server binary (default build/dev/server/ankang, relative to the repo root)
//   ANKANG_E2E_DATABASE        'sqlite' (default) or 'postgres'
//   ANKANG_E2E_POSTGRES_URL    an existing database on the PostgreSQL server to use; each server gets its own
//                              CREATE DATABASE e2e_<random> next to it, dropped on stop()
//   ANKANG_E2E_KEEP=1          keep temp directories and PostgreSQL databases for inspection
//
// The server refuses unknown ANKANG_* variables, so no inherited ANKANG_* variable reaches it; real
// settings for one server go in startServer({ env: { ANKANG_AUTH_MAX_FAILURES_PER_ADDRESS: '8' } }).
// ANKANG_E2E_STATIC_DIR (exported by scripts/test.sh) is not read here: pass it as staticDir.

import { spawn, execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function binaryPath() {
  const configured = process.env.ANKANG_E2E_BINARY ?? 'build/dev/server/ankang';
  return path.resolve(repoRoot, configured);
}

const LISTENING = /Ankang listening on (http:\/\/\S+)/;
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const STDERR_LIMIT = 4 * 1024 * 1024;

/**
 * The environment for the server: no inherited ANKANG_* variable (the server refuses unknown ones, and
 * the test scripts export their own such as ANKANG_E2E_STATIC_DIR; real settings would make the run depend
 * on the caller's shell), cheap password hashing, plus the caller's `env`.
 */
function childEnvironment(extra) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('ANKANG_')) continue;
    env[name] = value;
  }
  env.ANKANG_AUTH_PASSWORD_HASH = 'minimal';
  return { ...env, ...extra };
}

// Everything still alive when the test process exits is killed; temp dirs and databases are removed.
const live = new Set();
process.on('exit', () => {
  for (const server of live) server._emergencyCleanup();
});
// A test run that is interrupted (Ctrl-C, or the runner cancelling a file) cleans up too.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const server of live) server._emergencyCleanup();
    live.clear();
    process.kill(process.pid, signal);
  });
}

function psql(adminUrl, sql) {
  return execFileAsync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', adminUrl, '-c', sql], {
    env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
  });
}

function postgresUrls() {
  const base = process.env.ANKANG_E2E_POSTGRES_URL;
  if (!base) throw new Error('database "postgres" needs ANKANG_E2E_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:55432/ankang_test)');
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { adminUrl: base, name, url: url.toString() };
}

class ServerProcess {
  constructor({ kind, databaseUrl, workDir, staticDir, env, postgres }) {
    this.kind = kind;
    this.databaseUrl = databaseUrl;
    this.workDir = workDir;
    this.staticDir = staticDir;
    this.env = env;
    this.postgres = postgres;
    this.baseUrl = undefined;
    this.port = undefined;
    this.child = undefined;
    this.exited = undefined; // promise of {code, signal} for the current child
    this.stderrText = '';
    this.stdoutText = '';
    this.removed = false;
  }

  /** Server's stderr so far (all processes of this handle), for diagnostics. */
  stderr() {
    return this.stderrText;
  }

  /** The last lines of stderr, for error messages. */
  stderrTail(lines = 40) {
    return this.stderrText.split('\n').slice(-lines).join('\n');
  }

  get running() {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async runCli(args) {
    try {
      return await execFileAsync(binaryPath(), ['--db', this.databaseUrl, ...args], {
        cwd: this.workDir,
        env: this.env,
        maxBuffer: 16 * 1024 * 1024,
      });
    } catch (error) {
      throw new Error(`ankang ${args.join(' ')} failed (${error.code ?? error.signal}):\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    }
  }

  appendStderr(chunk) {
    this.stderrText += chunk;
    if (this.stderrText.length > STDERR_LIMIT) this.stderrText = this.stderrText.slice(-STDERR_LIMIT / 2);
  }

  /** Starts `serve --port 0` on this handle's database and waits for the listening line. */
  async launch() {
    if (this.running) throw new Error('the server is already running');
    // --static always given: without it the server would look for web/dist relative to its cwd.
    const staticDir = this.staticDir ?? path.join(this.workDir, 'no-static-dir');
    const child = spawn(binaryPath(), ['--db', this.databaseUrl, 'serve', '--port', '0', '--static', staticDir], {
      cwd: this.workDir,
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // 'close' rather than 'exit': by then stderr has been read to the end.
    this.exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => this.appendStderr(chunk));
    child.stdout.setEncoding('utf8');

    let stdout = '';
    const baseUrl = await new Promise((resolve, reject) => {
      let settled = false;
      const settle = (outcome, value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome(value);
      };
      const timer = setTimeout(() => {
        settle(reject, new Error(`the server did not report listening within ${STARTUP_TIMEOUT_MS / 1000} s`));
        child.kill('SIGKILL');
      }, STARTUP_TIMEOUT_MS);
      child.stdout.on('data', (chunk) => {
        this.stdoutText += chunk;
        stdout += chunk;
        const match = LISTENING.exec(stdout);
        if (match) settle(resolve, match[1]);
      });
      this.exited.then(({ code, signal }) =>
        settle(reject, new Error(`the server exited before listening (code ${code}, signal ${signal})`)),
      );
      child.once('error', (error) => settle(reject, error));
    }).catch((error) => {
      error.message += `\n--- server stderr ---\n${this.stderrTail()}`;
      throw error;
    });
    this.baseUrl = baseUrl;
    this.port = Number(new URL(baseUrl).port);
    return baseUrl;
  }

  /** Graceful stop (SIGTERM). Throws when the exit was not clean, with the server's stderr. */
  async terminate() {
    if (!this.child) return;
    const child = this.child;
    if (this.running) child.kill('SIGTERM');
    const timeout = new Promise((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS);
      timer.unref();
    });
    const outcome = await Promise.race([this.exited, timeout]);
    this.child = undefined;
    if (outcome === 'timeout') {
      child.kill('SIGKILL');
      await this.exited;
      throw new Error(`the server did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM\n${this.stderrTail()}`);
    }
    const sanitizer = /ERROR: (Address|Leak|UndefinedBehavior)Sanitizer|runtime error:/.exec(this.stderrText);
    if (outcome.code !== 0 || sanitizer) {
      throw new Error(
        `the server did not exit cleanly (code ${outcome.code}, signal ${outcome.signal}` +
          `${sanitizer ? `, sanitizer report: ${sanitizer[0]}` : ''})\n${this.stderrTail(80)}`,
      );
    }
  }

  /** kill -9: no chance to flush or clean up. */
  async kill9() {
    if (!this.child) return;
    const child = this.child;
    if (this.running) child.kill('SIGKILL');
    await this.exited;
    this.child = undefined;
  }

  /** A new server process on the same database (after kill9() or stop()); the port changes. */
  async restart() {
    if (this.removed) throw new Error('this server was stopped and its database removed');
    if (this.running) await this.terminate();
    return this.launch();
  }

  /** Stops the server (gracefully) and removes its database. */
  async stop() {
    if (this.removed) return;
    let failure;
    try {
      await this.terminate();
    } catch (error) {
      failure = error;
    }
    this.removed = true;
    live.delete(this);
    await this.removeDatabase();
    if (failure) throw failure;
  }

  async removeDatabase() {
    if (process.env.ANKANG_E2E_KEEP === '1') {
      console.error(`# kept ${this.databaseUrl} (work dir ${this.workDir})`);
      return;
    }
    if (this.postgres) {
      await psql(this.postgres.adminUrl, `DROP DATABASE IF EXISTS ${this.postgres.name} WITH (FORCE)`);
    }
    rmSync(this.workDir, { recursive: true, force: true });
  }

  _emergencyCleanup() {
    try {
      if (this.child && this.running) this.child.kill('SIGKILL');
    } catch {
      // already gone
    }
    if (process.env.ANKANG_E2E_KEEP === '1') return;
    try {
      if (this.postgres) {
        execFileSync('psql', ['-X', '-q', '-d', this.postgres.adminUrl, '-c', `DROP DATABASE IF EXISTS ${this.postgres.name} WITH (FORCE)`], {
          stdio: 'ignore',
          timeout: 10_000,
        });
      }
    } catch {
      // best effort
    }
    rmSync(this.workDir, { recursive: true, force: true });
  }
}

/**
 * Starts a server with the demo province.
 * @param {object} [options]
 * @param {'sqlite'|'postgres'} [options.database]
 * @param {string} [options.staticDir] directory served at / (default: none, so only the API answers)
 * @param {Record<string,string>} [options.env] extra environment (real ANKANG_* settings only)
 * @param {boolean} [options.demo] load the demo province (default true)
 * @param {string} [options.databaseUrl] serve this existing database (such as a restored backup,
 *   'sqlite:/path/file.db' or 'postgresql://…') instead of a fresh one: nothing is created, no demo is
 *   loaded, and stop() leaves the database where it is (the caller removes it); `database` is ignored
 */
export async function startServer({
  database = process.env.ANKANG_E2E_DATABASE ?? 'sqlite',
  staticDir,
  env = {},
  demo = true,
  databaseUrl: existingDatabaseUrl,
} = {}) {
  const binary = binaryPath();
  if (!existsSync(binary)) throw new Error(`server binary not found: ${binary} (build it or set ANKANG_E2E_BINARY)`);
  const workDir = mkdtempSync(path.join(tmpdir(), 'ankang-e2e-'));
  let databaseUrl;
  let postgres;
  if (existingDatabaseUrl !== undefined) {
    databaseUrl = existingDatabaseUrl;
    database = existingDatabaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres';
    demo = false;
  } else if (database === 'sqlite') {
    databaseUrl = `sqlite:${path.join(workDir, 'ankang.db')}`;
  } else if (database === 'postgres' || database === 'postgresql') {
    postgres = postgresUrls();
    databaseUrl = postgres.url;
  } else {
    throw new Error(`unknown database kind '${database}' (sqlite or postgres)`);
  }
  const server = new ServerProcess({
    kind: database === 'sqlite' ? 'sqlite' : 'postgres',
    databaseUrl,
    workDir,
    staticDir,
    env: childEnvironment(env),
    postgres,
  });
  live.add(server);
  try {
    if (postgres) await psql(postgres.adminUrl, `CREATE DATABASE ${postgres.name}`);
    if (demo) await server.runCli(['demo']);
    await server.launch();
  } catch (error) {
    live.delete(server);
    server._emergencyCleanup();
    throw error;
  }
  return server;
}

/** The SQLite file of a server started with database 'sqlite'. */
export function sqliteFile(server) {
  if (server.kind !== 'sqlite') throw new Error('not a SQLite server');
  return server.databaseUrl.slice('sqlite:'.length);
}
