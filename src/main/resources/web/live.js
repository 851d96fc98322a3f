// Live updates over the session's event stream (GET /events): new and changed assets show up in the
// library grid and a collection's grid, the asset page's status, preview, AI and rendition cards refresh, and the review
// page's lists and counts follow, and the header's bell asks for its unread count when a warning may
// have reached the person, and a concept page's teaching section follows its library run, without a
// reload. Events only name an asset; what is shown is fetched from the pages, with the person's own
// rights. Without EventSource the pages stay as loaded. Each event is also passed on as a
// 'vitrine:live' DOM event, which live-lists.js follows (facet counts, collection membership).
(() => {
  // the concept page's teaching section asks for itself again on 'vitrine:taught' (hx-trigger ... from:body): sent
  // when the stream says the concept's run ended, and every 2 s while no stream is open (hidden tab,
  // reconnecting, refused, no EventSource), so a finished run always shows
  const taught = () => document.body.dispatchEvent(new Event('vitrine:taught'));
  setInterval(() => {
    if (document.body.dataset.live !== 'open' && document.querySelector('#teaching[data-pending]')) taught();
  }, 2000);
  if (!('EventSource' in window) || !document.querySelector('meta[name="csrf-token"]')) return;
  // A boosted navigation keeps the open stream, so what it heard while the next page was on its way found no
  // section to follow it (a teaching run that ended while the teach form's answer was in flight, an asset
  // enriched while its page loaded). A page that arrives after the stream heard something since the navigation
  // began re-reads its live sections once; marked on its main, so the sections' own swaps do not ask again.
  let heardAt = 0;
  let leftAt = 0;
  const initial = document.getElementById('main');
  if (initial) initial.dataset.caughtUp = '1'; // a loaded page's stream opens after it, and asks then (onopen)
  document.body.addEventListener('htmx:beforeRequest', (e) => {
    if (e.detail.boosted || e.detail.target?.id === 'main') leftAt = Date.now();
  });
  document.body.addEventListener('htmx:afterSettle', () => {
    const main = document.getElementById('main');
    if (!main || main.dataset.caughtUp) return;
    main.dataset.caughtUp = '1';
    if (document.body.dataset.live !== 'open' || heardAt < leftAt) return;
    if (document.querySelector('#teaching[data-pending]')) taught();
    if (main.classList.contains('detail')) pending.detail = true;
    if (main.classList.contains('review')) pending.review = true;
    soon();
  });

  // shared with live-lists.js (loaded after this file)
  // A page re-read for a live update says X-Vitrine-Live; one whose subject is gone (asset deleted,
  // collection unshared, …) answers 204 + X-Vitrine-Gone rather than a 404 the browser would log as a
  // failed load. Both come back here as { status: 404 }.
  const get = async (url) => {
    const r = await fetch(url, { headers: { Accept: 'text/html', 'X-Vitrine-Live': '1' }, credentials: 'same-origin' });
    if (r.status === 204 && r.headers.get('X-Vitrine-Gone')) return { status: 404, html: '' };
    return r.ok || r.status === 404 ? { status: r.status, html: await r.text() } : null;
  };
  const announce = (text) => {
    const region = document.getElementById('live-news');
    if (!region) return;
    region.textContent = '';
    setTimeout(() => { region.textContent = text; }, 50); // a changed text is announced even if it repeats
  };
  const plural = (n, one, many) => (n === 1 ? `1 ${one}` : `${n.toLocaleString('en')} ${many}`);
  const tileOf = (id) => document.querySelector(`#grid a[data-asset="${CSS.escape(id)}"]`)?.closest('li');
  window.vitrineLive = { get, announce, plural, tileOf };

  // what changes an asset's card, the asset page and the review lists
  const CHANGED = new Set(['asset.ready', 'asset.failed', 'asset.quarantined', 'asset.updated', 'asset.tagged',
    'asset.enriched', 'asset.tags.reviewed', 'asset.deleted', 'asset.restored', 'asset.version.created']);
  const REVIEW = new Set(['asset.tagged', 'asset.enriched', 'asset.tags.reviewed', 'asset.deleted', 'asset.restored']);
  // what may have left a notification for this person (the bell and the inbox ask for their own count)
  const NOTIFYING = new Set(['licence.expiring']);
  const MAX_BACKOFF = 60000;

  let source = null;
  let lastId = null;
  let backoff = 1000;
  let retry = null;

  const connect = () => {
    retry = null;
    source = new EventSource('/events' + (lastId ? '?lastEventId=' + encodeURIComponent(lastId) : ''));
    source.onopen = () => {
      backoff = 1000;
      document.body.dataset.live = 'open'; // polling fallbacks (hx-trigger filters) stand down while the stream is open
      // a run may have finished between the page's rendering and this stream's start: ask once
      if (document.querySelector('#teaching[data-pending]')) taught();
    };
    source.onmessage = (m) => {
      if (m.lastEventId) lastId = m.lastEventId;
      heardAt = Date.now();
      try { handle(JSON.parse(m.data)); } catch (err) { /* a malformed event changes nothing */ }
    };
    // refused (signed out, too many tabs), the server restarting, or the stream's end: come back
    // later, a little slower each time (with jitter, so many tabs do not return at once), and resume
    source.onerror = () => {
      delete document.body.dataset.live;
      source.close();
      source = null;
      if (retry) return;
      retry = setTimeout(connect, backoff * (0.5 + Math.random()));
      backoff = Math.min(backoff * 2, MAX_BACKOFF);
    };
  };
  const disconnect = () => { delete document.body.dataset.live; source?.close(); source = null; clearTimeout(retry); retry = null; };
  const visible = () => document.visibilityState !== 'hidden';
  // streams open after the page's own images, and close when the page goes into the back-forward cache
  window.addEventListener('load', () => setTimeout(() => { if (visible()) connect(); }, 0));
  window.addEventListener('pagehide', disconnect);
  window.addEventListener('pageshow', (e) => { if (e.persisted && !source && visible()) connect(); });
  // a hidden tab holds no connection (browsers allow 6 per host, and the server one of 4 per session);
  // shown again, it resumes after the last event it had, so what happened meanwhile arrives, and the
  // counts that do not come as events (the bell) are asked for again
  document.addEventListener('visibilitychange', () => {
    if (!visible()) {
      disconnect();
      return;
    }
    if (!source) {
      backoff = 1000;
      connect();
    }
    refreshBell();
  });
  const refreshBell = () => document.body.dispatchEvent(new Event('vitrine:notifications'));


  // ---- what to do, gathered for a moment so a burst of events makes one request
  const pending = { fresh: [], cards: new Set(), detail: false, review: false, inbox: false };
  const watched = new Set(); // new assets asked for, whose later events must not be lost while in flight
  let unseen = 0;            // new assets not shown because a search or filter is on
  let timer = null;
  let busy = false;

  // the element holding a grid that follows events: the library's results, or a collection's page
  const gridHolder = () => document.getElementById('results') || document.querySelector('main.collection[data-collection]');

  const handle = ({ type, subject }) => {
    if (!subject) return;
    if (type === 'concept.taught') {
      if (document.getElementById('teaching')?.dataset.concept === subject) taught();
      return;
    }
    document.dispatchEvent(new CustomEvent('vitrine:live', { detail: { type, subject } }));
    if (document.getElementById('results')) {
      if (type === 'asset.created' && !tileOf(subject) && !watched.has(subject)) {
        pending.fresh.push(subject);
        watched.add(subject);
      } else if (CHANGED.has(type) && (tileOf(subject) || watched.has(subject))) {
        pending.cards.add(subject);
      }
    } else if (gridHolder() && CHANGED.has(type) && tileOf(subject)) {
      pending.cards.add(subject); // a collection's cards
    }
    if (document.querySelector('main.detail')?.dataset.asset === subject && CHANGED.has(type)) pending.detail = true;
    if (document.querySelector('main.review') && (REVIEW.has(type) || type.startsWith('asset.workflow.'))) pending.review = true;
    if (NOTIFYING.has(type)) pending.inbox = true;
    soon();
  };

  const soon = () => { if (!timer && !busy) timer = setTimeout(flush, 250); };

  const flush = async () => {
    timer = null;
    busy = true;
    const work = { fresh: pending.fresh.splice(0), cards: [...pending.cards], detail: pending.detail, review: pending.review,
      inbox: pending.inbox };
    pending.cards.clear();
    pending.detail = pending.review = pending.inbox = false;
    try {
      await updateGrid(work.fresh, work.cards);
      if (work.fresh.length || work.cards.length) document.dispatchEvent(new Event('vitrine:tiles')); // ticks the selected cards again
      if (work.detail) await updateSections(location.pathname + location.search, '[data-live]');
      if (work.review) await updateReview();
      if (work.inbox) {
        refreshBell();
        if (document.querySelector('main.notifications')) await updateSections(location.pathname + location.search, '[data-live]');
      }
    } catch (err) {
      // a failed refresh leaves the page as it was; the next event tries again
    } finally {
      busy = false;
      if (pending.fresh.length || pending.cards.size || pending.detail || pending.review || pending.inbox) soon();
    }
  };


  // ---- library grid
  const updateGrid = async (fresh, cards) => {
    const results = gridHolder();
    if (!results) return;
    const showNew = results.dataset.liveNew === 'prepend';
    if (fresh.length && !showNew) {
      fresh.forEach((id) => watched.delete(id));
      unseen += fresh.length;
      note(results);
    }
    const ids = [...(showNew ? fresh : []), ...cards];
    if (!ids.length) return;
    const r = await get('/tiles?' + ids.map((id) => 'id=' + encodeURIComponent(id)).join('&'));
    if (!r || r.status !== 200 || !document.body.contains(results)) return;
    const template = document.createElement('template');
    template.innerHTML = r.html;
    const byId = new Map([...template.content.querySelectorAll('li.tile')].map((li) => [li.querySelector('a[data-asset]').dataset.asset, li]));
    cards.forEach((id) => replaceTile(id, byId.get(id), results));
    const added = showNew ? fresh.filter((id) => byId.has(id) && !tileOf(id)).map((id) => byId.get(id)) : [];
    fresh.forEach((id) => watched.delete(id));
    if (added.length) {
      prepend(results, added.reverse()); // events come oldest first; the grid is newest first
      count(results, added.length);
      announce(plural(added.length, 'new asset', 'new assets'));
    }
  };

  const replaceTile = (id, fresh, results) => {
    const old = tileOf(id);
    if (!old) return;
    if (!fresh) { // deleted, or no longer hers to see
      old.remove();
      count(results, -1);
      return;
    }
    if (fresh.outerHTML === old.outerHTML) return;
    const focused = old.contains(document.activeElement);
    old.replaceWith(fresh);
    window.htmx?.process(fresh);
    if (focused) fresh.querySelector('a')?.focus({ preventScroll: true });
  };

  // new cards go on top; someone scrolled down keeps looking at the same cards
  const prepend = (results, lis) => {
    let grid = document.getElementById('grid');
    if (!grid) {
      grid = document.createElement('ul');
      grid.id = 'grid';
      grid.className = 'grid';
      results.querySelector('.empty')?.replaceWith(grid);
      if (!grid.isConnected) results.append(grid);
    }
    const anchor = [...grid.children].find((li) => li.getBoundingClientRect().bottom > 0);
    const before = anchor?.getBoundingClientRect().top;
    grid.prepend(...lis);
    lis.forEach((li) => { li.classList.add('fresh'); window.htmx?.process(li); });
    if (anchor && window.scrollY > 0) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
  };

  // the result count follows, silently: the live region already said what changed. With a filter panel,
  // live-lists.js sets it from the server's own count after the same event; adding here too counted an
  // arrival twice when the server's answer came first, so then the server's count is the only writer
  const count = (results, delta) => {
    const p = results.querySelector('.result-count[data-total]');
    if (!p || results.dataset.liveNew !== 'prepend' || document.getElementById('facets')) return;
    const total = Math.max(0, Number(p.dataset.total) + delta);
    p.dataset.total = String(total);
    p.setAttribute('aria-live', 'off');
    p.textContent = `${plural(total, 'asset', 'assets')} in the library`;
  };

  const note = (results) => {
    let n = results.querySelector('.live-note');
    if (!n) {
      n = document.createElement('p');
      n.className = 'live-note';
      n.innerHTML = '<span></span> <button type="button" class="link">Show them</button>';
      n.querySelector('button').addEventListener('click', () => { unseen = 0; document.getElementById('filters')?.requestSubmit(); });
      results.prepend(n);
    }
    n.querySelector('span').textContent = `${plural(unseen, 'new asset', 'new assets')} uploaded since this search.`;
    announce(plural(unseen, 'new asset', 'new assets'));
  };
  document.addEventListener('htmx:afterSwap', () => { if (!document.querySelector('.live-note')) unseen = 0; });

  // ---- asset page and review page: swap the sections marked data-live that changed
  const updateSections = async (url, selector) => {
    const main = document.getElementById('main');
    const r = await get(url);
    if (!r || !document.body.contains(main)) return null;
    if (r.status === 404) {
      announce('This asset was deleted or is no longer visible to you.');
      return null;
    }
    const doc = new DOMParser().parseFromString(r.html, 'text/html');
    const changed = [];
    main.querySelectorAll(selector).forEach((old) => {
      const fresh = doc.getElementById(old.id);
      if (!fresh || fresh.outerHTML === old.outerHTML || !replaceable(old)) return;
      swap(old, document.importNode(fresh, true));
      changed.push(old.id);
    });
    if (changed.includes('ai-tags')) announce('AI tags and findings updated.');
    return doc;
  };

  // a preview is replaced only while it is a placeholder (never under a playing video); a list with a
  // half-typed comment waits until the comment is sent
  const replaceable = (old) => {
    if (old.dataset.live === 'while-placeholder') return !!old.querySelector('.placeholder');
    if (old.dataset.live === 'unless-typing') {
      return !old.contains(document.activeElement) && ![...old.querySelectorAll('input:not([type=hidden]), textarea')].some((i) => i.value);
    }
    return true;
  };

  // focus stays where it was: on the same control, else on the same chip, never moved elsewhere
  const swap = (old, fresh) => {
    const active = old.contains(document.activeElement) ? document.activeElement : null;
    const label = active?.getAttribute('aria-label');
    const chip = active?.closest('[data-concept],[data-face]');
    const chipKey = chip && (chip.dataset.concept ? `[data-concept="${CSS.escape(chip.dataset.concept)}"]` : `[data-face="${CSS.escape(chip.dataset.face)}"]`);
    old.replaceWith(fresh);
    window.htmx?.process(fresh);
    if (!active) return;
    const again = (label && fresh.querySelector(`[aria-label="${CSS.escape(label)}"]`)) || (chipKey && fresh.querySelector(`${chipKey} button`));
    again?.focus({ preventScroll: true });
  };

  // counts follow even where a list waits for a half-typed comment
  const updateReview = async () => {
    const doc = await updateSections('/review', 'section[data-live]');
    if (!doc) return;
    const said = [];
    document.querySelectorAll('[data-count]').forEach((c) => {
      const now = doc.querySelector(`[data-count="${CSS.escape(c.dataset.count)}"]`)?.textContent;
      if (now !== undefined && now !== c.textContent) c.textContent = now;
      if (now !== undefined) said.push(`${c.closest('h2').firstChild.textContent.trim()}: ${now}`);
    });
    const heard = said.join(', ');
    if (heard && heard !== lastHeard) announce('Review queue updated. ' + heard + '.');
    lastHeard = heard;
  };
  let lastHeard = [...document.querySelectorAll('[data-count]')].map((c) => `${c.closest('h2').firstChild.textContent.trim()}: ${c.textContent}`).join(', ');
})();
