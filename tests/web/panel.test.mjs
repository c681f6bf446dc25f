// tests/web/panel.test.mjs - the web panel and `ssem panel` are one
// implementation: the same keys give the same machine. The terminal panel
// runs in a tmux pane of our own (as tests/cli/panel.bats does); the page's
// panel gets the same keys from the keyboard; after each group of keys the
// values both show are compared, and with values worked out by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launch, open, state, ROOT } from './helpers.mjs';

const SSEM = process.env.SSEM ? path.resolve(process.env.SSEM) : path.join(ROOT, 'build/ssem');
const SOCK = `ssem-web-test-${process.pid}`;
const tmux = (...args) => execFileSync('tmux', ['-L', SOCK, ...args], { encoding: 'utf8' });

let browser;
before(async () => { browser = await launch(); });
after(async () => {
  if (browser) await browser.close();
  try { tmux('kill-server'); } catch (e) { /* not started */ }
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function screenUntil(re) {
  let s = '';
  for (let i = 0; i < 100; i++) {
    s = tmux('capture-pane', '-p', '-t', 'panel');
    if (re.test(s)) return s;
    await sleep(100);
  }
  throw new Error(`ssem panel never showed ${re}:\n${s}`);
}
// what the terminal panel shows: CI, A, the step count, row values
function terminalState(screen) {
  const num = (re) => { const m = screen.match(re); assert.ok(m, `no ${re} on the panel`); return Number(m[1]); };
  const rows = {};
  for (const line of screen.split('\n')) {
    const m = line.match(/^([ \d]\d)[ *][ >] \S+ +(-?\d+)/);
    if (m) rows[Number(m[1])] = Number(m[2]);
  }
  return { ci: num(/CI +(-?\d+) +line/), a: num(/ A +(-?\d+)/), steps: num(/steps (\d+) /), rows };
}
const signed = (w) => w | 0;

test('the typewriter, KC and KCC do in the page what they do in ssem panel', async () => {
  assert.ok(existsSync(SSEM), `${SSEM} is missing: make builds it`);
  execFileSync('tmux', ['-V']); // tmux is needed: fail here, naming it, when it is not installed
  tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'panel', '-x', '120', '-y', '45', '-c', ROOT,
    `${SSEM} panel programs/first.lst`);
  await screenUntil(/key +1948 name/);
  const page = await open(browser);
  await page.focus('#monitor');

  // each group: tmux key names, the page's key names, and what to wait for
  const groups = [
    // line switches up four times from 0: 31, 30, 29, 28; the typewriter
    // cursor right five times: digit 5; space writes it: line 28 = 2^5 = 32
    { t: ['Up', 'Up', 'Up', 'Up', 'Right', 'Right', 'Right', 'Right', 'Right', 'Space'],
      p: ['ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowRight', 'ArrowRight', 'ArrowRight',
          'ArrowRight', 'ArrowRight', 'Space'],
      wait: /action line 28 = +\+?32 /, hand: { line: 28, value: 32, steps: 0, ci: 0, a: 0 } },
    // KC six times: lines 1-6, A = -S[23] - S[27] = 262144 - 262143 = 1, CI 6
    { t: ['s', 's', 's', 's', 's', 's'], p: ['s', 's', 's', 's', 's', 's'],
      wait: /steps 6 /, hand: { steps: 6, ci: 6, a: 1 } },
    // KCC: CI and A (and the count) cleared; the store keeps line 28
    { t: ['C'], p: ['C'], wait: /steps 0 /, hand: { steps: 0, ci: 0, a: 0, line: 28, value: 32 } },
  ];
  for (const g of groups) {
    tmux('send-keys', '-t', 'panel', ...g.t);
    const term = terminalState(await screenUntil(g.wait));
    for (const k of g.p) await page.keyboard.press(k);
    const web = await state(page);
    assert.equal(signed(web.ci), term.ci, 'CI');
    assert.equal(signed(web.a), term.a, 'A');
    assert.equal(web.steps, term.steps, 'steps');
    for (let r = 0; r < 32; r++) assert.equal(signed(web.store[r]), term.rows[r], `line ${r}`);
    assert.equal(web.steps, g.hand.steps);
    assert.equal(web.ci, g.hand.ci);
    assert.equal(web.a, g.hand.a);
    if (g.hand.line !== undefined) assert.equal(web.store[g.hand.line], g.hand.value);
  }
  tmux('send-keys', '-t', 'panel', 'q');
  await page.close();
});
