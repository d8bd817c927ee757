// CPU and memory sparklines over the last five minutes, one figure per service: filled at connect from
// GET /api/v1/resources (the daemon's five-minute ring), then one point per resource.sample line on the stream.
// Times are the daemon's (the samples' own), so the x axis never depends on the browser's clock.

import { $, el, svgEl } from "./dom.js";
import { bytes } from "./format.js";

const WINDOW_MS = 5 * 60 * 1000;
const series = new Map(); // service -> [{t, cpu, mem}], oldest first
const figures = new Map(); // service -> <figure>
let newest = 0; // the newest sample's time

// The answer of GET /api/v1/resources. Replaces what was kept: it is the daemon's own record of the window.
export function loadResources(resources) {
  series.clear();
  newest = 0;
  if (resources.interval_ms == null) {
    note("sampling is off (monitor.sample_interval: off)");
    return;
  }
  note("");
  for (const s of resources.services || []) {
    const points = s.samples.map(([t, cpu, mem]) => ({ t, cpu, mem }));
    series.set(s.name, points);
    if (points.length) {
      newest = Math.max(newest, points[points.length - 1].t);
    }
  }
}

// A resource.sample line from the stream.
export function addSample(sample) {
  const t = Date.parse(sample.time);
  if (isNaN(t)) {
    return;
  }
  note("");
  newest = Math.max(newest, t);
  for (const s of sample.services || []) {
    let points = series.get(s.name);
    if (!points) {
      points = [];
      series.set(s.name, points);
    }
    // The ring read at connect may already hold the sample the stream sends first.
    if (!points.length || points[points.length - 1].t < t) {
      points.push({ t, cpu: s.cpu_percent, mem: s.memory_bytes });
    }
    while (points.length && t - points[0].t > WINDOW_MS) {
      points.shift();
    }
  }
}

function note(message) {
  const status = $("charts-status");
  if (status.textContent !== message) {
    status.textContent = message;
  }
}

// One figure per name, in that order; figures of services that are gone are removed (and their samples).
export function renderCharts(names) {
  const box = $("charts");
  const keep = new Set(names);
  for (const [name, fig] of figures) {
    if (!keep.has(name)) {
      fig.remove();
      figures.delete(name);
      series.delete(name);
    }
  }
  names.forEach((name, i) => {
    let fig = figures.get(name);
    if (!fig) {
      fig = el("figure", "chart");
      fig.dataset.service = name;
      fig.append(el("figcaption", "", name), spark("cpu", "CPU"), spark("mem", "Memory"));
      figures.set(name, fig);
    }
    if (box.children[i] !== fig) {
      box.insertBefore(fig, box.children[i] || null);
    }
    const points = series.get(name) || [];
    draw(fig.querySelector(".spark.cpu-box"), points, newest, (p) => p.cpu, (v) => v.toFixed(1) + "%", true);
    draw(fig.querySelector(".spark.mem-box"), points, newest, (p) => p.mem, bytes, false);
  });
}

function spark(kind, label) {
  const wrap = el("div", `spark ${kind}-box`);
  const head = el("div", "spark-head");
  head.append(el("span", "label", label), el("span", "value", "—"));
  const svg = svgEl("svg", { viewBox: "0 0 300 40", preserveAspectRatio: "none", role: "img" });
  svg.append(svgEl("polyline", { class: kind, points: "" }), svgEl("circle", { class: kind, r: 0, cx: 300, cy: 39 }));
  wrap.append(head, svg);
  return wrap;
}

// CPU is drawn from 0 (to at least 5%); memory around its own range, so a steady line sits mid-box
// and growth shows. The x axis spans what has been seen so far (at least 20 s), up to 5 minutes.
function draw(wrap, points, now, pick, format, isPercent) {
  // A service without a process gets no new samples: its old ones leave the window by time.
  const known = points.filter((p) => pick(p) != null && now - p.t <= WINDOW_MS);
  const values = known.map(pick);
  const peak = values.length ? Math.max(...values) : null;
  const low = values.length ? Math.min(...values) : 0;
  let lo = 0;
  let hi = Math.max(5, (peak ?? 0) * 1.1);
  if (!isPercent && values.length) {
    const pad = (peak - low) * 0.25 + peak * 0.05 + 1;
    lo = Math.max(0, low - pad);
    hi = peak + pad;
  }
  const span = Math.min(WINDOW_MS, Math.max(20000, known.length ? now - known[0].t : 0));
  const coords = known.map((p) => [300 - ((now - p.t) / span) * 300, 38 - ((pick(p) - lo) / (hi - lo)) * 36]);
  wrap.querySelector("polyline").setAttribute("points", coords.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "));
  const dot = wrap.querySelector("circle");
  const last = coords[coords.length - 1];
  dot.setAttribute("r", last ? 2.5 : 0);
  if (last) {
    dot.setAttribute("cx", last[0].toFixed(1));
    dot.setAttribute("cy", last[1].toFixed(1));
  }
  const current = values.length ? values[values.length - 1] : null;
  const summary = current == null ? "no sample" : `now ${format(current)}, peak ${format(peak)}`;
  wrap.querySelector(".value").textContent = summary;
  wrap.querySelector("svg").setAttribute("aria-label", `${wrap.querySelector(".label").textContent}: ${summary}`);
}
