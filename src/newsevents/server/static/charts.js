// Inline-SVG charts of the explorer: timeline, dyad network and world map.
"use strict";

const Charts = (() => {
  const { svg, el, tip, clear, goldsteinColor, QUAD_NAMES } = NE;
  const DAY_MS = 86400000;

  function dayNumber(iso) {
    return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
  }

  function isoDay(n) {
    return new Date(n * DAY_MS).toISOString().slice(0, 10);
  }

  /** Events per day, stacked by quad class. ``perDay``: [{day, counts: {"1": n, …}}]. */
  function timeline(container, perDay) {
    clear(container);
    if (!perDay.length) {
      container.append(el("p", { class: "empty" }, "No dated events match the filters."));
      return;
    }
    const W = 900;
    const H = 220;
    const pad = { l: 40, r: 10, t: 10, b: 40 };
    const first = dayNumber(perDay[0].day);
    const last = dayNumber(perDay[perDay.length - 1].day);
    const span = last - first + 1;
    const totals = perDay.map((d) => Object.values(d.counts).reduce((a, b) => a + b, 0));
    const max = Math.max(1, ...totals);
    const plotW = W - pad.l - pad.r;
    const plotH = H - pad.t - pad.b;
    const barW = Math.max(1, plotW / span - (span < 120 ? 1 : 0));
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart timeline", role: "img",
      "aria-label": "Events per day by quad class" });
    root.append(svg("line", { x1: pad.l, y1: pad.t + plotH, x2: W - pad.r, y2: pad.t + plotH, class: "axis" }));
    root.append(svg("text", { x: pad.l - 4, y: pad.t + 8, class: "tick end" }, String(max)));
    root.append(svg("text", { x: pad.l - 4, y: pad.t + plotH, class: "tick end" }, "0"));
    root.append(svg("text", { x: pad.l, y: H - pad.b + 16, class: "tick" }, perDay[0].day));
    root.append(svg("text", { x: W - pad.r, y: H - pad.b + 16, class: "tick end" }, perDay[perDay.length - 1].day));
    perDay.forEach((d) => {
      const x = pad.l + ((dayNumber(d.day) - first) / span) * plotW;
      let y = pad.t + plotH;
      for (const q of ["1", "2", "3", "4"]) {
        const n = d.counts[q] || 0;
        if (!n) continue;
        const h = (n / max) * plotH;
        y -= h;
        root.append(svg("rect", { x: x.toFixed(2), y: y.toFixed(2), width: barW.toFixed(2),
          height: h.toFixed(2), class: `bar q${q}`, "data-day": d.day },
        tip(`${d.day} · ${QUAD_NAMES[q]}: ${n}`)));
      }
    });
    let lx = pad.l;
    for (const q of ["1", "2", "3", "4"]) {
      root.append(svg("rect", { x: lx, y: H - 14, width: 10, height: 10, class: `bar q${q}` }));
      root.append(svg("text", { x: lx + 14, y: H - 5, class: "tick" }, QUAD_NAMES[q]));
      lx += 170;
    }
    container.append(root);
  }

  /** Dyad network: actor codes as nodes on a circle, directed edges by count and Goldstein. */
  function network(container, dyads, onNode) {
    clear(container);
    if (!dyads.length) {
      container.append(el("p", { class: "empty" }, "No dyads with two coded actors."));
      return;
    }
    const W = 520;
    const H = 480;
    const cx = W / 2;
    const cy = H / 2;
    const degree = new Map();
    for (const d of dyads) {
      degree.set(d.source, (degree.get(d.source) || 0) + d.count);
      degree.set(d.target, (degree.get(d.target) || 0) + d.count);
    }
    const nodes = [...degree.keys()].sort((a, b) => degree.get(b) - degree.get(a) || (a < b ? -1 : 1));
    const R = Math.min(W, H) / 2 - 70;
    const maxDeg = Math.max(...degree.values());
    const radius = new Map(nodes.map((code) => [code, 4 + 8 * Math.sqrt(degree.get(code) / maxDeg)]));
    const pos = new Map();
    const angle = new Map();
    nodes.forEach((code, i) => {
      const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      angle.set(code, a);
      pos.set(code, [cx + R * Math.cos(a), cy + R * Math.sin(a)]);
    });
    const maxCount = Math.max(...dyads.map((d) => d.count));
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart network", role: "img",
      "aria-label": "Network of dyads" });
    root.append(svg("defs", null, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" },
    svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrowhead" }))));
    const edges = svg("g", { class: "edges" });
    for (const d of dyads) {
      const [x1, y1] = pos.get(d.source);
      const [x2, y2] = pos.get(d.target);
      const width = 1 + (5 * d.count) / maxCount;
      const colour = goldsteinColor(d.mean_goldstein);
      const label = `${d.source} → ${d.target}: ${d.count} event(s), mean Goldstein ${d.mean_goldstein}`;
      if (d.source === d.target) {
        edges.append(svg("circle", { cx: x1, cy: y1 - 14, r: 12, fill: "none", class: "edge",
          stroke: colour, "stroke-width": width }, tip(label)));
        continue;
      }
      // Bend each edge to its right, so A→B and B→A stay apart; stop at the target's rim.
      const mx = (x1 + x2) / 2 + (y2 - y1) * 0.15;
      const my = (y1 + y2) / 2 - (x2 - x1) * 0.15;
      const dx = x2 - mx;
      const dy = y2 - my;
      const len = Math.hypot(dx, dy) || 1;
      const gap = radius.get(d.target) + 2;
      const ex = x2 - (dx / len) * gap;
      const ey = y2 - (dy / len) * gap;
      edges.append(svg("path", { d: `M${x1.toFixed(1)},${y1.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
        class: "edge", fill: "none", stroke: colour, "stroke-width": width.toFixed(2),
        "marker-end": "url(#arrow)", "data-dyad": `${d.source}>${d.target}` }, tip(label)));
    }
    root.append(edges);
    for (const code of nodes) {
      const [x, y] = pos.get(code);
      const r = radius.get(code);
      const a = angle.get(code);
      const lx = cx + (R + r + 6) * Math.cos(a);
      const ly = cy + (R + r + 6) * Math.sin(a) + 4;
      const anchor = Math.abs(Math.cos(a)) < 0.3 ? "middle" : Math.cos(a) > 0 ? "start" : "end";
      const g = svg("g", { class: "node", "data-code": code, tabindex: 0 },
        svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1) }),
        svg("text", { x: lx.toFixed(1), y: ly.toFixed(1), class: "label", "text-anchor": anchor }, code),
        tip(`${code}: ${degree.get(code)} event(s) — click to filter`));
      if (onNode) g.addEventListener("click", () => onNode(code));
      root.append(g);
    }
    container.append(root);
  }

  /** Equirectangular world map: land cells from the basemap, events as points or per country. */
  function worldMap(container, base, places, countries, mode) {
    clear(container);
    const W = 720;
    const H = 360;
    const x = (lon) => ((Number(lon) + 180) / 360) * W;
    const y = (lat) => ((90 - Number(lat)) / 180) * H;
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart map", role: "img",
      "aria-label": mode === "countries" ? "Events per country" : "Event places" });
    root.append(svg("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
    for (let lon = -180; lon <= 180; lon += 30) {
      root.append(svg("line", { x1: x(lon), y1: 0, x2: x(lon), y2: H, class: "graticule" }));
    }
    for (let lat = -60; lat <= 60; lat += 30) {
      root.append(svg("line", { x1: 0, y1: y(lat), x2: W, y2: y(lat), class: "graticule" }));
    }
    if (base) {
      const size = (base.cell / 360) * W;
      const land = svg("g", { class: "land" });
      for (const [lon, lat] of base.cells) {
        land.append(svg("rect", { x: x(lon).toFixed(1), y: y(lat + base.cell).toFixed(1),
          width: size.toFixed(1), height: size.toFixed(1) }));
      }
      root.append(land);
    }
    const points = svg("g", { class: "points" });
    if (mode === "countries") {
      const max = Math.max(1, ...countries.map((c) => c.count));
      for (const c of countries) {
        const at = base && base.centroids[c.country];
        if (!at) continue;
        points.append(svg("circle", { cx: x(at[0]).toFixed(1), cy: y(at[1]).toFixed(1),
          r: (3 + 14 * Math.sqrt(c.count / max)).toFixed(1), class: "country", "data-country": c.country },
        tip(`${c.country}: ${c.count} event(s)`)));
      }
    } else {
      const max = Math.max(1, ...places.map((p) => p.count));
      for (const p of places) {
        points.append(svg("circle", { cx: x(p.lon).toFixed(1), cy: y(p.lat).toFixed(1),
          r: (2.5 + 9 * Math.sqrt(p.count / max)).toFixed(1), class: "place" },
        tip(`${p.name || "?"}${p.country ? ` (${p.country})` : ""}: ${p.count} event(s)`)));
      }
    }
    root.append(points);
    container.append(root);
    const shown = mode === "countries" ? countries.length : places.length;
    if (!shown) container.append(el("p", { class: "empty" }, "No located events match the filters."));
  }

  return { timeline, network, worldMap, isoDay };
})();
