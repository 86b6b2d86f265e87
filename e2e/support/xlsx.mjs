// Reads the cells of an .xlsx export with the `unzip` command (no npm dependency).
//   const rows = await readXlsxRows(buffer);   // [['用户名', '姓名', …], ['county_cadre', …], …] or null

import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

let unzipPresent;
/** Whether the unzip command is installed (the xlsx checks are skipped without it). */
export function hasUnzip() {
  if (unzipPresent === undefined) {
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
      unzipPresent = true;
    } catch {
      unzipPresent = false;
    }
  }
  return unzipPresent;
}

function unescapeXml(text) {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}

function textOf(fragment) {
  return [...fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((match) => unescapeXml(match[1])).join('');
}

function columnIndex(reference) {
  const letters = /^[A-Z]+/.exec(reference)[0];
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

async function member(file, name) {
  try {
    const { stdout } = await execFileAsync('unzip', ['-p', file, name], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch {
    return '';
  }
}

/** The first worksheet as rows of strings (numbers as their text), or null without unzip. */
export async function readXlsxRows(buffer) {
  if (!hasUnzip()) return null;
  const directory = mkdtempSync(path.join(tmpdir(), 'ankang-xlsx-'));
  try {
    const file = path.join(directory, 'export.xlsx');
    writeFileSync(file, buffer);
    const sheet = await member(file, 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('the export has no xl/worksheets/sheet1.xml');
    const sharedXml = await member(file, 'xl/sharedStrings.xml');
    const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => textOf(match[1]));
    const rows = [];
    for (const rowMatch of sheet.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
      const row = [];
      for (const cell of rowMatch[1].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attributes = cell[1];
        const content = cell[2] ?? '';
        const reference = /\br="([A-Z]+\d+)"/.exec(attributes)?.[1];
        const type = /\bt="([^"]+)"/.exec(attributes)?.[1];
        let value = '';
        if (type === 'inlineStr') value = textOf(content);
        else if (type === 's') value = shared[Number(/<v>([\s\S]*?)<\/v>/.exec(content)?.[1])] ?? '';
        else value = unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(content)?.[1] ?? '');
        row[reference ? columnIndex(reference) : row.length] = value;
      }
      rows.push(Array.from(row, (value) => value ?? ''));
    }
    return rows;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
