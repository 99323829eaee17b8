// The browser tests' world: a demo server of the real binary on a free port with a fresh
// data directory, Debian's chromium driven headless by playwright-core, and the checks every
// page gets (axe-core, WCAG 2.1 AA; a screenshot kept as an artefact).
import { spawn } from 'node:child_process';
import { before, after, afterEach } from 'node:test';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const binary = process.env.JH_BINARY || path.join(root, 'build/jeugdhulp');
export const artifacts = process.env.JH_E2E_ARTIFACTS || path.join(root, 'build/e2e-artifacts');
const chromiumPath = process.env.JH_CHROMIUM || '/usr/bin/chromium';

// Starts `jeugdhulp demo` and resolves with {url, tokens: {label: token}, stop()} once it
// listens. The labels are those the demo prints, e.g. "huisarts (Huisartsenpraktijk De Linde)".
export function startDemo() {
  const data = mkdtempSync(path.join(tmpdir(), 'jh-e2e-'));
  const child = spawn(binary, ['demo', '--data', path.join(data, 'd'), '--fresh',
    '--listen', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (b) => { err += b; });
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(data, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    // A demo that fails to start is stopped and its data directory removed, as after a test;
    // the first reason is the one reported (stopping it makes it exit too).
    let settled = false;
    const fail = (message) => {
      if (settled) return;
      settled = true;
      stop().finally(() => reject(new Error(message)));
    };
    const timer = setTimeout(() => fail(`demo did not start:\n${out}\n${err}`), 30000);
    child.once('exit', (code) => fail(`demo exited ${code}:\n${out}\n${err}`));
    child.stdout.on('data', (b) => {
      out += b;
      const m = /LISTENING=([\d.]+:\d+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      // The demo's first steps open the store; its page pool must be in place before them
      // (app/serve.h, UseServePagePool), or the server logs that it runs on malloc.
      if (err.includes('"sqlite-page-pool"')) {
        fail(`demo started without its page pool:\n${err}`);
        return;
      }
      const tokens = {};
      for (const line of out.split('\n')) {
        const t = /^\s+(\S.*?)\s+([0-9a-f]{64})\s*$/.exec(line);
        if (t) tokens[t[1]] = t[2];
      }
      settled = true;
      resolve({ url: `http://${m[1]}`, tokens, stop });
    });
  });
}

export async function startBrowser() {
  const profile = mkdtempSync(path.join(tmpdir(), 'jh-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  context.setDefaultTimeout(10000);
  // Any CSP violation or script error fails the test that caused it.
  const problems = [];
  context.on('page', (p) => watch(p, problems));
  for (const p of context.pages()) watch(p, problems);
  return {
    context,
    problems,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function watch(page, problems) {
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
}

// Signs in with a token on the sign-in page and waits for the first page of that role.
export async function signIn(page, url, token) {
  await page.goto(`${url}/#/`);
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
  await page.waitForFunction(() => (document.body.dataset.klaar || '#/') !== '#/');
}

// Opens a page by its hash and waits until the router has rendered it.
export async function open(page, url, hash) {
  if (page.url() !== `${url}/${hash}`) {
    await page.evaluate(() => { delete document.body.dataset.klaar; });
    await page.goto(`${url}/${hash}`);
  }
  await page.waitForFunction((h) => document.body.dataset.klaar === h, hash);
}

let shots = 0;
// The page's screenshot as an artefact, and zero axe-core violations of WCAG 2.1 A and AA.
export async function check(page, name) {
  mkdirSync(artifacts, { recursive: true });
  shots += 1;
  await page.screenshot({ path: path.join(artifacts, `${String(shots).padStart(2, '0')}-${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  assert.deepEqual(found, [], `axe on ${name}`);
}

// Registers the hooks every test file needs: the demo and a browser start (at once) before
// its tests, `onStarted({demo, browser, page})` receives them, and both stop after the
// tests; a test that caused a script error or a CSP violation fails.
export function withDemoAndBrowser(onStarted) {
  const started = {};
  before(async () => {
    // If either fails, the other is kept so that after() stops it.
    const [d, b] = await Promise.allSettled([startDemo(), startBrowser()]);
    started.demo = d.value;
    started.browser = b.value;
    if (d.status === 'rejected') throw d.reason;
    if (b.status === 'rejected') throw b.reason;
    started.page = started.browser.context.pages()[0] || await started.browser.context.newPage();
    onStarted(started);
  });
  after(async () => {
    await started.browser?.close();
    await started.demo?.stop();
  });
  afterEach(() => {
    const problems = started.browser ? started.browser.problems.splice(0) : [];
    assert.deepEqual(problems, [], 'no script errors and no CSP violations');
  });
}
