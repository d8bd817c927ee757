// The incident view: cause, evidence, and the fixes tried with their outcomes.

import { $, el } from "./dom.js";
import { when } from "./format.js";

export function showIncident(inc) {
  render(inc);
  $("incident").hidden = false;
  $("incident-title").focus();
}

// The incident changed (from the stream): redraw it if it is the one shown, leaving the focus where it is.
export function refreshIncident(inc) {
  if (!$("incident").hidden && $("incident").dataset.incident === inc.id) {
    render(inc);
  }
}

function render(inc) {
  $("incident").dataset.incident = inc.id;
  const facts = $("incident-facts");
  facts.replaceChildren();
  const fact = (k, v) => facts.append(el("dt", "", k), el("dd", "", v));
  fact("Incident", inc.id);
  fact("Service", inc.service);
  fact("Cause", inc.cause || "undiagnosed");
  fact("Opened", when(inc.opened));
  fact("Resolved", inc.resolved ? when(inc.resolved) : "not yet");
  const evidence = (inc.evidence || []).map((line) => {
    const li = el("li");
    li.append(el("code", "", line));
    return li;
  });
  $("incident-evidence").replaceChildren(...(evidence.length ? evidence : [el("li", "empty", "no evidence recorded")]));
  const fixes = (inc.fixes || []).map((f) => {
    const tr = el("tr");
    const outcome = el("td");
    const kind = /verified|success|ok/.test(f.outcome) ? "ok" : /rolled|fail/.test(f.outcome) ? "bad" : "warn";
    outcome.append(el("span", "badge " + kind, f.outcome));
    tr.append(el("td", "mono", f.fix), outcome);
    return tr;
  });
  const none = el("tr");
  none.append(el("td", "empty", "no fix was tried"), el("td"));
  $("incident-fixes").tBodies[0].replaceChildren(...(fixes.length ? fixes : [none]));
  $("incident-title").textContent = `Incident ${inc.id}`;
}
