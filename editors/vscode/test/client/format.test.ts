import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { confirmationFor, healSummary, reloadConfirmation, reloadSummary } from "../../src/client/actions";
import { describeRow, formatBytes, formatDuration, lookOf, summarize, tooltipOf } from "../../src/client/format";
import { statusText } from "../../src/client/statusText";
import { serviceNode } from "../../src/client/tree";
import { row } from "../support/rows";

describe("formatting", () => {
  it("gives every state an icon and colour; an exit is good or bad by its code", () => {
    assert.deepEqual(lookOf(row("a", "healthy")), { icon: "pass-filled", color: "charts.green" });
    assert.deepEqual(lookOf(row("a", "failed")), { icon: "error", color: "charts.red" });
    assert.deepEqual(lookOf(row("a", "starting")), { icon: "sync~spin", color: "charts.blue" });
    assert.deepEqual(lookOf(row("a", "exited", { last_exit: { code: 0, signal: null } })), { icon: "check", color: "charts.green" });
    assert.deepEqual(lookOf(row("a", "exited", { last_exit: { code: 3, signal: null } })), { icon: "error", color: "charts.red" });
    assert.deepEqual(lookOf(row("a", "from-the-future")), { icon: "question", color: null });
    for (const s of ["pending", "running", "unhealthy", "backoff", "stopping", "stopped", "degraded"]) {
      assert.notEqual(lookOf(row("a", s)).icon, "question", s);
    }
  });

  it("describes a row: state, a health that says more, restarts, then what it waits for or its cause", () => {
    assert.equal(describeRow(row("api", "running")), "running");
    assert.equal(describeRow(row("api", "unhealthy", { health: "unhealthy", restarts: 2, last_cause: "hang" })), "unhealthy · 2 restarts · hang");
    assert.equal(describeRow(row("api", "degraded", { reason: "waiting for db: healthy", last_cause: "dependency_unavailable" })), "degraded · waiting for db: healthy");
    assert.equal(describeRow(row("api", "running", { health: "healthy", restarts: 1 })), "running · health healthy · 1 restart");
  });

  it("puts the cause first in the tooltip, with uptime from started_at", () => {
    const now = Date.parse("2026-12-01T10:05:00Z");
    const tip = tooltipOf(row("api", "backoff", { pid: 7, started_at: "2026-12-01T10:00:00Z", restarts: 3, last_cause: "port_conflict", last_exit: { code: 1, signal: null }, next_restart_at: "2026-12-01T10:05:02Z", cpu_percent: 1.25, memory_bytes: 31457280 }), now);
    assert.equal(tip, ["api: backoff", "cause: port_conflict", "pid 7 · up 5m 0s · 3 restarts", "cpu 1.3% · memory 30.0 MiB", "last exit: code 1", "next restart in 2s"].join("\n"));
  });

  it("formats durations and sizes", () => {
    assert.deepEqual([450, 5_000, 93_210, 7_500_000, 90_061_000].map(formatDuration), ["450ms", "5s", "1m 33s", "2h 5m", "1d 1h"]);
    assert.deepEqual([512, 2048, 31457280, 3 * 1024 ** 3].map(formatBytes), ["512 B", "2.0 KiB", "30.0 MiB", "3.0 GiB"]);
  });

  it("counts healthy and failing services for the status bar", () => {
    const rows = [row("a", "healthy"), row("b", "running"), row("c", "failed"), row("d", "stopped"), row("e", "exited", { last_exit: { code: 0, signal: null } })];
    assert.deepEqual(summarize(rows), { healthy: 2, failing: 1, total: 5, failingNames: ["c"] });
    const live = statusText(rows, "live", "");
    assert.equal(live.text, "$(pulse) 2 healthy $(error) 1 failing");
    assert.equal(live.command, "aurora.focus");
    assert.equal(live.background, "statusBarItem.errorBackground");
    assert.equal(statusText(rows.slice(0, 2), "live", "").text, "$(pulse) 2 healthy");
    const none = statusText([], "no-daemon", "");
    assert.equal(none.command, "aurora.up");
    assert.match(none.tooltip, /^No Aurora daemon runs for this workspace/);
  });

  it("maps a row to a tree node with a menu context per state", () => {
    const node = serviceNode(row("api", "healthy"), 0);
    assert.equal(node.contextValue, "aurora.service.healthy");
    assert.deepEqual(node.services, ["api"]);
  });
});

describe("action wording", () => {
  it("asks before stop, restart and heal, never before start", () => {
    assert.equal(confirmationFor("start", ["api"]), null);
    assert.equal(confirmationFor("stop", ["api"])?.message, "Stop api?");
    assert.equal(confirmationFor("restart", ["web-1", "web-2"])?.message, "Restart 2 services (web-1, web-2)?");
    assert.equal(confirmationFor("heal", ["api"])?.button, "Heal");
  });

  it("summarises a heal", () => {
    const s = healSummary({ service: "api", cause: "port_conflict", summary: "port 5001 is held by pid 9.", incident: "inc-3", healed: false, fixes: [{ fix: "stop_stale_instance", outcome: "rolled_back", detail: "" }] });
    assert.deepEqual(s, { ok: false, message: "Aurora could not heal api: port_conflict (incident inc-3). port 5001 is held by pid 9. Fixes: stop_stale_instance: rolled_back." });
  });

  it("asks before a reload that restarts or removes, and says what it did", () => {
    const plan = { applied: false, added: ["new"], removed: [], restarted: [{ service: "api", fields: ["command"] }], updated: [], unchanged: ["db"], needs_daemon_restart: [] };
    assert.equal(reloadConfirmation(plan)?.message, "Reloading the config restarts api. Reload?");
    assert.equal(reloadConfirmation({ ...plan, restarted: [] }), null);
    assert.equal(reloadSummary({ ...plan, applied: true }), "Config reloaded: added new; restarted api (command).");
    assert.equal(reloadSummary({ ...plan, added: [], restarted: [], applied: true }), "Config reloaded: nothing changed.");
  });
});
