// Shared helpers of the newsevents pages. All data from the server is untrusted:
// it only ever reaches the page as text nodes (append/textContent) or as values of
// attributes whose names are fixed here; never through innerHTML.
"use strict";

const NE = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";

  /** Create an HTML element; children may be nodes or strings (added as text). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  /** Create an SVG element. */
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.setAttribute("class", value);
      else if (key === "text") node.textContent = String(value);
      else if (key.startsWith("on") && typeof value === "function") {
        node.addEventListener(key.slice(2), value);
      } else node.setAttribute(key, String(value));
    }
  }

  /** An SVG <title> tooltip holding text. */
  function tip(text) {
    return svg("title", { text });
  }

  /** Only http(s) links from data; anything else (javascript:, data:) becomes null. */
  function safeUrl(value) {
    if (!value) return null;
    try {
      const url = new URL(String(value), window.location.origin);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (_err) {
      return null;
    }
  }

  /** Fetch JSON; a non-2xx answer throws an Error carrying the API's message. */
  async function getJSON(url, options) {
    const response = await fetch(url, options);
    let body = null;
    try {
      body = await response.json();
    } catch (_err) {
      body = null;
    }
    if (!response.ok) {
      const message =
        body && body.error ? body.error.message : `${response.status} ${response.statusText}`;
      const error = new Error(message);
      error.status = response.status;
      error.code = body && body.error ? body.error.code : null;
      throw error;
    }
    return body;
  }

  function postJSON(url, payload, headers) {
    return getJSON(url, {
      method: "POST",
      headers: Object.assign({ "content-type": "application/json" }, headers || {}),
      body: JSON.stringify(payload),
    });
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function showError(container, message) {
    clear(container).append(el("p", { class: "error", role: "alert" }, message));
  }

  /** Point the header's "JSON" link at this page's JSON twin. */
  function setTwin(href) {
    const link = document.getElementById("twin");
    if (link) link.setAttribute("href", href);
  }

  function fmtNumber(value, digits) {
    if (value === null || value === undefined) return "–";
    return Number(value).toFixed(digits === undefined ? 0 : digits);
  }

  const QUAD_NAMES = {
    1: "Verbal cooperation",
    2: "Material cooperation",
    3: "Verbal conflict",
    4: "Material conflict",
  };

  /** Colour for a Goldstein score (−10 conflict … +10 cooperation). */
  function goldsteinColor(value) {
    const v = Math.max(-10, Math.min(10, Number(value) || 0));
    const hue = v >= 0 ? 200 : 0;
    const light = 70 - Math.abs(v) * 3;
    return `hsl(${hue}, 65%, ${light}%)`;
  }

  /** A table from column specs {label, value(row) → node|string, sort?}. */
  function table(columns, rows, options) {
    const opts = options || {};
    const head = el(
      "tr",
      null,
      columns.map((col) => {
        const th = el("th", { scope: "col" }, col.label);
        if (col.sort && opts.onSort) {
          const active = opts.sort && opts.sort.replace(/^-/, "") === col.sort;
          const desc = active && opts.sort.startsWith("-");
          th.classList.add("sortable");
          if (active) th.classList.add(desc ? "desc" : "asc");
          th.setAttribute("data-sort", col.sort);
          th.addEventListener("click", () =>
            opts.onSort(active && !desc ? `-${col.sort}` : col.sort),
          );
        }
        return th;
      }),
    );
    const body = el(
      "tbody",
      null,
      rows.map((row) => {
        const tr = el("tr", null, columns.map((col) => el("td", null, col.value(row))));
        if (opts.onRow) opts.onRow(tr, row);
        return tr;
      }),
    );
    return el("table", { class: opts.className || "data" }, el("thead", null, head), body);
  }

  /** Previous/next buttons for a {total, limit, offset} page. */
  function pager(page, onOffset) {
    const from = page.total ? page.offset + 1 : 0;
    const to = Math.min(page.offset + page.limit, page.total);
    const prev = el("button", { type: "button", class: "prev" }, "← Previous");
    const next = el("button", { type: "button", class: "next" }, "Next →");
    prev.disabled = page.offset <= 0;
    next.disabled = page.offset + page.limit >= page.total;
    prev.addEventListener("click", () => onOffset(Math.max(0, page.offset - page.limit)));
    next.addEventListener("click", () => onOffset(page.offset + page.limit));
    return el("div", { class: "pager" }, prev, el("span", null, `${from}–${to} of ${page.total}`), next);
  }

  function articleLink(id, label) {
    return el("a", { href: `/ui/articles/${encodeURIComponent(id)}` }, label || id);
  }

  // An event group's article count, then a link to each supporting article (first 5).
  function groupArticles(group) {
    const ids = group.article_ids || [];
    const links = ids.slice(0, 5).map((id, i) => el("a", { href: `/ui/articles/${encodeURIComponent(id)}`, class: "group-article", title: id }, `[${i + 1}]`));
    const more = ids.length > 5 ? ` +${ids.length - 5}` : "";
    return el("span", { class: "group-articles" }, `${group.articles} `, ...links, more);
  }

  return {
    el,
    svg,
    tip,
    safeUrl,
    getJSON,
    postJSON,
    clear,
    showError,
    setTwin,
    fmtNumber,
    goldsteinColor,
    table,
    pager,
    articleLink,
    groupArticles,
    QUAD_NAMES,
  };
})();
