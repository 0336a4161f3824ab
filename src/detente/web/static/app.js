// detente dashboard. Every piece of stored text is put in the page with textContent (via el()),
// never as HTML; chart tooltips go through echarts.format.encodeHTML. No inline script: the
// server's Content-Security-Policy allows scripts from this origin only.
"use strict";

const QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLOR = { 1: "#3a9d5d", 2: "#1b6b3a", 3: "#e08a2c", 4: "#c0392b" };
const charts = {};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "href") node.setAttribute("href", safeHref(value));
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Only links inside this app: "#/..." views and "/api/..." downloads.
function safeHref(value) {
  const s = String(value);
  return s.startsWith("#/") || s.startsWith("/api/") ? s : "#/";
}

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) qs.set(k, v);
  const url = "/api/" + path + (qs.toString() ? "?" + qs : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(message);
  }
  return body;
}

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const parts = path.split("/").filter(Boolean);
  return { view: parts[0] || "timeline", arg: parts[1] ? decodeURIComponent(parts[1]) : null, params: new URLSearchParams(query || "") };
}

function go(view, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) qs.set(k, v);
  location.hash = "#/" + view + (qs.toString() ? "?" + qs : "");
}

function chart(id) {
  if (!charts[id]) charts[id] = echarts.init(document.getElementById(id));
  return charts[id];
}

function flags(ev) {
  return ["negated", "hypothetical", "covert"].filter((f) => ev[f]).map((f) => el("span", { class: "flag " + f }, f));
}

function eventsTable(items, caption) {
  if (!items.length) return el("p", { class: "empty" }, "No events.");
  const head = el("tr", {}, ["date", "source", "target", "CAMEO", "PLOVER", "Goldstein", "modality", "sentence", ""].map((h) => el("th", {}, h)));
  const rows = items.map((ev) =>
    el("tr", { class: "q" + ev.quad_class, "data-event": ev.event_id },
      el("td", {}, ev.event_date || ""),
      el("td", { title: ev.source_name || "" }, ev.source),
      el("td", { title: ev.target_name || "" }, ev.target),
      el("td", {}, ev.cameo),
      el("td", {}, ev.plover || ""),
      el("td", { class: "num" }, ev.goldstein),
      el("td", {}, flags(ev)),
      el("td", { class: "sentence" }, ev.sentence || ""),
      el("td", {}, el("a", { href: "#/event/" + encodeURIComponent(ev.event_id), class: "evidence-link" }, "evidence →"))));
  return el("table", { class: "events" }, caption ? el("caption", {}, caption) : null, el("thead", {}, head), el("tbody", {}, rows));
}

async function eventList(target, params, page) {
  const box = document.getElementById(target);
  const limit = 50;
  const offset = (page || 0) * limit;
  box.replaceChildren(el("p", { class: "loading" }, "Loading…"));
  const data = await api("events", { ...params, limit, offset });
  const pager = el("p", { class: "pager" },
    `${data.total} events; showing ${data.total ? offset + 1 : 0}–${offset + data.items.length}. `,
    offset > 0 ? el("button", { type: "button", onclick: () => eventList(target, params, page - 1) }, "← previous") : null,
    offset + data.items.length < data.total ? el("button", { type: "button", onclick: () => eventList(target, params, (page || 0) + 1) }, "next →") : null);
  box.replaceChildren(pager, eventsTable(data.items));
}

// -- dyad timeline ------------------------------------------------------------------------
let pairsLoaded = false;

async function loadPairs(a, b) {
  const select = document.getElementById("pair-select");
  if (!pairsLoaded) {
    const data = await api("pairs", { limit: 300 });
    select.replaceChildren(...data.items.map((p) => el("option", { value: p.a + "," + p.b }, `${p.a} – ${p.b} (${p.events} events)`)));
    pairsLoaded = true;
  }
  if (a && b) {
    const key = [a, b].sort().join(",");
    if ([...select.options].some((o) => o.value === key)) select.value = key;
  }
  return select.value ? select.value.split(",") : [null, null];
}

