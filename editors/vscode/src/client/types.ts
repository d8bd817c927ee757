// Wire types of Aurora's control API (SPEC §4, §5, §7), as the daemon sends them: snake_case, more fields may come.

/** Service states, SPEC §4. */
export type ServiceState =
  | "pending"
  | "starting"
  | "running"
  | "healthy"
  | "unhealthy"
  | "backoff"
  | "stopping"
  | "stopped"
  | "exited"
  | "failed"
  | "degraded";

export interface ExitInfo {
  code: number | null;
  signal: string | null;
}

/** A row of `GET /api/v1/services`; an event's `data.service` has the same fields but uptime, CPU and memory. */
export interface ServiceRow {
  name: string;
  /** A ServiceState; a newer daemon may send one this client does not know (shown with a neutral look). */
  state: string;
  pid: number | null;
  uptime_ms?: number | null;
  restarts: number;
  health: string;
  cpu_percent?: number | null;
  memory_bytes?: number | null;
  last_cause: string | null;
  reason: string | null;
  health_detail: string | null;
  last_exit: ExitInfo | null;
  next_restart_at: string | null;
  version: number;
  started_at: string | null;
}

export interface ServiceList {
  seq: number;
  services: ServiceRow[];
}

/** One event, SPEC §5. */
export interface AuroraEvent {
  seq: number;
  time: string;
  type: string;
  service: string | null;
  data: Record<string, unknown>;
}

export interface EventPage {
  events: AuroraEvent[];
  last_seq: number;
}

export interface HealFix {
  fix: string;
  outcome: string;
  detail: string;
}

/** The answer of `POST /api/v1/services/{name}/heal`. */
export interface HealResult {
  service: string;
  cause: string;
  summary: string;
  incident: string | null;
  healed: boolean;
  fixes: HealFix[];
}

export interface ServiceChange {
  service: string;
  fields: string[];
}

/** The answer of `POST /api/v1/reload[?dry_run=true]`. */
export interface ReloadPlan {
  applied: boolean;
  added: string[];
  removed: string[];
  restarted: ServiceChange[];
  updated: ServiceChange[];
  unchanged: string[];
  needs_daemon_restart: string[];
  settings?: string[] | null;
}

export interface Healthz {
  status: string;
  pid: number;
  project: string;
  version: string;
  uptime_ms: number;
}

export type ServiceAction = "start" | "stop" | "restart";

/** A failure episode, as `GET /api/v1/history` lists it. */
export interface Incident {
  id: string;
  service: string;
  cause: string;
  opened: string;
  resolved: string | null;
  evidence: string[];
  fixes: { fix: string; outcome: string; time: string }[];
  signature: string;
  occurrences: number;
}

export interface History {
  incidents: Incident[];
  events: AuroraEvent[];
}
