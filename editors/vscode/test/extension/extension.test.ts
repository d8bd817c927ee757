// The thin layer, through a stand-in `vscode` module, against a real daemon: what the tree, the status bar, the
// notifications, the output channels, the terminal and the webview show, and what the commands do.
import { recorder } from "../support/useFakeVscode";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { NO_DAEMON_MESSAGE } from "../../src/client/errors";
import type { TreeNode } from "../../src/client/tree";
import type { AuroraExtension } from "../../src/extension/auroraExtension";
import { activate, deactivate } from "../../src/extension/main";
import { run, STACK, TestProject } from "../support/daemon";
import type { TreeItem } from "../support/fakeVscode";
import { Uri } from "../support/fakeVscode";
import { until } from "../support/wait";

const extensionRoot = path.resolve(__dirname, "..", "..", "..");

function start(project: TestProject): AuroraExtension {
  recorder.reset();
  recorder.workspaceFolders = [project.dir];
  recorder.config.set("aurora.path", project.bin);
  const context = { subscriptions: [] as unknown[], extensionUri: Uri.file(extensionRoot) };
  return activate(context as never);
}

function statusText(): string {
  return recorder.statusBarItems[0]?.text ?? "";
}

function waitStatus(pattern: RegExp): Promise<string> {
  return until(recorder.events, ["status"], () => (pattern.test(statusText()) ? statusText() : undefined), `status bar text ${pattern}`);
}

function node(ext: AuroraExtension, name: string): TreeNode {
  const all = ext.tree.roots.flatMap((n) => [n, ...n.children]);
  const found = all.find((n) => n.label === name);
  assert.ok(found, `a tree node ${name}`);
  return found;
}

function waitState(ext: AuroraExtension, name: string, state: string): Promise<true> {
  return until(ext.model, ["changed"], () => (ext.model.row(name)?.state === state ? true : undefined), `${name} ${state}`);
}

