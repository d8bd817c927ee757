// One WebSocket message of the event stream holds one or more JSON objects, one per line (a batch the daemon
// committed together). Each line is an event (it has a seq), a resync notice, a resource sample, or something a
// newer daemon sends that this client does not know: that is kept as "unknown" and otherwise ignored.
import type { AuroraEvent } from "./types";

export interface ResourceUsage {
  name: string;
  pid: number | null;
  cpu_percent: number | null;
  memory_bytes: number | null;
}

export type StreamItem =
  | { kind: "event"; event: AuroraEvent }
  | { kind: "resync"; lastSeq: number }
  | { kind: "sample"; usage: ResourceUsage[] }
  | { kind: "unknown"; line: string };

export function parseStreamMessage(text: string): StreamItem[] {
  const items: StreamItem[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line !== "") {
      items.push(parseLine(line));
    }
  }
  return items;
}

function parseLine(line: string): StreamItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { kind: "unknown", line };
  }
  if (!isObject(value)) {
    return { kind: "unknown", line };
  }
  if (value["type"] === "resync" && typeof value["last_seq"] === "number") {
    return { kind: "resync", lastSeq: value["last_seq"] };
  }
  if (value["type"] === "resource.sample") {
    return { kind: "sample", usage: usageOf(value["services"]) };
  }
  if (typeof value["seq"] === "number" && typeof value["type"] === "string") {
    const data = isObject(value["data"]) ? value["data"] : {};
    const service = typeof value["service"] === "string" ? value["service"] : null;
    return { kind: "event", event: { seq: value["seq"], time: typeof value["time"] === "string" ? value["time"] : "", type: value["type"], service, data } };
  }
  return { kind: "unknown", line };
}

/** The sample's services; rows it cannot read are skipped rather than failing the line. */
function usageOf(services: unknown): ResourceUsage[] {
  if (!Array.isArray(services)) {
    return [];
  }
  return services.filter(isObject).filter((s) => typeof s["name"] === "string").map((s) => ({
    name: s["name"] as string,
    pid: numberOrNull(s["pid"]),
    cpu_percent: numberOrNull(s["cpu_percent"]),
    memory_bytes: numberOrNull(s["memory_bytes"]),
  }));
}

function numberOrNull(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
