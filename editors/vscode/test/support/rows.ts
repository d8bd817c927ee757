// Service rows for the pure tests.
import type { ServiceRow } from "../../src/client/types";

export function row(name: string, state: string, extra: Partial<ServiceRow> = {}): ServiceRow {
  return {
    name,
    state,
    pid: ["running", "healthy", "unhealthy", "starting", "stopping"].includes(state) ? 1000 + name.length : null,
    restarts: 0,
    health: "unknown",
    last_cause: null,
    reason: null,
    health_detail: null,
    last_exit: null,
    next_restart_at: null,
    version: 1,
    started_at: null,
    ...extra,
  };
}
