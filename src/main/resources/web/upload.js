// Uploads: drop files or folders anywhere (or pick them), send them one request per file with
// progress, three at a time, and show each result. The panel lives outside #main, so uploads go on
// while the user browses (page changes are htmx swaps of #main).
(() => {
  const PARALLEL = 3;
  const queue = [];
  let active = 0, done = 0, total = 0;
  const $ = (id) => document.getElementById(id);
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content || '';

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function summary() {
    $('upload-summary').textContent = done === total ? `${done} of ${total} done` : `${done} of ${total} done, uploading…`;
  }

  function add(file, path) {
    const panel = $('uploads');
    if (!panel) return;
    panel.hidden = false;
    const li = el('li');
    li.append(el('span', 'file', path || file.name));
    const bar = el('progress');
    bar.max = 100; bar.value = 0;
    bar.setAttribute('aria-label', `Uploading ${file.name}`);
    const result = el('span', 'result', 'Waiting…');
    li.append(bar, result);
    $('upload-list').append(li);
    total++;
    queue.push({ file, li, bar, result });
    summary();
    pump();
  }

  function pump() {
    while (active < PARALLEL && queue.length) send(queue.shift());
  }

  function send(item) {
    active++;
    item.result.textContent = 'Uploading…';
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/upload');
    xhr.setRequestHeader('X-CSRF-Token', csrf());
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) item.bar.value = Math.round((e.loaded / e.total) * 100); };
    xhr.onload = () => finish(item, xhr.status, xhr.responseText);
    xhr.onerror = () => finish(item, 0, null);
    const form = new FormData();
    form.append('file', item.file, item.file.name);
    xhr.send(form);
  }

  function finish(item, status, body) {
    active--; done++;
    item.bar.value = 100;
    item.bar.remove();
    let r = null;
    try { r = body ? JSON.parse(body) : null; } catch (_) { r = null; }
    show(item, status, r);
    summary();
    pump();
    if (done === total) refreshLibrary();
  }

  function show(item, status, r) {
    const out = item.result;
    out.textContent = '';
    if (r && r.outcome === 'new') {
      out.className = 'result result-new';
      out.append('New · ', link(r.url, 'open'));
    } else if (r && r.outcome === 'duplicate') {
      out.className = 'result result-duplicate';
      out.append('Duplicate of ', link('/assets/' + r.duplicateOf, r.filename || r.duplicateOf));
    } else {
      out.className = 'result result-failed';
      out.textContent = 'Failed: ' + (r && r.reason ? r.reason : status === 0 ? 'the connection was lost' : `the server answered ${status}`);
    }
    item.li.dataset.outcome = r ? r.outcome : 'failed';
  }

  function link(href, text) {
    const a = el('a', null, text);
    a.href = href;
    return a;
  }

  // the library grid shows new files (with their processing badge) once the batch is in
  function refreshLibrary() {
    if (window.htmx && document.getElementById('filters')) {
      htmx.ajax('GET', location.pathname + location.search, { target: '#results', select: '#results', swap: 'outerHTML' });
    }
  }

  async function walk(entry) {
    if (entry.isFile) {
      await new Promise((ok) => entry.file((f) => { add(f, entry.fullPath.replace(/^\//, '')); ok(); }, ok));
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((ok) => reader.readEntries(ok, () => ok([])));
        if (!batch.length) break;
        for (const child of batch) await walk(child);
      }
    }
  }

  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  let depth = 0;
  document.addEventListener('dragenter', (e) => { if (hasFiles(e) && $('uploads')) { depth++; $('drop-overlay').hidden = false; } });
  document.addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; const o = $('drop-overlay'); if (o) o.hidden = true; } });
  document.addEventListener('dragover', (e) => { if (hasFiles(e) && $('uploads')) e.preventDefault(); });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e) || !$('uploads')) return;
    e.preventDefault();
    depth = 0;
    $('drop-overlay').hidden = true;
    const entries = Array.from(e.dataTransfer.items || []).map((i) => i.webkitGetAsEntry && i.webkitGetAsEntry()).filter(Boolean);
    if (entries.length) entries.forEach(walk);
    else Array.from(e.dataTransfer.files).forEach((f) => add(f));
  });

  document.addEventListener('change', (e) => {
    if (e.target.id !== 'pick-files' && e.target.id !== 'pick-folder') return;
    Array.from(e.target.files).forEach((f) => add(f, f.webkitRelativePath || f.name));
    e.target.value = '';
  });

  document.addEventListener('click', (e) => {
    if (e.target.id !== 'uploads-toggle') return;
    const list = $('upload-list');
    list.hidden = !list.hidden;
    e.target.textContent = list.hidden ? 'Show' : 'Hide';
    e.target.setAttribute('aria-expanded', String(!list.hidden));
  });
})();
