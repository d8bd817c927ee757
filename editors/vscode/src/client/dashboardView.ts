// The dashboard webview's content, rendered from the same model as the tree: every service with its numbers and
// actions, the recent events, and the way to the web dashboard. (The web dashboard itself cannot be framed: it
// answers with `frame-ancestors 'none'`, so a webview offers it in the browser instead.)
import { describeRow, formatBytes, formatDuration, lookOf, summarize, uptimeOf } from "./format";
import { codicon, colorRules, escapeHtml } from "./html";
import type { ConnectionState } from "./serviceModel";
import type { AuroraEvent, ServiceRow } from "./types";

export interface DashboardView {
  project: string;
  connection: ConnectionState;
  connectionDetail: string;
  rows: readonly ServiceRow[];
  events: readonly AuroraEvent[];
  /** The web dashboard's link (token included), or why there is none. */
  webDashboard: { link: string } | { problem: string } | null;
}

export const SERVICE_ACTIONS = ["start", "stop", "restart", "heal", "logs"] as const;

const ACTION_ICONS: Record<(typeof SERVICE_ACTIONS)[number], string> = {
  start: "debug-start",
  stop: "debug-stop",
  restart: "debug-restart",
  heal: "tools",
  logs: "output",
};

export function renderDashboardBody(view: DashboardView, now: number): string {
  const s = summarize(view.rows);
  const head = `<header><h1>${codicon("pulse", null)} Aurora · ${escapeHtml(view.project)}</h1>
<p class="conn conn-${view.connection}" title="${escapeHtml(view.connectionDetail)}">${escapeHtml(connectionText(view.connection))}</p>
<p>${s.healthy} healthy · ${s.failing} failing · ${s.total} services</p>${webLink(view)}</header>`;
  const rows = view.rows.map((r) => serviceRow(r, now)).join("\n");
  const table = `<table class="services"><thead><tr><th></th><th>service</th><th>state</th><th>health</th><th>pid</th><th>uptime</th><th>restarts</th><th>cpu</th><th>memory</th><th>cause / reason</th><th></th></tr></thead>
<tbody>${rows || `<tr><td colspan="11" class="empty">no services</td></tr>`}</tbody></table>`;
  const events = [...view.events].reverse().slice(0, 50).map(eventRow).join("\n");
  return `${head}\n${table}\n<h2>Recent events</h2>\n<ol class="events">${events || `<li class="empty">nothing yet</li>`}</ol>`;
}

function connectionText(state: ConnectionState): string {
  switch (state) {
    case "live":
      return "live";
    case "connecting":
      return "connecting…";
    case "no-daemon":
      return "No Aurora daemon runs for this workspace";
    case "error":
      return "the daemon answered with an error; retrying";
  }
}

function webLink(view: DashboardView): string {
  if (view.webDashboard == null) {
    return "";
  }
  if ("link" in view.webDashboard) {
    return `<p><button data-command="openWeb">${codicon("link-external", null)} Open the web dashboard in the browser</button></p>`;
  }
  return `<p class="dim">web dashboard: ${escapeHtml(view.webDashboard.problem)}</p>`;
}

function serviceRow(r: ServiceRow, now: number): string {
  const look = lookOf(r);
  const up = uptimeOf(r, now);
  const why = r.reason ?? r.last_cause ?? "";
  const buttons = SERVICE_ACTIONS.map(
    (a) => `<button class="icon" title="${a} ${escapeHtml(r.name)}" data-command="${a}" data-service="${escapeHtml(r.name)}">${codicon(ACTION_ICONS[a], null)}</button>`,
  ).join("");
  const cells = [
    codicon(look.icon, look.color),
    `<b>${escapeHtml(r.name)}</b>`,
    escapeHtml(r.state),
    escapeHtml(r.health),
    r.pid != null ? String(r.pid) : "–",
    up != null ? formatDuration(up) : "–",
    String(r.restarts),
    r.cpu_percent != null ? `${r.cpu_percent.toFixed(1)}%` : "–",
    r.memory_bytes != null ? formatBytes(r.memory_bytes) : "–",
    escapeHtml(why),
    buttons,
  ];
  return `<tr title="${escapeHtml(describeRow(r))}">${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`;
}

function eventRow(e: AuroraEvent): string {
  const time = e.time.length >= 19 ? e.time.slice(11, 19) : e.time;
  const source = typeof e.data["source"] === "string" ? ` · by ${e.data["source"]}` : "";
  const cause = typeof e.data["cause"] === "string" ? ` · ${e.data["cause"]}` : "";
  return `<li><span class="dim">#${e.seq} ${escapeHtml(time)}</span> <b>${escapeHtml(e.type)}</b> ${escapeHtml(e.service ?? "")}${escapeHtml(cause + source)}</li>`;
}

export const DASHBOARD_CSS = `
body { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px);
  color: var(--vscode-foreground, #ccc); background: var(--vscode-editor-background, #1f1f1f); padding: 0 16px; }
h1 { font-size: 1.3em; margin: 12px 0 4px; } h2 { font-size: 1.1em; margin-top: 20px; }
header p { margin: 4px 0; }
.dim, .empty { color: var(--vscode-descriptionForeground, #9d9d9d); }
.conn-live { color: var(--vscode-charts-green, #89d185); } .conn-no-daemon, .conn-error { color: var(--vscode-charts-red, #f14c4c); }
table.services { border-collapse: collapse; width: 100%; margin-top: 8px; }
table.services th { text-align: left; font-weight: normal; color: var(--vscode-descriptionForeground, #9d9d9d); border-bottom: 1px solid var(--vscode-panel-border, #2b2b2b); }
table.services td, table.services th { padding: 3px 8px 3px 0; white-space: nowrap; }
table.services tr:hover td { background: var(--vscode-list-hoverBackground, #2a2d2e); }
button { background: var(--vscode-button-background, #0078d4); color: var(--vscode-button-foreground, #fff); border: 0; padding: 4px 10px; cursor: pointer; }
button.icon { background: transparent; color: inherit; padding: 0 3px; }
ol.events { list-style: none; padding: 0; font-family: var(--vscode-editor-font-family, monospace); }
ol.events li { padding: 1px 0; }
`;

/**
 * The whole page: the CSP admits only the webview's own resources and the one nonce'd script, which sends the
 * buttons' commands to the extension and swaps in each new rendering.
 */
export function dashboardPage(o: { nonce: string; cspSource: string; codiconCss: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${o.cspSource} 'nonce-${o.nonce}'; font-src ${o.cspSource}; script-src 'nonce-${o.nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(o.codiconCss)}">
<style nonce="${o.nonce}">${DASHBOARD_CSS}
${colorRules()}</style>
<title>Aurora</title></head>
<body><main id="main">${o.body}</main>
<script nonce="${o.nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener("click", (ev) => {
  const b = ev.target instanceof Element ? ev.target.closest("[data-command]") : null;
  if (b) { vscode.postMessage({ command: b.dataset.command, service: b.dataset.service }); }
});
window.addEventListener("message", (ev) => {
  if (ev.data && ev.data.type === "render") { document.getElementById("main").innerHTML = ev.data.html; }
});
</script></body></html>`;
}
