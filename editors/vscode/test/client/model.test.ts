// The state model against a real daemon: list + stream stays equal to GET /api/v1/services through restarts,
// actions name vscode as their source, an incident raises a notice, and a daemon restart is followed.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { AuroraClient, sourceOf } from "../../src/client/api";
import { watchIncidents, type IncidentNotice } from "../../src/client/incidents";
import { ServiceModel } from "../../src/client/serviceModel";
import type { ServiceRow } from "../../src/client/types";
import { TestProject } from "../support/daemon";
import { until, within } from "../support/wait";

const FIELDS = ["name", "state", "pid", "restarts", "health", "last_cause", "reason", "version", "started_at"] as const;

function essentials(rows: readonly ServiceRow[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(FIELDS.map((f) => [f, r[f]])));
}

/**
 * Reads the list, waits until the model has seen its seq, and compares them at that seq. A stack still settling
 * may move on in between (the model then is past the list): read the list again, a bounded number of times.
 */
async function assertModelMatchesList(model: ServiceModel, client: AuroraClient): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const list = await client.services();
    await until(model, ["changed", "event"], () => (model.seq >= list.seq ? true : undefined), `the model to reach seq ${list.seq}`);
    if (model.seq === list.seq) {
      assert.deepEqual(essentials(model.services), essentials(list.services));
      return;
    }
  }
  assert.fail("the stack never held still long enough to compare the model with the list");
}

describe("service model against a real daemon", () => {
  let project: TestProject;
  let client: AuroraClient;
  let model: ServiceModel;

  before(async () => {
    project = TestProject.create();
    await project.up();
    client = new AuroraClient(project.socketPath);
    model = new ServiceModel(client, { projectDir: project.dir });
    model.start();
    await until(model, ["connection"], () => (model.connection === "live" ? true : undefined), "the model to go live");
    // `up -d` returns once the daemon answers; its services may still be on their way up.
    await until(model, ["changed"], () => (model.services.length === 5 && model.services.every((r) => r.state === "running") ? true : undefined), "every service running");
  });

  after(async () => {
    model.dispose();
    await project.dispose();
  });

  it("matches GET /api/v1/services after restarts, stops and starts done through the client", async () => {
    await assertModelMatchesList(model, client);
    const before = model.row("sleeper");
    assert.equal(before?.state, "running");

    await client.act("sleeper", "restart");
    await until(model, ["changed"], () => (model.row("sleeper")?.state === "running" && model.row("sleeper")?.pid !== before?.pid ? true : undefined), "sleeper to run again with a new pid");
    await client.act("talker", "stop");
    await until(model, ["changed"], () => (model.row("talker")?.state === "stopped" ? true : undefined), "talker to stop");
    await client.act("talker", "start");
    await until(model, ["changed"], () => (model.row("talker")?.state === "running" ? true : undefined), "talker to run");

    await assertModelMatchesList(model, client);
  });

  it("sends X-Aurora-Source: vscode, so the events the actions cause name vscode", async () => {
    const from = model.seq;
    await client.act("web-1", "stop");
    await client.act("web-1", "start");
    await until(model, ["changed"], () => (model.row("web-1")?.state === "running" ? true : undefined), "web-1 to run again");
    const heal = await client.heal("web-2");
    assert.equal(heal.service, "web-2");
    assert.equal(typeof heal.healed, "boolean");
    assert.ok(Array.isArray(heal.fixes));

    const page = await client.events(from);
    const caused = page.events.filter((e) => e.service === "web-1" && ["service.stopping", "service.stopped", "service.starting", "service.started"].includes(e.type));
    assert.ok(caused.length >= 4, `stop and start events for web-1: ${JSON.stringify(page.events.map((e) => e.type))}`);
    for (const e of caused) {
      assert.equal(sourceOf(e), "vscode", `${e.type} names its source`);
    }
  });

  it("raises a notice when an incident opens, with the evidence the event carries", async () => {
    const notices: IncidentNotice[] = [];
    const stop = watchIncidents(model, (n) => notices.push(n));
    try {
      project.crash();
      const notice = await until(model, ["event"], () => notices.find((n) => n.service === "crasher"), "an incident.opened for crasher");
      assert.match(notice.id, /^inc-\d+$/);
      assert.match(notice.message, /^Aurora: crasher failed \(.+\), incident inc-\d+$/);
      assert.ok(notice.evidence.some((l) => l.includes("fatal: the crasher gave up")), notice.evidence.join("\n"));
      const history = await client.history("crasher");
      assert.ok(history.incidents.some((i) => i.id === notice.id), "the failure memory has the same incident");
    } finally {
      stop();
    }
  });

  it("reconnects after the daemon is stopped and started again, and matches the new list", async () => {
    const oldPid = model.row("sleeper")?.pid;
    await project.down();
    await until(model, ["connection"], () => (model.connection === "no-daemon" ? true : undefined), "the model to see no daemon");
    assert.equal(model.services.length, 0, "no rows are shown for a daemon that is gone");

    await project.up();
    await until(model, ["connection"], () => (model.connection === "live" ? true : undefined), "the model to reconnect");
    await until(model, ["changed"], () => (model.row("sleeper")?.state === "running" ? true : undefined), "sleeper to run under the new daemon");
    assert.notEqual(model.row("sleeper")?.pid, oldPid);
    await within(assertModelMatchesList(model, client), "the model to match the new daemon's list");
  });
});
