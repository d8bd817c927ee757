// Aurora dashboard: plain JS, no build step, nothing from the internet. Every request carries the
// bearer token in a header (never a cookie); the token comes from the URL fragment or the form and
// lives in sessionStorage only.
"use strict";
(() => {
  const TOKEN_KEY = "aurora.token";
  const WINDOW_MS = 5 * 60 * 1000;
  const POLL_MS = 2000;
  const MAX_EVENTS = 200;
  const $ = (id) => document.getElementById(id);

  const states = {
    healthy: "ok", running: "ok", exited: "ok",
    starting: "warn", pending: "warn", backoff: "warn", stopping: "warn", unhealthy: "warn", degraded: "warn",
    failed: "bad", stopped: "off",
  };
  const columns = [
    ["name", "Service"], ["state", "State"], ["health", "Health"], ["pid", "PID"], ["uptime", "Uptime"],
    ["restarts", "Restarts"], ["cpu", "CPU"], ["mem", "Memory"], ["cause", "Last cause"], ["reason", "Waiting for"],
  ];

  let token = null;
  let lastSeq = 0;
  let socket = null;
  let retryMs = 500;
  let retryTimer = null;
  let pollTimer = null;
  let refreshTimer = null;
  let logTimer = null;
  let searchTimer = null;
  let searchGeneration = 0;
  let started = false;
  const seen = new Set();
  const samples = new Map(); // service -> [{t, cpu, mem}]

  // ---- auth -------------------------------------------------------------------------------------

  class Unauthorized extends Error {}

  function takeTokenFromUrl() {
    const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (m) {
      sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]));
      history.replaceState(null, "", location.pathname + location.search);
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  async function api(path, options = {}) {
    const headers = { Authorization: "Bearer " + token, Accept: "application/json" };
    const response = await fetch(path, { ...options, headers, cache: "no-store", credentials: "omit" });
    if (response.status === 401) {
      throw new Unauthorized("token refused");
    }
    return response;
  }

  async function json(path, options) {
    const response = await api(path, options);
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const message = body && body.error ? body.error.message : response.statusText;
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function showLogin(message) {
    stop();
    $("app").hidden = true;
    $("forget").hidden = true;
    $("login").hidden = false;
    $("login-error").textContent = message || "";
    setConn("off", "not connected");
    $("token-input").focus();
  }

  async function signIn(candidate) {
    token = candidate;
    try {
      const list = await json("/api/v1/services");
      sessionStorage.setItem(TOKEN_KEY, token);
      $("login").hidden = true;
      $("app").hidden = false;
      $("forget").hidden = false;
      renderServices(list.services);
      begin();
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin(e instanceof Unauthorized ? "The daemon refused that token." : "Could not reach the daemon: " + e.message);
    }
  }

  function handle(e) {
    if (e instanceof Unauthorized) {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin("The daemon refused the token (was .aurora/token replaced?). Paste the current one.");
      return true;
    }
    return false;
  }

  // ---- live updates -----------------------------------------------------------------------------

  async function begin() {
    if (started) {
      return;
    }
    started = true;
    json("/healthz").then((h) => { $("project").textContent = h.project + " · daemon pid " + h.pid; }).catch(handle);
    pollTimer = setInterval(poll, POLL_MS);
    poll();
    search("");
    connect();
  }

  function stop() {
    started = false;
    clearInterval(pollTimer);
    clearTimeout(retryTimer);
    if (socket) {
      socket.onclose = null;
      socket.close();
      socket = null;
    }
  }

  async function connect() {
    if (!started) {
      return;
    }
    setConn("retry", "connecting…");
    try {
      // Where to resume: after the last seq seen. A daemon whose store starts over (an older seq than
      // ours) would otherwise look silent, so follow its numbering; on first load show the last 200.
      const head = await json("/api/v1/events?limit=1&after=" + lastSeq);
      if (head.last_seq < lastSeq) {
        lastSeq = 0;
        seen.clear();
      }
      if (lastSeq === 0) {
        lastSeq = Math.max(0, head.last_seq - MAX_EVENTS);
      }
    } catch (e) {
      if (!handle(e)) {
        retryLater();
      }
      return;
    }
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const url = `${scheme}//${location.host}/api/v1/events/stream?after=${lastSeq}&token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 500;
      setConn("live", "live");
      scheduleRefresh();
    };
    ws.onmessage = (m) => onEvent(JSON.parse(m.data));
    ws.onclose = () => {
      if (socket === ws) {
        socket = null;
        retryLater();
      }
    };
  }

  function retryLater() {
    if (!started) {
      return;
    }
    const wait = retryMs;
    retryMs = Math.min(retryMs * 2, 10000);
    setConn("retry", `reconnecting in ${Math.round(wait / 100) / 10}s`);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(connect, wait);
  }

  function setConn(kind, text) {
    const el = $("conn");
    el.dataset.conn = kind;
    el.textContent = text;
  }

  function onEvent(e) {
    if (e.type === "resync") {
      lastSeq = e.last_seq; // the socket closes next; reconnecting resumes from here
      return;
    }
    if (seen.has(e.seq)) {
      return;
    }
    seen.add(e.seq);
    lastSeq = Math.max(lastSeq, e.seq);
    addEvent($("events"), e, true);
    if (e.service) {
      scheduleRefresh();
      if (e.service === $("log-service").value) {
        clearTimeout(logTimer);
        logTimer = setTimeout(loadLog, 300);
      }
    }
    if (e.type.startsWith("incident.") || e.type.startsWith("fix.")) {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(() => search($("history-q").value), 500);
    }
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 120);
  }

  async function refresh() {
    try {
      const list = await json("/api/v1/services");
      renderServices(list.services);
      return list.services;
    } catch (e) {
      handle(e);
      return null;
    }
  }

  async function poll() {
    const services = await refresh();
    if (!services) {
      return;
    }
    const now = Date.now();
    for (const s of services) {
      const points = samples.get(s.name) || [];
      points.push({ t: now, cpu: s.cpu_percent, mem: s.memory_bytes });
      while (points.length && now - points[0].t > WINDOW_MS) {
        points.shift();
      }
      samples.set(s.name, points);
    }
    renderCharts(services, now);
    loadLog();
  }

  // ---- services table ---------------------------------------------------------------------------

  function renderServices(services) {
    const body = $("services").tBodies[0];
    const names = new Set(services.map((s) => s.name));
    for (const row of [...body.rows]) {
      if (!names.has(row.dataset.service)) {
        row.remove();
      }
    }
    services.forEach((s, i) => {
      let row = body.querySelector(`tr[data-service="${CSS.escape(s.name)}"]`);
      if (!row) {
        row = newRow(s.name);
      }
      if (body.rows[i] !== row) {
        body.insertBefore(row, body.rows[i] || null);
      }
      const kind = states[s.state] || "off";
      const badge = row.querySelector("td.state .badge");
      badge.className = "badge " + kind;
      badge.textContent = s.state;
      row.dataset.state = s.state;
      const health = row.querySelector("td.health .badge");
      health.className = "badge plain " + (s.health === "healthy" ? "ok" : s.health === "unhealthy" ? "bad" : "off");
      health.textContent = s.health;
      text(row, "pid", s.pid ?? "—");
      text(row, "uptime", s.uptime_ms == null ? "—" : duration(s.uptime_ms));
      text(row, "restarts", s.restarts);
      text(row, "cpu", s.cpu_percent == null ? "—" : s.cpu_percent.toFixed(1) + "%");
      text(row, "mem", s.memory_bytes == null ? "—" : bytes(s.memory_bytes));
      text(row, "cause", s.last_cause || "—");
      text(row, "reason", s.reason || (s.state === "backoff" && s.next_restart_at ? "restart at " + clock(s.next_restart_at) : "—"));
    });
    syncLogChoices(services);
  }

  function newRow(name) {
    const row = document.createElement("tr");
    row.dataset.service = name;
    for (const [key, label] of columns) {
      const cell = document.createElement("td");
      cell.className = key;
      cell.dataset.label = label;
      if (key === "name") {
        cell.textContent = name;
      } else if (key === "state" || key === "health") {
        cell.append(el("span", "badge"));
      }
      if (["pid", "uptime", "restarts", "cpu", "mem"].includes(key)) {
        cell.classList.add("num");
      }
      row.append(cell);
    }
    const actions = document.createElement("td");
    actions.dataset.label = "Actions";
    const group = el("div", "actions");
    for (const action of ["start", "stop", "restart"]) {
      const button = el("button", action, action[0].toUpperCase() + action.slice(1));
      button.type = "button";
      button.setAttribute("aria-label", `${button.textContent} ${name}`);
      button.addEventListener("click", () => act(name, action, button));
      group.append(button);
    }
    actions.append(group);
    row.append(actions);
    return row;
  }

  async function act(name, action, button) {
    const status = $("action-status");
    button.disabled = true;
    status.textContent = `${action} ${name}…`;
    try {
      const s = await json(`/api/v1/services/${encodeURIComponent(name)}/${action}`, { method: "POST" });
      status.textContent = `${action} ${name}: now ${s.state}${s.pid ? " (pid " + s.pid + ")" : ""}`;
    } catch (e) {
      if (!handle(e)) {
        status.textContent = `${action} ${name} failed: ${e.message}`;
      }
    } finally {
      button.disabled = false;
      scheduleRefresh();
    }
  }

  // ---- charts -----------------------------------------------------------------------------------

  function renderCharts(services, now) {
    const box = $("charts");
    for (const s of services) {
      let fig = box.querySelector(`figure[data-service="${CSS.escape(s.name)}"]`);
      if (!fig) {
        fig = el("figure", "chart");
        fig.dataset.service = s.name;
        fig.append(el("figcaption", "", s.name), spark("cpu", "CPU"), spark("mem", "Memory"));
        box.append(fig);
      }
      const points = samples.get(s.name) || [];
      draw(fig.querySelector(".spark.cpu-box"), points, now, (p) => p.cpu, (v) => v.toFixed(1) + "%", true);
      draw(fig.querySelector(".spark.mem-box"), points, now, (p) => p.mem, bytes, false);
    }
  }

  function spark(kind, label) {
    const wrap = el("div", `spark ${kind}-box`);
    const head = el("div", "spark-head");
    head.append(el("span", "label", label), el("span", "value", "—"));
    const svg = svgEl("svg", { viewBox: "0 0 300 40", preserveAspectRatio: "none", role: "img" });
    svg.append(svgEl("polyline", { class: kind, points: "" }), svgEl("circle", { class: kind, r: 0, cx: 300, cy: 39 }));
    wrap.append(head, svg);
    return wrap;
  }

  // CPU is drawn from 0 (to at least 5%); memory around its own range, so a steady line sits mid-box
  // and growth shows. The x axis spans what has been seen so far (at least 20 s), up to 5 minutes.
  function draw(wrap, points, now, pick, format, isPercent) {
    const known = points.filter((p) => pick(p) != null);
    const values = known.map(pick);
    const peak = values.length ? Math.max(...values) : null;
    const low = values.length ? Math.min(...values) : 0;
    let lo = 0;
    let hi = Math.max(5, (peak ?? 0) * 1.1);
    if (!isPercent && values.length) {
      const pad = (peak - low) * 0.25 + peak * 0.05 + 1;
      lo = Math.max(0, low - pad);
      hi = peak + pad;
    }
    const span = Math.min(WINDOW_MS, Math.max(20000, known.length ? now - known[0].t : 0));
    const coords = known.map((p) => [300 - ((now - p.t) / span) * 300, 38 - ((pick(p) - lo) / (hi - lo)) * 36]);
    wrap.querySelector("polyline").setAttribute("points", coords.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "));
    const dot = wrap.querySelector("circle");
    const last = coords[coords.length - 1];
    dot.setAttribute("r", last ? 2.5 : 0);
    if (last) {
      dot.setAttribute("cx", last[0].toFixed(1));
      dot.setAttribute("cy", last[1].toFixed(1));
    }
    const current = values.length ? values[values.length - 1] : null;
    const summary = current == null ? "no sample" : `now ${format(current)}, peak ${format(peak)}`;
    wrap.querySelector(".value").textContent = summary;
    wrap.querySelector("svg").setAttribute("aria-label", `${wrap.querySelector(".label").textContent}: ${summary}`);
  }

  // ---- logs -------------------------------------------------------------------------------------

  function syncLogChoices(services) {
    const select = $("log-service");
    const have = [...select.options].map((o) => o.value).join("\n");
    const want = services.map((s) => s.name).join("\n");
    if (have === want) {
      return;
    }
    const current = select.value;
    select.replaceChildren(...services.map((s) => new Option(s.name, s.name)));
    if (services.some((s) => s.name === current)) {
      select.value = current;
    } else if (services.length) {
      loadLog();
    }
  }

  async function loadLog() {
    const name = $("log-service").value;
    if (!name) {
      return;
    }
    const pre = $("log");
    try {
      const logs = await json(`/api/v1/services/${encodeURIComponent(name)}/logs?tail=200`);
      const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 8;
      pre.textContent = logs.lines.length ? logs.lines.join("\n") : "(no output yet)";
      if (atBottom) {
        pre.scrollTop = pre.scrollHeight;
      }
    } catch (e) {
      if (!handle(e)) {
        pre.textContent = "could not read the log: " + e.message;
      }
    }
  }

  // ---- events, history, incidents ---------------------------------------------------------------

  function eventKind(type) {
    if (/failed|exited|unhealthy|rolled_back|incident\.opened|exceeded/.test(type)) return "bad";
    if (/backoff|degraded|stopping|starting|pending|prediction|diagnosed|fix\.started/.test(type)) return "warn";
    if (/healthy|started|resolved|verified/.test(type)) return "ok";
    return "";
  }

  function describe(e) {
    const d = e.data || {};
    const parts = [];
    for (const key of ["pid", "exit_code", "signal", "cause", "reason", "fix", "outcome", "attempt", "delay_ms", "message", "detail"]) {
      if (d[key] != null && d[key] !== "") {
        parts.push(`${key.replace("_", " ")} ${d[key]}`);
      }
    }
    return parts.join(" · ");
  }

  function addEvent(list, e, newestFirst) {
    const item = el("li");
    item.dataset.seq = e.seq;
    const time = el("time", "", clock(e.time));
    time.dateTime = e.time;
    const type = el("span", "type " + eventKind(e.type), e.type);
    const what = el("span", "what");
    if (e.service) {
      what.append(el("strong", "", e.service), " ");
    }
    what.append(describe(e));
    item.append(time, type, what);
    if (newestFirst) {
      list.prepend(item);
      while (list.children.length > MAX_EVENTS) {
        list.lastElementChild.remove();
      }
    } else {
      list.append(item);
    }
  }

  async function search(q) {
    const status = $("history-status");
    const incidents = $("incidents");
    const events = $("history-events");
    status.textContent = q ? `searching for “${q}”…` : "loading recent incidents…";
    // Only the latest search may render: an older answer arriving late must not replace a newer one.
    const generation = ++searchGeneration;
    let result;
    try {
      result = await json("/api/v1/history?limit=50&q=" + encodeURIComponent(q));
    } catch (e) {
      if (handle(e) || generation !== searchGeneration) {
        return;
      }
      incidents.replaceChildren();
      events.replaceChildren();
      $("history-results").hidden = true;
      status.textContent = e.status === 404 ? "history unavailable: this daemon has no /api/v1/history" : "search failed: " + e.message;
      return;
    }
    if (generation !== searchGeneration) {
      return;
    }
    $("history-results").hidden = false;
    const found = result.incidents || [];
    incidents.replaceChildren(...found.map(incidentItem));
    events.replaceChildren();
    for (const e of result.events || []) {
      addEvent(events, e, false);
    }
    if (!found.length) {
      incidents.append(el("li", "empty", "no incidents"));
    }
    status.textContent = `${found.length} incident${found.length === 1 ? "" : "s"}, ${(result.events || []).length} event${(result.events || []).length === 1 ? "" : "s"}` + (q ? ` for “${q}”` : "");
  }

  function incidentItem(inc) {
    const item = el("li");
    item.dataset.incident = inc.id;
    const button = el("button");
    button.type = "button";
    button.append(
      el("span", "id", inc.id),
      el("span", "", inc.service),
      el("span", "cause", inc.cause || "undiagnosed"),
      el("span", "", "opened " + clock(inc.opened)),
      el("span", "", inc.resolved ? "resolved " + clock(inc.resolved) : "open"));
    button.setAttribute("aria-label", `Incident ${inc.id}: ${inc.service}, ${inc.cause || "undiagnosed"}, ${inc.resolved ? "resolved" : "open"}`);
    button.addEventListener("click", () => showIncident(inc));
    item.append(button);
    return item;
  }

  function showIncident(inc) {
    const facts = $("incident-facts");
    facts.replaceChildren();
    const fact = (k, v) => facts.append(el("dt", "", k), el("dd", "", v));
    fact("Incident", inc.id);
    fact("Service", inc.service);
    fact("Cause", inc.cause || "undiagnosed");
    fact("Opened", when(inc.opened));
    fact("Resolved", inc.resolved ? when(inc.resolved) : "not yet");
    const evidence = (inc.evidence || []).map((line) => {
      const li = el("li");
      li.append(el("code", "", line));
      return li;
    });
    $("incident-evidence").replaceChildren(...(evidence.length ? evidence : [el("li", "empty", "no evidence recorded")]));
    const fixes = (inc.fixes || []).map((f) => {
      const tr = el("tr");
      const outcome = el("td");
      const kind = /verified|success|ok/.test(f.outcome) ? "ok" : /rolled|fail/.test(f.outcome) ? "bad" : "warn";
      outcome.append(el("span", "badge " + kind, f.outcome));
      tr.append(el("td", "mono", f.fix), outcome);
      return tr;
    });
    const none = el("tr");
    none.append(el("td", "empty", "no fix was tried"), el("td"));
    $("incident-fixes").tBodies[0].replaceChildren(...(fixes.length ? fixes : [none]));
    $("incident-title").textContent = `Incident ${inc.id}`;
    $("incident").hidden = false;
    $("incident-title").focus();
  }

  // ---- formatting -------------------------------------------------------------------------------

  function el(tag, cls, content) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content != null) node.textContent = String(content);
    return node;
  }

  function svgEl(tag, attrs) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  }

  function text(row, key, value) {
    const cell = row.querySelector("td." + key);
    const s = String(value);
    if (cell.textContent !== s) cell.textContent = s;
  }

  function duration(ms) {
    const s = Math.floor(ms / 1000);
    if (s < 60) return s + "s";
    const m = Math.floor(s / 60);
    if (m < 60) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
    const h = Math.floor(m / 60);
    if (h < 48) return `${h}h ${String(m % 60).padStart(2, "0")}m`;
    return `${Math.floor(h / 24)}d ${h % 24}h`;
  }

  function bytes(n) {
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i === 0 ? n : n.toFixed(1)) + " " + units[i];
  }

  function clock(iso) {
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleTimeString([], { hour12: false });
  }

  function when(iso) {
    const d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleString([], { hour12: false });
  }

  // ---- wiring -----------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    $("login-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const value = $("token-input").value.trim();
      $("token-input").value = "";
      signIn(value);
    });
    $("forget").addEventListener("click", () => {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin("");
    });
    $("history-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      search($("history-q").value.trim());
    });
    $("log-service").addEventListener("change", loadLog);
    $("log-refresh").addEventListener("click", loadLog);
    $("incident-close").addEventListener("click", () => {
      $("incident").hidden = true;
      $("history-q").focus();
    });
    const saved = takeTokenFromUrl();
    if (saved) {
      signIn(saved);
    } else {
      showLogin("");
    }
  });
})();
