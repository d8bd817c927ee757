// Renders docs/vscode-tree.png: the tree page (tools/treePage.ts) for a sample stack, through headless Chromium.
// Usage: npm run build && npm run screenshot [-- OUT.png]
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { incidentNotice } from "../src/client/incidents";
import { statusText } from "../src/client/statusText";
import { buildTree } from "../src/client/tree";
import type { ServiceRow } from "../src/client/types";
import { treePage } from "./treePage";

const root = path.resolve(__dirname, "..", "..");
const now = Date.parse("2026-12-01T12:00:00Z");
const ago = (ms: number): string => new Date(now - ms).toISOString();

function row(name: string, state: string, extra: Partial<ServiceRow> = {}): ServiceRow {
  return { name, state, pid: null, restarts: 0, health: "unknown", last_cause: null, reason: null, health_detail: null, last_exit: null, next_restart_at: null, version: 1, started_at: null, ...extra };
}

/** A stack in the middle of a bad moment: what each state looks like, and a cause in a tooltip. */
const rows: ServiceRow[] = [
  row("db", "healthy", { pid: 4101, health: "healthy", started_at: ago(7_800_000) }),
  row("api", "healthy", { pid: 4242, health: "healthy", restarts: 1, started_at: ago(5_400_000), cpu_percent: 0.4, memory_bytes: 31_457_280 }),
  row("worker", "backoff", { restarts: 3, last_cause: "port_conflict", last_exit: { code: 1, signal: null }, next_restart_at: new Date(now + 4_000).toISOString() }),
  row("chat", "failed", { restarts: 5, last_cause: "missing_dependency", last_exit: { code: 1, signal: null } }),
  row("mailer", "degraded", { reason: "waiting for chat: started", last_cause: "dependency_unavailable" }),
  row("web-1", "running", { pid: 4310, started_at: ago(3_600_000) }),
  row("web-2", "running", { pid: 4311, started_at: ago(3_600_000) }),
  row("web-3", "starting", { restarts: 1 }),
  row("migrate", "exited", { last_exit: { code: 0, signal: null } }),
  row("docs", "stopped"),
];

const out = path.resolve(process.argv[2] ?? path.join(root, "..", "..", "docs", "vscode-tree.png"));
const css = path.join(root, "node_modules", "@vscode", "codicons", "dist", "codicon.css");
const notice = incidentNotice({ seq: 1042, time: ago(2_000), type: "incident.opened", service: "chat", data: { id: "inc-12", cause: "missing_dependency", evidence: ["ModuleNotFoundError: No module named 'websockets'"] } });
const icon = fs.readFileSync(path.join(root, "media", "aurora.svg"), "utf8");
const html = treePage({ codiconCss: "file://" + css, activityIcon: icon, nodes: buildTree(rows, now), hovered: "service:worker", status: statusText(rows, "live", ""), notice: notice! });
const page = path.join(root, "out", "tools", "vscode-tree.html");
fs.mkdirSync(path.dirname(page), { recursive: true });
fs.writeFileSync(page, html);
execFileSync(process.env["CHROMIUM"] ?? "/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", `--screenshot=${out}`, "--window-size=1000,560", "file://" + page], { stdio: "ignore" });
console.log(`wrote ${out}`);
