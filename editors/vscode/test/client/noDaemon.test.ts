// No daemon: the plain message, for a missing socket and for a stale one nobody listens on; and a model that
// waits for the socket (watching `.aurora/`, not polling) goes live once `aurora up -d` runs.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { describe, it } from "node:test";
import { AuroraClient } from "../../src/client/api";
import { NO_DAEMON_MESSAGE, NoDaemonError } from "../../src/client/errors";
import { ServiceModel } from "../../src/client/serviceModel";
import { TestProject } from "../support/daemon";
import { until } from "../support/wait";

describe("no daemon", () => {
  it("says plainly that no daemon runs when the socket is missing", async () => {
    const project = TestProject.create();
    try {
      const client = new AuroraClient(project.socketPath);
      await assert.rejects(client.services(), (err: unknown) => {
        assert.ok(err instanceof NoDaemonError);
        assert.equal(err.causeCode, "ENOENT");
        assert.ok(err.message.startsWith(NO_DAEMON_MESSAGE), err.message);
        return true;
      });
      assert.equal(NO_DAEMON_MESSAGE, "No Aurora daemon runs for this workspace");
    } finally {
      await project.dispose();
    }
  });

  it("says the same for a stale socket that nobody listens on (a daemon killed with -9)", async () => {
    const project = TestProject.create();
    try {
      fs.mkdirSync(path.dirname(project.socketPath));
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(project.socketPath, resolve));
      // A clean close unlinks the socket file; a killed daemon leaves it. A hard link keeps it past the close.
      const keep = project.socketPath + ".keep";
      fs.linkSync(project.socketPath, keep);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.renameSync(keep, project.socketPath);

      await assert.rejects(new AuroraClient(project.socketPath).services(), (err: unknown) => err instanceof NoDaemonError && err.causeCode === "ECONNREFUSED");
    } finally {
      await project.dispose();
    }
  });

  it("waits for the daemon's socket and goes live when aurora up -d runs", async () => {
    const project = TestProject.create();
    const model = new ServiceModel(new AuroraClient(project.socketPath), { projectDir: project.dir });
    try {
      model.start();
      await until(model, ["connection"], () => (model.connection === "no-daemon" ? true : undefined), "no-daemon");
      assert.match(model.connectionDetail, /^No Aurora daemon runs for this workspace/);
      await project.up();
      await until(model, ["connection"], () => (model.connection === "live" ? true : undefined), "the model to find the new daemon");
      await until(model, ["changed"], () => (model.services.length === 5 ? true : undefined), "five services");
    } finally {
      model.dispose();
      await project.dispose();
    }
  });
});
