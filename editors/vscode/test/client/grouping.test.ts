import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { groupReplicas } from "../../src/client/grouping";
import { buildTree } from "../../src/client/tree";
import { row } from "../support/rows";

const names = (rows: string[]) => groupReplicas(rows.map((n) => row(n, "running"))).map((e) => (e.kind === "service" ? e.row.name : `${e.base}[${e.members.map((m) => m.name).join(",")}]`));

describe("replica grouping", () => {
  it("groups NAME-<n> rows that share a base, in index order, where the first one was", () => {
    assert.deepEqual(names(["db", "web-2", "api", "web-10", "web-1"]), ["db", "web[web-1,web-2,web-10]", "api"]);
  });

  it("leaves a lone NAME-<n> alone", () => {
    assert.deepEqual(names(["web-1", "api"]), ["web-1", "api"]);
  });

  it("does not group when a service is called the base name itself", () => {
    assert.deepEqual(names(["api", "api-1", "api-2"]), ["api", "api-1", "api-2"]);
  });

  it("needs digits after the last dash", () => {
    assert.deepEqual(names(["my-app", "my-api", "x-1a", "x-2a"]), ["my-app", "my-api", "x-1a", "x-2a"]);
  });

  it("builds a group node with its replicas as children, its look the worst member's", () => {
    const [group] = buildTree([row("web-1", "running"), row("web-2", "failed", { last_cause: "port_conflict" })], 0);
    assert.equal(group.kind, "group");
    assert.equal(group.label, "web");
    assert.equal(group.description, "2 replicas · 1 healthy · 1 failing");
    assert.deepEqual(group.look, { icon: "error", color: "charts.red" });
    assert.deepEqual(group.services, ["web-1", "web-2"]);
    assert.deepEqual(group.children.map((c) => c.id), ["service:web-1", "service:web-2"]);
    assert.equal(group.contextValue, "aurora.group");
  });
});
