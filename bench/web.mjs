// bench/web.mjs - the page's speed in Debian's chromium (headless, driven by
// playwright-core): for each engine in the page, the first program run flat
// out from page load to the stop lamp. Prints figures, checks none (tests
// never time anything). `make bench` runs it after the wasm engines.
//
// For each engine, median of 9 fresh page loads (1 with --quick), the
// engines taking turns so that the machine's load falls on all alike:
//   ready   navigation start to the page ready (wasm compiled, example loaded)
//   run     time spent inside the engine's slices until the lamp (the page's
//           "run time": what the 50 ms target of issue 8 is about)
//   lamp    navigation start to the lamp; the run is started as soon as
//           the test sees the page ready (so this is ready + a poll + run +
//           the frames drawn in between)
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const quick = process.argv.includes('--quick');
const url = pathToFileURL(path.resolve('build-web/index.html')).href;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];

const first = await browser.newPage();
await first.goto(url);
await first.waitForFunction(() => window.ssemPage && window.ssemPage.ready);
const engines = (await first.evaluate(() => window.ssemPage.api.web_engine_list(window.ssemPage.w))).split(' ');
const dflt = await first.evaluate(() => window.ssemPage.api.web_engine(window.ssemPage.w));
await first.close();

console.log(`chromium ${browser.version()}, ${url.replace(/^.*\//, '')}, default engine ${dflt}`);
console.log('engine   ready ms   run ms   lamp ms   instr/s in the page');
const fig = Object.fromEntries(engines.map((e) => [e, { ready: [], run: [], lamp: [] }]));
for (let i = 0; i < (quick ? 1 : 9); i++) {
  for (const engine of engines) {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.ssemPage && window.ssemPage.ready);
    const r = await page.evaluate((e) => new Promise((resolve) => {
      const p = window.ssemPage;
      p.api.web_set_engine(p.w, e);
      p.api.web_set_speed(p.w, 0);
      p.key('r');
      const poll = () => {
        if (p.lampAt !== null) resolve({ ready: p.readyAt, run: p.runMs, lamp: p.lampAt, steps: p.state().steps });
        else requestAnimationFrame(poll);
      };
      poll();
    }), engine);
    if (r.steps !== 2097154) throw new Error(`${engine}: ${r.steps} instructions, want 2097154`);
    for (const k of ['ready', 'run', 'lamp']) fig[engine][k].push(r[k]);
    await page.close();
  }
}
for (const engine of engines) {
  const f = fig[engine];
  const m = median(f.run);
  console.log(`${engine.padEnd(6)} ${median(f.ready).toFixed(1).padStart(8)} ${m.toFixed(1).padStart(8)} ` +
    `${median(f.lamp).toFixed(1).padStart(9)}   ${(2097154 / (m / 1000)).toPrecision(3)}`);
}
await browser.close();
