// The log follower against a real daemon: the tail, then new lines as the service prints them.
import assert from "node:assert/strict";
import { EventEmitter } from "node:events";
import { after, before, describe, it } from "node:test";
import { AuroraClient } from "../../src/client/api";
import { ApiError } from "../../src/client/errors";
import { LogFollower } from "../../src/client/logFollower";
import { TestProject } from "../support/daemon";
import { until, within } from "../support/wait";

describe("log follower against a real daemon", () => {
  let project: TestProject;
  let client: AuroraClient;

  before(async () => {
    project = TestProject.create();
    await project.up();
    client = new AuroraClient(project.socketPath);
  });

  after(() => project.dispose());

  it("streams a service's lines as they are written, until stopped", async () => {
    const lines: string[] = [];
    const ended: { err: unknown; stopped: boolean }[] = [];
    const seen = new EventEmitter();
    const follower = new LogFollower(client, "talker", {
      onLine: (l) => {
        lines.push(l);
        seen.emit("line");
      },
      onEnd: (err, stopped) => {
        ended.push({ err, stopped });
        seen.emit("end");
      },
    }, 0);
    await within(follower.start(), "the log stream to open");
    // tail=0: every line here was printed after the stream opened.
    await until(seen, ["line"], () => (lines.filter((l) => l === "tick").length >= 5 ? true : undefined), "five new lines from talker");
    follower.stop();
    await until(seen, ["end"], () => ended[0], "the follower to end");
    assert.deepEqual(ended, [{ err: undefined, stopped: true }]);
    // Whole lines only: what talker printed, and the daemon's marker when the service (re)started.
    assert.deepEqual(lines.filter((l) => l !== "tick" && !l.startsWith("[aurora] started pid ")), []);
  });

  it("rejects an unknown service with the daemon's error", async () => {
    const follower = new LogFollower(client, "nope", { onLine: () => undefined, onEnd: () => undefined });
    await assert.rejects(follower.start(), (err: unknown) => err instanceof ApiError && err.status === 404 && err.code === "service_not_found");
  });

  it("ends (not stopped) when the daemon goes away", async () => {
    const seen = new EventEmitter();
    let end: { err: unknown; stopped: boolean } | undefined;
    const follower = new LogFollower(client, "sleeper", { onLine: () => undefined, onEnd: (err, stopped) => {
      end = { err, stopped };
      seen.emit("end");
    } });
    await follower.start();
    await project.down();
    const got = await until(seen, ["end"], () => end, "the log stream to end with the daemon");
    assert.equal(got.stopped, false);
  });
});
