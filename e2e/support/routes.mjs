// The route table of the server binary, as `ankang routes` prints it (the same wiring `ankang serve` runs).
//
//   const table = await readRouteTable();   // [{ method, path, access, permission, bodyLimit, tag, summary }, …]
//   routeKey(table[0])                      // 'GET /api/v1/organisations'
//
// access is 'public', 'signed_in' or 'permission'; permission is the key for 'permission' routes, else null.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { binaryPath, repoRoot } from './server.mjs';

const execFileAsync = promisify(execFile);

/** 'METHOD /path', the name a route goes by in the matrix and in test output. */
export function routeKey(route) {
  return `${route.method} ${route.path}`;
}

/** Runs `ankang routes` and returns the parsed table. */
export async function readRouteTable() {
  // The binary refuses unknown ANKANG_* variables (the test scripts export some of their own).
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('ANKANG_')) env[name] = value;
  }
  let stdout;
  try {
    ({ stdout } = await execFileAsync(binaryPath(), ['routes'], { cwd: repoRoot, env, maxBuffer: 8 * 1024 * 1024 }));
  } catch (error) {
    throw new Error(`ankang routes failed (${error.code ?? error.signal}):\n${error.stderr ?? ''}`);
  }
  const table = JSON.parse(stdout);
  if (!Array.isArray(table) || table.length === 0) throw new Error(`ankang routes printed no routes:\n${stdout}`);
  return table;
}
