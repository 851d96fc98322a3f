// Small glue for htmx pages: CSRF header on every htmx request, image zoom, focus after swaps.
(() => {
  const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content || '';

  document.addEventListener('htmx:configRequest', (e) => {
    e.detail.headers['X-CSRF-Token'] = csrf();
  });

  // on phones the filter panel starts closed so results come first
  const closeFiltersOnPhones = () => {
    const d = document.querySelector('.facets-wrap');
    if (d && window.matchMedia('(max-width: 720px)').matches && !d.dataset.touched) d.open = false;
  };
  document.addEventListener('DOMContentLoaded', closeFiltersOnPhones);
  document.addEventListener('toggle', (e) => { if (e.target.classList?.contains('facets-wrap')) e.target.dataset.touched = '1'; }, true);

  document.addEventListener('click', (e) => {
    const zoom = e.target.closest('[data-zoom]');
    if (!zoom) return;
    const on = zoom.getAttribute('aria-pressed') !== 'true';
    const img = zoom.querySelector('img');
    if (on && zoom.dataset.zoom && img.getAttribute('src') !== zoom.dataset.zoom) img.src = zoom.dataset.zoom;
    zoom.setAttribute('aria-pressed', String(on));
  });

  // after a boosted page change, move focus to the new page's heading for screen-reader and keyboard users
  document.addEventListener('htmx:afterSwap', (e) => {
    if (e.detail.target?.id === 'main' || e.target?.id === 'main') {
      const h1 = document.querySelector('#main h1');
      if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus({ preventScroll: true }); }
      closeFiltersOnPhones();
    }
  });
})();

// Opening a search hit is reported (query, asset, rank) so librarians see which searches find things
// nobody opens. keepalive lets the report outlive the navigation it precedes.
document.addEventListener('click', (e) => {
  const link = e.target.closest('#grid .tile a[data-asset]');
  const q = document.querySelector('input[name="q"]')?.value?.trim();
  if (!link || !q) return;
  const tiles = Array.from(document.querySelectorAll('#grid .tile a[data-asset]'));
  const body = new URLSearchParams({ query: q, assetId: link.dataset.asset, position: String(tiles.indexOf(link) + 1) });
  fetch('/search/clicks', {
    method: 'POST', keepalive: true, body,
    headers: { 'X-CSRF-Token': document.querySelector('meta[name="csrf-token"]')?.content || '' },
  }).catch(() => {});
});

// Selecting assets in the library to act on them together (teaching a concept from examples). The
// chosen ids live here, not in the checkboxes, so a search, the next page or a live card swap keeps them.
(() => {
  const chosen = new Set();
  const form = () => document.getElementById('selection');
  const selecting = () => document.body.dataset.selecting === 'true';

  const render = () => {
    const f = form();
    if (!f) return;
    const toggle = f.querySelector('#select-toggle');
    toggle.setAttribute('aria-pressed', String(selecting()));
    toggle.textContent = selecting() ? 'Done selecting' : 'Select assets';
    f.querySelectorAll('input[name="asset"]').forEach((i) => i.remove());
    chosen.forEach((id) => {
      const i = document.createElement('input');
      Object.assign(i, { type: 'hidden', name: 'asset', value: id });
      f.append(i);
    });
    const count = f.querySelector('#selection-count');
    const text = selecting() || chosen.size ? `${chosen.size} selected` : '';
    if (count.textContent !== text) count.textContent = text;
    f.querySelector('#selection-actions').hidden = chosen.size === 0;
    f.classList.toggle('active', selecting() || chosen.size > 0);
    document.querySelectorAll('input[data-pick]').forEach((c) => { c.checked = chosen.has(c.dataset.pick); });
  };

  // captured at the document: the library's filter form searches on every change, and ticking a card is not a search
  document.addEventListener('change', (e) => {
    const box = e.target.closest?.('input[data-pick]');
    if (!box) return;
    e.stopPropagation();
    if (box.checked) chosen.add(box.dataset.pick); else chosen.delete(box.dataset.pick);
    render();
  }, true);

  document.addEventListener('click', (e) => {
    if (e.target.closest('#select-toggle')) {
      if (selecting()) delete document.body.dataset.selecting; else document.body.dataset.selecting = 'true';
      render();
    } else if (e.target.closest('#selection-clear')) {
      chosen.clear();
      render();
      form()?.querySelector('#select-toggle')?.focus();
    }
  });

  document.addEventListener('htmx:afterSettle', render);
  document.addEventListener('vitrine:tiles', render);
  // leaving the library ends the selection
  document.addEventListener('htmx:afterSwap', (e) => {
    if ((e.detail.target?.id === 'main' || e.target?.id === 'main') && !form()) {
      chosen.clear();
      delete document.body.dataset.selecting;
    }
  });
})();
