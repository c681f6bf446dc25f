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
