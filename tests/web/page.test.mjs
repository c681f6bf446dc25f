// tests/web/page.test.mjs - the page in Debian's chromium: the CRT's pixels
// against the store, the editor's errors, drag-and-drop, share links (ours
// and manchesterbaby.com's), reverse-step, bad input, the keyboard alone and
// a phone-width screen. Expected values are worked out by hand in comments;
// the first program's values are derived in tests/web/run.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, state, runFlatOut, loadExample, firstProgram, dropFile, until, PAGE } from './helpers.mjs';
import { readlinkSync } from 'node:fs';
import path from 'node:path';

let browser;
before(async () => { browser = await launch(); });
after(async () => { if (browser) await browser.close(); });

// Reads the CRT canvas: for each of the 32 x 32 cells, the red channel at
// the dot's place (left of the cell) and at a place only a dash covers
// (right of the cell), from the geometry the page publishes.
async function readCrt(page) {
  return page.evaluate(() => {
    const c = document.getElementById('crt');
    const g = window.ssemPage.geometry;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const px = (x, y) => d[(Math.floor(y) * c.width + Math.floor(x)) * 4];
    const cells = [];
    for (let r = 0; r < 32; r++) {
      const y = g.y0 + r * g.ch + g.ch / 2;
      const row = [];
      for (let col = 0; col < 32; col++) {
        const x = g.x0 + col * g.cw;
        row.push({ dot: px(x + 2, y), dash: px(x + 7, y) });
      }
      cells.push(row);
    }
    const l = document.getElementById('lamp');
    const lamp = l.getContext('2d').getImageData(20, 20, 1, 1).data[0];
    return { cells, lamp };
  });
}

// The phosphor's red channel: normal rows are drawn #5fc07a (red 95), the
// bright action line #e9fff0 (red 233), the face under 20.
function checkCrt(crt, store, brightRow) {
  let checked = 0;
  for (let r = 0; r < 32; r++) {
    for (let c = 0; c < 32; c++) {
      const bit = Math.floor(store[r] / 2 ** c) % 2;
      const { dot, dash } = crt.cells[r][c];
      const lit = r === brightRow ? [180, 256] : [60, 150];
      const where = `row ${r} digit ${c} (bit ${bit})`;
      // every cell shows a spot at its left: a dot, or the start of a dash
      assert.ok(dot >= lit[0] && dot < lit[1], `${where}: spot red ${dot} not in [${lit}]`);
      // only a dash reaches the right of the cell
      if (bit) assert.ok(dash >= lit[0] && dash < lit[1], `${where}: no dash (red ${dash})`);
      else assert.ok(dash < 40, `${where}: a dash where a dot should be (red ${dash})`);
      checked++;
    }
  }
  return checked;
}

test('the CRT shows every one of the 1,024 cells as the store has it, the action line brighter, and the lamp', async () => {
  const page = await open(browser);
  // the line switches on line 5: the action line (CS at Stop)
  await page.fill('#lines', '5');
  await page.dispatchEvent('#lines', 'change');
  let s = await state(page);
  assert.deepEqual(s.store, firstProgram());
  assert.equal(checkCrt(await readCrt(page), s.store, 5), 1024);
  assert.ok((await readCrt(page)).lamp < 80, 'lamp out at the start');
  await runFlatOut(page);
  s = await state(page);
  assert.equal(s.lamp, true);
  // after the run the store holds the answer (line 27 = 2^17: one dash, digit 17)
  assert.equal(s.store[27], 131072);
  // the machine stopped itself at the STP: the action line stays where it
  // was while running, on CI's line (as `ssem panel` does, issue 12), and
  // CI at the halt is 13, the STP's line (SPEC section 9)
  assert.equal(s.ci, 13);
  const crt = await readCrt(page);
  assert.equal(checkCrt(crt, s.store, 13), 1024);
  assert.ok(crt.lamp > 200, `lamp lit: red ${crt.lamp}`);
  await page.close();
});

