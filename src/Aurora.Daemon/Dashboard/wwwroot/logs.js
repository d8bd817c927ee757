// The log tail: the last lines of the chosen service's log.

import { json } from "./api.js";
import { handle } from "./auth.js";
import { $ } from "./dom.js";

export function syncLogChoices(services) {
  const select = $("log-service");
  const have = [...select.options].map((o) => o.value).join("\n");
  const want = services.map((s) => s.name).join("\n");
  if (have === want) {
    return;
  }
  const current = select.value;
  select.replaceChildren(...services.map((s) => new Option(s.name, s.name)));
  if (services.some((s) => s.name === current)) {
    select.value = current;
  } else if (services.length) {
    loadLog();
  }
}

export async function loadLog() {
  const name = $("log-service").value;
  if (!name) {
    return;
  }
  const pre = $("log");
  try {
    const logs = await json(`/api/v1/services/${encodeURIComponent(name)}/logs?tail=200`);
    const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 8;
    pre.textContent = logs.lines.length ? logs.lines.join("\n") : "(no output yet)";
    if (atBottom) {
      pre.scrollTop = pre.scrollHeight;
    }
  } catch (e) {
    if (!handle(e)) {
      pre.textContent = "could not read the log: " + e.message;
    }
  }
}
