// An incident that opens (SPEC §5 `incident.opened`, data {id, cause, evidence[], ...}) becomes one notification
// with three ways on: its evidence, the service's log, the dashboard.
import type { EventEmitter } from "node:events";
import { isObject } from "./streamLines";
import type { AuroraEvent, Incident } from "./types";

export const SHOW_EVIDENCE = "Show evidence";
export const OPEN_LOGS = "Open logs";
export const OPEN_DASHBOARD = "Open dashboard";
export const INCIDENT_ACTIONS = [SHOW_EVIDENCE, OPEN_LOGS, OPEN_DASHBOARD] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

export interface IncidentNotice {
  id: string;
  service: string;
  cause: string | null;
  evidence: string[];
  time: string;
  seq: number;
  message: string;
}

export function incidentNotice(event: AuroraEvent): IncidentNotice | null {
  if (event.type !== "incident.opened" || event.service == null) {
    return null;
  }
  const d = event.data;
  const id = typeof d["id"] === "string" ? d["id"] : `seq-${event.seq}`;
  const cause = typeof d["cause"] === "string" && d["cause"] !== "" ? d["cause"] : null;
  const evidence = Array.isArray(d["evidence"]) ? d["evidence"].map(String) : [];
  const why = cause != null && cause !== "unknown" ? cause.replace(/_/g, " ") : "cause not known yet";
  return { id, service: event.service, cause, evidence, time: event.time, seq: event.seq, message: `Aurora: ${event.service} failed (${why}), incident ${id}` };
}

/** Calls `notify` for every incident the model sees open (replays never repeat: the model drops seen seqs). */
export function watchIncidents(model: EventEmitter, notify: (notice: IncidentNotice) => void): () => void {
  const onEvent = (e: AuroraEvent): void => {
    const notice = incidentNotice(e);
    if (notice != null) {
      notify(notice);
    }
  };
  model.on("event", onEvent);
  return () => model.off("event", onEvent);
}

/** The evidence as a Markdown document: the incident as the failure memory knows it now, else as it opened. */
export function evidenceMarkdown(notice: IncidentNotice, stored: Incident | undefined): string {
  const cause = stored?.cause ?? notice.cause ?? "unknown";
  const evidence = stored?.evidence.length ? stored.evidence : notice.evidence;
  const lines = [
    `# Incident ${notice.id}: ${notice.service}`,
    "",
    `- cause: \`${cause}\``,
    `- opened: ${stored?.opened ?? notice.time}`,
    `- resolved: ${stored?.resolved ?? "not yet"}`,
  ];
  if (stored != null && stored.occurrences > 1) {
    lines.push(`- seen ${stored.occurrences} times (same evidence signature)`);
  }
  lines.push("", "## Evidence", "", "```text", ...(evidence.length ? evidence : ["(none recorded)"]), "```");
  if (stored?.fixes.length) {
    lines.push("", "## Fixes tried", "", ...stored.fixes.map((f) => `- \`${f.fix}\`: ${f.outcome} (${f.time})`));
  }
  return lines.join("\n") + "\n";
}

/** Reads a history answer's incident by id, tolerating a daemon without failure memory. */
export function findIncident(incidents: unknown, id: string): Incident | undefined {
  return Array.isArray(incidents) ? (incidents.filter(isObject).find((i) => i["id"] === id) as Incident | undefined) : undefined;
}
