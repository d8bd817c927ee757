// The services table: one row per service (state as text and colour), with start/stop/restart buttons. The
// replicas of a service (replica_of) are grouped as the CLI's status table does: a row for the service with
// the count and the states, then its instances indented; the group row's actions act on every instance.

import { json } from "./api.js";
import { handle } from "./auth.js";
import { $, el, text } from "./dom.js";
import { bytes, clock, duration } from "./format.js";
import { syncLogChoices } from "./logs.js";

const states = {
  healthy: "ok", running: "ok", exited: "ok",
  starting: "warn", pending: "warn", backoff: "warn", stopping: "warn", unhealthy: "warn", degraded: "warn",
  failed: "bad", stopped: "off",
};
const severity = { ok: 0, off: 1, warn: 2, bad: 3 };
const columns = [
  ["name", "Service"], ["state", "State"], ["health", "Health"], ["pid", "PID"], ["uptime", "Uptime"],
  ["restarts", "Restarts"], ["cpu", "CPU"], ["mem", "Memory"], ["cause", "Last cause / exit"], ["reason", "Reason / status"],
];
const serviceRows = new Map(); // service name -> <tr>
const groupRows = new Map(); // replicated service's name -> <tr>

// The table in the view's order, a group row before the first of its instances and the instances together.
export function layout(rows) {
  const items = [];
  const groups = new Map();
  for (const row of rows) {
    if (row.replica_of == null) {
      items.push({ row });
    } else if (groups.has(row.replica_of)) {
      groups.get(row.replica_of).push(row);
    } else {
      const members = [row];
      groups.set(row.replica_of, members);
      items.push({ group: row.replica_of, members });
    }
  }
  return items.flatMap((item) => item.row
    ? [{ row: item.row }]
    : [{ group: item.group, members: item.members }, ...item.members.map((row) => ({ row, replica: true }))]);
}

export function renderServices(view, now) {
  const body = $("services").tBodies[0];
  const keep = new Set();
  layout(view.rows.values()).forEach((item, i) => {
    const tr = item.row ? rowFor(serviceRows, item.row.name, false) : rowFor(groupRows, item.group, true);
    keep.add(tr);
    if (body.rows[i] !== tr) {
      body.insertBefore(tr, body.rows[i] || null);
    }
    if (item.row) {
      fillService(tr, item.row, view.uptime(item.row, now), item.replica === true);
    } else {
      fillGroup(tr, item.members);
    }
  });
  for (const rows of [serviceRows, groupRows]) {
    for (const [name, tr] of rows) {
      if (!keep.has(tr)) {
        tr.remove();
        rows.delete(name);
      }
    }
  }
  syncLogChoices([...view.rows.keys()]);
}

function fillService(tr, s, uptimeMs, replica) {
  tr.classList.toggle("replica", replica);
  // A one-shot that exited with a code its config does not call success is a failure, not a completion.
  const failedExit = s.state === "exited" && s.last_exit && !s.last_exit.success;
  badge(tr.querySelector("td.state .badge"), failedExit ? "bad" : states[s.state] || "off", s.state);
  tr.dataset.state = s.state;
  const health = tr.querySelector("td.health .badge:not(.ready)");
  health.className = "badge plain " + (s.health === "healthy" ? "ok" : s.health === "unhealthy" ? "bad" : "off");
  health.textContent = s.health;
  tr.querySelector("td.health .ready").hidden = !s.ready;
  text(tr, "pid", s.pid ?? "—");
  text(tr, "uptime", uptimeMs == null ? "—" : duration(uptimeMs));
  text(tr, "restarts", s.restarts);
  // Each limit of `limits:` beside the usage it bounds, as `aurora status` shows it: "31 MiB / 512 MiB".
  const limits = s.limits || {};
  const cpu = s.cpu_percent == null ? "—" : s.cpu_percent.toFixed(1) + "%";
  const mem = s.memory_bytes == null ? "—" : bytes(s.memory_bytes);
  text(tr, "cpu", limits.cpu_percent == null ? cpu : `${cpu} / ${limits.cpu_percent.toFixed(1)}%`);
  text(tr, "mem", limits.memory_bytes == null ? mem : `${mem} / ${bytes(limits.memory_bytes)}`);
  text(tr, "cause", joined([s.last_cause, exitText(s.last_exit)]));
  const waiting = s.reason || (s.state === "backoff" && s.next_restart_at ? "restart at " + clock(s.next_restart_at) : null);
  text(tr, "reason", joined([waiting, s.status_text, forecast(s.prediction)]));
}

