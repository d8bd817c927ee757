// Keeping the page current without polling (SPEC §5). Connecting is one read of GET /api/v1/services (the state
// as of its seq) and of GET /api/v1/resources (the sparklines' five minutes), then the event WebSocket from that
// seq: every event's data.service replaces its row, service.removed deletes one, resource.sample lines bring
// CPU and memory. A lost connection (the daemon restarted) is a new connect, after a backoff; a resync notice
// resumes the stream after the seq it names. The only timer that repeats redraws uptimes; it fetches nothing.

import { json, session } from "./api.js";
import { handle } from "./auth.js";
import { $ } from "./dom.js";
import * as history from "./history.js";
import { pauseLog, resumeLog, stopLog } from "./logs.js";
import { renderServices } from "./services.js";
import { addSample, loadResources, renderCharts } from "./sparklines.js";
import { MAX_EVENTS, addEvent } from "./timeline.js";
import { ServiceView } from "./view.js";

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 10000;
const STABLE_MS = 5000; // a stream that lived this long was fine: its loss is retried quickly again

const view = new ServiceView();
let started = false;
let socket = null;
let retryMs = RETRY_MIN_MS;
let retryTimer = null;
let resumeAfter = null; // a resync notice's seq: the next stream starts there, without reading the list
let shownSeq = 0; // the newest event in the timeline
let searched = false;
let frame = 0;
let chartsDirty = false;
let ticker = null;
let project = "";

// Signed in: `list` is the GET /api/v1/services that proved the token, read at `receivedAt`.
export function begin(list, receivedAt) {
  if (started) {
    return;
  }
  started = true;
  shownSeq = 0;
  searched = false;
  $("events").replaceChildren();
  json("/healthz").then((h) => {
    project = h.project;
    showDaemon(h.pid);
  }).catch(handle);
  ticker = setInterval(schedule, 1000);
  document.addEventListener("visibilitychange", onVisibility);
  connect({ list, receivedAt });
}

export function stop() {
  started = false;
  clearInterval(ticker);
  clearTimeout(retryTimer);
  cancelAnimationFrame(frame);
  frame = 0;
  document.removeEventListener("visibilitychange", onVisibility);
  stopLog();
  if (socket) {
    socket.onclose = null;
    socket.close();
    socket = null;
  }
}

export function setConn(kind, text) {
  const el = $("conn");
  el.dataset.conn = kind;
  el.textContent = text;
}

async function connect(first) {
  if (!started) {
    return;
  }
  setConn("retry", "connecting…");
  let after = resumeAfter;
  resumeAfter = null;
  if (after == null) {
    try {
      const list = first ? first.list : await json("/api/v1/services");
      const receivedAt = first ? first.receivedAt : Date.now();
      const resources = await json("/api/v1/resources?minutes=5");
      if (!started) {
        return;
      }
      if (list.seq < shownSeq) {
        // A daemon whose store started over numbers from 1 again: follow its numbering.
        shownSeq = 0;
        searched = false;
        $("events").replaceChildren();
      }
      view.load(list, receivedAt);
      loadResources(resources);
      chartsDirty = true;
      schedule();
      // The timeline shows the last events too: they are replayed, and only later ones change a row.
      after = Math.max(shownSeq, list.seq - MAX_EVENTS, 0);
      if (!searched) {
        searched = true;
        history.search("", list.seq);
      }
    } catch (e) {
      if (!handle(e)) {
        retryLater();
      }
      return;
    }
  }
  follow(after);
}

function follow(after) {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const ws = new WebSocket(`${scheme}//${location.host}/api/v1/events/stream?after=${after}&token=${encodeURIComponent(session.token)}`);
  socket = ws;
  let openedAt = 0;
  ws.onopen = () => {
    openedAt = Date.now();
    setConn("live", "live");
    resumeLog();
  };
  // One JSON object per line: events committed together travel in one message.
  ws.onmessage = (m) => {
    for (const line of m.data.split("\n")) {
      if (line) {
        onMessage(JSON.parse(line));
      }
    }
    schedule();
  };
  ws.onclose = () => {
    if (socket !== ws) {
      return;
    }
    socket = null;
    if (openedAt && Date.now() - openedAt >= STABLE_MS) {
      retryMs = RETRY_MIN_MS;
    }
    if (resumeAfter != null) {
      connect(null);
    } else {
      retryLater();
    }
  };
}

function retryLater() {
  if (!started) {
    return;
  }
  const wait = retryMs;
  retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  setConn("retry", `reconnecting in ${Math.round(wait / 100) / 10}s`);
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => connect(null), wait);
}

function onMessage(m) {
  if (m.type === "resync") {
    resumeAfter = m.last_seq; // the stream closes next; the next one resumes here
    return;
  }
  if (m.type === "resource.sample") {
    view.applySample(m);
    addSample(m);
    chartsDirty = true;
    return;
  }
  if (m.seq == null || m.seq <= shownSeq) {
    return;
  }
  shownSeq = m.seq;
  addEvent($("events"), m, true);
  if (view.apply(m) === "added" || m.type === "service.removed") {
    chartsDirty = true;
  }
  if (m.type === "daemon.started" && m.data && m.data.pid) {
    showDaemon(m.data.pid);
  }
  history.onEvent(m);
}

function showDaemon(pid) {
  $("project").textContent = (project ? project + " · " : "") + "daemon pid " + pid;
}

// Changes are drawn once per frame (none while the tab is hidden).
function schedule() {
  if (started && !frame) {
    frame = requestAnimationFrame(draw);
  }
}

function draw() {
  frame = 0;
  renderServices(view, Date.now());
  if (chartsDirty) {
    chartsDirty = false;
    renderCharts([...view.rows.keys()]);
  }
}

function onVisibility() {
  if (document.hidden) {
    pauseLog();
  } else if (socket) {
    resumeLog();
  }
}
