// The sandbox dashboard: every view reads and writes through the control plane's JSON calls.
"use strict";

const BASE = document.body.dataset.base;
const ROOT = document.body.dataset.root;
const TENANT = document.body.dataset.tenant;
const PAGE = 50;
const RECORDS_PAGE = 100;
const POLL_MS = 1500;

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "on") {
      for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    } else if (key === "dataset") {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(key, value === true ? "" : value);
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = typeof body === "string" ? body : JSON.stringify(body);
  }
  const response = await fetch(BASE + path, init);
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
  if (!response.ok) {
    const message = data && data.error ? data.error : `${response.status} ${response.statusText}`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return { data, text };
}

function notice(message, isError) {
  const node = $("notice");
  node.textContent = message;
  node.className = isError ? "notice error" : "notice";
}

function short(value, max) {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.length > (max || 120) ? text.slice(0, (max || 120) - 1) + "…" : text;
}

function pretty(text) {
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
}

// Tenants ---------------------------------------------------------------------------------------

async function loadTenants() {
  const { data } = await api("GET", "/tenants");
  const select = $("tenant-select");
  select.replaceChildren(...data.tenants.map((name) => el("option", { value: name, selected: name === TENANT }, name)));
}

$("tenant-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const name = $("tenant-select").value;
  if (name && name !== TENANT) window.location.href = `${ROOT}/t/${encodeURIComponent(name)}/__sandbox/ui${location.hash}`;
});

// Clock -----------------------------------------------------------------------------------------

function showClock(clock) {
  const text = `Clock: ${clock.now}${clock.frozen ? " (frozen)" : " (running)"}`;
  $("clock-line").textContent = text;
  $("clock-state").textContent = `Sandbox time ${clock.now}; ${clock.frozen ? "frozen" : "running"}.`;
}

async function loadClock() {
  showClock((await api("GET", "/clock")).data);
}

async function changeClock(body, done) {
  try {
    showClock((await api("POST", "/clock", body)).data);
    notice(done);
  } catch (error) {
    notice(error.message, true);
  }
}

$("clock-freeze").addEventListener("click", () => changeClock({ freeze: true }, "Clock frozen."));
$("clock-unfreeze").addEventListener("click", () => changeClock({ freeze: false }, "Clock running."));
$("advance-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const seconds = Number($("advance-seconds").value);
  changeClock({ advance_s: seconds }, `Clock advanced by ${seconds} s.`);
});

// Journal ---------------------------------------------------------------------------------------

const journal = { before: null, history: [], entries: [], newestShown: null, total: 0, selected: null };

function journalQuery() {
  const params = new URLSearchParams({ limit: String(PAGE) });
  const vendor = $("filter-vendor").value;
  const status = $("filter-status").value.trim();
  let path = $("filter-path").value.trim();
  if (vendor) params.set("vendor", vendor);
  if (status) params.set("status", status);
  if (path) {
    if (!path.includes("*")) path = `*${path}*`;
    params.set("path", path);
  }
  if (journal.before !== null) params.set("before", String(journal.before));
  return params;
}

async function loadJournal() {
  const { data } = await api("GET", "/requests?" + journalQuery().toString());
  const entries = data.requests.slice().reverse();
  const newest = entries.length ? entries[0].id : null;
  const changed = newest !== journal.newestShown || data.total !== journal.total || entries.length !== journal.entries.length;
  journal.entries = entries;
  journal.total = data.total;
  journal.newestShown = newest;
  if (changed) renderJournal();
  return changed;
}

