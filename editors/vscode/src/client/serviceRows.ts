// The rows of the model, in the list's order, and how an event's snapshot or a resource sample changes them.
import { isObject, type ResourceUsage } from "./streamLines";
import type { AuroraEvent, ServiceList, ServiceRow } from "./types";

export class ServiceRows {
  private readonly rows = new Map<string, ServiceRow>();

  get all(): ServiceRow[] {
    return [...this.rows.values()];
  }

  get size(): number {
    return this.rows.size;
  }

  get(name: string): ServiceRow | undefined {
    return this.rows.get(name);
  }

  load(list: ServiceList): void {
    this.rows.clear();
    for (const row of list.services) {
      this.rows.set(row.name, row);
    }
  }

  clear(): void {
    this.rows.clear();
  }

  /** Replaces the row with the snapshot the event carries (service.removed deletes it); true if a row changed. */
  apply(event: AuroraEvent): boolean {
    const snapshot = event.data["service"];
    if (!isObject(snapshot) || typeof snapshot["name"] !== "string") {
      return false;
    }
    const name = snapshot["name"];
    if (event.type === "service.removed") {
      return this.rows.delete(name);
    }
    const before = this.rows.get(name);
    const next = snapshot as unknown as ServiceRow;
    if (before != null && next.version < before.version) {
      return false;
    }
    // The snapshot has no CPU or memory: keep the last sample while the process is the same one.
    const same = before != null && before.pid === next.pid && next.pid != null;
    this.rows.set(name, { ...next, cpu_percent: same ? before.cpu_percent : null, memory_bytes: same ? before.memory_bytes : null });
    return true;
  }

  /** Takes CPU and memory from a resource sample, for rows whose process is the sampled one; true if any. */
  sample(usage: readonly ResourceUsage[]): boolean {
    let any = false;
    for (const u of usage) {
      const row = this.rows.get(u.name);
      if (row != null && (u.pid == null || u.pid === row.pid)) {
        this.rows.set(u.name, { ...row, cpu_percent: u.cpu_percent, memory_bytes: u.memory_bytes });
        any = true;
      }
    }
    return any;
  }
}
