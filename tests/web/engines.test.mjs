// tests/web/engines.test.mjs - the translator to WebAssembly (`wasm`, issue 9)
// inside chromium: it is the page's default engine (the fastest in wasm,
// docs/performance.md), and on programs of the examples menu it ends in the
// same T-state, lamp, fault and instruction count as the reference, `ref`,
// run flat out in the same page build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, state, runFlatOut, loadExample } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

test('the page runs the wasm translator by default', async () => {
  const page = await open(browser);
  assert.equal(await page.inputValue('#engine'), 'wasm');
  assert.deepEqual(page.errors, []);
  await page.close();
});

async function runWith(name, engine) {
  const page = await open(browser);
  await loadExample(page, name);
  await page.selectOption('#engine', engine);
  assert.equal(await page.inputValue('#engine'), engine);
  await runFlatOut(page);
  const s = await state(page);
  assert.deepEqual(page.errors, []);
  await page.close();
  return { store: s.store, a: s.a, ci: s.ci, pi: s.pi, lamp: s.lamp, fault: s.fault, steps: s.steps };
}

for (const name of ['first.lst', 'gcd.asm', 'multiply.asm', 'fibonacci.asm', 'divide.asm']) {
  test(`${name}: wasm ends as ref does`, async () => {
    const ref = await runWith(name, 'ref');
    const wasm = await runWith(name, 'wasm');
    assert.ok(ref.steps > 0);
    assert.deepEqual(wasm, ref);
  });
}

// The Translator panel, after the first program ran: its inner loop is the
// block of lines 6-8 (SUB 27, CMP, JRP 20; S[20] = -3, so the JRP goes to
// 8 - 3 + 1 = line 6, the block itself). In wasm that is a loop whose SUB
// loads the word at offset 27 x 4 = 108 of the store, and whose JRP is a
// `br 0` back to the block's own loop: no dispatch.
test('the Translator panel shows a block in and out', async () => {
  const page = await open(browser);
  await loadExample(page, 'first.lst');
  await runFlatOut(page);
  await page.click('#translator summary');
  await page.fill('#tx-line', '6');
  const text = await page.textContent('#tx-text');
  assert.match(text, /^engine wasm: \d+ blocks translated/);
  assert.match(text, /blocks now:.* 6-8 .*9-13 .*14-19/);
  assert.match(text, /block at line 6: the Baby instructions in\n {3}6 {2}SUB 27\n {3}7 {2}CMP\n {3}8 {2}JRP 20\n/);
  assert.match(text, /i32\.load offset=108\n/);
  assert.match(text, /br 0\n\s*end\n*$/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// The lockstep checker itself inside chromium (issue 9): from the machine
// the page loaded, `wasm` and `ref` side by side, their T-states compared
// after EVERY step (stride 1), as `ssem verify` does on the command line.
// The first program agrees for its 2,097,154 steps (SPEC section 9); the
// others are the hand-made hard cases of tests/wasm/ (self-modifying code, a
// fetch fault, CI past line 31, CMP at lines 30 and 31), each file deriving
// its step count and stop by hand in its header, and the self-modifying
// examples of programs/.
import { readFileSync } from 'node:fs';

async function verifyIn(page, text, name) {
  assert.equal(await page.evaluate(([t, n]) => window.ssemPage.load(t, n), [text, name]), true);
  return page.evaluate(() => window.ssemPage.verify('wasm', 'ref', 10000000, 1));
}

test('ssem_verify in chromium: wasm agrees with ref at every step', async () => {
  const page = await open(browser);
  const file = (p) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');
  assert.equal(await verifyIn(page, file('programs/first.lst'), 'first.lst'), 'agree 2097154 halted');
  const hard = {
    'selfmod.asm': 'agree 15 halted', 'fault.asm': 'agree 2 fault', 'wrap.asm': 'agree 3 halted',
    'cmp30.asm': 'agree 4 halted', 'cmp31.asm': 'agree 11 halted',
  };
  for (const [name, verdict] of Object.entries(hard)) {
    assert.equal(await verifyIn(page, file(`tests/wasm/${name}`), name), verdict, name);
  }
  for (const name of ['tablesum.asm', 'picture.asm']) {
    assert.match(await verifyIn(page, file(`programs/${name}`), name), /^agree \d+ halted$/, name);
  }
  // an engine the page does not have is refused, not run
  assert.equal(await page.evaluate(() => window.ssemPage.verify('nosuch', 'ref', 10, 1)), null);
  assert.deepEqual(page.errors, []);
  await page.close();
});
