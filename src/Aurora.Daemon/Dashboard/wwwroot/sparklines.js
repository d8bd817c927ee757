// CPU and memory sparklines over the last five minutes, one figure per service.

import { $, el, svgEl } from "./dom.js";
import { bytes } from "./format.js";

const WINDOW_MS = 5 * 60 * 1000;
const samples = new Map(); // service -> [{t, cpu, mem}]

// Keeps each service's usage at `now`, dropping samples older than the window.
export function sample(services, now) {
  for (const s of services) {
    const points = samples.get(s.name) || [];
    points.push({ t: now, cpu: s.cpu_percent, mem: s.memory_bytes });
    while (points.length && now - points[0].t > WINDOW_MS) {
      points.shift();
    }
    samples.set(s.name, points);
  }
}

export function renderCharts(services, now) {
  const box = $("charts");
  for (const s of services) {
    let fig = box.querySelector(`figure[data-service="${CSS.escape(s.name)}"]`);
    if (!fig) {
      fig = el("figure", "chart");
      fig.dataset.service = s.name;
      fig.append(el("figcaption", "", s.name), spark("cpu", "CPU"), spark("mem", "Memory"));
      box.append(fig);
    }
    const points = samples.get(s.name) || [];
    draw(fig.querySelector(".spark.cpu-box"), points, now, (p) => p.cpu, (v) => v.toFixed(1) + "%", true);
    draw(fig.querySelector(".spark.mem-box"), points, now, (p) => p.mem, bytes, false);
  }
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
  const known = points.filter((p) => pick(p) != null);
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