function renderJournal() {
  const rows = journal.entries.map((entry) => el("tr", { dataset: { id: entry.id }, class: entry.status >= 400 || entry.status === null ? "bad" : "" },
    el("td", {}, entry.id),
    el("td", { title: entry.time }, entry.time.slice(11, 19)),
    el("td", {}, entry.vendor),
    el("td", {}, entry.operation || ""),
    el("td", {}, entry.method),
    el("td", { class: "path" }, entry.path),
    el("td", {}, entry.status === null ? `cut (${entry.cut})` : entry.status),
    el("td", { class: "num" }, entry.duration_ms.toFixed(1)),
    el("td", { class: "fault" }, entry.fault ? `${entry.fault} (${entry.fault_type})` : ""),
    el("td", {}, el("button", { type: "button", "aria-label": `Details of request ${entry.id}`, on: { click: () => showDetail(entry) } }, "Details")),
  ));
  $("journal-table").tBodies[0].replaceChildren(...rows);
  const page = journal.before === null ? "newest" : `older than #${journal.before}`;
  $("journal-summary").textContent = journal.entries.length
    ? `Showing ${journal.entries.length} of ${journal.total} requests (${page}), newest first.`
    : `No requests${journal.before === null ? " yet" : " on this page"}.`;
  $("journal-newer").disabled = journal.before === null;
  $("journal-newest").disabled = journal.before === null;
  $("journal-older").disabled = journal.entries.length < PAGE || journal.total <= journal.entries.length;
}

function table(pairs) {
  if (!pairs.length) return el("p", {}, "none");
  return el("table", { class: "pairs" }, el("tbody", {}, pairs.map(([key, value]) => el("tr", {}, el("th", { scope: "row" }, key), el("td", {}, short(value, 4000))))));
}

function showDetail(entry) {
  journal.selected = entry.id;
  $("detail-title").textContent = `Request #${entry.id}`;
  const query = Object.entries(entry.query || {});
  const headers = Object.entries(entry.headers || {});
  const response = [
    ["status", entry.status === null ? "none (connection cut)" : entry.status],
    ["duration", `${entry.duration_ms} ms`],
    ["fault", entry.fault || "none"],
    ["fault type", entry.fault_type || ""],
    ["cut", entry.cut || ""],
    ["applied", entry.applied ? "yes (the vendor handled it)" : "no"],
    ["route matched", entry.route_matched ? "yes" : "no"],
  ];
  const trace = (entry.fault_trace || []).map((item) => el("li", {}, `${item.rule || "…"}: ${item.reason}`));
  let body = entry.body || "";
  if (entry.body_encoding === "base64") body = `(base64) ${body}`;
  $("detail-body").replaceChildren(
    el("p", { class: "line" }, `${entry.method} ${entry.path}`),
    el("p", {}, `${entry.vendor}${entry.operation ? " · " + entry.operation : ""} · ${entry.time}`),
    el("h4", {}, "Query"), table(query),
    el("h4", {}, "Headers"), table(headers),
    el("h4", {}, `Body (${entry.body_bytes} bytes${entry.body_truncated ? ", truncated" : ""})`),
    el("pre", { class: "body" }, body ? pretty(body) : "(empty)"),
    el("h4", {}, "Response"), table(response),
    el("h4", {}, "Fault rules tried"), trace.length ? el("ol", {}, trace) : el("p", {}, "none"),
  );
  $("detail").hidden = false;
  $("detail").parentElement.classList.add("open");
  $("detail-close").focus();
}

$("detail-close").addEventListener("click", () => {
  $("detail").hidden = true;
  $("detail").parentElement.classList.remove("open");
  journal.selected = null;
});

function restartJournal() {
  journal.before = null;
  journal.history = [];
  journal.newestShown = undefined;
  loadJournal().catch((error) => notice(error.message, true));
}

$("journal-filters").addEventListener("submit", (event) => { event.preventDefault(); restartJournal(); });
$("filter-clear").addEventListener("click", () => {
  $("filter-vendor").value = "";
  $("filter-status").value = "";
  $("filter-path").value = "";
  restartJournal();
});
$("journal-newest").addEventListener("click", restartJournal);
$("journal-older").addEventListener("click", () => {
  if (!journal.entries.length) return;
  journal.history.push(journal.before);
  journal.before = journal.entries[journal.entries.length - 1].id;
  journal.newestShown = undefined;
  loadJournal().catch((error) => notice(error.message, true));
});
$("journal-newer").addEventListener("click", () => {
  journal.before = journal.history.length ? journal.history.pop() : null;
  journal.newestShown = undefined;
  loadJournal().catch((error) => notice(error.message, true));
});

// Unmatched -------------------------------------------------------------------------------------

