// The entente dashboard: reads the JSON API of `entente serve`
// (docs/http-api.md) and draws the country graph, the timeline of the
// selected pair, the sector-by-pair matrix, the pair's events and the
// evidence of one event. State lives in the URL hash:
//   #pair=RUS,VNM            select a pair
//   #pair=RUS,VNM&event=ID   ...and open an event's evidence
// d3 comes from npm (web/node_modules, served under /vendor/).
(function () {
  "use strict";

  // ---------- small helpers ----------

  const $ = (sel) => document.querySelector(sel);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function fmtG(x) {
    if (x === null || x === undefined || Number.isNaN(x)) return "—";
    return (x > 0 ? "+" : "") + Number(x).toFixed(2);
  }

  // An API call; a failure is shown in the error banner and rethrown.
  class ApiError extends Error {
    constructor(url, status, body) {
      const what = body && body.error ? body.error : `HTTP ${status}`;
      super(`${url}: ${what}` + (body && body.parameter ? ` (parameter "${body.parameter}")` : ""));
      this.status = status;
      this.body = body;
    }
  }

  async function api(path) {
    let resp;
    try {
      resp = await fetch(path, { headers: { Accept: "application/json" } });
    } catch (e) {
      throw new ApiError(path, 0, { error: "the server did not answer (" + e.message + ")" });
    }
    let body = null;
    try {
      body = await resp.json();
    } catch (e) {
      body = { error: `HTTP ${resp.status}, the answer is not JSON` };
    }
    if (!resp.ok) throw new ApiError(path, resp.status, body);
    return body;
  }

  function showError(err) {
    const box = $("#errors");
    box.hidden = false;
    const msg = err && err.message ? err.message : String(err);
    // one line per distinct message
    for (const p of box.querySelectorAll("p")) if (p.textContent === msg) return;
    box.append(el("p", { class: "error", text: msg }));
    console.error(err);
  }

  function clearErrors() {
    const box = $("#errors");
    box.replaceChildren();
    box.hidden = true;
  }

  function failIn(container, err) {
    container.dataset.state = "error";
    container.replaceChildren(el("p", { class: "error", text: "Could not load: " + (err.message || err) }));
    showError(err);
  }

  // pair keys: the API's pairs are {a, b} with a < b; the sector matrix
  // says "A-B"; the hash and ?pair= say "A,B".
  const pairKey = (a, b) => [a, b].sort().join(",");

  // Goldstein (-10..+10) to a red - grey - green colour; means rarely
  // leave -6..+6, so the scale saturates there.
  const toneInterp = d3Ready() ? d3.piecewise(d3.interpolateRgb.gamma(1.5), ["#c0392b", "#a3a3a3", "#1e8449"]) : null;
  const tone = d3Ready() ? d3.scaleDiverging(toneInterp).domain([-6, 0, 6]).clamp(true) : () => "#999";

  const QUADS = [
    { q: "1", name: "verbal cooperation", color: "#7dcea0" },
    { q: "2", name: "material cooperation", color: "#1e8449" },
    { q: "3", name: "verbal conflict", color: "#f0b27a" },
    { q: "4", name: "material conflict", color: "#c0392b" },
  ];

  function d3Ready() {
    return typeof window.d3 !== "undefined" && typeof window.d3.forceSimulation === "function";
  }

  // ---------- state ----------

  const state = {
    actors: [], // /api/actors
    pairs: [], // /api/pairs, most events first
    names: new Map(), // country code -> name
    pair: null, // "A,B" (sorted)
    event: null, // event id (string)
    eventsOffset: 0,
  };

  function readHash() {
    const h = new URLSearchParams(location.hash.replace(/^#/, ""));
    return { pair: h.get("pair"), event: h.get("event") };
  }

  function writeHash(pair, event) {
    const parts = [];
    if (pair) parts.push("pair=" + pair);
    if (event) parts.push("event=" + event);
    const h = "#" + parts.join("&");
    if (location.hash !== h) location.hash = h; // triggers hashchange -> route()
    else route();
  }

  function selectPair(a, b) {
    writeHash(pairKey(a, b), null);
  }

  function countryLabel(c) {
    const n = state.names.get(c);
    return n && n !== c ? `${n} (${c})` : c;
  }

  // ---------- 1. graph of countries ----------

  function drawGraph() {
    const box = $("#graph");
    box.replaceChildren();
    const W = 600, H = 470;
    const nodes = state.actors.map((a) => ({ ...a, id: a.country }));
    const known = new Set(nodes.map((n) => n.id));
    // a pair may name a code /api/actors left out (limit): add it
    for (const p of state.pairs)
      for (const c of [p.a, p.b])
        if (!known.has(c)) {
          known.add(c);
          nodes.push({ id: c, country: c, name: c, events: p.events, goldstein_mean: null, partners: 1 });
        }
    const links = state.pairs.map((p) => ({ ...p, source: p.a, target: p.b, key: pairKey(p.a, p.b) }));

    const maxEv = d3.max(nodes, (n) => n.events) || 1;
    const r = d3.scaleSqrt().domain([0, maxEv]).range([5, 30]);
    const maxPair = d3.max(links, (l) => l.events) || 1;
    const w = d3.scaleSqrt().domain([1, maxPair]).range([1.2, 12]);

    const sim = d3
      .forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((d) => d.id).distance((l) => 60 + 40 / Math.sqrt(l.events)).strength(0.6))
      .force("charge", d3.forceManyBody().strength(-360))
      .force("collide", d3.forceCollide((d) => r(d.events) + 18))
      .force("x", d3.forceX(W / 2).strength(0.07))
      .force("y", d3.forceY(H / 2).strength(0.12))
      .stop();
    // a fixed seed-free layout: d3 starts nodes on a phyllotaxis spiral,
    // so the same data gives the same picture
    for (let i = 0; i < 400; i++) sim.tick();
    const pad = 36;
    for (const n of nodes) {
      n.x = Math.max(pad, Math.min(W - pad, n.x));
      n.y = Math.max(pad, Math.min(H - pad, n.y));
    }

    const svg = d3
      .select(box)
      .append("svg")
      .attr("viewBox", `0 0 ${W} ${H}`)
      .attr("width", "100%")
      .attr("role", "img")
      .attr("aria-label", "graph of countries and their relations");

    const gl = svg.append("g").attr("class", "links");
    const link = gl
      .selectAll("g")
      .data(links)
      .join("g")
      .attr("class", "link")
      .attr("data-pair", (d) => d.key)
      .on("click", (ev, d) => selectPair(d.a, d.b));
    link
      .append("line")
      .attr("class", "edge")
      .attr("stroke", (d) => tone(d.goldstein_mean ?? 0))
      .attr("stroke-width", (d) => w(d.events));
    link.append("line").attr("class", "hit"); // a wider, invisible target for the mouse
    link.selectAll("line").attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y).attr("x2", (d) => d.target.x).attr("y2", (d) => d.target.y);
    link.append("title").text((d) => `${countryLabel(d.a)} – ${countryLabel(d.b)}\n${d.events} events, Goldstein mean ${fmtG(d.goldstein_mean)}`);

    const gn = svg.append("g").attr("class", "nodes");
    const node = gn
      .selectAll("g")
      .data(nodes)
      .join("g")
      .attr("class", "node")
      .attr("data-country", (d) => d.id)
      .attr("transform", (d) => `translate(${d.x},${d.y})`)
      .on("click", (ev, d) => clickCountry(d.id));
    node
      .append("circle")
      .attr("data-country", (d) => d.id)
      .attr("data-events", (d) => d.events)
      .attr("r", (d) => r(d.events))
      .attr("fill", (d) => tone(d.goldstein_mean ?? 0));
    node
      .append("text")
      .attr("class", "code")
      .attr("dy", (d) => -r(d.events) - 5)
      .text((d) => d.id);
    node
      .append("text")
      .attr("class", "name")
      .attr("dy", (d) => r(d.events) + 12)
      .text((d) => (d.name && d.name !== d.id ? d.name : ""));
    node.append("title").text((d) => `${countryLabel(d.id)}\n${d.events} events with ${d.partners} partners\nGoldstein mean ${fmtG(d.goldstein_mean)}`);

    box.dataset.state = "ready";
    drawLegend();
    markGraphSelection();
  }

  // clicking a country: with the current pair's other side if it has one,
  // else its busiest pair
  function clickCountry(c) {
    const cur = state.pair ? state.pair.split(",") : [];
    if (cur.includes(c)) return;
    const mine = state.pairs.filter((p) => p.a === c || p.b === c);
    if (!mine.length) return;
    for (const other of cur) {
      const p = mine.find((p) => p.a === other || p.b === other);
      if (p) return selectPair(p.a, p.b);
    }
    selectPair(mine[0].a, mine[0].b);
  }

  function markGraphSelection() {
    const sel = state.pair ? state.pair.split(",") : [];
    d3.selectAll("#graph g.link").classed("selected", (d) => d.key === state.pair).classed("dim", (d) => !!state.pair && d.key !== state.pair);
    d3.selectAll("#graph g.node").classed("selected", (d) => sel.includes(d.id));
    d3.selectAll("#graph g.link.selected").raise();
  }

  function drawLegend() {
    const box = $("#graph-legend");
    box.replaceChildren();
    const W = 260, H = 34;
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("width", W).attr("height", H);
    const id = "tone-gradient";
    const g = svg.append("defs").append("linearGradient").attr("id", id);
    for (let i = 0; i <= 10; i++) g.append("stop").attr("offset", `${i * 10}%`).attr("stop-color", tone(-6 + (12 * i) / 10));
    svg.append("rect").attr("x", 10).attr("y", 4).attr("width", W - 20).attr("height", 10).attr("rx", 2).attr("fill", `url(#${id})`);
    const x = d3.scaleLinear().domain([-6, 6]).range([10, W - 10]);
    svg.append("g").attr("class", "axis").attr("transform", "translate(0,14)").call(d3.axisBottom(x).tickValues([-6, -3, 0, 3, 6]).tickSize(3).tickFormat((v) => (v > 0 ? "+" + v : v)));
    box.append(el("span", { class: "muted", text: "Goldstein mean (conflict – cooperation)" }));
  }

  // ---------- header ----------

  async function drawHeader(a, b) {
    $("#pair-name").textContent = `${countryLabel(a)} — ${countryLabel(b)}`;
    $("#pair-header").dataset.pair = pairKey(a, b);
    const lv = $("#level");
    const dl = $("#pair-counts");
    try {
      const rel = await api(`/api/relations?a=${a}&b=${b}`);
      if (state.pair !== pairKey(a, b)) return;
      if (rel.level && rel.level.level) {
        lv.className = "level";
        lv.dataset.level = rel.level.level;
        lv.textContent = rel.level.level + (rel.level.since ? ` · since ${rel.level.since}` : "");
        lv.title = rel.level.doc_id ? `first stated in ${rel.level.doc_id}` : "";
      } else {
        lv.className = "level none";
        delete lv.dataset.level;
        lv.textContent = "no declared level";
        lv.title = "";
      }
      const q = rel.by_quad || {};
      const items = [
        ["events", rel.events],
        ["mentions", rel.mentions],
        ["articles", rel.articles],
        ["Goldstein", fmtG(rel.goldstein_mean)],
        ["period", (rel.first_date || "?") + " → " + (rel.last_date || "?")],
        ["coop. verbal / material", `${q["1"] ?? 0} / ${q["2"] ?? 0}`],
        ["conflict verbal / material", `${q["3"] ?? 0} / ${q["4"] ?? 0}`],
      ];
      dl.replaceChildren();
      for (const [k, v] of items) {
        if (v === undefined || v === null) continue;
        dl.append(el("div", { "data-count": k.split(" ")[0].replace(/\./, "") }, el("dt", { text: k }), el("dd", { text: v })));
      }
    } catch (e) {
      lv.className = "level none";
      lv.textContent = "relation unavailable";
      dl.replaceChildren();
      showError(e);
    }
  }

  // ---------- 2. timeline ----------

  function monthsBetween(first, last) {
    const out = [];
    let [y, m] = first.split("-").map(Number);
    const [ly, lm] = last.split("-").map(Number);
    while (y < ly || (y === ly && m <= lm)) {
      out.push(`${y}-${String(m).padStart(2, "0")}`);
      if (++m > 12) { m = 1; y++; }
      if (out.length > 240) break;
    }
    return out;
  }

  async function drawTimeline(a, b) {
    const box = $("#timeline");
    box.dataset.state = "loading";
    $("#timeline-title").textContent = `${a}–${b}, events per month by quad class`;
    let data;
    try {
      data = await api(`/api/timeline?a=${a}&b=${b}&by=month`);
    } catch (e) {
      return failIn(box, e);
    }
    if (state.pair !== pairKey(a, b)) return;
    box.replaceChildren();
    const buckets = (data.buckets || []).filter((d) => d.period);
    if (!buckets.length) {
      box.append(el("p", { class: "muted", text: "No dated events for this pair." }));
      box.dataset.state = "ready";
      return;
    }
    // a continuous month axis when every period is YYYY-MM; empty months
    // stay empty
    let periods = buckets.map((d) => d.period);
    if (periods.every((p) => /^\d{4}-\d{2}$/.test(p))) {
      const s = [...periods].sort();
      periods = monthsBetween(s[0], s[s.length - 1]);
    }
    const W = 760, H = 175, M = { top: 12, right: 12, bottom: 40, left: 36 };
    const x = d3.scaleBand().domain(periods).range([M.left, W - M.right]).padding(0.18);
    const maxY = d3.max(buckets, (d) => d.events) || 1;
    const y = d3.scaleLinear().domain([0, maxY]).nice().range([H - M.bottom, M.top]);
    const svg = d3.select(box).append("svg").attr("viewBox", `0 0 ${W} ${H}`).attr("width", "100%").attr("role", "img").attr("aria-label", "events per month");

    svg.append("g").attr("class", "grid").attr("transform", `translate(${M.left},0)`).call(d3.axisLeft(y).ticks(5).tickSize(-(W - M.left - M.right)).tickFormat(""));
    const every = Math.ceil(periods.length / 14);
    svg
      .append("g")
      .attr("class", "axis x")
      .attr("transform", `translate(0,${H - M.bottom})`)
      .call(d3.axisBottom(x).tickValues(periods.filter((p, i) => i % every === 0)).tickSizeOuter(0))
      .selectAll("text")
      .attr("transform", "rotate(-35)")
      .style("text-anchor", "end");
    svg.append("g").attr("class", "axis y").attr("transform", `translate(${M.left},0)`).call(d3.axisLeft(y).ticks(5).tickFormat(d3.format("d")));
    svg.append("text").attr("class", "axis-label").attr("transform", `translate(11,${(H - M.bottom + M.top) / 2}) rotate(-90)`).attr("text-anchor", "middle").text("events");

    // bars at most 56 px wide, centred in their band (one month alone
    // would otherwise fill the chart)
    const bw = Math.min(x.bandwidth(), 56);
    const bx = (p) => x(p) + (x.bandwidth() - bw) / 2;
    const bars = svg
      .append("g")
      .attr("class", "bars")
      .selectAll("g")
      .data(buckets)
      .join("g")
      .attr("class", "bucket")
      .attr("data-period", (d) => d.period)
      .attr("data-events", (d) => d.events);
    bars.each(function (d) {
      const g = d3.select(this);
      const bq = d.by_quad || {};
      let acc = 0;
      const known = QUADS.reduce((s, q) => s + (bq[q.q] || 0), 0);
      const parts = known > 0 ? QUADS.map((q) => ({ ...q, n: bq[q.q] || 0 })) : [{ q: "?", name: "events", color: tone(d.goldstein_mean ?? 0), n: d.events }];
      for (const p of parts) {
        if (!p.n) continue;
        g.append("rect")
          .attr("class", "q" + p.q)
          .attr("x", bx(d.period))
          .attr("width", bw)
          .attr("y", y(acc + p.n))
          .attr("height", y(acc) - y(acc + p.n))
          .attr("fill", p.color);
        acc += p.n;
      }
      g.append("title").text(`${d.period}: ${d.events} events, Goldstein mean ${fmtG(d.goldstein_mean)}\n` + QUADS.map((q) => `${q.name}: ${bq[q.q] || 0}`).join("\n"));
      if (bw > 16)
        g.append("text").attr("class", "bar-label").attr("x", bx(d.period) + bw / 2).attr("y", y(d.events) - 3).attr("text-anchor", "middle").text(d.events);
    });

    const lg = el("div", { class: "legend" });
    for (const q of QUADS) lg.append(el("span", {}, el("i", { style: `background:${q.color}` }), q.name));
    box.append(lg);
    box.dataset.state = "ready";
  }

  // ---------- 3. sector-by-pair matrix ----------

  async function drawMatrix() {
    const box = $("#matrix");
    let data;
    try {
      data = await api("/api/sectors");
    } catch (e) {
      return failIn(box, e);
    }
    box.replaceChildren();
    const cells = new Map();
    const bySector = new Map(), byPair = new Map();
    for (const c of data.cells || []) {
      cells.set(c.pair + "|" + c.sector, c.events);
      bySector.set(c.sector, (bySector.get(c.sector) || 0) + c.events);
      byPair.set(c.pair, (byPair.get(c.pair) || 0) + c.events);
    }
    const sectors = [...(data.sectors || [])].sort((s, t) => (bySector.get(t) || 0) - (bySector.get(s) || 0) || s.localeCompare(t));
    const pairs = [...(data.pairs || [])].sort((p, q) => (byPair.get(q) || 0) - (byPair.get(p) || 0) || p.localeCompare(q));
    if (!pairs.length || !sectors.length) {
      box.append(el("p", { class: "muted", text: "No sectors recorded." }));
      box.dataset.state = "ready";
      return;
    }
    const max = d3.max(data.cells || [], (c) => c.events) || 1;
    const heat = d3.scaleSequentialSqrt(d3.interpolateBlues).domain([0, max * 1.15]);

    const table = el("table", { class: "heat" });
    const hr = el("tr", {}, el("th", { class: "corner", text: "pair \\ sector" }));
    for (const s of sectors) hr.append(el("th", { class: "rot", scope: "col", "data-sector": s, title: s }, el("div", {}, el("span", { text: s.replace(/_/g, " ") }))));
    table.append(el("thead", {}, hr));
    const tb = el("tbody");
    for (const p of pairs) {
      const [a, b] = p.split("-");
      const tr = el("tr", { "data-pair": pairKey(a, b), onclick: () => selectPair(a, b) }, el("th", { scope: "row", text: p }));
      for (const s of sectors) {
        const n = cells.get(p + "|" + s) || 0;
        const td = el("td", { "data-pair": p, "data-sector": s, "data-events": n, title: `${p} · ${s}: ${n} events` }, n ? String(n) : "");
        if (n) {
          td.style.background = heat(n);
          td.style.color = heat(n) && d3.hsl(heat(n)).l < 0.55 ? "#fff" : "#123";
        }
        tr.append(td);
      }
      tb.append(tr);
    }
    table.append(tb);
    box.append(table);
    box.dataset.state = "ready";
    markMatrixSelection();
  }

  function markMatrixSelection() {
    for (const tr of document.querySelectorAll("#matrix tbody tr")) tr.classList.toggle("selected", tr.dataset.pair === state.pair);
  }

  // ---------- 4. events of the pair ----------

  const PAGE = 100;

  async function drawEvents(a, b, offset) {
    const box = $("#events");
    box.dataset.state = "loading";
    let data;
    try {
      data = await api(`/api/events?pair=${a},${b}&newest=1&limit=${PAGE}&offset=${offset}`);
    } catch (e) {
      return failIn(box, e);
    }
    if (state.pair !== pairKey(a, b)) return;
    const evs = data.events || [];
    let tbody = box.querySelector("tbody");
    if (offset === 0 || !tbody) {
      box.replaceChildren();
      if (!evs.length) {
        box.append(el("p", { class: "muted", text: "No events for this pair." }));
        box.dataset.state = "ready";
        return;
      }
      const table = el(
        "table",
        { class: "events" },
        el("thead", {}, el("tr", {}, ...["date", "code", "source → target", "persons", "place", "sectors"].map((h) => el("th", { text: h })))),
        (tbody = el("tbody"))
      );
      box.append(table);
    }
    for (const e of evs) {
      const persons = [e.source_name, e.target_name].filter(Boolean).join(" → ");
      const tr = el(
        "tr",
        {
          "data-id": e.id,
          "data-quad": e.quad_class,
          tabindex: 0,
          class: String(e.id) === state.event ? "selected" : null,
          onclick: () => writeHash(state.pair, String(e.id)),
          onkeydown: (ev) => { if (ev.key === "Enter") writeHash(state.pair, String(e.id)); },
        },
        el("td", { class: "date", text: e.date || "—" }),
        el("td", { class: "code", title: `Goldstein ${fmtG(e.goldstein)}, ${QUADS[(e.quad_class || 1) - 1]?.name || ""}${e.plover && e.plover !== "dropped" ? ", PLOVER " + e.plover : ""}` },
          el("span", { class: "quad q" + e.quad_class }), e.code, e.negated ? el("span", { class: "neg", text: " not" }) : null),
        el("td", { class: "actors" }, e.source || "?", el("span", { class: "arrow", text: " → " }), e.target || "?"),
        el("td", { class: "persons", text: persons }),
        el("td", { class: "place", text: e.place || "" }),
        el("td", { class: "sectors" }, ...(e.sectors || []).map((s) => el("span", { class: "tag", text: s.replace(/_/g, " ") })))
      );
      tbody.append(tr);
    }
    box.querySelector(".more")?.remove();
    const shown = tbody.children.length;
    $("#events-title").textContent = `${a}–${b}: each article's mention, newest first · ${shown} shown`;
    if (evs.length === PAGE) box.append(el("button", { class: "more", onclick: () => drawEvents(a, b, offset + PAGE), text: "more events" }));
    box.dataset.state = "ready";
    markEventSelection();
  }

  function markEventSelection() {
    for (const tr of document.querySelectorAll("#events tr[data-id]")) {
      const on = tr.dataset.id === state.event;
      tr.classList.toggle("selected", on);
      if (on) {
        // bring the selected row into view when it is not
        const box = $("#events");
        const top = tr.offsetTop, bottom = top + tr.offsetHeight;
        if (top < box.scrollTop + 24 || bottom > box.scrollTop + box.clientHeight) box.scrollTop = top - box.clientHeight / 3;
      }
    }
  }

  // ---------- evidence ----------

  const enc = new TextEncoder();
  const dec = new TextDecoder();

  // the evidence pieces, whatever shape the server gives them in:
  // [{text, role}], {pieces: [...]}, or {before, trigger, after, ...}
  function evidencePieces(ev) {
    if (Array.isArray(ev)) return ev;
    if (ev && Array.isArray(ev.pieces)) return ev.pieces;
    return null;
  }

  function renderPieces(pieces) {
    const frag = document.createDocumentFragment();
    for (const p of pieces) {
      if (p.role) frag.append(el("mark", { class: p.role, title: p.role, text: p.text }));
      else frag.append(document.createTextNode(p.text));
    }
    return frag;
  }

  // byte spans -> pieces over `bytes` between from and to
  function spanPieces(bytes, from, to, spans) {
    const out = [];
    let pos = from;
    const s = spans.filter((x) => x.len > 0 && x.start >= from && x.start + x.len <= to).sort((x, y) => x.start - y.start);
    for (const x of s) {
      if (x.start < pos) continue; // overlapping: keep the first
      if (x.start > pos) out.push({ text: dec.decode(bytes.subarray(pos, x.start)), role: null });
      out.push({ text: dec.decode(bytes.subarray(x.start, x.start + x.len)), role: x.role });
      pos = x.start + x.len;
    }
    if (pos < to) out.push({ text: dec.decode(bytes.subarray(pos, to)), role: null });
    return out;
  }

  async function drawEvidence(id) {
    const box = $("#evidence");
    box.dataset.state = "loading";
    box.dataset.id = id;
    box.replaceChildren(el("p", { class: "muted", text: "Loading event " + id + "…" }));
    let one, doc;
    try {
      one = await api(`/api/events/${encodeURIComponent(id)}`);
      const docId = (one.document && one.document.doc_id) || one.event.doc_id;
      doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
    } catch (e) {
      return failIn(box, e);
    }
    if (state.event !== id) return;
    const e = one.event || {};
    const spans = one.spans || {};
    const bytes = enc.encode(doc.text || "");
    const roleSpans = ["trigger", "source", "target"].filter((r) => Array.isArray(spans[r])).map((r) => ({ role: r, start: spans[r][0], len: spans[r][1] }));
    let sentence = evidencePieces(one.evidence);
    const ss = Array.isArray(spans.sentence) ? { start: spans.sentence[0], len: spans.sentence[1] } : null;
    if (!sentence && ss) sentence = spanPieces(bytes, ss.start, ss.start + ss.len, roleSpans);
    if (!sentence) sentence = [{ text: e.sentence || "", role: null }];

    box.replaceChildren();
    const head = el(
      "div",
      { class: "ev-head" },
      el("div", { class: "doc-title" }, doc.url ? el("a", { href: doc.url, target: "_blank", rel: "noopener", text: doc.title || doc.doc_id }) : doc.title || doc.doc_id),
      el(
        "div",
        { class: "muted" },
        `event ${e.id} · ${e.date || "undated"} · CAMEO ${e.code} · Goldstein ${fmtG(e.goldstein)} · ${e.source || "?"} → ${e.target || "?"}` +
          (e.source_name || e.target_name ? ` (${[e.source_name, e.target_name].filter(Boolean).join(" → ")})` : "") +
          (e.place ? ` · ${e.place}` : "") +
          ` · document ${doc.doc_id}${doc.date ? ", " + doc.date : ""}`
      )
    );
    box.append(head);
    box.append(el("blockquote", { id: "evidence-sentence", "data-event": e.id }, renderPieces(sentence)));

    // the article, with the sentence highlighted in place; a source or
    // target named outside the sentence (the discourse frame) is marked too
    const art = el("div", { id: "article", class: "article" });
    if (ss && ss.start + ss.len <= bytes.length) {
      const outside = roleSpans.filter((x) => x.start + x.len <= ss.start || x.start >= ss.start + ss.len);
      art.append(renderPieces(spanPieces(bytes, 0, ss.start, outside)));
      const cur = el("span", { class: "sentence current" }, renderPieces(sentence));
      art.append(cur);
      art.append(renderPieces(spanPieces(bytes, ss.start + ss.len, bytes.length, outside)));
      box.append(el("h3", { text: "Article" }), art);
      box.dataset.state = "ready";
      scrollArticle();
    } else {
      art.textContent = doc.text || "";
      box.append(el("h3", { text: "Article" }), art);
      box.dataset.state = "ready";
    }
  }

  // scroll the article so that the evidence sentence is near its top
  function scrollArticle() {
    const art = $("#article"), cur = art && art.querySelector(".sentence.current");
    if (!cur) return;
    art.scrollTop += cur.getBoundingClientRect().top - art.getBoundingClientRect().top - 24;
  }

  // ---------- routing ----------

  let lastPair = null;

  async function route() {
    const h = readHash();
    let pair = h.pair;
    if (pair) {
      const parts = pair.toUpperCase().split(",");
      if (parts.length !== 2 || !parts.every((p) => /^[A-Z]{2,6}$/.test(p))) {
        showError(new Error(`#pair=${pair}: expected two country codes as A,B (RUS,VNM)`));
        pair = null;
      } else pair = pairKey(parts[0], parts[1]);
    }
    if (!pair && state.pairs.length) pair = pairKey(state.pairs[0].a, state.pairs[0].b);
    state.pair = pair;
    state.event = h.event && /^\d+$/.test(h.event) ? h.event : null;
    if (h.event && !state.event) showError(new Error(`#event=${h.event}: expected an event id (digits)`));

    const sel = $("#pair-select");
    if (pair && ![...sel.options].some((o) => o.value === pair)) sel.append(el("option", { value: pair, text: pair.replace(",", " – ") }));
    sel.value = pair || "";
    markGraphSelection();
    markMatrixSelection();

    const jobs = [];
    if (pair && pair !== lastPair) {
      lastPair = pair;
      const [a, b] = pair.split(",");
      jobs.push(drawHeader(a, b), drawTimeline(a, b), drawEvents(a, b, 0));
    } else markEventSelection();
    if (state.event) jobs.push(drawEvidence(state.event));
    else {
      const box = $("#evidence");
      box.dataset.state = "empty";
      box.replaceChildren(el("p", { class: "muted", text: "Click an event to read its article with the evidence sentence marked." }));
    }
    await Promise.allSettled(jobs);
    scrollArticle(); // again: the other panels may have moved it
  }

  // ---------- start ----------

  async function start() {
    if (!d3Ready()) {
      showError(new Error("d3 did not load from /vendor/d3/dist/d3.min.js: run `make web` (npm ci --prefix web) and restart entente serve"));
      document.body.dataset.ready = "error";
      return;
    }
    try {
      const st = await api("/api/status");
      $("#status").textContent = `${st.documents} documents · ${st.events} events · v${st.version}`;
    } catch (e) {
      showError(e);
    }
    let graphOk = true;
    try {
      const [actors, pairs] = await Promise.all([api("/api/actors?limit=1000"), api("/api/pairs?limit=1000")]);
      state.actors = actors.actors || [];
      state.pairs = [...(pairs.pairs || [])].sort((p, q) => q.events - p.events || pairKey(p.a, p.b).localeCompare(pairKey(q.a, q.b)));
      for (const a of state.actors) state.names.set(a.country, a.name || a.country);
    } catch (e) {
      graphOk = false;
      failIn($("#graph"), e);
    }
    const sel = $("#pair-select");
    for (const p of state.pairs) sel.append(el("option", { value: pairKey(p.a, p.b), text: `${p.a} – ${p.b} (${p.events})` }));
    sel.addEventListener("change", () => writeHash(sel.value, null));
    if (graphOk) drawGraph();
    window.addEventListener("hashchange", () => {
      clearErrors();
      route();
    });
    await Promise.allSettled([drawMatrix(), route()]);
    document.body.dataset.ready = "1";
  }

  start();
})();
