// The log tail: the chosen service's last lines, then every new one as it is written, over one streamed
// response (GET .../logs?tail=200&follow=true, text/plain, line by line until the page closes it). The stream
// is aborted when another service is chosen, when the tab is hidden and on sign-out; nothing is re-fetched on
// a timer.

import { api } from "./api.js";
import { handle } from "./auth.js";
import { $ } from "./dom.js";

export const MAX_LINES = 1000;
const TAIL = 200;

let wanted = false; // signed in: follow whenever the tab is visible
let current = null; // { name, controller } of the stream being read

export function syncLogChoices(names) {
  const select = $("log-service");
  const have = [...select.options].map((o) => o.value).join("\n");
  if (have === names.join("\n")) {
    return;
  }
  const chosen = select.value;
  select.replaceChildren(...names.map((n) => new Option(n, n)));
  if (names.includes(chosen)) {
    select.value = chosen;
  } else if (names.length) {
    followLog(); // the chosen service went away (or none was chosen yet): follow the first
  } else {
    stopReading();
  }
}

// Starts following the chosen service from its last lines (a new choice, the Refresh button, a first load).
export function followLog() {
  wanted = true;
  stopReading();
  const name = $("log-service").value;
  if (!name || document.hidden) {
    return;
  }
  const controller = new AbortController();
  current = { name, controller };
  const pre = $("log");
  pre.replaceChildren();
  pre.dataset.placeholder = "(no output yet)";
  read(name, controller, pre);
}

// After a reconnect, and when the tab is shown again: follow again unless already following.
export function resumeLog() {
  if (wanted && !current) {
    followLog();
  }
}

// The tab was hidden: stop reading, follow again when it is shown.
export function pauseLog() {
  stopReading();
}

// Signed out: stop, and stay stopped.
export function stopLog() {
  wanted = false;
  stopReading();
}

function stopReading() {
  if (current) {
    current.controller.abort();
    current = null;
  }
}

async function read(name, controller, pre) {
  const path = `/api/v1/services/${encodeURIComponent(name)}/logs?tail=${TAIL}&follow=true`;
  try {
    const response = await api(path, { signal: controller.signal, headers: { Accept: "text/plain" } });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new Error(body && body.error ? body.error.message : response.statusText);
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let partial = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      const lines = (partial + value).split("\n");
      partial = lines.pop();
      append(pre, lines);
    }
    if (partial) {
      append(pre, [partial]);
    }
    ended(controller, pre, "(the log stream ended; it follows again when the daemon is back)");
  } catch (e) {
    if (controller.signal.aborted) {
      return;
    }
    if (!handle(e)) {
      ended(controller, pre, "(could not follow the log: " + e.message + ")");
    }
  }
}

function ended(controller, pre, note) {
  if (current && current.controller === controller) {
    current = null;
    pre.dataset.placeholder = note;
    if (pre.childNodes.length) {
      append(pre, [note]);
    }
  }
}

// One text node per line, at most MAX_LINES kept; stays at the bottom if it was there.
function append(pre, lines) {
  if (!lines.length) {
    return;
  }
  const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 8;
  const fragment = document.createDocumentFragment();
  for (const line of lines.slice(-MAX_LINES)) {
    fragment.append(line + "\n");
  }
  pre.append(fragment);
  for (let extra = pre.childNodes.length - MAX_LINES; extra > 0; extra--) {
    pre.firstChild.remove();
  }
  if (atBottom) {
    pre.scrollTop = pre.scrollHeight;
  }
}
