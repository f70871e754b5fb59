// Actors and quotes across the store (the /ui/actors and /ui/quotes pages).
"use strict";

(() => {
  const { el, clear, getJSON, showError, setTwin, articleLink } = NE;

  const PAGES = {
    actors: {
      title: "Actors",
      api: "/actors",
      search: "q",
      label: "Name",
      defaultSort: "-articles",
      columns: [
        { label: "Name", sort: "name", value: (a) => a.name },
        { label: "Code", sort: "code", value: (a) => (a.code ? el("a", { href: `/ui/explore?actor=${encodeURIComponent(a.code)}` }, a.code) : "uncoded") },
        { label: "Kind", value: (a) => a.kind },
        { label: "Country", value: (a) => a.country || "—" },
        { label: "Articles", sort: "articles", value: (a) => String(a.articles) },
        { label: "Mentions", sort: "mentions", value: (a) => String(a.mentions) },
        { label: "Events", sort: "events", value: (a) => String(a.events) },
      ],
    },
    quotes: {
      title: "Quotes",
      api: "/quotes",
      search: "speaker",
      label: "Speaker (code or name)",
      defaultSort: "-published",
      columns: [
        { label: "Published", sort: "published", value: (q) => q.published || "—" },
        { label: "Speaker", sort: "speaker", value: (q) => el("span", { title: q.speaker_mention_text || "" }, q.speaker_name ? `${q.speaker_name}${q.speaker_code ? ` (${q.speaker_code})` : ""}` : "unknown") },
        { label: "Kind", value: (q) => q.kind },
        { label: "Quote", value: (q) => el("q", null, q.content_text || "") },
        { label: "Cue", value: (q) => q.cue_text || "—" },
        { label: "Article", sort: "article", value: (q) => articleLink(q.article_id, q.article_title || q.article_id) },
      ],
    },
    "event-groups": {
      title: "Event groups",
      api: "/event-groups",
      search: "actor",
      label: "Actor code (SYR* = prefix)",
      defaultSort: "-articles",
      columns: [
        { label: "Date", sort: "date", value: (g) => g.event_date || "—" },
        { label: "Source", value: (g) => el("span", { title: g.source_name || "" }, g.source_code || "—") },
        { label: "CAMEO", sort: "cameo", value: (g) => `${g.cameo} ${g.cameo_name || ""}` },
        { label: "Target", value: (g) => el("span", { title: g.target_name || "" }, g.target_code || "—") },
        { label: "Articles", sort: "articles", value: (g) => NE.groupArticles(g) },
        { label: "Sources", sort: "sources", value: (g) => String(g.sources) },
        { label: "Mentions", sort: "mentions", value: (g) => String(g.mentions) },
      ],
    },
  };

  const path = window.location.pathname;
  const kind = path.endsWith("/quotes") ? "quotes" : path.endsWith("/event-groups") ? "event-groups" : "actors";
  const spec = PAGES[kind];

  function navigate(p) {
    const query = p.toString();
    window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
    load();
  }

  function setParam(name, value) {
    const p = new URLSearchParams(window.location.search);
    if (value === null || value === "") p.delete(name);
    else p.set(name, String(value));
    if (name !== "offset") p.delete("offset");
    navigate(p);
  }

  async function load() {
    const p = new URLSearchParams(window.location.search);
    const form = document.getElementById("list-filter");
    form.elements.q.value = p.get(spec.search) || "";
    const twin = p.toString() ? `${spec.api}?${p}` : spec.api;
    setTwin(twin);
    const status = document.getElementById("status");
    const list = document.getElementById("list");
    try {
      const page = await getJSON(twin);
      clear(status).append(el("p", { class: "summary" }, `${page.total} ${spec.title.toLowerCase()}`));
      clear(list).append(
        page.items.length
          ? NE.table(spec.columns, page.items, { sort: page.sort, onSort: (s) => setParam("sort", s) })
          : el("p", { class: "empty" }, `No ${spec.title.toLowerCase()} match.`),
        NE.pager(page, (offset) => setParam("offset", offset)),
      );
      document.body.setAttribute("data-loaded", kind);
    } catch (err) {
      showError(status, `Could not load: ${err.message}`);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.title = `${spec.title} · newsevents`;
    document.getElementById("list-title").textContent = spec.title;
    document.getElementById("list-label").textContent = spec.label;
    document.getElementById("list-filter").addEventListener("submit", (event) => {
      event.preventDefault();
      setParam(spec.search, event.target.elements.q.value.trim());
    });
    window.addEventListener("popstate", load);
    load();
  });
})();
