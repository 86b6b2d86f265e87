// Real Chromium (Debian's /usr/bin/chromium) driven by playwright-core, for the browser tests.
//
//   const browser = await launchBrowser();
//   const { context, page, issues } = await newPage(browser, server.baseUrl);
//   …
//   assert.deepEqual(issues, []);   // console errors/warnings, page errors, failed requests, HTTP >= 400
//
// Environment:
//   ANKANG_E2E_CHROMIUM   the Chromium executable (default /usr/bin/chromium)

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './server.mjs';

export const resultsDir = path.join(repoRoot, 'e2e', 'test-results');

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.ANKANG_E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh context (own cookies and storage) in zh-CN at 1366×800, with a page whose problems are
 * collected in `issues` (strings): console errors and warnings, uncaught page errors, requests that
 * failed and responses with status >= 400. Only requests to baseUrl count as the app's own.
 */
export async function newPage(browser, baseUrl) {
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1366, height: 800 },
    baseURL: baseUrl,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const issues = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      const where = message.location()?.url ? ` (${message.location().url})` : '';
      issues.push(`console ${message.type()}: ${message.text()}${where}`);
    }
  });
  page.on('pageerror', (error) => issues.push(`page error: ${error.stack ?? error.message}`));
  page.on('requestfailed', (request) =>
    issues.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) {
      issues.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });
  return { context, page, issues };
}

/** Saves a full-page screenshot under e2e/test-results/ and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Polls fn (sync or async) until it returns a truthy value and returns that value; throws with
 * `message` and the last value or error after timeoutMs.
 */
export async function waitUntil(fn, message, { timeoutMs = 10_000, intervalMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message} (last: ${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