async function showTimeline(params) {
  let a = (params.get("a") || "").toUpperCase();
  let b = (params.get("b") || "").toUpperCase();
  const interval = params.get("interval") || "month";
  const [pa, pb] = await loadPairs(a, b);
  if (!a || !b) [a, b] = [pa, pb];
  document.getElementById("dyad-a").value = a || "";
  document.getElementById("dyad-b").value = b || "";
  document.getElementById("interval").value = interval;
  if (!a || !b) {
    document.getElementById("timeline-list").replaceChildren(el("p", { class: "empty" }, "No events stored yet: run detente ingest."));
    return;
  }
  const data = await api("dyad", { a, b, interval });
  const s = data.series.filter((r) => r.period);
  const enc = echarts.format.encodeHTML;
  const c = chart("timeline-chart");
  c.clear();
  c.setOption({
    animation: false,
    title: { text: `${a} – ${b}, factual events per ${interval}`, left: "center", textStyle: { fontSize: 14 } },
    legend: { top: 24 },
    grid: { top: 64, left: 50, right: 50, bottom: 60 },
    tooltip: { trigger: "axis", formatter: (items) => items.map((i) => enc(`${i.seriesName}: ${Array.isArray(i.value) ? i.value[1] : i.value}`)).join("<br>") },
    xAxis: { type: "time" },
    yAxis: [{ type: "value", name: "events" }, { type: "value", name: "Goldstein", min: -10, max: 10 }],
    dataZoom: [{ type: "slider", bottom: 10 }, { type: "inside" }],
    series: [
      { name: "cooperation", type: "bar", stack: "q", barMaxWidth: 40, itemStyle: { color: QUAD_COLOR[1] }, data: s.map((r) => [r.period, r.verbal_coop + r.material_coop]) },
      { name: "conflict", type: "bar", stack: "q", barMaxWidth: 40, itemStyle: { color: QUAD_COLOR[4] }, data: s.map((r) => [r.period, -(r.verbal_conflict + r.material_conflict)]) },
      { name: "mean Goldstein", type: "line", yAxisIndex: 1, connectNulls: true, itemStyle: { color: "#2c3e80" }, data: s.map((r) => [r.period, r.goldstein_mean === null ? null : Math.round(r.goldstein_mean * 100) / 100]) },
      { name: "covert", type: "scatter", z: 10, symbol: "diamond", symbolSize: 14, itemStyle: { color: "#6c3483" }, data: s.filter((r) => r.covert).map((r) => [r.period, r.covert]) },
      { name: "hypothetical", type: "scatter", z: 10, symbol: "triangle", symbolSize: 14, itemStyle: { color: "#7f8c8d" }, data: s.filter((r) => r.hypothetical).map((r) => [r.period, r.hypothetical]) },
    ],
  });
  c.off("click");
  c.on("click", (p) => {
    const start = Array.isArray(p.value) ? p.value[0] : null;
    if (start) listPeriod(a, b, start, interval);
  });
  document.getElementById("timeline-list-title").textContent = `Events between ${a} and ${b} (both directions)`;
  await eventList("timeline-list", { dyad: `${a},${b}` });
}

