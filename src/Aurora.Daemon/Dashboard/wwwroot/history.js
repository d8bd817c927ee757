// History search: past incidents and matching events.

import { json } from "./api.js";
import { handle } from "./auth.js";
import { $, el } from "./dom.js";
import { clock } from "./format.js";
import { showIncident } from "./incident.js";
import { addEvent } from "./timeline.js";

let searchGeneration = 0;

export async function search(q) {
  const status = $("history-status");
  const incidents = $("incidents");
  const events = $("history-events");
  status.textContent = q ? `searching for “${q}”…` : "loading recent incidents…";
  // Only the latest search may render: an older answer arriving late must not replace a newer one.
  const generation = ++searchGeneration;
  let result;
  try {
    result = await json("/api/v1/history?limit=50&q=" + encodeURIComponent(q));
  } catch (e) {
    if (handle(e) || generation !== searchGeneration) {
      return;
    }
    incidents.replaceChildren();
    events.replaceChildren();
    $("history-results").hidden = true;
    status.textContent = e.status === 404 ? "history unavailable: this daemon has no /api/v1/history" : "search failed: " + e.message;
    return;
  }
  if (generation !== searchGeneration) {
    return;
  }
  $("history-results").hidden = false;
  const found = result.incidents || [];
  incidents.replaceChildren(...found.map(incidentItem));
  events.replaceChildren();
  for (const e of result.events || []) {
    addEvent(events, e, false);
  }
  if (!found.length) {
    incidents.append(el("li", "empty", "no incidents"));
  }
  status.textContent = `${found.length} incident${found.length === 1 ? "" : "s"}, ${(result.events || []).length} event${(result.events || []).length === 1 ? "" : "s"}` + (q ? ` for “${q}”` : "");
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
