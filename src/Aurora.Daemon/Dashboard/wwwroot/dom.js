// DOM helpers shared by every panel.

export const $ = (id) => document.getElementById(id);

export function el(tag, cls, content) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (content != null) node.textContent = String(content);
  return node;
}

export function svgEl(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

export function text(row, key, value) {
  const cell = row.querySelector("td." + key);
  const s = String(value);
  if (cell.textContent !== s) cell.textContent = s;
}
