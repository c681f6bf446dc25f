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
