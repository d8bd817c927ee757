// The services table: one row per service (state as text and colour), with start/stop/restart buttons.

import { json } from "./api.js";
import { handle } from "./auth.js";
import { $, el, text } from "./dom.js";
import { bytes, clock, duration } from "./format.js";
import { scheduleRefresh } from "./live.js";
import { syncLogChoices } from "./logs.js";

const states = {
  healthy: "ok", running: "ok", exited: "ok",
  starting: "warn", pending: "warn", backoff: "warn", stopping: "warn", unhealthy: "warn", degraded: "warn",
  failed: "bad", stopped: "off",
};
const columns = [
  ["name", "Service"], ["state", "State"], ["health", "Health"], ["pid", "PID"], ["uptime", "Uptime"],
  ["restarts", "Restarts"], ["cpu", "CPU"], ["mem", "Memory"], ["cause", "Last cause"], ["reason", "Waiting for"],
];

export function renderServices(services) {
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
