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
