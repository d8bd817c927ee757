// How a service looks and reads in the editor: its icon and colour (codicon ids and theme colour ids, which the
// thin layer turns into ThemeIcon/ThemeColor), one-line description, tooltip, and the status bar's summary.
import type { ServiceRow } from "./types";

export interface Look {
  /** A codicon id, e.g. "pass-filled" or "sync~spin". */
  icon: string;
  /** A theme colour id, e.g. "charts.green"; null: the default foreground. */
  color: string | null;
}

const LOOKS: Record<string, Look> = {
  healthy: { icon: "pass-filled", color: "charts.green" },
  running: { icon: "circle-filled", color: "charts.green" },
  starting: { icon: "sync~spin", color: "charts.blue" },
  pending: { icon: "clock", color: "charts.blue" },
  unhealthy: { icon: "warning", color: "charts.orange" },
  backoff: { icon: "debug-restart", color: "charts.yellow" },
  stopping: { icon: "sync~spin", color: "charts.yellow" },
  stopped: { icon: "circle-outline", color: "disabledForeground" },
  failed: { icon: "error", color: "charts.red" },
  degraded: { icon: "debug-pause", color: "charts.yellow" },
};

const COMPLETED: Look = { icon: "check", color: "charts.green" };
const EXITED_BADLY: Look = { icon: "error", color: "charts.red" };
const UNKNOWN: Look = { icon: "question", color: null };

/** A one-shot that ended with a code other than 0 (or by a signal) failed; with 0 it completed. */
export function exitedBadly(row: ServiceRow): boolean {
  return row.state === "exited" && row.last_exit != null && (row.last_exit.code !== 0 || row.last_exit.signal != null);
}

export function lookOf(row: ServiceRow): Look {
  if (row.state === "exited") {
    return exitedBadly(row) ? EXITED_BADLY : COMPLETED;
  }
  return LOOKS[row.state] ?? UNKNOWN;
}

const FAILING_STATES = new Set(["unhealthy", "backoff", "failed", "degraded"]);
const HEALTHY_STATES = new Set(["healthy", "running"]);

export function isFailing(row: ServiceRow): boolean {
  return FAILING_STATES.has(row.state) || exitedBadly(row);
}

export function isHealthy(row: ServiceRow): boolean {
  return HEALTHY_STATES.has(row.state);
}

/** Worst first: failing, then in transition or waiting, then the rest. Used to pick a group's look. */
export function severity(row: ServiceRow): number {
  if (isFailing(row)) {
    return 3;
  }
  if (row.state === "starting" || row.state === "pending" || row.state === "stopping") {
    return 2;
  }
  return isHealthy(row) ? 0 : 1;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The dim text after the name: the state, a health verdict that says more, restarts, and what it waits for. */
export function describeRow(row: ServiceRow): string {
  const parts: string[] = [row.state];
  if (row.health !== "unknown" && row.health !== row.state && row.health !== "") {
    parts.push(`health ${row.health}`);
  }
  if (row.restarts > 0) {
    parts.push(plural(row.restarts, "restart"));
  }
  if ((row.state === "pending" || row.state === "degraded") && row.reason != null) {
    parts.push(row.reason);
  } else if (isFailing(row) && row.last_cause != null) {
    parts.push(row.last_cause);
  }
  return parts.join(" · ");
}

/** The hover text: everything the row knows, the cause first when there is one. */
export function tooltipOf(row: ServiceRow, now: number): string {
  const lines = [`${row.name}: ${row.state}`];
  if (row.last_cause != null) {
    lines.push(`cause: ${row.last_cause}`);
  }
  if (row.reason != null) {
    lines.push(`reason: ${row.reason}`);
  }
  if (row.health !== "unknown") {
    lines.push(`health: ${row.health}${row.health_detail != null ? ` (${row.health_detail})` : ""}`);
  }
  const run: string[] = [];
  if (row.pid != null) {
    run.push(`pid ${row.pid}`);
  }
  const up = uptimeOf(row, now);
  if (up != null) {
    run.push(`up ${formatDuration(up)}`);
  }
  run.push(plural(row.restarts, "restart"));
  lines.push(run.join(" · "));
  if (row.cpu_percent != null || row.memory_bytes != null) {
    lines.push(`cpu ${row.cpu_percent != null ? `${row.cpu_percent.toFixed(1)}%` : "–"} · memory ${row.memory_bytes != null ? formatBytes(row.memory_bytes) : "–"}`);
  }
  if (row.last_exit != null) {
    lines.push(`last exit: ${row.last_exit.signal != null ? `signal ${row.last_exit.signal}` : `code ${row.last_exit.code}`}`);
  }
  if (row.next_restart_at != null) {
    const at = Date.parse(row.next_restart_at);
    lines.push(`next restart ${Number.isNaN(at) ? row.next_restart_at : `in ${formatDuration(Math.max(0, at - now))}`}`);
  }
  return lines.join("\n");
}

/** Uptime from started_at (exact at any moment), else the list's uptime_ms; null when not running. */
export function uptimeOf(row: ServiceRow, now: number): number | null {
  if (row.pid == null) {
    return null;
  }
  const started = row.started_at != null ? Date.parse(row.started_at) : NaN;
  if (!Number.isNaN(started)) {
    return Math.max(0, now - started);
  }
  return row.uptime_ms ?? null;
}

export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) {
    return ms < 1000 ? `${Math.round(ms)}ms` : `${s}s`;
  }
  const units: [number, string][] = [[86_400, "d"], [3_600, "h"], [60, "m"], [1, "s"]];
  const out: string[] = [];
  let rest = s;
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 || out.length > 0) {
      out.push(`${n}${unit}`);
    }
    rest %= size;
    if (out.length === 2) {
      break;
    }
  }
  return out.join(" ");
}

export function formatBytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} B` : `${v.toFixed(1)} ${units[i]}`;
}

export interface Summary {
  healthy: number;
  failing: number;
  total: number;
  failingNames: string[];
}

export function summarize(rows: readonly ServiceRow[]): Summary {
  const failing = rows.filter(isFailing);
  return { healthy: rows.filter(isHealthy).length, failing: failing.length, total: rows.length, failingNames: failing.map((r) => r.name) };
}
