// web/app.js - the page's behaviour: it draws what the library says and
// passes the operator's hands to it. The machine, the loaders, the panel's
// switches and keys, running and reverse-stepping are all the C library
// (its panel, ssem_panel_*, included) compiled to wasm (web/ssem_web.c is
// the interface);
// nothing of the machine is written again here.
//
// The share-link encoding (the fragment #s=…&a=…) is read and written here:
// docs/web.md describes it. manchesterbaby.com links (?s=…) are handed to
// the library's loader as text.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const page = { ready: false, runMs: 0, slices: 0, lampAt: null, loadStart: performance.now() };
  window.ssemPage = page; // for the browser tests and the curious

  // The CRT's geometry on the canvas (400 x 384): 32 rows of 12 px cells,
  // 8 px left margin. The tests read pixels at these places.
  const G = { x0: 8, y0: 0, cw: 12, ch: 12 };
  page.geometry = G;

  createSsem().then((Mod) => start(Mod)).catch((e) => fail('the wasm module did not load: ' + e));

  function fail(text) {
    const el = $('error');
    el.textContent = text;
    el.hidden = false;
  }

  function start(M) {
    page.wasmAt = performance.now(); // the module compiled and instantiated
    const api = {};
    const sig = {
      web_new: ['number', ['string']], web_free: [null, ['number']],
      web_default_engine: ['string', []], web_engine_list: ['string', ['number']],
      web_set_engine: ['number', ['number', 'string']], web_engine: ['string', ['number']],
      web_translator: ['string', ['number', 'number']],
      web_message: ['string', ['number']], web_error: ['string', ['number']],
      web_error_line: ['number', ['number']], web_error_column: ['number', ['number']],
      web_key: ['number', ['number', 'number']], web_action: [null, ['number', 'number']],
      web_budget: ['number', ['number', 'number']], web_run_slice: ['number', ['number', 'number']],
      web_tune: [null, ['number', 'number', 'number']],
      web_line: ['number', ['number', 'number']], web_a: ['number', ['number']],
      web_ci: ['number', ['number']], web_pi: ['number', ['number']],
      web_lamp: ['number', ['number']], web_fault: ['number', ['number']],
      web_steps: ['number', ['number']], web_time_1948: ['number', ['number']],
      web_running: ['number', ['number']], web_manual: ['number', ['number']],
      web_erase: ['number', ['number']], web_tube: ['number', ['number']],
      web_line_switches: ['number', ['number']], web_func_switches: ['number', ['number']],
      web_cursor: ['number', ['number']], web_action_line: ['number', ['number']],
      web_speed: ['number', ['number']], web_breakpoints: ['number', ['number']],
      web_set_line_switches: [null, ['number', 'number']],
      web_set_func_switches: [null, ['number', 'number']],
      web_set_cursor: [null, ['number', 'number']], web_set_speed: [null, ['number', 'number']],
      web_toggle_breakpoint: [null, ['number', 'number']],
      web_frame: ['number', ['number']], web_disasm: ['string', ['number', 'number']],
      web_save: ['string', ['number', 'string']], web_mnemonic: ['string', ['number']],
      web_verify: ['string', ['number', 'string', 'string', 'number', 'number']],
    };
    for (const [name, [ret, args]] of Object.entries(sig)) api[name] = M.cwrap(name, ret, args);
    const u32 = (x) => x >>> 0;
    const s32 = (x) => x | 0;

    // Strings with a length (the loaders take text that need not end in NUL).
    function withText(text, fn) {
      const n = M.lengthBytesUTF8(text);
      const p = M._malloc(n + 1);
      M.stringToUTF8(text, p, n + 1);
      try { return fn(p, n); } finally { M._free(p); }
    }
    const loadFn = M.cwrap('web_load', 'number', ['number', 'number', 'number', 'string', 'string']);
    const checkFn = M.cwrap('web_check', 'number', ['number', 'number', 'number', 'string', 'string']);
    const setStateFn = M.cwrap('web_set_state', null,
      ['number', 'number', 'number', 'number', 'number', 'number', 'number', 'number']);

    const w = api.web_new(api.web_default_engine());
    if (!w) { fail('out of memory'); return; }
    page.api = api;
    page.w = w;

    // ---------------------------------------------------------------- state
    function state() {
      const store = [];
      for (let i = 0; i < 32; i++) store.push(u32(api.web_line(w, i)));
      return {
        store, a: u32(api.web_a(w)), ci: u32(api.web_ci(w)), pi: u32(api.web_pi(w)),
        lamp: !!api.web_lamp(w), fault: !!api.web_fault(w), steps: api.web_steps(w),
        running: !!api.web_running(w), tube: api.web_tube(w), actionLine: api.web_action_line(w),
        breakpoints: u32(api.web_breakpoints(w)), manual: !!api.web_manual(w),
        erase: !!api.web_erase(w), cursor: api.web_cursor(w),
        lineSwitches: api.web_line_switches(w), funcSwitches: api.web_func_switches(w),
      };
    }
    page.state = state;
    // the lockstep checker from the machine as it is (tests, the curious)
    page.verify = (a, b, maxSteps, stride) => api.web_verify(w, a, b, maxSteps, stride) || null;

    function say(text) { $('message').textContent = text; }
    function showError(text) {
      const el = $('error');
      el.textContent = text;
      el.hidden = !text;
    }

    // ---------------------------------------------------------------- CRT
    const crt = $('crt');
    const ctx = crt.getContext('2d');
    const lampCtx = $('lamp').getContext('2d');
    function drawTube() {
      const p = api.web_frame(w) >>> 2;
      const heap = M.HEAPU32;
      const rows = heap.subarray(p, p + 32);
      const bright = heap[p + 32] >>> 0, lamp = heap[p + 33], tube = heap[p + 34];
      // the phosphor: a dark face, a little lighter in the middle, as a tube
      const g = ctx.createRadialGradient(200, 192, 40, 200, 192, 300);
      g.addColorStop(0, '#0c1a14');
      g.addColorStop(1, '#020504');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, crt.width, crt.height);
      for (let r = 0; r < 32; r++) {
        const hot = (bright >>> r) & 1;
        ctx.fillStyle = hot ? '#e9fff0' : '#5fc07a';
        ctx.shadowColor = hot ? '#b8ffd0' : '#2f8a4c';
        ctx.shadowBlur = hot ? 4 : 2;
        const word = rows[r] >>> 0;
        const y = G.y0 + r * G.ch + G.ch / 2;
        for (let c = 0; c < 32; c++) {
          const x = G.x0 + c * G.cw;
          if ((word >>> c) & 1) {
            ctx.fillRect(x + 1, y - 1.5, G.cw - 4, 3); // a dash: 1
          } else {
            ctx.beginPath(); // a dot: 0
            ctx.arc(x + 2.5, y, 1.6, 0, 2 * Math.PI);
            ctx.fill();
          }
        }
      }
      ctx.shadowBlur = 0;
      // the lamp
      lampCtx.clearRect(0, 0, 40, 40);
      const lg = lampCtx.createRadialGradient(20, 20, 2, 20, 20, 18);
      lg.addColorStop(0, lamp ? '#ffd0c0' : '#3a2220');
      lg.addColorStop(0.5, lamp ? '#ff4d3a' : '#2a1614');
      lg.addColorStop(1, lamp ? '#7a120a' : '#120807');
      lampCtx.fillStyle = lg;
      lampCtx.beginPath();
      lampCtx.arc(20, 20, 18, 0, 2 * Math.PI);
      lampCtx.fill();
      return tube;
    }

    function fmtTime(s) {
      if (s < 60) return s.toFixed(s < 1 ? 4 : 2) + ' s';
      const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
      return (h ? h + ' h ' : '') + m + ' min ' + r.toFixed(1) + ' s';
    }

    const gutter = $('gutter');
    const typewriter = $('typewriter');
    for (let i = 0; i < 32; i++) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = i;
      b.setAttribute('aria-label', 'line ' + i + ': breakpoint');
      b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', () => { api.web_toggle_breakpoint(w, i); update(); });
      gutter.appendChild(b);
      const t = document.createElement('button');
      t.type = 'button';
      t.textContent = i;
      t.setAttribute('aria-label', 'typewriter digit ' + i);
      t.addEventListener('click', () => typeDigit(i));
      typewriter.appendChild(t);
    }
    const funcs = $('funcs');
    for (let f = 0; f < 8; f++) {
      const o = document.createElement('option');
      o.value = f;
      o.textContent = f + ' ' + api.web_mnemonic(f);
      funcs.appendChild(o);
    }

    let last = null;
    function update() {
      const tube = drawTube();
      const s = state();
      const lampOn = s.lamp;
      $('lamp-text').textContent = lampOn ? (s.fault ? 'stop lamp LIT (fault)' : 'stop lamp LIT') : 'stop lamp out';
      $('lamp').setAttribute('aria-label', lampOn ? 'Stop lamp: lit' : 'Stop lamp: out');
      $('r-ci').textContent = s.ci + ' (line ' + (s.ci & 31) + ')';
      $('r-a').textContent = s32(s.a);
      $('r-pi').textContent = s32(s.pi) + '  ' + api.web_disasm(w, s.pi);
      $('r-steps').textContent = s.steps.toLocaleString('en');
      $('r-time').textContent = fmtTime(api.web_time_1948(w));
      const al = s.actionLine;
      $('r-line').textContent = al + ': ' + s32(s.store[al]) + '  ' + api.web_disasm(w, s.store[al]);
      for (let i = 0; i < 32; i++) {
        const b = gutter.children[i];
        const on = (s.breakpoints >>> i) & 1;
        b.setAttribute('aria-pressed', on ? 'true' : 'false');
        b.classList.toggle('action', i === al);
        typewriter.children[i].classList.toggle('cursor', i === s.cursor);
      }
      showTranslator();
      const cs = $('k-cs');
      cs.textContent = s.running ? 'CS: Run' : 'CS: Stop';
      cs.setAttribute('aria-pressed', s.running ? 'true' : 'false');
      $('k-we').textContent = 'Write/Erase: ' + (s.erase ? 'Erase' : 'Write');
      $('k-we').setAttribute('aria-pressed', s.erase ? 'true' : 'false');
      $('k-man').textContent = 'Auto/Man: ' + (s.manual ? 'Man' : 'Auto');
      $('k-man').setAttribute('aria-pressed', s.manual ? 'true' : 'false');
      if (document.activeElement !== $('lines')) $('lines').value = s.lineSwitches;
      funcs.value = s.funcSwitches;
      document.querySelector('input[name=tube][value="' + tube + '"]').checked = true;
      const sp = api.web_speed(w);
      const sel = $('speed');
      if (![...sel.options].some((o) => Number(o.value) === sp)) {
        const o = document.createElement('option');
        o.value = sp;
        o.textContent = sp === 1 ? '1948 real time' : '×' + sp;
        sel.appendChild(o);
      }
      sel.value = String(sp);
      const msg = api.web_message(w);
      if (msg !== last) { say(msg); last = msg; }
      if (s.lamp && page.lampAt === null) page.lampAt = performance.now();
    }
    page.update = update;

    // ---------------------------------------------------------------- running
    // At a given speed the panel's own budget (panel_budget) paces the run
    // from the wall time between frames. Flat out, slices of about 1/60 s
    // (panel_tune) run back to back for at most ~12 ms a frame, so the page
    // keeps drawing and answering while a long run goes on.
    let prev = 0, scheduled = false;
    function frame(now) {
      scheduled = false;
      if (api.web_running(w)) {
        if (api.web_speed(w) <= 0) {
          const t0 = performance.now();
          do {
            const b = api.web_budget(w, 0);
            const s0 = performance.now();
            const ran = api.web_run_slice(w, b);
            const dt = performance.now() - s0;
            page.slices++;
            page.runMs += dt;
            api.web_tune(w, ran, dt / 1000);
          } while (api.web_running(w) && performance.now() - t0 < 12);
        } else {
          const elapsed = prev ? (now - prev) / 1000 : 0;
          const s0 = performance.now();
          api.web_run_slice(w, api.web_budget(w, elapsed));
          page.runMs += performance.now() - s0;
        }
      }
      prev = now;
      update();
      if (api.web_running(w)) schedule();
    }
    function schedule() {
      if (!scheduled) { scheduled = true; requestAnimationFrame(frame); }
    }
    // a run begins: its figures (run time in slices, slices) start again
    function runStarts() { prev = 0; page.runMs = 0; page.slices = 0; page.lampAt = null; }
    function key(k) {
      const wasRunning = api.web_running(w);
      api.web_key(w, k);
      if (api.web_running(w) && !wasRunning) runStarts();
      update();
      if (api.web_running(w)) schedule();
    }
    page.key = (k) => key(typeof k === 'string' ? k.charCodeAt(0) : k);

    function typeDigit(d) {
      api.web_set_cursor(w, d);
      key(32); // the typewriter button of the cursor's digit, as `ssem panel`'s space
    }

    // Keyboard: the panel's keys (the library's table, ssem_panel_keys) when the focus
    // is not in a text field; space, Enter and arrows only on the monitor
    // or the page itself, so that they still press focused buttons.
    const arrows = { ArrowLeft: 0x10001, ArrowRight: 0x10002, ArrowUp: 0x10003, ArrowDown: 0x10004 };
    document.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      const tag = t && t.tagName;
      if (tag === 'TEXTAREA' || tag === 'INPUT' || tag === 'SELECT') return;
      const onSurface = t === document.body || t === $('monitor') || t === crt;
      let k = null;
      if (e.key in arrows) { if (onSurface) k = arrows[e.key]; }
      else if (e.key === ' ' || e.key === 'Enter') { if (onSurface) k = 32; }
      else if (e.key.length === 1 && e.key !== 'q' && e.key !== 'Q') k = e.key.charCodeAt(0);
      if (k === null) return;
      const before = api.web_running(w);
      const action = api.web_key(w, k);
      if (!action) return;
      e.preventDefault();
      if (api.web_running(w) && !before) runStarts();
      update();
      if (api.web_running(w)) schedule();
    });

    for (const b of document.querySelectorAll('button[data-key]'))
      b.addEventListener('click', () => page.key(b.dataset.key));
    for (const r of document.querySelectorAll('input[name=tube]'))
      r.addEventListener('change', () => {
        for (let i = 0; i < 3 && api.web_tube(w) !== Number(r.value); i++) api.web_key(w, 't'.charCodeAt(0));
        update();
      });
    $('lines').addEventListener('change', () => {
      const v = Number($('lines').value);
      if (Number.isInteger(v) && v >= 0 && v < 32) api.web_set_line_switches(w, v);
      update();
    });
    funcs.addEventListener('change', () => { api.web_set_func_switches(w, Number(funcs.value)); update(); });
    $('speed').addEventListener('change', () => { api.web_set_speed(w, Number($('speed').value)); update(); });

    // the canvas: a click on the action line types that digit; a click on
    // another line (at Stop) sets the line switches to it
    crt.addEventListener('click', (e) => {
      const r = crt.getBoundingClientRect();
      const x = (e.clientX - r.left) * crt.width / r.width;
      const y = (e.clientY - r.top) * crt.height / r.height;
      const row = Math.floor((y - G.y0) / G.ch), col = Math.floor((x - G.x0) / G.cw);
      if (row < 0 || row > 31 || col < 0 || col > 31) return;
      if (row === api.web_action_line(w)) typeDigit(col);
      else { api.web_set_line_switches(w, row); update(); }
    });

    // The translator's work (blocks, chains, invalidations, and for one block
    // the Baby instructions in and the wasm out), shown while the panel is open.
    function showTranslator() {
      if (!$('translator').open) return;
      const text = api.web_translator(w, Number($('tx-line').value) | 0);
      if ($('tx-text').textContent !== text) $('tx-text').textContent = text;
    }
    $('translator').addEventListener('toggle', showTranslator);
    $('tx-line').addEventListener('input', showTranslator);

    const engines = $('engine');
    for (const name of api.web_engine_list(w).split(' ')) {
      const o = document.createElement('option');
      o.value = o.textContent = name;
      engines.appendChild(o);
    }
    engines.value = api.web_engine(w);
    engines.addEventListener('change', () => {
      if (api.web_set_engine(w, engines.value) !== 0) showError('no engine ' + engines.value);
      update();
    });

    // ---------------------------------------------------------------- loading
    // Every load goes through the library (format detected as on the command
    // line); a load that fails shows the message and keeps the machine.
    function load(text, name, format) {
      const rc = withText(text, (p, n) => loadFn(w, p, n, name || '', format || ''));
      if (rc !== 0) {
        showError('Could not load ' + (name || 'that') + ': ' + api.web_error(w) +
                  'The machine you had is unchanged.');
        return false;
      }
      showError('');
      update();
      return true;
    }
    page.load = load;

    const editor = $('editor');
    let checkTimer = 0;
    function assemble() {
      const text = editor.value;
      const status = $('asm-status');
      if (text.trim() === '') { status.textContent = ''; status.classList.remove('bad'); return; }
      const rc = withText(text, (p, n) => checkFn(w, p, n, 'editor.asm', ''));
      if (rc !== 0) {
        status.textContent = api.web_error(w);
        status.classList.add('bad');
        editor.setAttribute('aria-invalid', 'true');
        status.dataset.line = api.web_error_line(w);
        status.dataset.col = api.web_error_column(w);
        return;
      }
      status.classList.remove('bad');
      editor.setAttribute('aria-invalid', 'false');
      delete status.dataset.line;
      delete status.dataset.col;
      if (api.web_running(w)) { status.textContent = 'assembles; stop the machine (CS) to load it'; return; }
      withText(text, (p, n) => loadFn(w, p, n, 'editor.asm', ''));
      status.textContent = 'assembled and loaded: ' + (text.match(/\n/g) || []).length + ' lines';
      update();
    }
    editor.addEventListener('input', () => { clearTimeout(checkTimer); checkTimer = setTimeout(assemble, 150); });
    page.assembleNow = () => { clearTimeout(checkTimer); assemble(); };

    function showInEditor() {
      const asm = api.web_save(w, 'asm');
      if (asm !== null) editor.value = asm;
      $('asm-status').textContent = '';
      $('asm-status').classList.remove('bad');
      editor.setAttribute('aria-invalid', 'false');
    }

    const ex = $('examples');
    const examples = window.SSEM_EXAMPLES || [];
    const none = document.createElement('option');
    none.value = '';
    none.textContent = '(choose)';
    ex.appendChild(none);
    examples.forEach((e, i) => {
      const o = document.createElement('option');
      o.value = i;
      o.textContent = e.name + ': ' + e.title;
      ex.appendChild(o);
    });
    ex.addEventListener('change', () => {
      const e = examples[Number(ex.value)];
      if (!e) return;
      if (load(e.text, e.name)) {
        editor.value = /\.asm$/.test(e.name) ? e.text : api.web_save(w, 'asm');
        $('asm-status').textContent = 'loaded ' + e.name;
        $('asm-status').classList.remove('bad');
      }
    });

    function openFile(file) {
      if (file.size > 16 * 1024 * 1024) { showError(file.name + ' is over 16 MiB: not a Baby program'); return; }
      file.text().then((text) => { if (load(text, file.name)) showInEditor(); },
        (e) => showError('could not read ' + file.name + ': ' + e));
    }
    $('open').addEventListener('click', () => $('file').click());
    $('file').addEventListener('change', () => { const f = $('file').files[0]; if (f) openFile(f); $('file').value = ''; });
    let dragDepth = 0;
    document.addEventListener('dragenter', (e) => { e.preventDefault(); dragDepth++; $('drop').hidden = false; });
    document.addEventListener('dragleave', () => { if (--dragDepth <= 0) { dragDepth = 0; $('drop').hidden = true; } });
    document.addEventListener('dragover', (e) => e.preventDefault());
    document.addEventListener('drop', (e) => {
      e.preventDefault();
      dragDepth = 0;
      $('drop').hidden = true;
      const f = e.dataTransfer && e.dataTransfer.files[0];
      if (f) openFile(f);
    });

    // ---------------------------------------------------------------- saving
    const ext = { asm: '.asm', snp: '.snp', listing: '.lst', state: '.snp' };
    $('save').addEventListener('change', () => {
      const f = $('save').value;
      $('save').value = '';
      if (!f) return;
      const text = api.web_save(w, f);
      if (text === null) { showError('could not write ' + f); return; }
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
      a.download = (f === 'state' ? 'baby-state' : 'baby') + ext[f];
      document.body.appendChild(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      say('saved ' + a.download);
    });

    // ---------------------------------------------------------------- sharing
    // #s=STORE&a=A&ci=CI&pi=PI&lamp=L&fault=F&steps=N (docs/web.md): STORE is
    // base64url (no padding) of the 32 lines as 4-byte big-endian words, line
    // 0 first (128 bytes: the older manchesterbaby.com encoding, so the same
    // bytes read either way); the rest are unsigned decimal.
    function b64url(bytes) {
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }
    function unb64url(text) {
      if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
      try {
        const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
        return Uint8Array.from(s, (c) => c.charCodeAt(0));
      } catch (e) { return null; }
    }
    function shareLink() {
      const s = state();
      const bytes = new Uint8Array(128);
      const dv = new DataView(bytes.buffer);
      s.store.forEach((v, i) => dv.setUint32(4 * i, v));
      const frag = 's=' + b64url(bytes) + '&a=' + s.a + '&ci=' + s.ci + '&pi=' + s.pi +
        '&lamp=' + (s.lamp ? 1 : 0) + '&fault=' + (s.fault ? 1 : 0) + '&steps=' + s.steps;
      return location.href.replace(/[?#].*$/, '') + '#' + frag;
    }
    page.shareLink = shareLink;
    function openFragment(frag) {
      const q = new URLSearchParams(frag);
      const bad = (why) => { showError('That share link is not valid (' + why + '). The machine you had is unchanged.'); return false; };
      const bytes = unb64url(q.get('s') || '');
      if (!bytes || bytes.length !== 128) return bad('the store must be 128 bytes in base64url');
      const num = (k, max) => {
        const v = q.get(k);
        if (v === null) return 0;
        if (!/^[0-9]{1,16}$/.test(v) || Number(v) > max) return NaN;
        return Number(v);
      };
      const a = num('a', 0xffffffff), ci = num('ci', 0xffffffff), pi = num('pi', 0xffffffff);
      const lamp = num('lamp', 1), fault = num('fault', 1), steps = num('steps', Number.MAX_SAFE_INTEGER);
      for (const [k, v] of Object.entries({ a, ci, pi, lamp, fault, steps }))
        if (Number.isNaN(v)) return bad(k + ' is not a number in range');
      const p = M._malloc(128);
      const dv = new DataView(bytes.buffer);
      for (let i = 0; i < 32; i++) M.HEAPU32[(p >>> 2) + i] = dv.getUint32(4 * i);
      setStateFn(w, p, a, ci, pi, lamp, fault, steps);
      M._free(p);
      showError('');
      showInEditor();
      say('opened the machine of a share link');
      update();
      return true;
    }
    // manchesterbaby.com's links (?s=VALUE) are read by the library's loader
    function openBabyLink(value) {
      const text = 'https://manchesterbaby.com/?s=' + value;
      if (load(text, 'manchesterbaby.com link')) { showInEditor(); say('opened a manchesterbaby.com link'); return true; }
      return false;
    }
    function openLink(url) {
      url = url.trim();
      const hash = url.indexOf('#');
      if (hash >= 0 && /(^|&)s=/.test(url.slice(hash + 1))) return openFragment(url.slice(hash + 1));
      const m = url.match(/[?&]s=([^&#]*)/);
      if (m) return openBabyLink(decodeURIComponent(m[1]));
      showError('That is not a share link: expected …#s=… (this page) or manchesterbaby.com/?s=…');
      return false;
    }
    page.openLink = openLink;
    $('share').addEventListener('click', () => {
      const link = shareLink();
      history.replaceState(null, '', link);
      $('share-box').hidden = false;
      $('share-url').value = link;
      $('share-url').focus();
      $('share-url').select();
      if (navigator.clipboard) navigator.clipboard.writeText(link).then(() => say('link copied'), () => {});
    });
    $('openlink').addEventListener('click', () => { $('link-box').hidden = false; $('link-url').focus(); });
    $('link-go').addEventListener('click', () => openLink($('link-url').value));
    $('link-url').addEventListener('keydown', (e) => { if (e.key === 'Enter') openLink($('link-url').value); });
    window.addEventListener('hashchange', () => { if (location.hash.length > 1) openFragment(location.hash.slice(1)); });

    // ---------------------------------------------------------------- start
    // the first example is the machine at the start; a link in the address
    // replaces it, and a bad link leaves it there with the message
    if (examples.length) {
      load(examples[0].text, examples[0].name);
      editor.value = api.web_save(w, 'asm');
      ex.value = '0';
    }
    if (location.hash.length > 1) openFragment(location.hash.slice(1));
    else if (/[?&]s=/.test(location.search)) openLink(location.search);
    update();
    page.readyAt = performance.now();
    page.ready = true;
    document.documentElement.dataset.ready = '1';
  }
})();
