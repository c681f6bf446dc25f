// tests/web/run.test.mjs - the page runs the first program flat out to the
// stop lamp, with the right answer and count, without freezing.
//
// Expected values worked out by hand (tests/cli/panel.bats has the
// derivation): lines 1-4 take 4 steps, b = 262143 .. 131073 take 16 steps
// each, b = 131072 takes 14: 4 + 131071 * 16 + 14 = 2,097,154 instructions;
// the answer 2^17 = 131072 is in line 27; STP is line 13;
// 2,097,154 x 1.44 ms = 3019.9 s = 50 min 19.9 s.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, state, runFlatOut, WEB } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

test('the first program, flat out, lights the lamp after 2,097,154 instructions', async () => {
  const page = await open(browser);
  const s0 = await state(page);
  assert.equal(s0.steps, 0);
  assert.equal(s0.lamp, false);
  await runFlatOut(page);
  const s = await state(page);
  assert.equal(s.lamp, true);
  assert.equal(s.fault, false);
  assert.equal(s.steps, 2097154);
  assert.equal(s.store[27], 131072);
  assert.equal(s.ci, 13);
  // and the page says so
  assert.equal(await page.textContent('#r-steps'), '2,097,154');
  assert.match(await page.textContent('#lamp-text'), /LIT/);
  assert.equal(await page.textContent('#r-time'), '50 min 19.9 s');
  // the run was cut into slices, the page drawing between them: the panel's
  // first flat-out slice is 2^18 = 262,144 steps, fewer than 2,097,154
  assert.ok(await page.evaluate(() => window.ssemPage.slices) >= 2);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: `${WEB}/screenshot.png`, fullPage: true });
  await page.close();
});

test('served over HTTP the page works the same (and fetches nothing from elsewhere)', async () => {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };
  const server = createServer(async (req, res) => {
    const name = new URL(req.url, 'http://x').pathname.replace(/^\/$/, '/index.html');
    try {
      const body = await readFile(WEB + name.replace(/\.\./g, ''));
      res.writeHead(200, { 'content-type': types[name.slice(name.lastIndexOf('.'))] || 'application/octet-stream' });
      res.end(body);
    } catch (e) { res.writeHead(404); res.end(); }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const page = await browser.newPage();
  const elsewhere = [];
  page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('blob:')) elsewhere.push(r.url()); });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(base);
  await page.waitForFunction(() => window.ssemPage && window.ssemPage.ready, null, { timeout: 15000 });
  await runFlatOut(page);
  const s = await state(page);
  assert.equal(s.steps, 2097154);
  assert.equal(s.store[27], 131072);
  assert.deepEqual(elsewhere, []);
  assert.deepEqual(page.errors, []);
  await page.close();
  server.close();
});
