// Live updates: the event WebSocket (reconnecting by itself, resuming after the last event seen), the
// services poll, and the connection badge in the header.

import { json, session } from "./api.js";
import { handle } from "./auth.js";
import { $ } from "./dom.js";
import { search } from "./history.js";
import { loadLog } from "./logs.js";
import { renderServices } from "./services.js";
import { renderCharts, sample } from "./sparklines.js";
import { MAX_EVENTS, addEvent } from "./timeline.js";

const POLL_MS = 2000;

let lastSeq = 0;
let socket = null;
let retryMs = 500;
let retryTimer = null;
let pollTimer = null;
let refreshTimer = null;
let logTimer = null;
let searchTimer = null;
let started = false;
const seen = new Set();

export async function begin() {
  if (started) {
    return;
  }
  started = true;
  json("/healthz").then((h) => { $("project").textContent = h.project + " · daemon pid " + h.pid; }).catch(handle);
  pollTimer = setInterval(poll, POLL_MS);
  poll();
  search("");
  connect();
}

export function stop() {
  started = false;
  clearInterval(pollTimer);
  clearTimeout(retryTimer);
  if (socket) {
    socket.onclose = null;
    socket.close();
    socket = null;
  }
}

async function connect() {
  if (!started) {
    return;
  }
  setConn("retry", "connecting…");
  try {
    // Where to resume: after the last seq seen. A daemon whose store starts over (an older seq than
    // ours) would otherwise look silent, so follow its numbering; on first load show the last 200.
    const head = await json("/api/v1/events?limit=1&after=" + lastSeq);
    if (head.last_seq < lastSeq) {
      lastSeq = 0;
      seen.clear();
    }
    if (lastSeq === 0) {
      lastSeq = Math.max(0, head.last_seq - MAX_EVENTS);
    }
  } catch (e) {
    if (!handle(e)) {
      retryLater();
    }
    return;
  }
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const url = `${scheme}//${location.host}/api/v1/events/stream?after=${lastSeq}&token=${encodeURIComponent(session.token)}`;
  const ws = new WebSocket(url);
  socket = ws;
  ws.onopen = () => {
    retryMs = 500;
    setConn("live", "live");
    scheduleRefresh();
  };
  // One JSON object per line: events committed together travel in one message.
  ws.onmessage = (m) => m.data.split('\n').forEach((line) => line && onEvent(JSON.parse(line)));
  ws.onclose = () => {
    if (socket === ws) {
      socket = null;
      retryLater();
    }
  };
}

function retryLater() {
  if (!started) {
    return;
  }
  const wait = retryMs;
  retryMs = Math.min(retryMs * 2, 10000);
  setConn("retry", `reconnecting in ${Math.round(wait / 100) / 10}s`);
  clearTimeout(retryTimer);
  retryTimer = setTimeout(connect, wait);
}

export function setConn(kind, text) {
  const el = $("conn");
  el.dataset.conn = kind;
  el.textContent = text;
}

function onEvent(e) {
  if (e.type === "resync") {
    lastSeq = e.last_seq; // the socket closes next; reconnecting resumes from here
    return;
  }
  if (seen.has(e.seq)) {
    return;
  }
  seen.add(e.seq);
  lastSeq = Math.max(lastSeq, e.seq);
  addEvent($("events"), e, true);
  if (e.service) {
    scheduleRefresh();
    if (e.service === $("log-service").value) {
      clearTimeout(logTimer);
      logTimer = setTimeout(loadLog, 300);
    }
  }
  if (e.type.startsWith("incident.") || e.type.startsWith("fix.")) {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => search($("history-q").value), 500);
  }
}

export function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, 120);
}

async function refresh() {
  try {
    const list = await json("/api/v1/services");
    renderServices(list.services);
    return list.services;
  } catch (e) {
    handle(e);
    return null;
  }
}

async function poll() {
  const services = await refresh();
  if (!services) {
    return;
  }
  const now = Date.now();
  sample(services, now);
  renderCharts(services, now);
  loadLog();
}