let unmatchedShown = null;

async function loadUnmatched() {
  const { text, data } = await api("GET", `/requests/unmatched?limit=${PAGE}`);
  if (text === unmatchedShown) return;
  unmatchedShown = text;
  const rows = data.requests.slice().reverse().map((entry) => el("tr", {},
    el("td", {}, entry.id), el("td", {}, entry.time), el("td", {}, entry.vendor),
    el("td", {}, entry.method), el("td", { class: "path" }, entry.path), el("td", {}, entry.status),
    el("td", {}, el("ul", { class: "closest" }, entry.closest.map((c) => el("li", {}, el("code", {}, `${c.methods.join(",")} ${c.route}`), ` ${c.reason}`)))),
  ));
  $("unmatched-table").tBodies[0].replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: 7 }, "No unmatched requests."))]));
}

$("unmatched-refresh").addEventListener("click", () => loadUnmatched().catch((error) => notice(error.message, true)));

// Records ---------------------------------------------------------------------------------------

const records = { state: null, offset: 0 };

async function loadRecords() {
  const { data } = await api("GET", "/state");
  records.state = data;
  const select = $("records-collection");
  const chosen = select.value;
  const options = [];
  for (const [namespace, collections] of Object.entries(data)) {
    const group = el("optgroup", { label: namespace });
    for (const [name, items] of Object.entries(collections)) {
      const value = `${namespace}/${name}`;
      group.append(el("option", { value, selected: value === chosen }, `${namespace} ${name} (${items.length})`));
    }
    options.push(group);
  }
  select.replaceChildren(...options);
  const values = [...select.options].map((o) => o.value);
  if (chosen && values.includes(chosen)) select.value = chosen;
  else if (values.includes("omilia/numbers")) select.value = "omilia/numbers";
  renderRecords();
}

function renderRecords() {
  if (!records.state) return;
  const [namespace, name] = ($("records-collection").value || "/").split("/");
  let items = (records.state[namespace] || {})[name] || [];
  const find = $("records-find").value.trim().toLowerCase();
  if (find) items = items.filter((item) => JSON.stringify(item).toLowerCase().includes(find));
  if (records.offset >= items.length) records.offset = 0;
  const shown = items.slice(records.offset, records.offset + RECORDS_PAGE);
  const columns = [];
  for (const item of shown) for (const key of Object.keys(item)) if (!columns.includes(key)) columns.push(key);
  const thead = $("records-table").tHead;
  thead.replaceChildren(el("tr", {}, columns.map((c) => el("th", { scope: "col" }, c))));
  $("records-table").tBodies[0].replaceChildren(...shown.map((item) => el("tr", {},
    columns.map((c) => el("td", { title: typeof item[c] === "object" && item[c] !== null ? JSON.stringify(item[c]) : null }, short(item[c], 80))))));
  $("records-summary").textContent = items.length
    ? `${namespace} ${name}: records ${records.offset + 1} to ${records.offset + shown.length} of ${items.length}.`
    : `${namespace} ${name}: no records.`;
  $("records-prev").disabled = records.offset === 0;
  $("records-next").disabled = records.offset + RECORDS_PAGE >= items.length;
}

$("records-form").addEventListener("submit", (event) => { event.preventDefault(); records.offset = 0; renderRecords(); });
$("records-collection").addEventListener("change", () => { records.offset = 0; renderRecords(); });
$("records-refresh").addEventListener("click", () => loadRecords().catch((error) => notice(error.message, true)));
$("records-prev").addEventListener("click", () => { records.offset = Math.max(0, records.offset - RECORDS_PAGE); renderRecords(); });
$("records-next").addEventListener("click", () => { records.offset += RECORDS_PAGE; renderRecords(); });

// Faults ----------------------------------------------------------------------------------------

let definitions = null;

function safe(value) {
  return value !== undefined && Math.abs(value) < Number.MAX_SAFE_INTEGER;
}

function bounds(param) {
  if (param.low === undefined) return "";
  if (safe(param.high)) return ` (${param.low} to ${param.high})`;
  return safe(param.low) ? ` (${param.low} or more)` : " (any integer)";
}

