// tests/web/helpers.mjs - shared by the browser tests: starts Debian's
// chromium through playwright-core (never a browser of Playwright's own) and
// opens the page built by `make web` in build-web/.
//
// A missing piece (the browser, the built page) makes the test FAIL with its
// name: the suite never passes with the browser tests skipped.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB = path.join(ROOT, process.env.WEB_BUILD || 'build-web');
export const PAGE = pathToFileURL(path.join(WEB, 'index.html')).href;
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is missing (${CHROMIUM}): make deps installs it`);
  if (!existsSync(path.join(WEB, 'index.html'))) throw new Error(`${WEB}/index.html is missing: run make web`);
  // as root chromium needs --no-sandbox (Playwright adds it when it sees root)
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

// A new page on `url` (the built page by default), waiting until the wasm
// module is ready. Page errors are collected in page.errors.
export async function open(browser, url = PAGE, viewport = { width: 1200, height: 1000 }) {
  const page = await browser.newPage({ viewport });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => window.ssemPage && window.ssemPage.ready, null, { timeout: 15000 });
  return page;
}

export const state = (page) => page.evaluate(() => window.ssemPage.state());

// Runs flat out until the lamp is lit (or the machine stops otherwise).
export async function runFlatOut(page) {
  await page.selectOption('#speed', '0');
  await page.click('#k-cs');
  await page.waitForFunction(() => !window.ssemPage.state().running, null, { timeout: 60000 });
}

// Loads an example of the menu by its file name.
export async function loadExample(page, name) {
  const value = await page.evaluate((n) => String(window.SSEM_EXAMPLES.findIndex((e) => e.name === n)), name);
  if (value === '-1') throw new Error(`no example ${name}`);
  await page.selectOption('#examples', value);
}

// The first program's store, read from programs/first.lst by the test itself
// (each line "N BITS comment", bit 0 first): independent of the page's loaders.
import { readFileSync } from 'node:fs';
export function firstProgram() {
  const store = new Array(32).fill(0);
  for (const line of readFileSync(path.join(ROOT, 'programs/first.lst'), 'utf8').split('\n')) {
    const m = line.match(/^\s*(\d+)\s+([01]{32})/);
    if (!m) continue;
    let w = 0;
    for (let i = 0; i < 32; i++) if (m[2][i] === '1') w += 2 ** i;
    store[Number(m[1])] = w;
  }
  return store;
}

// Drops a file with `text` on the page, as a user dragging it from a file manager.
export async function dropFile(page, name, text) {
  await page.evaluate(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'text/plain' }));
    for (const type of ['dragenter', 'dragover', 'drop'])
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
}

// Waits until the page's state satisfies fn(state) (evaluated in the page).
export async function until(page, fn, timeout = 15000) {
  await page.waitForFunction(`(${fn})(window.ssemPage.state())`, null, { timeout });
}
