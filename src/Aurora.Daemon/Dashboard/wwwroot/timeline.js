// The event timeline: one line per event, newest first, at most MAX_EVENTS kept.

import { el } from "./dom.js";
import { clock } from "./format.js";

export const MAX_EVENTS = 200;

function eventKind(type) {
  if (/failed|exited|unhealthy|rolled_back|incident\.opened|exceeded/.test(type)) return "bad";
  if (/backoff|degraded|stopping|starting|pending|prediction|diagnosed|incident\.updated|fix\.started/.test(type)) return "warn";
  if (/healthy|started|resolved|verified|ready/.test(type)) return "ok";
  return "";
}

// What an event's data says, in a line. Incidents are named by their id (incident.*) and fixes by the incident
// they act on (fix.*); incident.updated is the tracker changing an open incident's cause, incident.diagnosed
// the classifier's verdict with its confidence.
const fields = [
  ["id", ""], ["incident", "incident"], ["pid", "pid"], ["exit_code", "exit code"], ["signal", "signal"],
  ["cause", "cause"], ["previous_cause", "was"], ["confidence", "confidence"], ["reason", "reason"], ["fix", "fix"],
  ["outcome", "outcome"], ["attempt", "attempt"], ["delay_ms", "delay ms"], ["status", "status"],
  ["summary", ""], ["message", ""], ["detail", ""],
];

function describe(e) {
  const d = e.data || {};
  const parts = [];
  for (const [key, label] of fields) {
    let value = d[key];
    if (value == null || value === "" || typeof value === "object") {
      continue;
    }
    if (key === "confidence" && typeof value === "number") {
      value = value.toFixed(2);
    }
    parts.push(label ? `${label} ${value}` : String(value));
  }
  return parts.join(" · ");
}

export function addEvent(list, e, newestFirst) {
  const item = el("li");
  item.dataset.seq = e.seq;
  const time = el("time", "", clock(e.time));
  time.dateTime = e.time;
  const type = el("span", "type " + eventKind(e.type), e.type);
  const what = el("span", "what");
  if (e.service) {
    what.append(el("strong", "", e.service), " ");
  }
  what.append(describe(e));
  item.append(time, type, what);
  if (newestFirst) {
    list.prepend(item);
    while (list.children.length > MAX_EVENTS) {
      list.lastElementChild.remove();
    }
  } else {
    list.append(item);
  }
}
