// Replicas (NAME-1..NAME-N, SPEC §3 `replicas`) shown as one group. The list does not say which rows are
// replicas, so: rows whose names end in -<n> are grouped when several share the base name and no service is
// called the base name itself (then "api-1" next to "api" is a service of its own, not a replica).
import type { ServiceRow } from "./types";

export type Entry = { kind: "service"; row: ServiceRow } | { kind: "group"; base: string; members: ServiceRow[] };

const REPLICA = /^(.+)-(\d+)$/;

export function groupReplicas(rows: readonly ServiceRow[]): Entry[] {
  const names = new Set(rows.map((r) => r.name));
  const byBase = new Map<string, ServiceRow[]>();
  for (const row of rows) {
    const m = REPLICA.exec(row.name);
    if (m != null && !names.has(m[1])) {
      byBase.set(m[1], [...(byBase.get(m[1]) ?? []), row]);
    }
  }
  const entries: Entry[] = [];
  const placed = new Set<string>();
  for (const row of rows) {
    const base = REPLICA.exec(row.name)?.[1];
    const members = base != null ? byBase.get(base) : undefined;
    if (base == null || members == null || members.length < 2) {
      entries.push({ kind: "service", row });
    } else if (!placed.has(base)) {
      placed.add(base);
      entries.push({ kind: "group", base, members: [...members].sort((a, b) => replicaIndex(a.name) - replicaIndex(b.name)) });
    }
  }
  return entries;
}

function replicaIndex(name: string): number {
  return Number(REPLICA.exec(name)?.[2] ?? 0);
}