function periodEnd(start, interval) {
  const d = new Date(start + "T00:00:00Z");
  if (interval === "day") return start;
  if (interval === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (interval === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  else { d.setUTCFullYear(d.getUTCFullYear() + 1); d.setUTCMonth(0); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function listPeriod(a, b, start, interval) {
  const end = periodEnd(start, interval);
  document.getElementById("timeline-list-title").textContent = `Events between ${a} and ${b}, ${start} to ${end}`;
  eventList("timeline-list", { dyad: `${a},${b}`, from: start, to: end }).catch((e) => showError(e.message));
}

// -- actor network ------------------------------------------------------------------------
async function showNetwork(params) {
  const form = document.getElementById("network-form");
  for (const k of ["from", "to", "cameo", "limit"]) if (params.get(k)) form.elements[k].value = params.get(k);
  const data = await api("network", { from: params.get("from"), to: params.get("to"), cameo: params.get("cameo"), limit: params.get("limit") || 150 });
  const enc = echarts.format.encodeHTML;
  const max = Math.max(1, ...data.edges.map((e) => e.events));
  const c = chart("network-chart");
  c.clear();
  c.setOption({
    animation: false,
    tooltip: {
      formatter: (p) => p.dataType === "edge"
        ? enc(`${p.data.source} → ${p.data.target}: ${p.data.events} events, ${QUAD[p.data.quad_class] || ""}, mean Goldstein ${p.data.mean_goldstein}`)
        : enc(`${p.data.name}: ${p.data.events} events`),
    },
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true,
      force: { repulsion: 220, edgeLength: [60, 180] },
      edgeSymbol: ["none", "arrow"], edgeSymbolSize: 8,
      label: { show: true, position: "right" },
      data: data.nodes.map((n) => ({ name: n.id, events: n.events, symbolSize: 8 + 4 * Math.sqrt(n.events) })),
      links: data.edges.map((e) => ({ ...e, lineStyle: { width: 1 + 7 * Math.sqrt(e.events / max), color: QUAD_COLOR[e.quad_class] || "#999", curveness: 0.15, opacity: 0.8 } })),
    }],
  });
  c.off("click");
  c.on("click", (p) => {
    const base = { from: params.get("from"), to: params.get("to"), cameo: params.get("cameo") };
    if (p.dataType === "edge") {
      document.getElementById("network-list-title").textContent = `Events ${p.data.source} → ${p.data.target}`;
      eventList("network-list", { ...base, source: p.data.source, target: p.data.target }).catch((e) => showError(e.message));
    } else if (p.dataType === "node") {
      document.getElementById("network-list-title").textContent = `Events of ${p.data.name}`;
      eventList("network-list", { ...base, actor: p.data.name }).catch((e) => showError(e.message));
    }
  });
}

// -- event table --------------------------------------------------------------------------
const EVENT_FILTERS = ["actor", "dyad", "cameo", "from", "to", "modality", "sort"];

async function showEvents(params) {
  const form = document.getElementById("events-form");
  const values = {};
  for (const k of EVENT_FILTERS) {
    values[k] = params.get(k) || "";
    form.elements[k].value = values[k] || (k === "sort" ? "-date" : "");
  }
  const csv = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v && k !== "sort") csv.set(k, v);
  document.getElementById("csv-link").setAttribute("href", safeHref("/api/events.csv" + (csv.toString() ? "?" + csv : "")));
  await eventList("events-list", values);
}

// -- evidence -----------------------------------------------------------------------------
function field(label, value) {
  return value === null || value === undefined || value === "" ? null : el("div", { class: "field" }, el("dt", {}, label), el("dd", {}, value));
}

function highlighted(text, ev) {
  const s = ev.sentence_start, e = ev.sentence_end, ts = ev.trigger_start, te = ev.trigger_end;
  if (s === null || e === null || s < 0 || e > text.length || s >= e) return el("div", { class: "article-text" }, text);
  const inside = [];
  if (ts !== null && te !== null && ts >= s && te <= e && ts < te) {
    inside.push(text.slice(s, ts), el("strong", { class: "trigger" }, text.slice(ts, te)), text.slice(te, e));
  } else inside.push(text.slice(s, e));
  return el("div", { class: "article-text" }, text.slice(0, s), el("mark", { id: "evidence-sentence" }, inside), text.slice(e));
}

async function showEvent(id) {
  const box = document.getElementById("event-detail");
  box.replaceChildren(el("p", { class: "loading" }, "Loading…"));
  const ctx = await api("events/" + encodeURIComponent(id));
  const ev = ctx.event, art = ctx.article;
  const summary = el("div", { class: "event-summary q" + ev.quad_class },
    el("p", { class: "headline" }, `${ev.source_name || ev.source} (${ev.source}) → ${ev.target_name || ev.target} (${ev.target})`),
    el("p", {}, `CAMEO ${ev.cameo} · ${ev.plover || ""} · ${QUAD[ev.quad_class] || ""} · Goldstein ${ev.goldstein} `, flags(ev)),
    el("blockquote", { class: "sentence", id: "evidence-quote" }, ev.sentence || ""));
  const facts = el("dl", { class: "facts" },
    field("date", `${ev.event_date || "?"} (${ev.date_precision || "?"})`),
    field("source", `${ev.source_text || ""} → ${ev.source} ${ev.source_sector || ""}`),
    field("target", `${ev.target_text || ""} → ${ev.target} ${ev.target_sector || ""}`),
    field("trigger", ev.trigger),
    field("pattern", ev.pattern),
    field("paragraph", ctx.paragraph ? `${ctx.paragraph.role}${ctx.paragraph.speaker ? ", " + ctx.paragraph.speaker : ""}` : ev.paragraph_role),
    field("article", art ? art.title : null),
    field("published", art ? art.published : null),
    field("file", art ? art.path : null));
  const parts = [summary, facts];
  if (ctx.turn) {
    parts.push(el("div", { class: "turn" }, el("h3", {}, "Interview turn"),
      el("p", {}, el("b", {}, (ctx.turn.interviewer || "Q") + ": "), ctx.turn.question || ""),
      el("p", {}, el("b", {}, (ctx.turn.interviewee || "A") + ": "), ctx.turn.answer || "")));
  }
  if (ctx.quote) {
    const q = ctx.quote;
    parts.push(el("div", { class: "quote" }, el("h3", {}, "Quote"),
      el("p", {}, Object.entries(q).filter(([k, v]) => typeof v === "string" && !k.endsWith("_id")).map(([k, v]) => el("span", { class: "quote-field" }, `${k}: ${v}`)))));
  }
  if (art) {
    parts.push(el("h3", {}, "Article"), el("p", { class: "article-title" }, art.title || ""), highlighted(art.text || "", ev));
  }
  parts.push(el("p", {}, el("a", { href: "#/events?" + new URLSearchParams({ dyad: `${ev.source},${ev.target}` }) }, `All ${ev.source}–${ev.target} events`)));
  box.replaceChildren(...parts);
  window.scrollTo(0, 0);
  const mark = document.getElementById("evidence-sentence");
  if (mark) {
    const boxText = mark.closest(".article-text");
    boxText.scrollTop = Math.max(0, mark.offsetTop - boxText.clientHeight / 3);
  }
}

// -- ingest status ------------------------------------------------------------------------
function simpleTable(cols, rows) {
  if (!rows.length) return el("p", { class: "empty" }, "None.");
  return el("table", {}, el("thead", {}, el("tr", {}, cols.map((c) => el("th", {}, c)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, cols.map((c) => el("td", {}, r[c] === null || r[c] === undefined ? "" : r[c]))))));
}

async function showStatus() {
  const [data, docs] = await Promise.all([api("status"), api("articles", { limit: 200 })]);
  const c = data.counts;
  document.getElementById("status-detail").replaceChildren(
    el("p", { class: "counts" }, `${c.documents} documents, ${c.articles} articles, ${c.events} events, ${c.skips} skipped inputs, ${c.runs} runs.`),
    el("h3", {}, "Last runs"),
    simpleTable(["started_at", "finished_at", "command", "seen", "stored", "duplicates", "skipped", "events"], data.runs),
    el("h3", {}, `Documents (latest ${docs.items.length})`),
    simpleTable(["title", "published", "publisher", "genre", "events", "path", "ingested_at"], docs.items),
    el("h3", {}, "Skips by reason"),
    simpleTable(["reason", "n"], data.skip_reasons),
    el("h3", {}, "Skipped inputs"),
    simpleTable(["path", "reason", "detail", "skipped_at"], data.skips));
}

// -- router -------------------------------------------------------------------------------
const VIEWS = { timeline: showTimeline, network: showNetwork, events: showEvents, event: null, status: showStatus };

async function route() {
  const { view, arg, params } = parseHash();
  const name = view in VIEWS ? view : "timeline";
  for (const v of Object.keys(VIEWS)) document.getElementById("view-" + v).hidden = v !== name;
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.view === name);
  showError("");
  try {
    if (name === "event") await showEvent(arg || "");
    else await VIEWS[name](params);
  } catch (e) {
    showError(e.message);
  }
  for (const c of Object.values(charts)) c.resize();
}

function formParams(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) out[k] = String(v).trim();
  return out;
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("timeline-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const p = formParams(e.target);
    let [a, b] = (p.pair || ",").split(",");
    if (p.a && p.b) [a, b] = [p.a, p.b];
    go("timeline", { a, b, interval: p.interval });
  });
  document.getElementById("pair-select").addEventListener("change", (e) => {
    const [a, b] = e.target.value.split(",");
    go("timeline", { a, b, interval: document.getElementById("interval").value });
  });
  document.getElementById("network-form").addEventListener("submit", (e) => { e.preventDefault(); go("network", formParams(e.target)); });
  document.getElementById("events-form").addEventListener("submit", (e) => { e.preventDefault(); go("events", formParams(e.target)); });
  window.addEventListener("hashchange", route);
  window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
  route();
});
