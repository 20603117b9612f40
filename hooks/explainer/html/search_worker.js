// Material for MkDocs' search box, answered by Pagefind (see hooks/explainer/html/search.py).
//
// Material starts this worker (each page's `__config` names it in place of Material's own) and
// speaks to it in four messages: SETUP (Material's index: here a stub) -> READY; QUERY (the text
// typed) -> RESULT ({items}: one list per page, each item {location, title, text, score, terms}).
// Material escapes nothing it receives (it renders titles and text as HTML), so every title and
// excerpt is escaped here; only Pagefind's <mark> around the words found is kept.
//
// Pagefind's bundle (site/pagefind/) is fetched in parts: pagefind.js, its WebAssembly and the
// site's metadata when a page opens (about 120 KB, once: Material fetched its whole index then; a
// big site's index is made in parts, each with its own metadata, listed in parts.json), then
// per query the index chunks of the words typed and the text of the BEST documents (each a run of
// sections of one page, at most CHUNK characters).
"use strict";

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const BUNDLE = new URL("../../../pagefind/", self.location.href);   // from assets/javascripts/workers/
const BEST = 10;          // documents whose text is fetched for one query (twice as many when
const PAGES = 3;          // they come from fewer pages than this)
const QUIET_MS = 120;     // answer once typing pauses: the words typed on the way are not fetched

let pagefind = null;
let latest = 0;

function escapeHtml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

// Pagefind's excerpt: the text with `<` and `>` as entities and <mark> around the words found.
// Everything but those marks is escaped again from the text itself.
function excerptHtml(excerpt) {
  return String(excerpt).split(/(<\/?mark>)/).map(part =>
    part === "<mark>" || part === "</mark>" ? part
      : escapeHtml(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"))).join("");
}

// A document's address as Pagefind keeps it ("/timeline/#id"), as Material wants it: from the site's root.
function address(url) {
  return String(url).replace(/^\/+/, "");
}

function load() {
  if (!pagefind) {
    pagefind = import(new URL("pagefind.js", BUNDLE).href).then(async module => {
      await module.options({ excerptLength: 30, noWorker: true });    // this is the worker already
      await module.init();
      for (const part of await parts())                                // a big site's index, made in parts
        await module.mergeIndex(new URL(part, BUNDLE).href, { excerptLength: 30 });
      return module;
    });
    pagefind.catch(() => { pagefind = null; });
  }
  return pagefind;
}

// The bundle's other parts (search.py's PARTS: folders inside it); none if the list is missing.
async function parts() {
  try {
    const response = await fetch(new URL("parts.json", BUNDLE).href);
    return response.ok ? await response.json() : [];
  } catch (err) {
    return [];
  }
}

function words(query) {
  return query.toLowerCase().split(/[\s\-]+/).filter(Boolean);
}

// One page's items: its best-matching sections first (the highest score opens, the rest fold
// under "more on this page", as Material does), the page itself last.
function pageItems(doc, score, terms) {
  const page = { location: address(doc.meta.url || doc.url), title: escapeHtml(doc.meta.title || ""), text: "", score: 0, terms };
  const subs = (doc.sub_results || []).filter(s => s.url.includes("#"));
  const most = Math.max(1, ...subs.map(s => (s.locations || []).length));
  const intro = (doc.sub_results || []).find(s => !s.url.includes("#"));
  if (intro && (intro.locations || []).length)
    page.text = excerptHtml(intro.excerpt);
  const sections = subs.map(s => ({
    location: address(s.url), title: escapeHtml(s.title), text: excerptHtml(s.excerpt),
    score: score * (s.locations || []).length / most, terms,
  })).sort((a, b) => b.score - a.score);
  return { page, sections };
}

function suggestion(items, typed) {
  const last = typed[typed.length - 1] || "";
  for (const group of items)
    for (const item of group)
      for (const m of item.text.matchAll(/<mark>([^<]*)<\/mark>/g)) {
        const word = m[1].toLowerCase().replace(/[^\p{L}\p{N}]+$/u, "");
        if (word.startsWith(last))
          return [word];
      }
  return [];
}

async function answer(query) {
  const typed = words(query);
  if (!typed.length)
    return { items: [] };
  const module = await load();
  const found = await module.search(query);
  let best = found.results.slice(0, BEST);
  let docs = await Promise.all(best.map(r => r.data()));
  if (new Set(docs.map(d => d.meta.url)).size < PAGES && found.results.length > BEST) {
    const more = found.results.slice(BEST, 2 * BEST);    // one page's parts came first: look further
    docs = docs.concat(await Promise.all(more.map(r => r.data())));
    best = best.concat(more);
  }
  const terms = Object.fromEntries(typed.map(w => [w, true]));
  const pages = new Map();
  docs.forEach((doc, i) => {
    const { page, sections } = pageItems(doc, best[i].score, terms);
    const known = pages.get(page.location);
    if (known) {
      known.sections.push(...sections);
      if (!known.page.text) known.page.text = page.text;
    } else {
      pages.set(page.location, { page, sections, score: best[i].score });
    }
  });
  const items = [...pages.values()].map(({ page, sections, score }) =>
    sections.length ? [...sections, page] : [{ ...page, score }]);
  return { items, suggest: suggestion(items, typed) };
}

addEventListener("message", async event => {
  const message = event.data;
  if (message.type === SETUP) {               // as the page opens: the bundle's first files
    load().catch(err => console.warn("search: the index could not be loaded", err));
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    const mine = ++latest;
    await new Promise(resolve => setTimeout(resolve, QUIET_MS));
    if (mine !== latest)
      return;
    let data = { items: [] };
    try {
      data = await answer(message.data);
    } catch (err) {
      console.warn("search:", err);
    }
    if (mine === latest)
      postMessage({ type: RESULT, data });
  }
});