test('the editor assembles as you type and shows an error at its line and column', async () => {
  const page = await open(browser);
  const before = await state(page);
  await page.fill('#editor', '');
  await page.type('#editor', 'LDN 24\nSTO 25\nLDX 3\n');
  await page.evaluate(() => window.ssemPage.assembleNow());
  // line 3, column 1: the mnemonic LDX
  const status = await page.textContent('#asm-status');
  assert.match(status, /editor\.asm:3:1: unknown mnemonic 'LDX'/);
  assert.equal(await page.getAttribute('#editor', 'aria-invalid'), 'true');
  assert.deepEqual(await state(page), before, 'the machine is kept');
  // a program past line 31: the line number 32 at line 2, column 1
  await page.fill('#editor', 'NUM 1\n32 NUM 5\n');
  await page.evaluate(() => window.ssemPage.assembleNow());
  assert.match(await page.textContent('#asm-status'), /editor\.asm:2:1: line number out of range 0\.\.31/);
  assert.deepEqual(await state(page), before, 'the machine is kept');
  // fixed: it assembles and is loaded (LDN 24 = 24 + 2 * 8192 = 16408;
  // STO 25 = 25 + 3 * 8192 = 24601)
  await page.fill('#editor', 'LDN 24\nSTO 25\nSTP\n');
  await page.evaluate(() => window.ssemPage.assembleNow());
  const s = await state(page);
  assert.deepEqual(s.store.slice(0, 3), [16408, 24601, 57344]);
  assert.equal(await page.getAttribute('#editor', 'aria-invalid'), 'false');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a .snp dropped on the page loads; its share link opens the identical machine in a new page', async () => {
  const page = await open(browser);
  await loadExample(page, 'gcd.asm');
  // the first program as Sharp's snapshot, written here by hand from the
  // listing: "NNNN:BITS", bit 0 first
  const store = firstProgram();
  let snp = '; the first program\n32\n';
  for (let i = 0; i < 32; i++) {
    let bits = '';
    for (let b = 0; b < 32; b++) bits += Math.floor(store[i] / 2 ** b) % 2;
    snp += String(i).padStart(4, '0') + ':' + bits + '\n';
  }
  await dropFile(page, 'first.snp', snp);
  await until(page, (s) => s.store[24] !== 0 && s.steps === 0);
  assert.deepEqual((await state(page)).store, store);
  // run part way: a breakpoint on line 13 (the STP) stops it just before
  // the STP, after 2,097,153 instructions, with CI = 12
  await page.click('#gutter button:nth-child(14)');
  await runFlatOut(page);
  const s = await state(page);
  assert.equal(s.steps, 2097153);
  assert.equal(s.ci, 12);
  assert.equal(s.lamp, false);
  await page.click('#share');
  const link = await page.inputValue('#share-url');
  assert.match(link, /#s=[A-Za-z0-9_-]{171}&a=0&ci=12&pi=49152&lamp=0&fault=0&steps=2097153$/);
  const other = await open(browser, link);
  const t = await state(other);
  for (const k of ['store', 'a', 'ci', 'pi', 'lamp', 'fault', 'steps']) assert.deepEqual(t[k], s[k], k);
  // and it runs on from there: one more instruction, the STP
  await other.keyboard.press('s');
  const u = await state(other);
  assert.equal(u.steps, 2097154);
  assert.equal(u.lamp, true);
  await other.close();
  await page.close();
});

test('a manchesterbaby.com link opens the program it carries', async () => {
  // the older form: base64url of the 32 lines as big-endian 32-bit words
  const store = firstProgram();
  const bytes = Buffer.alloc(128);
  store.forEach((w, i) => bytes.writeUInt32BE(w, 4 * i));
  const value = bytes.toString('base64url');
  const page = await open(browser, PAGE + '?s=' + value);
  assert.deepEqual((await state(page)).store, store);
  await runFlatOut(page);
  const s = await state(page);
  assert.equal(s.steps, 2097154);
  assert.equal(s.store[27], 131072);
  // the same link pasted into the page
  await loadExample(page, 'gcd.asm');
  await page.click('#openlink');
  await page.fill('#link-url', 'https://manchesterbaby.com/?s=' + value);
  await page.click('#link-go');
  assert.deepEqual((await state(page)).store, store);
  await page.close();
});

test('reverse-step after a run gives the state before the last instruction', async () => {
  const page = await open(browser);
  await runFlatOut(page);
  assert.equal((await state(page)).steps, 2097154);
  await page.click('#k-back');
  // step 2,097,153 was line 12, CMP (PI = 6 * 8192 = 49152) with A = 0 (line
  // 11 loaded -0): no skip, CI = 12, the lamp out; line 27 already 131072
  let s = await state(page);
  assert.equal(s.steps, 2097153);
  assert.equal(s.ci, 12);
  assert.equal(s.pi, 49152);
  assert.equal(s.a, 0);
  assert.equal(s.lamp, false);
  assert.equal(s.store[27], 131072);
  // four more back (the key b, as `ssem panel`'s), compared with a fresh
  // machine run forward by exactly that many steps
  for (let i = 0; i < 4; i++) await page.keyboard.press('b');
  s = await state(page);
  assert.equal(s.steps, 2097149);
  const fresh = await open(browser);
  // CS to Run, one slice of exactly 2,097,149 steps, CS to Stop
  await fresh.evaluate(() => {
    const p = window.ssemPage;
    p.key('r');
    p.api.web_run_slice(p.w, 2097149);
    p.key('r');
  });
  const f = await state(fresh);
  assert.equal(f.steps, 2097149);
  for (const k of ['store', 'a', 'ci', 'pi', 'lamp']) assert.deepEqual(s[k], f[k], k);
  await fresh.close();
  await page.close();
});

test('bad input: a malformed file, a wrong share link: a clear message, the machine kept', async () => {
  const page = await open(browser);
  await loadExample(page, 'gcd.asm');
  const before = await state(page);
  await dropFile(page, 'broken.asm', 'LDN 24\nJMP\n');
  await page.waitForSelector('#error:not([hidden])');
  // line 2: JMP needs an operand
  assert.match(await page.textContent('#error'), /broken\.asm:2:\d+: .*The machine you had is unchanged/s);
  assert.deepEqual(await state(page), before);
  const bad = await open(browser, PAGE + '#s=AAAA&a=1');
  assert.match(await bad.textContent('#error'), /share link is not valid/);
  await bad.close();
  await page.click('#openlink');
  await page.fill('#link-url', 'https://manchesterbaby.com/?s=!!');
  await page.click('#link-go');
  assert.equal(await page.isVisible('#error'), true);
  assert.deepEqual(await state(page), before);
  await page.close();
});

test('by keyboard alone: tab to the monitor, flat out with +, run with r', async () => {
  const page = await open(browser);
  let focused = '';
  for (let i = 0; i < 40 && focused !== 'monitor'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement.id);
  }
  assert.equal(focused, 'monitor');
  // speeds: 1948, x2, x5, x10, x100, x1000, x10000, x100000, flat out
  for (let i = 0; i < 8; i++) await page.keyboard.press('+');
  assert.equal(await page.evaluate(() => window.ssemPage.api.web_speed(window.ssemPage.w)), 0);
  await page.keyboard.press('r');
  await until(page, (s) => !s.running);
  const s = await state(page);
  assert.equal(s.steps, 2097154);
  assert.equal(s.lamp, true);
  await page.close();
});

