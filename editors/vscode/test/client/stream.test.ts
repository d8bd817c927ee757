// The stream's protocol cases, against a scripted stand-in daemon: several events per message, unknown lines,
// resource samples, service.removed, stale snapshots, and a resync notice resuming after the seq it names.
import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import type { WebSocket } from "ws";
import { AuroraClient } from "../../src/client/api";
import { ServiceModel } from "../../src/client/serviceModel";
import type { ServiceRow } from "../../src/client/types";
import { row } from "../support/rows";
import { ScriptedDaemon } from "../support/scriptedDaemon";
import { until } from "../support/wait";

function event(seq: number, type: string, service: ServiceRow): string {
  return JSON.stringify({ seq, time: "2026-12-01T10:00:00Z", type, service: service.name, data: { service } });
}

describe("event stream protocol", () => {
  let daemon: ScriptedDaemon;
  let model: ServiceModel;
  let stream: WebSocket;

  beforeEach(async () => {
    daemon = new ScriptedDaemon();
    await daemon.start();
    daemon.list = { seq: 10, services: [row("api", "running", { version: 5, pid: 42 }), row("db", "healthy", { version: 3, pid: 43 })] };
    model = new ServiceModel(new AuroraClient(daemon.socketPath));
    const next = daemon.nextStream();
    model.start();
    stream = await next;
    await until(model, ["connection"], () => (model.connection === "live" ? true : undefined), "live");
  });

  afterEach(async () => {
    model.dispose();
    await daemon.stop();
  });

  it("follows from the list's seq and names itself on every request", () => {
    assert.deepEqual(daemon.streamAfters, [10]);
    assert.deepEqual(daemon.sources, ["vscode", "vscode"]);
  });

  it("applies every event of a multi-line message, skips unknown lines, and deletes on service.removed", async () => {
    stream.send([
      event(11, "service.stopping", row("api", "stopping", { version: 6, pid: 42 })),
      "this is not json",
      JSON.stringify({ type: "something.new", value: 1 }),
      event(12, "service.stopped", row("api", "stopped", { version: 7 })),
      event(13, "service.removed", row("db", "stopped", { version: 4 })),
      "",
    ].join("\n"));
    await until(model, ["changed"], () => (model.seq === 13 ? true : undefined), "seq 13");
    assert.deepEqual(model.services.map((r) => [r.name, r.state]), [["api", "stopped"]]);
  });

  it("ignores a snapshot older than the row and an event it already has", async () => {
    stream.send(event(11, "service.updated", row("api", "failed", { version: 4 })));
    stream.send(event(9, "service.updated", row("api", "failed", { version: 99 })));
    stream.send(event(12, "service.updated", row("db", "unhealthy", { version: 9, pid: 43 })));
    await until(model, ["changed"], () => (model.seq === 12 ? true : undefined), "seq 12");
    assert.equal(model.row("api")?.state, "running");
    assert.equal(model.row("db")?.state, "unhealthy");
  });

  it("takes CPU and memory from resource.sample lines for the same pid only", async () => {
    stream.send(JSON.stringify({ type: "resource.sample", time: "t", interval_ms: 1000, services: [
      { name: "api", pid: 42, cpu_percent: 12.5, memory_bytes: 2048 },
      { name: "db", pid: 999, cpu_percent: 50, memory_bytes: 1 },
      { name: "ghost", pid: 1, cpu_percent: 1, memory_bytes: 1 },
    ] }));
    await until(model, ["samples"], () => (model.row("api")?.cpu_percent === 12.5 ? true : undefined), "api's sample");
    assert.equal(model.row("api")?.memory_bytes, 2048);
    assert.notEqual(model.row("db")?.cpu_percent, 50);
  });

  it("resumes after the seq a resync notice names, without reading the list again", async () => {
    const listReads = daemon.requests.filter((r) => r === "/api/v1/services").length;
    const next = daemon.nextStream();
    stream.send(JSON.stringify({ type: "resync", last_seq: 10 }));
    stream.close();
    const second = await next;
    assert.deepEqual(daemon.streamAfters, [10, 10]);
    assert.equal(daemon.requests.filter((r) => r === "/api/v1/services").length, listReads);
    second.send(event(11, "service.updated", row("api", "healthy", { version: 6, pid: 42 })));
    await until(model, ["changed"], () => (model.row("api")?.state === "healthy" ? true : undefined), "api healthy");
  });

  it("re-reads the list and follows from its seq when the connection is lost", async () => {
    daemon.list = { seq: 20, services: [row("api", "healthy", { version: 9, pid: 44 })] };
    const next = daemon.nextStream();
    stream.terminate();
    await next;
    await until(model, ["changed"], () => (model.row("api")?.pid === 44 ? true : undefined), "the new list");
    assert.equal(daemon.streamAfters.at(-1), 20);
    assert.equal(model.row("db"), undefined);
  });
});