function paramInput(param, prefix) {
  const id = `${prefix}-${param.name}`;
  const help = `${param.help}${bounds(param)}${param.required ? ", required" : ""}`;
  const attrs = { id, name: param.name, "aria-describedby": `${id}-help`, dataset: { kind: param.kind }, required: param.required };
  let input;
  if (param.kind === "choice") {
    input = el("select", attrs, param.choices.map((c) => el("option", { value: c, selected: c === param.default }, c)));
  } else if (param.kind === "body" || param.kind === "headers") {
    input = el("textarea", { ...attrs, rows: 2, placeholder: param.kind === "headers" ? '{"Retry-After": "5"}' : "text, or JSON" });
  } else if (param.kind === "number" || param.kind === "integer") {
    input = el("input", { ...attrs, type: "number", step: param.kind === "integer" ? "1" : "any", min: safe(param.low) ? param.low : null, max: safe(param.high) ? param.high : null, placeholder: param.default !== undefined ? String(param.default) : "" });
  } else {
    input = el("input", attrs);
  }
  return el("div", { class: "param" }, el("label", { for: id }, param.name), input, el("span", { id: `${id}-help`, class: "help" }, help));
}

function readParam(input) {
  const raw = input.value;
  if (raw === "") return undefined;
  const kind = input.dataset.kind;
  if (kind === "number" || kind === "integer") return Number(raw);
  if (kind === "headers") return JSON.parse(raw);
  if (kind === "body") { try { return JSON.parse(raw); } catch (e) { return raw; } }
  if (kind === "code") return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  return raw;
}

function showActionParams() {
  const shape = definitions.actions[Number($("fault-action").value)];
  $("fault-action-summary").textContent = shape.summary;
  $("fault-action-params").replaceChildren(...shape.params.map((p) => paramInput(p, "action")));
}

async function loadDefinitions() {
  definitions = (await api("GET", "/fault-actions")).data;
  $("fault-action").replaceChildren(...definitions.actions.map((shape, i) => el("option", { value: i }, shape.title)));
  const vendors = definitions.match.vendors.map((v) => el("option", { value: v }, v));
  $("fault-vendor").append(...vendors);
  $("filter-vendor").append(...definitions.match.vendors.map((v) => el("option", { value: v }, v)));
  $("fault-method").append(...definitions.match.methods.map((m) => el("option", { value: m }, m)));
  $("fault-rule-params").replaceChildren(...definitions.rule.map((p) => paramInput(p, "rule")));
  showActionParams();
}

$("fault-action").addEventListener("change", showActionParams);

function faultRule() {
  const match = {};
  for (const [field, id] of [["vendor", "fault-vendor"], ["method", "fault-method"], ["path", "fault-path"], ["operation", "fault-operation"]]) {
    const value = $(id).value.trim();
    if (value) match[field] = value;
  }
  const shape = definitions.actions[Number($("fault-action").value)];
  const action = { type: shape.type, ...shape.fixed };
  for (const input of $("fault-action-params").querySelectorAll("input, select, textarea")) {
    const value = readParam(input);
    if (value !== undefined) action[input.name] = value;
  }
  const rule = { match, action };
  if ($("fault-id").value.trim()) rule.id = $("fault-id").value.trim();
  for (const input of $("fault-rule-params").querySelectorAll("input, select, textarea")) {
    const value = readParam(input);
    if (value !== undefined) rule[input.name] = value;
  }
  return rule;
}

function describeMatch(match) {
  const parts = ["vendor", "method", "path", "operation"].filter((k) => match[k]).map((k) => `${k} ${match[k]}`);
  return parts.length ? parts.join(", ") : "every request";
}

function describeAction(action) {
  const rest = Object.entries(action).filter(([k]) => k !== "type").map(([k, v]) => `${k} ${short(v, 60)}`);
  return rest.length ? `${action.type}: ${rest.join(", ")}` : action.type;
}

let faultsShown = null;

