// The explorer: filters over the store, timeline, network, map and the events table.
"use strict";

(() => {
  const { el, clear, getJSON, showError, setTwin, fmtNumber, articleLink, QUAD_NAMES } = NE;
  const FIELDS = ["actor", "country", "cameo_root", "cameo", "plover", "quad_class", "modality",
    "date_from", "date_to", "q", "article"];
  const CAMEO_ROOTS = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate",
    "04": "Consult", "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation",
    "07": "Provide aid", "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove",
    "12": "Reject", "13": "Threaten", "14": "Protest", "15": "Exhibit force posture",
    "16": "Reduce relations", "17": "Coerce", "18": "Assault", "19": "Fight",
    "20": "Use unconventional mass violence",
  };
  const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

  let basemap = null;
  let mapMode = "places";
  let lastStats = null;

  function params() {
    return new URLSearchParams(window.location.search);
  }

  function buildForm() {
    const form = document.getElementById("filters");
    const root = form.querySelector("[name=cameo_root]");
    for (const [code, name] of Object.entries(CAMEO_ROOTS)) {
      root.append(el("option", { value: code }, `${code} ${name}`));
    }
    const quad = form.querySelector("[name=quad_class]");
    for (const [code, name] of Object.entries(QUAD_NAMES)) {
      quad.append(el("option", { value: code }, `${code} ${name}`));
    }
    const list = document.getElementById("plover-types");
    for (const type of PLOVER_TYPES) list.append(el("option", { value: type }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const next = new URLSearchParams();
      for (const name of FIELDS) {
        const value = form.elements[name].value.trim();
        if (value) next.set(name, value);
      }
      navigate(next);
    });
    form.querySelector("[type=reset]").addEventListener("click", (event) => {
      event.preventDefault();
      navigate(new URLSearchParams());
    });
  }

  function fillForm(p) {
    const form = document.getElementById("filters");
    for (const name of FIELDS) form.elements[name].value = p.get(name) || "";
  }

  function navigate(p) {
    const query = p.toString();
    window.history.pushState(null, "", query ? `?${query}` : window.location.pathname);
    load();
  }

  function setParam(name, value) {
    const p = params();
    if (value === null || value === undefined || value === "") p.delete(name);
    else p.set(name, String(value));
    if (name !== "offset") p.delete("offset");
    navigate(p);
  }

  function summary(data) {
    const t = data.stats.totals;
    const s = data.store;
    return el("p", { class: "summary" },
      `${t.events} event(s) in ${t.articles} article(s) match`,
      ` · mean Goldstein ${fmtNumber(t.mean_goldstein, 2)}`,
      t.undated_events ? ` · ${t.undated_events} undated` : "",
      ` · store: ${s.articles || 0} articles, ${s.events || 0} events`);
  }

  function eventsTable(page) {
    const columns = [
      { label: "Date", sort: "date", value: (e) => e.day || "—" },
      { label: "Source", sort: "source", value: (e) => el("span", { title: e.source_name || "" }, e.source_code || e.source_name || "—") },
      { label: "CAMEO", sort: "cameo", value: (e) => el("span", { title: e.cameo_name || "" }, `${e.cameo} ${e.cameo_name || ""}`) },
      { label: "Target", sort: "target", value: (e) => el("span", { title: e.target_name || "" }, e.target_code || e.target_name || "—") },
      { label: "PLOVER", value: (e) => e.plover_type || "—" },
      { label: "Goldstein", sort: "goldstein", value: (e) => fmtNumber(e.goldstein, 1) },
      { label: "Quad", sort: "quad_class", value: (e) => el("span", { class: `quad q${e.quad_class}`, title: QUAD_NAMES[e.quad_class] || "" }, String(e.quad_class)) },
      { label: "Trigger", value: (e) => e.trigger_text || "" },
      { label: "Place", value: (e) => e.place_name || "—" },
      { label: "Article", sort: "article", value: (e) => articleLink(e.article_id, e.article_title || e.article_id) },
    ];
    if (!page.items.length) return el("p", { class: "empty" }, "No events match the filters.");
    return el("div", null,
      NE.table(columns, page.items, { className: "data events-table", sort: page.sort,
        onSort: (sort) => setParam("sort", sort) }),
      NE.pager(page, (offset) => setParam("offset", offset)));
  }

  // Aggregated events (the store's event_groups) under the current filters.
  const GROUP_FIELDS = ["actor", "country", "cameo_root", "cameo", "quad_class", "date_from", "date_to"];

  async function loadGroups(p) {
    const box = document.getElementById("groups");
    const g = new URLSearchParams({ sort: "-articles", limit: "10" });
    for (const name of GROUP_FIELDS) if (p.get(name)) g.set(name, p.get(name));
    const more = new URLSearchParams(g);
    more.delete("limit");
    try {
      const page = await getJSON(`/event-groups?${g}`);
      const columns = [
        { label: "Date", value: (r) => r.event_date || "—" },
        { label: "Source", value: (r) => el("span", { title: r.source_name || "" }, r.source_code || "—") },
        { label: "CAMEO", value: (r) => el("span", { title: r.cameo_name || "" }, `${r.cameo} ${r.cameo_name || ""}`) },
        { label: "Target", value: (r) => el("span", { title: r.target_name || "" }, r.target_code || "—") },
        { label: "Articles", value: (r) => NE.groupArticles(r) },
        { label: "Sources", value: (r) => String(r.sources) },
        { label: "Mentions", value: (r) => String(r.mentions) },
      ];
      clear(box).append(page.items.length
        ? NE.table(columns, page.items, { className: "data groups-table" })
        : el("p", { class: "empty" }, "No aggregated events match."),
        el("p", { class: "hint" }, el("a", { href: `/ui/event-groups?${more}` }, `All ${page.total} group(s)`)));
    } catch (err) {
      showError(box, `Could not load the groups: ${err.message}`);
    }
    box.setAttribute("data-loaded", "groups");
  }

  function speakers(list) {
    if (!list.length) return el("p", { class: "empty" }, "No attributed quotes.");
    return el("ol", { class: "speakers" }, list.map((s) => el("li", null,
      el("a", { href: `/ui/quotes?speaker=${encodeURIComponent(s.code || s.name || "")}` }, s.name || s.code || "?"),
      ` ${s.code || ""} · ${s.quotes} quote(s)`)));
  }

  function drawMap() {
    if (!lastStats) return;
    Charts.worldMap(document.getElementById("map"), basemap, lastStats.places, lastStats.countries, mapMode);
    for (const button of document.querySelectorAll("[data-map-mode]")) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-map-mode") === mapMode));
    }
  }

  async function load() {
    const p = params();
    fillForm(p);
    const query = p.toString();
    const twin = query ? `/explore?${query}` : "/explore";
    setTwin(twin);
    const status = document.getElementById("status");
    status.textContent = "Loading…";
    try {
      const groups = loadGroups(p);
      const data = await getJSON(twin);
      lastStats = data.stats;
      clear(status).append(summary(data));
      Charts.timeline(document.getElementById("timeline"), data.stats.per_day);
      Charts.network(document.getElementById("network"), data.stats.top_dyads, (code) => setParam("actor", code));
      clear(document.getElementById("speakers")).append(speakers(data.stats.top_speakers));
      clear(document.getElementById("events")).append(eventsTable(data.events));
      drawMap();
      await groups;
      document.body.setAttribute("data-loaded", "explore");
    } catch (err) {
      showError(status, `Could not load: ${err.message}`);
      document.body.setAttribute("data-loaded", "error");
    }
  }

  async function loadBasemap() {
    try {
      basemap = await getJSON("/basemap");
      drawMap();
    } catch (_err) {
      basemap = null;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    buildForm();
    for (const button of document.querySelectorAll("[data-map-mode]")) {
      button.addEventListener("click", () => {
        mapMode = button.getAttribute("data-map-mode");
        drawMap();
      });
    }
    window.addEventListener("popstate", load);
    loadBasemap();
    load();
  });
})();
