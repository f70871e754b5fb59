// The article view: the text with actors, event triggers, quotes, times and places
// highlighted, and the coded events beside it with their evidence sentence.
"use strict";

const ArticleView = (() => {
  const { el, clear, safeUrl, fmtNumber, QUAD_NAMES } = NE;
  const ACTOR_COLOURS = 8;

  /**
   * Offsets in the result count Unicode code points (Python str indices); JS strings
   * index UTF-16 units. Returns f(codePointIndex) → UTF-16 index.
   */
  function offsetMapper(text) {
    let astral = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        astral = true;
        break;
      }
    }
    if (!astral) return (i) => i;
    const units = [0];
    let u = 0;
    for (const ch of text) {
      u += ch.length;
      units.push(u);
    }
    return (i) => units[Math.max(0, Math.min(i, units.length - 1))];
  }

  function byId(items) {
    const map = new Map();
    for (const item of items || []) map.set(item.id, item);
    return map;
  }

  function actorLabel(actor) {
    if (!actor) return "?";
    return actor.code ? `${actor.name} (${actor.code})` : actor.name;
  }

  /** Every highlight as {start, end, kind, cls, label, ref}; offsets in UTF-16 units. */
  function annotations(result, map) {
    const actors = byId(result.actors);
    const notes = [];
    const add = (start, end, kind, cls, label, ref) => {
      if (typeof start !== "number" || typeof end !== "number" || end <= start) return;
      notes.push({ start: map(start), end: map(end), kind, cls, label, ref });
    };
    (result.actors || []).forEach((actor, i) => {
      for (const m of actor.mentions || []) {
        add(m.start, m.end, "actor", `actor c${i % ACTOR_COLOURS}`,
          `Actor ${actor.id}: ${actorLabel(actor)}, ${actor.kind}`, actor.id);
      }
    });
    for (const q of result.quotes || []) {
      const speaker = actors.get(q.speaker);
      const via = (q.via || []).map((id) => actorLabel(actors.get(id))).join(", ");
      const label =
        `Quote ${q.id} (${q.kind}) — speaker: ${speaker ? actorLabel(speaker) : "unknown"}` +
        (via ? `, via ${via}` : "");
      if (q.content) add(q.content.start, q.content.end, "quote", "quote", label, q.id);
      if (q.cue) add(q.cue.start, q.cue.end, "cue", "cue", `Cue of quote ${q.id}`, q.id);
    }
    for (const e of result.events || []) {
      if (!e.trigger) continue;
      const src = actorLabel(actors.get(e.source));
      const tgt = e.target ? actorLabel(actors.get(e.target)) : "—";
      add(e.trigger.start, e.trigger.end, "trigger", "trigger",
        `Event ${e.id}: ${src} → ${tgt}, CAMEO ${e.cameo} ${e.cameo_name}`, e.id);
    }
    for (const t of result.times || []) {
      add(t.start, t.end, "time", "time", `Time ${t.id}: ${t.type} ${t.value}`, t.id);
    }
    for (const p of result.places || []) {
      const where = p.lat === null || p.lat === undefined ? "" : ` @ ${p.lat}, ${p.lon}`;
      add(p.start, p.end, "place", "place",
        `Place ${p.id}: ${p.name}${p.country ? ` (${p.country})` : ""}${where}`, p.id);
    }
    return notes;
  }

  /** The text as text nodes and <span>s, one span per run covered by the same notes. */
  function highlightedText(text, notes) {
    const container = el("div", { class: "article-text", lang: "en" });
    const cuts = new Set([0, text.length]);
    for (const n of notes) {
      if (n.end > text.length) continue;
      cuts.add(n.start);
      cuts.add(n.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const piece = text.slice(a, b);
      const covering = notes.filter((n) => n.start <= a && n.end >= b && n.end <= text.length);
      if (!covering.length) {
        container.append(piece);
        continue;
      }
      const classes = new Set(["hl"]);
      const refs = [];
      for (const n of covering) {
        for (const c of n.cls.split(" ")) classes.add(c);
        refs.push(n.ref);
      }
      container.append(
        el("span", {
          class: [...classes].join(" "),
          title: covering.map((n) => n.label).join("\n"),
          "data-refs": refs.join(" "),
        }, piece),
      );
    }
    return container;
  }

  function legend() {
    const item = (cls, label) => el("span", { class: `hl ${cls}` }, label);
    return el("p", { class: "legend" }, "Highlights: ", item("actor c0", "actor"), " ",
      item("trigger", "event trigger"), " ", item("quote", "quote"), " ",
      item("cue", "cue"), " ", item("time", "time"), " ", item("place", "place"));
  }

  function evidence(text, map, e) {
    if (!e.sentence) return e.trigger ? e.trigger.text : "";
    const s = map(e.sentence.start);
    const end = map(e.sentence.end);
    const t0 = e.trigger ? map(e.trigger.start) : -1;
    const t1 = e.trigger ? map(e.trigger.end) : -1;
    if (t0 < s || t1 > end) return text.slice(s, end);
    return el("span", { class: "evidence" }, text.slice(s, t0), el("mark", null, text.slice(t0, t1)),
      text.slice(t1, end));
  }

  function focusRef(textNode, ref) {
    for (const span of textNode.querySelectorAll(".focus")) span.classList.remove("focus");
    let first = null;
    for (const span of textNode.querySelectorAll("span[data-refs]")) {
      if (span.getAttribute("data-refs").split(" ").includes(ref)) {
        span.classList.add("focus");
        first = first || span;
      }
    }
    if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function eventsTable(result, text, map, textNode) {
    const actors = byId(result.actors);
    const places = byId(result.places);
    const who = (id) => {
      const a = actors.get(id);
      return a ? el("span", { class: "who", title: a.name }, a.code || a.name) : "—";
    };
    const events = result.events || [];
    if (!events.length) return el("p", { class: "empty" }, "No events coded in this article.");
    const head = el("tr", null, ["#", "Source → target", "Event", "Goldstein", "Modality", "When / where"]
      .map((label) => el("th", { scope: "col" }, label)));
    const body = el("tbody");
    for (const e of events) {
      const place = places.get(e.place);
      const row = el("tr", { class: "event-row", "data-event": e.id, tabindex: 0 },
        el("td", null, e.id),
        el("td", null, who(e.source), " → ", who(e.target)),
        el("td", null, el("strong", null, e.cameo), ` ${e.cameo_name}`,
          e.plover ? el("div", { class: "sub" }, `PLOVER ${e.plover.type}${e.plover.mode ? ` / ${e.plover.mode}` : ""}`) : null),
        el("td", null, fmtNumber(e.goldstein, 1), " ",
          el("span", { class: `quad q${e.quad_class}`, title: QUAD_NAMES[e.quad_class] || "" }, String(e.quad_class))),
        el("td", null, e.modality),
        el("td", null, e.date ? el("span", { title: e.date_text || "" }, e.date) : "—",
          place ? el("div", { class: "sub" }, place.name) : null));
      const proof = el("tr", { class: "evidence-row", "data-event": e.id },
        el("td", { colspan: 6 }, el("span", { class: "sub" }, "Evidence: "), evidence(text, map, e)));
      for (const tr of [row, proof]) tr.addEventListener("click", () => focusRef(textNode, e.id));
      body.append(row, proof);
    }
    return el("table", { class: "data events-table article-events" }, el("thead", null, head), body);
  }

  function quotesList(result) {
    const actors = byId(result.actors);
    const quotes = result.quotes || [];
    if (!quotes.length) return el("p", { class: "empty" }, "No quotes found.");
    return el("ul", { class: "quotes" }, quotes.map((q) => {
      const speaker = actors.get(q.speaker);
      return el("li", null, el("strong", null, speaker ? actorLabel(speaker) : "unknown speaker"),
        ` (${q.kind}${(q.via || []).length ? `, via ${q.via.map((id) => actorLabel(actors.get(id))).join(", ")}` : ""}): `,
        el("q", null, q.content ? q.content.text : ""));
    }));
  }

  function actorsList(result) {
    const actors = result.actors || [];
    if (!actors.length) return el("p", { class: "empty" }, "No actors found.");
    return el("ul", { class: "actors" }, actors.map((a, i) => el("li", null,
      el("span", { class: `hl actor c${i % ACTOR_COLOURS}` }, a.name), ` ${a.code || "uncoded"} · ${a.kind} · ${(a.mentions || []).length} mention(s)`)));
  }

  /** Render one article result (the output contract) into ``container``. */
  function render(container, result) {
    const info = result.article || {};
    const text = info.text || "";
    const map = offsetMapper(text);
    const textNode = highlightedText(text, annotations(result, map));
    const url = safeUrl(info.url);
    const meta = el("p", { class: "meta" },
      info.published ? `Published ${info.published}` : "No publication date",
      info.source ? ` · ${info.source}` : "",
      " · id ", el("code", null, info.id || ""),
      url ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow" }, "original")] : []);
    clear(container).append(
      el("article", { class: "article-view" },
        el("h2", { class: "article-title" }, info.title || "Untitled article"),
        meta,
        legend(),
        el("div", { class: "columns" },
          el("section", { class: "text-col", "aria-label": "Article text" }, textNode),
          el("section", { class: "side-col", "aria-label": "Coded events" },
            el("h3", null, `Events (${(result.events || []).length})`),
            eventsTable(result, text, map, textNode),
            el("h3", null, `Quotes (${(result.quotes || []).length})`),
            quotesList(result),
            el("h3", null, `Actors (${(result.actors || []).length})`),
            actorsList(result)))));
  }

  return { render, offsetMapper };
})();