function fillGroup(tr, members) {
  const counts = new Map();
  for (const m of members) {
    counts.set(m.state, (counts.get(m.state) || 0) + 1);
  }
  const worst = members.map((m) => states[m.state] || "off").reduce((a, b) => (severity[b] > severity[a] ? b : a), "ok");
  const summary = [...counts].map(([state, n]) => `${n} ${state}`).join(", ");
  badge(tr.querySelector("td.state .badge"), worst, `${members.length} replica${members.length === 1 ? "" : "s"}: ${summary}`);
  const checked = members.filter((m) => m.health !== "unknown");
  const healthy = checked.filter((m) => m.health === "healthy").length;
  const health = tr.querySelector("td.health .badge:not(.ready)");
  health.className = "badge plain " + (!checked.length ? "off" : healthy === members.length ? "ok" : "bad");
  health.textContent = checked.length ? `${healthy}/${members.length} healthy` : "unknown";
  const ready = members.filter((m) => m.ready).length;
  const readyTag = tr.querySelector("td.health .ready");
  readyTag.hidden = ready === 0;
  readyTag.textContent = `${ready}/${members.length} ready`;
  text(tr, "pid", "—");
  text(tr, "uptime", "—");
  text(tr, "restarts", members.reduce((n, m) => n + m.restarts, 0));
  const sum = (pick) => members.some((m) => pick(m) != null) ? members.reduce((n, m) => n + (pick(m) || 0), 0) : null;
  const cpu = sum((m) => m.cpu_percent);
  const mem = sum((m) => m.memory_bytes);
  text(tr, "cpu", cpu == null ? "—" : cpu.toFixed(1) + "%");
  text(tr, "mem", mem == null ? "—" : bytes(mem));
  text(tr, "cause", joined([...new Set(members.map((m) => m.last_cause))]));
  text(tr, "reason", "—");
}

function badge(node, kind, label) {
  node.className = "badge " + kind;
  node.textContent = label;
}

function joined(parts) {
  const present = parts.filter((p) => p != null && p !== "");
  return present.length ? present.join(" · ") : "—";
}

function exitText(exit) {
  if (!exit) {
    return null;
  }
  const how = exit.signal ? exit.signal : exit.code != null ? "exit " + exit.code : "exited";
  return how + (exit.success ? " (success)" : "");
}

function rowFor(rows, name, isGroup) {
  let tr = rows.get(name);
  if (!tr) {
    tr = newRow(name, isGroup);
    rows.set(name, tr);
  }
  return tr;
}

function newRow(name, isGroup) {
  const row = document.createElement("tr");
  if (isGroup) {
    row.className = "group";
    row.dataset.group = name;
  } else {
    row.dataset.service = name;
  }
  for (const [key, label] of columns) {
    const cell = document.createElement("td");
    cell.className = key;
    cell.dataset.label = label;
    if (key === "name") {
      cell.textContent = name;
    } else if (key === "state") {
      cell.append(el("span", "badge"));
    } else if (key === "health") {
      const ready = el("span", "badge plain ok ready", "ready");
      ready.hidden = true;
      cell.append(el("span", "badge"), ready);
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
    if (isGroup) {
      button.title = `${action} every replica of ${name}`;
    }
    button.addEventListener("click", () => act(name, action, button));
    group.append(button);
  }
  actions.append(group);
  row.append(actions);
  return row;
}

// The table follows from the stream; the answer only says how the action went.
async function act(name, action, button) {
  const status = $("action-status");
  button.disabled = true;
  status.textContent = `${action} ${name}…`;
  try {
    const answer = await json(`/api/v1/services/${encodeURIComponent(name)}/${action}`, { method: "POST" });
    if (Array.isArray(answer.services)) {
      const rows = answer.services;
      status.textContent = `${action} ${name}: ${rows.length} replica${rows.length === 1 ? "" : "s"} now ${rows.map((s) => s.state).join(", ")}`;
    } else {
      status.textContent = `${action} ${name}: now ${answer.state}${answer.pid ? " (pid " + answer.pid + ")" : ""}`;
    }
  } catch (e) {
    if (!handle(e)) {
      status.textContent = `${action} ${name} failed: ${e.message}`;
    }
  } finally {
    button.disabled = false;
  }
}

// An active forecast, as `aurora status` words it: "memory reaches 400 MiB in ~2m".
function forecast(p) {
  if (!p || !p.resource) {
    return null;
  }
  const limit = p.resource === "fds" ? p.limit : p.limit == null ? null : bytes(p.limit);
  const eta = p.breach_at ? Math.max(0, Date.parse(p.breach_at) - Date.now()) : p.eta_seconds == null ? null : p.eta_seconds * 1000;
  const what = p.resource === "fds" ? "open files reach" : p.resource + " reaches";
  return `${what} ${limit ?? "its limit"}${eta == null ? "" : " in ~" + duration(eta)}`;
}
