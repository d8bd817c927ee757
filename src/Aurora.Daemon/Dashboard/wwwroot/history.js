// History search: past incidents and matching events. A search is a user's request (the form, or typing,
// debounced); after it, the incidents it shows follow the event stream: incident.updated changes a cause,
// incident.resolved closes one, fix.verified / fix.rolled_back add a fix, and with no query (the recent
// incidents) incident.opened adds one. Nothing is fetched again for an event.

import { json } from "./api.js";
import { handle } from "./auth.js";
import { $, el } from "./dom.js";
import { clock } from "./format.js";
import { refreshIncident, showIncident } from "./incident.js";
import { addEvent } from "./timeline.js";

const LIMIT = 50;

let searchGeneration = 0;
let query = "";
let shown = []; // the incidents listed, newest first
let eventCount = 0;
let asOf = 0; // the last event the listed incidents are known to include
let inFlight = null; // events that arrived while a search was on its way

// `seq`: the events the answer will include (the list's seq at connect); by default the last one seen.
export async function search(q, seq = asOf) {
  const status = $("history-status");
  status.textContent = q ? `searching for “${q}”…` : "loading recent incidents…";
  // Only the latest search may render: an older answer arriving late must not replace a newer one.
  const generation = ++searchGeneration;
  inFlight = [];
  let result;
  try {
    result = await json(`/api/v1/history?limit=${LIMIT}&q=` + encodeURIComponent(q));
  } catch (e) {
    if (handle(e) || generation !== searchGeneration) {
      return;
    }
    inFlight = null;
    shown = [];
    $("incidents").replaceChildren();
    $("history-events").replaceChildren();
    $("history-results").hidden = true;
    status.textContent = e.status === 404 ? "history unavailable: this daemon has no /api/v1/history" : "search failed: " + e.message;
    return;
  }
  if (generation !== searchGeneration) {
    return;
  }
  query = q;
  asOf = seq;
  shown = result.incidents || [];
  eventCount = (result.events || []).length;
  const events = $("history-events");
  events.replaceChildren();
  for (const e of result.events || []) {
    addEvent(events, e, false);
  }
  $("history-results").hidden = false;
  // Events that raced the answer: those it already holds change nothing the second time.
  const raced = inFlight;
  inFlight = null;
  raced.forEach((e) => apply(e, true));
  render();
}

// Every event from the stream, in seq order.
export function onEvent(e) {
  if (!/^(incident|fix)\./.test(e.type)) {
    return;
  }
  if (inFlight) {
    inFlight.push(e);
  } else if (apply(e, false)) {
    render();
  }
}

function apply(e, raced) {
  if (e.seq <= asOf) {
    return false;
  }
  asOf = e.seq;
  const d = e.data || {};
  const id = e.type.startsWith("fix.") ? d.incident : d.id;
  const incident = shown.find((i) => i.id === id);
  if (e.type === "incident.opened") {
    if (incident || query !== "" || !id) {
      return false;
    }
    shown.unshift({ id, service: e.service, cause: d.cause, opened: d.opened_ms ? new Date(d.opened_ms).toISOString() : e.time, resolved: null, evidence: d.evidence || [], fixes: [] });
    shown.length = Math.min(shown.length, LIMIT);
    return true;
  }
  if (!incident) {
    return false;
  }
  if (e.type === "incident.updated") {
    incident.cause = d.cause;
    incident.evidence = d.evidence || incident.evidence;
  } else if (e.type === "incident.resolved") {
    incident.resolved = incident.resolved || e.time;
  } else if (e.type === "fix.verified" || e.type === "fix.rolled_back") {
    const outcome = e.type === "fix.verified" ? "verified" : "rolled_back";
    incident.fixes = incident.fixes || [];
    if (raced && incident.fixes.some((f) => f.fix === d.fix && f.outcome === outcome)) {
      return false;
    }
    incident.fixes.push({ fix: d.fix, outcome, time: e.time });
  } else {
    return false;
  }
  refreshIncident(incident);
  return true;
}

function render() {
  const incidents = $("incidents");
  incidents.replaceChildren(...shown.map(incidentItem));
  if (!shown.length) {
    incidents.append(el("li", "empty", "no incidents"));
  }
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  $("history-status").textContent = `${plural(shown.length, "incident")}, ${plural(eventCount, "event")}` + (query ? ` for “${query}”` : "");
}

function incidentItem(inc) {
  const item = el("li");
  item.dataset.incident = inc.id;
  const button = el("button");
  button.type = "button";
  button.append(
    el("span", "id", inc.id),
    el("span", "", inc.service),
    el("span", "cause", inc.cause || "undiagnosed"),
    el("span", "", "opened " + clock(inc.opened)),
    el("span", "", inc.resolved ? "resolved " + clock(inc.resolved) : "open"));
  button.setAttribute("aria-label", `Incident ${inc.id}: ${inc.service}, ${inc.cause || "undiagnosed"}, ${inc.resolved ? "resolved" : "open"}`);
  button.addEventListener("click", () => showIncident(inc));
  item.append(button);
  return item;
}
