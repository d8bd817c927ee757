// Small HTML helpers shared by the dashboard webview and the tree's HTML rendering (the README picture).

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** VS Code's Dark Modern values, used where the page is not inside VS Code (it then sets the variables itself). */
const DARK: Record<string, string> = {
  "charts.green": "#89d185",
  "charts.red": "#f14c4c",
  "charts.yellow": "#cca700",
  "charts.orange": "#d18616",
  "charts.blue": "#3794ff",
  disabledForeground: "#8b8b8b",
};

/** A theme colour id as CSS: VS Code's variable for it, with its dark value as the fallback. */
export function cssColor(id: string | null): string {
  if (id == null) {
    return "var(--vscode-foreground, #cccccc)";
  }
  return `var(--vscode-${id.replace(/\./g, "-")}, ${DARK[id] ?? "#cccccc"})`;
}

function colorClass(id: string): string {
  return "tc-" + id.replace(/[^A-Za-z0-9]/g, "-");
}

/**
 * A codicon as the codicon stylesheet draws it ("sync~spin" spins), coloured by a class rather than a style
 * attribute: a webview's CSP admits nonce'd style elements, not inline styles.
 */
export function codicon(icon: string, color: string | null): string {
  const [name, modifier] = icon.split("~");
  const spin = modifier === "spin" ? " codicon-modifier-spin" : "";
  const tint = color != null ? ` ${colorClass(color)}` : "";
  return `<span class="codicon codicon-${escapeHtml(name)}${spin}${tint}"></span>`;
}

/** The rules behind codicon()'s colour classes, one per theme colour a look uses. */
export function colorRules(): string {
  return Object.keys(DARK).map((id) => `.${colorClass(id)} { color: ${cssColor(id)}; }`).join("\n");
}