describe("the extension with a running daemon", () => {
  let project: TestProject;
  let ext: AuroraExtension;

  before(async () => {
    project = TestProject.create();
    await project.up();
    ext = start(project);
    await waitStatus(/^\$\(pulse\) 5 healthy$/);
  });

  after(async () => {
    deactivate();
    await project.dispose();
  });

  it("registers its commands, tree view and status bar, and sets the connection context", () => {
    for (const id of ["aurora.start", "aurora.stop", "aurora.restart", "aurora.heal", "aurora.showLogs", "aurora.reload", "aurora.openDashboard", "aurora.up", "aurora.focus"]) {
      assert.ok(recorder.commands.has(id), id);
    }
    assert.deepEqual(recorder.treeViews.map((v) => v.id), ["aurora.services"]);
    assert.equal(recorder.statusBarItems[0].command, "aurora.focus");
    assert.equal(recorder.contexts.get("aurora.connection"), "live");
  });

  it("shows one item per service with its state icon and colour, replicas grouped", () => {
    const roots = ext.tree.getChildren();
    assert.deepEqual(roots.map((n) => n.label), ["sleeper", "talker", "crasher", "web"]);
    const sleeper = ext.tree.getTreeItem(roots[0]) as unknown as TreeItem;
    assert.equal(sleeper.label, "sleeper");
    assert.equal(sleeper.description, "running");
    assert.equal(sleeper.contextValue, "aurora.service.running");
    assert.equal(sleeper.iconPath?.id, "circle-filled");
    assert.equal(sleeper.iconPath?.color?.id, "charts.green");
    assert.match(String(sleeper.tooltip), /^sleeper: running\npid \d+ · up/);
    const web = ext.tree.getTreeItem(roots[3]) as unknown as TreeItem;
    assert.equal(web.collapsibleState, 2);
    assert.equal(web.contextValue, "aurora.group");
    assert.deepEqual(ext.tree.getChildren(roots[3]).map((n) => n.label), ["web-1", "web-2"]);
  });

  it("asks before stopping; no answer leaves the service alone, Stop stops it, start needs no question", async () => {
    recorder.answer = () => undefined;
    await recorder.commands.get("aurora.stop")!(node(ext, "sleeper"));
    const asked = recorder.shown.at(-1)!;
    assert.deepEqual([asked.kind, asked.message, asked.items, asked.modal], ["warning", "Stop sleeper?", ["Stop"], true]);
    assert.equal((await ext.model.client.services()).services.find((s) => s.name === "sleeper")?.state, "running");

    recorder.answer = (s) => (s.message === "Stop sleeper?" ? "Stop" : undefined);
    await recorder.commands.get("aurora.stop")!(node(ext, "sleeper"));
    await waitState(ext, "sleeper", "stopped");
    assert.equal((ext.tree.getTreeItem(node(ext, "sleeper")) as unknown as TreeItem).description, "stopped");
    await waitStatus(/^\$\(pulse\) 4 healthy$/);

    const before = recorder.shown.length;
    await recorder.commands.get("aurora.start")!(node(ext, "sleeper"));
    await waitState(ext, "sleeper", "running");
    assert.equal(recorder.shown.length, before, "start asked nothing");
  });

  it("restarts every replica of a group once asked", async () => {
    const pids = ["web-1", "web-2"].map((n) => ext.model.row(n)?.pid);
    recorder.answer = (s) => (s.message === "Restart 2 services (web-1, web-2)?" ? "Restart" : undefined);
    await recorder.commands.get("aurora.restart")!(node(ext, "web"));
    await until(ext.model, ["changed"], () => (["web-1", "web-2"].every((n, i) => ext.model.row(n)?.state === "running" && ext.model.row(n)?.pid !== pids[i]) ? true : undefined), "both replicas with new pids");
  });

  it("notifies an incident with its three actions; Open logs streams the service's log into its channel", async () => {
    recorder.answer = (s) => (s.message.startsWith("Aurora: crasher failed") ? "Open logs" : undefined);
    project.crash();
    const shown = await until(recorder.events, ["message"], () => recorder.shown.find((s) => s.message.startsWith("Aurora: crasher failed")), "the incident notification");
    assert.equal(shown.kind, "error");
    assert.deepEqual(shown.items, ["Show evidence", "Open logs", "Open dashboard"]);
    const channel = await until(recorder.events, ["output"], () => {
      const c = recorder.channels.get("Aurora: crasher");
      return c?.lines.some((l) => l.includes("fatal: the crasher gave up")) ? c : undefined;
    }, "the crasher's log in its output channel");
    assert.equal(channel.shown, true);
    await waitStatus(/\$\(error\) 1 failing$/);
  });

  it("streams a service's log into an output channel on Show Logs", async () => {
    await recorder.commands.get("aurora.showLogs")!(node(ext, "talker"));
    // The tail comes first: what talker printed, and the daemon's own "[aurora] started pid …" marker.
    const lines = await until(recorder.events, ["output"], () => {
      const l = recorder.channels.get("Aurora: talker")?.lines ?? [];
      return l.filter((x) => x === "tick").length >= 3 ? l : undefined;
    }, "talker's lines");
    assert.deepEqual(lines.filter((l) => l !== "tick" && !/^\[aurora\] started pid \d+: sh -c while true/.test(l)), []);
  });

  it("opens the dashboard webview, renders the services and runs its buttons' commands", async () => {
    await recorder.commands.get("aurora.openDashboard")!();
    const panel = recorder.panels[0];
    assert.equal(panel.viewType, "aurora.dashboard");
    assert.match(panel.html, /Content-Security-Policy/);
    assert.match(panel.html, /<b>sleeper<\/b>/);
    // No dashboard is configured here: the webview says so (in the CLI's words) on its next rendering.
    await until(recorder.events, ["panel"], () => (panel.posted.some((m) => JSON.stringify(m).includes("no dashboard is configured")) ? true : undefined), "the web dashboard's absence explained");

    const pid = ext.model.row("talker")?.pid;
    recorder.answer = (s) => (s.message === "Restart talker?" ? "Restart" : undefined);
    panel.receive({ command: "restart", service: "talker" });
    await until(ext.model, ["changed"], () => (ext.model.row("talker")?.state === "running" && ext.model.row("talker")?.pid !== pid ? true : undefined), "talker restarted from the webview");
    assert.ok(recorder.executed.some((e) => e.command === "aurora.restart" && e.args[0] === "talker"));
  });

  it("reloads the config from the view, and shows every problem of a bad one without changing anything", async () => {
    await recorder.commands.get("aurora.reload")!();
    assert.equal(recorder.shown.at(-1)?.message, "Config reloaded: nothing changed.");

    fs.writeFileSync(project.configFile, STACK.replace('command: ["sleep", "100000"]', 'command: ["sleep", "100000"]\n    restart: { policy: sometimes }'));
    try {
      await recorder.commands.get("aurora.reload")!();
      const error = recorder.shown.at(-1)!;
      assert.equal(error.kind, "error");
      assert.equal(error.modal, true);
      assert.match(error.message, /^Aurora did not reload the config: aurora\.yaml has 1 problem\(s\); nothing was changed$/);
    } finally {
      fs.writeFileSync(project.configFile, STACK);
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

describe("the extension without a daemon", () => {
  let project: TestProject;

  before(async () => {
    project = TestProject.create(`${STACK}dashboard: { listen: "127.0.0.1:${await freePort()}" }\n`);
  });

  after(async () => {
    deactivate();
    await project.dispose();
  });

  it("says no daemon runs, offers Start it, runs aurora up -d in a terminal, then shows the services", async () => {
    // start() resets the stand-in; the model's first connect is asynchronous, so the answer is set in time.
    const ext = start(project);
    recorder.answer = (s) => (s.message === NO_DAEMON_MESSAGE ? "Start it" : undefined);
    await until(recorder.events, ["message"], () => recorder.shown.find((s) => s.message === NO_DAEMON_MESSAGE), "the no-daemon message");
    assert.deepEqual(recorder.shown.find((s) => s.message === NO_DAEMON_MESSAGE)?.items, ["Start it"]);
    assert.equal(statusText(), "$(circle-slash) Aurora: no daemon");
    assert.equal(recorder.statusBarItems[0].command, "aurora.up");
    assert.equal(recorder.contexts.get("aurora.connection"), "no-daemon");

    const terminal = await until(recorder.events, ["terminal"], () => recorder.terminals.find((t) => t.sent.length > 0), "a terminal running aurora up -d");
    assert.equal(terminal.cwd, project.dir);
    assert.deepEqual(terminal.sent, [`${project.bin} up -d`]);
    // Run what was typed into the terminal, as the terminal would.
    const up = await run("sh", ["-c", terminal.sent[0]], project.dir);
    assert.equal(up.code, 0, up.stderr);
    await waitStatus(/^\$\(pulse\) 5 healthy$/);
    assert.equal(ext.tree.roots.length, 4);
  });

  it("Show evidence opens the incident as a Markdown document", async () => {
    recorder.answer = (s) => (s.message.startsWith("Aurora: crasher failed") ? "Show evidence" : undefined);
    project.crash();
    await until(recorder.events, ["message"], () => recorder.shown.find((s) => s.message.startsWith("Aurora: crasher failed")), "the incident notification");
    const doc = await until(recorder.events, ["document"], () => recorder.documents.at(-1), "the evidence document");
    assert.equal(doc.language, "markdown");
    assert.match(doc.content, /^# Incident inc-\d+: crasher\n/);
    assert.match(doc.content, /fatal: the crasher gave up/);
  });

  it("opens the web dashboard in the browser with its token", async () => {
    await recorder.commands.get("aurora.openDashboard")!();
    const panel = recorder.panels[0];
    await until(recorder.events, ["panel"], () => (panel.posted.some((m) => JSON.stringify(m).includes('data-command=\\"openWeb\\"')) ? true : undefined), "the web dashboard button");
    panel.receive({ command: "openWeb" });
    const opened = await until(recorder.events, ["opened"], () => recorder.opened[0], "the browser to open");
    const token = fs.readFileSync(path.join(project.dir, ".aurora", "token"), "utf8").trim();
    assert.match(opened, new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#token=${token}$`));
  });
});