async function loadFaults() {
  const { text, data } = await api("GET", "/faults");
  if (text === faultsShown) return;
  faultsShown = text;
  const rows = data.rules.map((rule) => el("tr", { dataset: { id: rule.id } },
    el("td", {}, rule.id), el("td", {}, describeMatch(rule.match)), el("td", {}, describeAction(rule.action)),
    el("td", { class: "num" }, rule.probability), el("td", { class: "num" }, rule.times === null ? "no limit" : rule.times),
    el("td", { class: "num" }, rule.state.matched), el("td", { class: "num" }, rule.state.fired),
    el("td", {}, el("button", { type: "button", on: { click: () => removeFault(rule.id) } }, `Remove rule ${rule.id}`)),
  ));
  $("faults-table").tBodies[0].replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: 8 }, "No fault rules."))]));
}

async function removeFault(id) {
  try {
    await api("DELETE", `/faults/${encodeURIComponent(id)}`);
    notice(`Fault rule ${id} removed.`);
  } catch (error) {
    notice(error.message, true);
  }
  await loadFaults();
}

$("faults-clear").addEventListener("click", async () => {
  try {
    await api("DELETE", "/faults");
    notice("Every fault rule removed.");
  } catch (error) {
    notice(error.message, true);
  }
  await loadFaults();
});

$("fault-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("fault-error").textContent = "";
  let rule;
  try {
    rule = faultRule();
  } catch (error) {
    $("fault-error").textContent = `Not JSON: ${error.message}`;
    return;
  }
  try {
    const { data } = await api("POST", "/faults", rule);
    notice(`Fault rule ${data.id} added.`);
  } catch (error) {
    $("fault-error").textContent = error.message;
  }
  await loadFaults();
});

// Reset and snapshots ---------------------------------------------------------------------------

function stateMessage(message, isError) {
  $("state-message").textContent = message;
  $("state-message").className = isError ? "error" : "";
}

$("tenant-reset").addEventListener("click", async () => {
  try {
    await api("POST", "/reset");
    stateMessage(`Tenant ${TENANT} reset to its initial world.`);
    await refreshAll();
  } catch (error) {
    stateMessage(error.message, true);
  }
});

$("snapshot-download").addEventListener("click", async () => {
  try {
    const { text } = await api("GET", "/state");
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = el("a", { href: url, download: `sandbox-${TENANT}-state.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    stateMessage("Snapshot downloaded.");
  } catch (error) {
    stateMessage(error.message, true);
  }
});

$("snapshot-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const file = $("snapshot-file").files[0];
  if (!file) return;
  try {
    await api("PUT", "/state", await file.text());
    stateMessage(`Snapshot ${file.name} loaded into tenant ${TENANT}.`);
    await refreshAll();
  } catch (error) {
    stateMessage(`Snapshot refused: ${error.message}`, true);
  }
});

// Views and polling -----------------------------------------------------------------------------

const LOADERS = { journal: loadJournal, unmatched: loadUnmatched, records: loadRecords, faults: loadFaults, clock: loadClock };

function currentView() {
  const name = location.hash.slice(1);
  return name in LOADERS ? name : "journal";
}

function showView() {
  const name = currentView();
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${name}`;
  for (const link of document.querySelectorAll(".tabs a")) {
    if (link.dataset.view === name) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (name === "journal") journal.newestShown = undefined;
  LOADERS[name]().catch((error) => notice(error.message, true));
}

async function refreshAll() {
  await Promise.all([loadClock(), LOADERS[currentView()](), loadTenants()]);
}

let polling = false;
async function poll() {
  if (polling || document.hidden) return;
  polling = true;
  try {
    await loadClock();
    const view = currentView();
    if (view === "journal" && journal.before === null && $("journal-live").checked) await loadJournal();
    if (view === "faults") await loadFaults();
    if (view === "unmatched") await loadUnmatched();
  } catch (error) {
    notice(error.message, true);
  } finally {
    polling = false;
  }
}

window.addEventListener("hashchange", showView);

async function start() {
  try {
    await Promise.all([loadDefinitions(), loadTenants(), loadClock()]);
  } catch (error) {
    notice(error.message, true);
  }
  showView();
  setInterval(poll, POLL_MS);
  document.body.dataset.ready = "true";
}

start();
