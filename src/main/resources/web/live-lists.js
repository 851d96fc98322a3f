// What live.js passes on as 'vitrine:live' events ({type, subject}) keeps two lists true without a
// reload: the library's filter panel (facet counts) and result count, and a collection page's set of
// cards. Both are fetched from the pages, with the person's own rights.
(() => {
  if (!('EventSource' in window)) return;

  const MEMBERSHIP = new Set(['asset.collection.added', 'asset.collection.removed']);
  if (!window.vitrineLive) return; // live.js stayed off (no session page): nothing to follow
  const { announce, plural, tileOf } = window.vitrineLive;
  // only a page that answered 200 is swapped in; a gone one (see live.js) reaches callers that ask for it as { status: 404 }
  const get = async (url, orMissing) => {
    const r = await window.vitrineLive.get(url);
    return r && (r.status === 200 || (orMissing && r.status === 404)) ? r : null;
  };

  document.addEventListener('vitrine:live', (e) => {
    const { type } = e.detail;
    // any change to an asset she sees may move a count
    if (document.getElementById('facets') && type.startsWith('asset.')) facetsSoon();
    // the event does not say which collection (that is not everyone's to know): the page is asked
    if (MEMBERSHIP.has(type) && document.querySelector('main.collection[data-collection]')) membersSoon();
  });

  // ---- library filter panel: the facet counts and the result count, asked for again for the query on the
  // page, a moment after a change (the index follows within half a second) and at most every 2 s
  const FACETS_EVERY = 2000;
  let facetsTimer = null;
  let facetsAt = 0;
  let facetsBusy = false;
  let facetsAgain = false;
  const currentQuery = () => {
    const form = document.getElementById('filters');
    return form ? new URLSearchParams(new FormData(form)).toString() : null;
  };
  const facetsSoon = () => {
    if (!document.getElementById('facets')) return;
    if (facetsBusy) { facetsAgain = true; return; }
    if (facetsTimer) return;
    facetsTimer = setTimeout(refreshFacets, Math.max(1000, facetsAt + FACETS_EVERY - Date.now()));
  };
  const refreshFacets = async () => {
    facetsTimer = null;
    facetsBusy = true;
    facetsAt = Date.now();
    const asked = currentQuery();
    try {
      const r = asked === null ? null : await get('/facets?' + asked);
      // a search changed meanwhile brings its own sidebar: an answer for the old one is dropped
      if (r && r.status === 200 && asked === currentQuery()) applySidebar(r.html);
    } catch (err) {
      // the counts stay as they were; the next change asks again
    } finally {
      facetsBusy = false;
      if (facetsAgain) { facetsAgain = false; facetsSoon(); }
    }
  };
  // only the numbers and the values change: ticked boxes, focus and the panel's scroll stay
  const applySidebar = (html) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    const fresh = template.content.getElementById('facets');
    const old = document.getElementById('facets');
    if (fresh && old && fresh.innerHTML !== old.innerHTML) {
      const key = (i) => i.name + '\n' + i.value;
      const ticked = new Set([...old.querySelectorAll('input:checked')].map(key));
      const active = old.contains(document.activeElement) ? key(document.activeElement) : null;
      const scroll = old.scrollTop;
      fresh.querySelectorAll('input[type=checkbox]').forEach((i) => { i.checked = ticked.has(key(i)); });
      old.replaceWith(fresh);
      fresh.scrollTop = scroll;
      if (active) [...fresh.querySelectorAll('input')].find((i) => key(i) === active)?.focus({ preventScroll: true });
    }
    const p = document.querySelector('#results .result-count[data-total]');
    const total = template.content.querySelector('.result-count[data-total]');
    if (p && total && p.dataset.total !== total.dataset.total) {
      p.dataset.total = total.dataset.total;
      p.setAttribute('aria-live', 'off'); // silent: the live region already said what arrived
      p.textContent = total.textContent;
    }
  };

  // ---- a collection's grid: cards added elsewhere appear where the collection lists them, removed
  // ones go; the cards already shown stay in place (focus and scroll with them)
  const updateMembers = async () => {
    const main = document.querySelector('main.collection[data-collection]');
    const r = main && await get(location.pathname, true);
    if (!r || !document.body.contains(main)) return;
    if (r.status === 404) {
      if (!main.dataset.gone) announce('This collection was deleted or is no longer shared with you.');
      main.dataset.gone = '1';
      return;
    }
    const doc = new DOMParser().parseFromString(r.html, 'text/html');
    const freshTiles = [...doc.querySelectorAll('#grid li.tile')];
    const ids = new Set(freshTiles.map((li) => li.querySelector('a[data-asset]').dataset.asset));
    let grid = document.getElementById('grid');
    const gone = grid ? [...grid.querySelectorAll('li.tile')].filter((li) => !ids.has(li.querySelector('a[data-asset]').dataset.asset)) : [];
    gone.forEach((li) => li.remove());
    if (!freshTiles.length) {
      const empty = doc.querySelector('main .empty');
      if (grid && empty) grid.replaceWith(document.importNode(empty, true));
    } else if (!grid) {
      grid = document.createElement('ul');
      grid.id = 'grid';
      grid.className = 'grid';
      main.querySelector('.empty')?.replaceWith(grid);
    }
    let before = null;
    let added = 0;
    freshTiles.forEach((li) => {
      let here = tileOf(li.querySelector('a[data-asset]').dataset.asset);
      if (!here) {
        here = document.importNode(li, true);
        here.classList.add('fresh');
        if (before) before.after(here); else grid.prepend(here);
        window.htmx?.process(here);
        added += 1;
      }
      before = here;
    });
    if (added) announce(plural(added, 'asset added to this collection', 'assets added to this collection'));
    else if (gone.length) announce(plural(gone.length, 'asset removed from this collection', 'assets removed from this collection'));
    if (added || gone.length) document.dispatchEvent(new Event('vitrine:tiles'));
  };

  let membersTimer = null;
  let membersBusy = false;
  let membersAgain = false;
  const membersSoon = () => {
    if (membersBusy) { membersAgain = true; return; }
    if (!membersTimer) membersTimer = setTimeout(followMembers, 250); // a burst (one request adding many) makes one request
  };
  const followMembers = async () => {
    membersTimer = null;
    membersBusy = true;
    try {
      await updateMembers();
    } catch (err) {
      // the grid stays as it was; the next change asks again
    } finally {
      membersBusy = false;
      if (membersAgain) { membersAgain = false; membersSoon(); }
    }
  };
})();
