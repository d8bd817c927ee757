// The tree view's content, without VS Code: one node per service, replicas under their group. The thin layer
// maps a node onto a TreeItem field by field; the README's picture renders the same nodes as HTML.
import { describeRow, isFailing, isHealthy, lookOf, plural, severity, tooltipOf, type Look } from "./format";
import { groupReplicas } from "./grouping";
import type { ServiceRow } from "./types";

export interface TreeNode {
  /** Stable across refreshes (the tree keeps expansion and selection by it). */
  id: string;
  kind: "service" | "group";
  label: string;
  description: string;
  tooltip: string;
  look: Look;
  /** For menus: "aurora.service.STATE" or "aurora.group". */
  contextValue: string;
  /** The services an action on this node applies to: the service itself, or every replica of a group. */
  services: string[];
  children: TreeNode[];
}

export function buildTree(rows: readonly ServiceRow[], now: number): TreeNode[] {
  return groupReplicas(rows).map((entry) => (entry.kind === "service" ? serviceNode(entry.row, now) : groupNode(entry.base, entry.members, now)));
}

export function serviceNode(row: ServiceRow, now: number): TreeNode {
  return {
    id: `service:${row.name}`,
    kind: "service",
    label: row.name,
    description: describeRow(row),
    tooltip: tooltipOf(row, now),
    look: lookOf(row),
    contextValue: `aurora.service.${row.state}`,
    services: [row.name],
    children: [],
  };
}

function groupNode(base: string, members: ServiceRow[], now: number): TreeNode {
  const worst = members.reduce((a, b) => (severity(b) > severity(a) ? b : a));
  const healthy = members.filter(isHealthy).length;
  const failing = members.filter(isFailing).length;
  const parts = [plural(members.length, "replica"), `${healthy} healthy`];
  if (failing > 0) {
    parts.push(`${failing} failing`);
  }
  const tooltip = [`${base}: ${plural(members.length, "replica")}`, ...members.map((m) => `${m.name}: ${describeRow(m)}`)].join("\n");
  return {
    id: `group:${base}`,
    kind: "group",
    label: base,
    description: parts.join(" · "),
    tooltip,
    look: lookOf(worst),
    contextValue: "aurora.group",
    services: members.map((m) => m.name),
    children: members.map((m) => serviceNode(m, now)),
  };
}