test('every control is labelled, and the page fits a 360 px wide screen', async () => {
  const page = await open(browser, PAGE, { width: 360, height: 740 });
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('button, select, input, textarea, canvas')]
    .filter((e) => !(e.getAttribute('aria-label') || (e.labels && e.labels.length) || e.textContent.trim()))
    .map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(unnamed, []);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width} px wide`);
  const crt = await page.evaluate(() => document.getElementById('crt').getBoundingClientRect().width);
  assert.ok(crt > 250, `the CRT is ${crt} px wide`);
  await page.close();
});

test('the examples menu lists every program in programs/ and programs/historic/, and each loads', async () => {
  const { execFileSync } = await import('node:child_process');
  const { ROOT } = await import('./helpers.mjs');
  // every program file, and the link programs/first.lst in place of the
  // file it names (historic/first.lst), which must not be listed twice
  const find = (type) => execFileSync('find', ['programs', '-type', type, '!', '-name', '*.expect', '!', '-name', '*.md'],
    { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').filter((f) => f !== '');
  const links = find('l');
  const linked = links.map((l) => path.join(path.dirname(l), readlinkSync(path.join(ROOT, l))));
  const files = find('f').filter((f) => !linked.includes(f)).concat(links)
    .map((f) => f.replace(/^programs\//, '')).sort();
  assert.ok(files.includes('first.lst') && files.includes('historic/hcf-nature.asm'), files.join(' '));
  assert.ok(!files.includes('historic/first.lst'), 'historic/first.lst is listed as first.lst');
  const page = await open(browser);
  const names = (await page.evaluate(() => window.SSEM_EXAMPLES.map((e) => e.name))).sort();
  assert.deepEqual(names, files);
  for (const name of names) {
    await loadExample(page, name);
    assert.equal(await page.isVisible('#error'), false, `${name} loads`);
  }
  await page.close();
});
