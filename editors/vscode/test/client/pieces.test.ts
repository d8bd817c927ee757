import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { dashboardPage, renderDashboardBody } from "../../src/client/dashboardView";
import { evidenceMarkdown, incidentNotice } from "../../src/client/incidents";
import { findCli, findProject, shellQuote, upCommandLine } from "../../src/client/project";
import { parseStreamMessage } from "../../src/client/streamLines";
import { row } from "../support/rows";

describe("stream lines", () => {
  it("sorts a message's lines into events, resync, samples and unknown", () => {
    const items = parseStreamMessage(['{"seq":3,"time":"t","type":"service.started","service":"api","data":{"pid":1}}', '{"type":"resync","last_seq":9}', '{"type":"resource.sample","services":[{"name":"api","pid":1,"cpu_percent":0.5,"memory_bytes":10},{"bad":1}]}', "{oops", "[1,2]", ""].join("\n"));
    assert.deepEqual(items.map((i) => i.kind), ["event", "resync", "sample", "unknown", "unknown"]);
    assert.deepEqual(items[2], { kind: "sample", usage: [{ name: "api", pid: 1, cpu_percent: 0.5, memory_bytes: 10 }] });
  });
});

describe("incidents", () => {
  const opened = { seq: 14, time: "2026-12-01T20:21:08Z", type: "incident.opened", service: "crasher", data: { id: "inc-1", cause: "port_conflict", evidence: ["OSError: [Errno 98] Address already in use"] } };

  it("turns incident.opened into a notice, and nothing else", () => {
    assert.equal(incidentNotice({ ...opened, type: "incident.diagnosed" }), null);
    const n = incidentNotice(opened);
    assert.equal(n?.message, "Aurora: crasher failed (port conflict), incident inc-1");
    assert.equal(incidentNotice({ ...opened, data: { id: "inc-2", cause: "unknown", evidence: [] } })?.message, "Aurora: crasher failed (cause not known yet), incident inc-2");
  });

  it("writes the evidence as Markdown, preferring what the failure memory knows now", () => {
    const n = incidentNotice(opened)!;
    const fromEvent = evidenceMarkdown(n, undefined);
    assert.match(fromEvent, /# Incident inc-1: crasher/);
    assert.match(fromEvent, /```text\nOSError: \[Errno 98\] Address already in use\n```/);
    const stored = { id: "inc-1", service: "crasher", cause: "port_conflict", opened: "o", resolved: "r", evidence: ["held by pid 9"], fixes: [{ fix: "stop_stale_instance", outcome: "verified", time: "t" }], signature: "s", occurrences: 3 };
    const md = evidenceMarkdown(n, stored);
    assert.match(md, /held by pid 9/);
    assert.match(md, /seen 3 times/);
    assert.match(md, /- `stop_stale_instance`: verified/);
  });
});

describe("project and CLI", () => {
  it("finds the folder with aurora.yaml, or follows the setting", () => {
    const a = fs.mkdtempSync(path.join(os.tmpdir(), "avs-p-"));
    const b = fs.mkdtempSync(path.join(os.tmpdir(), "avs-p-"));
    try {
      fs.writeFileSync(path.join(b, "aurora.yaml"), "version: 1\n");
      assert.equal(findProject([a, b], undefined)?.dir, b);
      assert.equal(findProject([a, b], undefined)?.socketPath, path.join(b, ".aurora", "aurora.sock"));
      assert.equal(findProject([a, b], "sub/dir")?.dir, path.join(a, "sub", "dir"));
      assert.equal(findProject([a], undefined)?.dir, a);
      assert.equal(findProject([], undefined), null);
    } finally {
      fs.rmSync(a, { recursive: true });
      fs.rmSync(b, { recursive: true });
    }
  });

  it("finds aurora on PATH, else ./aurora above the project, else nothing", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "avs-c-"));
    try {
      const project = { dir: path.join(root, "examples", "demo"), socketPath: "" };
      fs.mkdirSync(project.dir, { recursive: true });
      const bin = path.join(root, "bin");
      fs.mkdirSync(bin);
      assert.equal(findCli(undefined, project, [], bin), null);
      fs.writeFileSync(path.join(root, "aurora"), "#!/bin/sh\n", { mode: 0o755 });
      assert.equal(findCli(undefined, project, [], bin), path.join(root, "aurora"));
      fs.writeFileSync(path.join(bin, "aurora"), "#!/bin/sh\n", { mode: 0o644 });
      assert.equal(findCli(undefined, project, [], bin), path.join(root, "aurora"), "not executable: not taken");
      fs.chmodSync(path.join(bin, "aurora"), 0o755);
      assert.equal(findCli(undefined, project, [], bin), path.join(bin, "aurora"));
      assert.equal(findCli(" /opt/aurora ", project, [], bin), "/opt/aurora");
    } finally {
      fs.rmSync(root, { recursive: true });
    }
  });

  it("quotes the command line it types into a terminal", () => {
    assert.equal(upCommandLine("/usr/bin/aurora"), "/usr/bin/aurora up -d");
    assert.equal(upCommandLine("/home/me/my stack/aurora"), "'/home/me/my stack/aurora' up -d");
    assert.equal(shellQuote("it's"), `'it'\\''s'`);
  });
});

describe("dashboard view", () => {
  it("renders services, events and the web dashboard button, escaping what it shows", () => {
    const body = renderDashboardBody({
      project: "/p",
      connection: "live",
      connectionDetail: "",
      rows: [row("api<x>", "failed", { last_cause: "port_conflict" })],
      events: [{ seq: 5, time: "2026-12-01T10:00:01.5Z", type: "service.failed", service: "api<x>", data: { source: "vscode" } }],
      webDashboard: { link: "http://127.0.0.1:7070/#token=abc" },
    }, 0);
    assert.match(body, /api&lt;x&gt;/);
    assert.doesNotMatch(body, /api<x>/);
    assert.match(body, /data-command="stop" data-service="api&lt;x&gt;"/);
    assert.match(body, /#5 10:00:01<\/span> <b>service.failed<\/b> api&lt;x&gt; · by vscode/);
    assert.match(body, /data-command="openWeb"/);
    assert.doesNotMatch(body, /token=abc/, "the token stays in the extension");
    const page = dashboardPage({ nonce: "N", cspSource: "vscode-resource:", codiconCss: "c.css", body });
    assert.match(page, /default-src 'none'; style-src vscode-resource: 'nonce-N'; font-src vscode-resource:; script-src 'nonce-N';/);
    assert.doesNotMatch(page, /style="/, "no inline style attributes (the CSP refuses them)");
  });
});
