// The event timeline: one line per event, newest first, at most MAX_EVENTS kept.

import { el } from "./dom.js";
import { clock } from "./format.js";

export const MAX_EVENTS = 200;

function eventKind(type) {
  if (/failed|exited|unhealthy|rolled_back|incident\.opened|exceeded/.test(type)) return "bad";
  if (/backoff|degraded|stopping|starting|pending|prediction|diagnosed|fix\.started/.test(type)) return "warn";
  if (/healthy|started|resolved|verified/.test(type)) return "ok";
  return "";
}

function describe(e) {
  const d = e.data || {};
  const parts = [];
  for (const key of ["pid", "exit_code", "signal", "cause", "reason", "fix", "outcome", "attempt", "delay_ms", "message", "detail"]) {
    if (d[key] != null && d[key] !== "") {
      parts.push(`${key.replace("_", " ")} ${d[key]}`);
    }
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
