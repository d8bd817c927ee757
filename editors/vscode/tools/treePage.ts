// The tree view as a page, for the README's picture: the nodes come from the same buildTree() the extension
// shows, drawn with the codicons and VS Code's Dark Modern colours, beside the status bar item and an incident
// notification as the extension words them.
import { codicon, colorRules, escapeHtml } from "../src/client/html";
import { INCIDENT_ACTIONS, type IncidentNotice } from "../src/client/incidents";
import type { StatusText } from "../src/client/statusText";
import type { TreeNode } from "../src/client/tree";

export interface TreePageInput {
  codiconCss: string;
  /** The view container's icon (media/aurora.svg), drawn in the activity bar. */
  activityIcon: string;
  nodes: readonly TreeNode[];
  /** The node whose tooltip is shown, as if hovered. */
  hovered: string;
  status: StatusText;
  notice: IncidentNotice;
}

function rows(nodes: readonly TreeNode[], depth: number, hovered: string): string {
  return nodes.map((n) => {
    const twistie = n.kind === "group" ? codicon("chevron-down", null) : `<span class="twistie-space"></span>`;
    const hover = n.id === hovered ? " hovered" : "";
    const actions = n.id === hovered ? `<span class="actions">${codicon("output", null)}${codicon("debug-restart", null)}</span>` : "";
    const row = `<div class="row${hover}" style="padding-left:${8 + depth * 16}px">${twistie}${codicon(n.look.icon, n.look.color)}<span class="label">${escapeHtml(n.label)}</span><span class="desc">${escapeHtml(n.description)}</span>${actions}</div>`;
    const tip = n.id === hovered ? `<div class="tooltip">${escapeHtml(n.tooltip).replace(/\n/g, "<br>")}</div>` : "";
    return row + tip + rows(n.children, depth + 1, hovered);
  }).join("\n");
}

/** `$(name)` in a status bar text, as the icon it stands for. */
function withIcons(text: string): string {
  return escapeHtml(text).replace(/\$\(([a-z0-9-]+)(~spin)?\)/g, (_m, name: string, spin?: string) => codicon(name + (spin ?? ""), null));
}

export function treePage(p: TreePageInput): string {
  const buttons = INCIDENT_ACTIONS.map((a) => `<button>${escapeHtml(a)}</button>`).join("");
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${escapeHtml(p.codiconCss)}">
<style>
body { margin: 0; background: #1f1f1f; color: #cccccc; font: 13px "DejaVu Sans", system-ui, sans-serif; width: 1000px; height: 560px; position: relative; overflow: hidden; }
.activity { position: absolute; left: 0; top: 0; bottom: 22px; width: 48px; background: #181818; border-right: 1px solid #2b2b2b; }
.activity .codicon { font-size: 24px; display: block; margin: 12px; color: #868686; }
.activity .active { display: block; color: #d7d7d7; border-left: 2px solid #0078d4; padding: 2px 0 0 10px; } .activity svg { width: 26px; height: 26px; }
.sidebar { position: absolute; left: 49px; top: 0; bottom: 22px; width: 470px; background: #181818; border-right: 1px solid #2b2b2b; }
.title { height: 35px; line-height: 35px; padding-left: 20px; font-size: 11px; letter-spacing: .04em; color: #cccccc; }
.section { height: 22px; line-height: 22px; font-size: 11px; font-weight: bold; padding-left: 4px; display: flex; align-items: center; }
.section .grow { flex: 1; } .section .codicon { margin-right: 8px; font-size: 16px; }
.row { height: 22px; line-height: 22px; display: flex; align-items: center; white-space: nowrap; position: relative; }
.row .codicon { font-size: 16px; margin-right: 6px; } .twistie-space { display: inline-block; width: 22px; }
.row.hovered { background: #2a2d2e; } .label { margin-right: 6px; } .desc { color: #9d9d9d; font-size: 12px; overflow: hidden; text-overflow: ellipsis; }
.actions { position: absolute; right: 8px; } .actions .codicon { margin-left: 6px; }
.tooltip { position: absolute; left: 240px; margin-top: 2px; z-index: 2; background: #202020; border: 1px solid #454545; padding: 6px 10px; color: #cccccc; line-height: 18px; box-shadow: 0 2px 8px #000a; font-size: 12px; }
.editor { position: absolute; left: 520px; right: 0; top: 0; bottom: 22px; background: #1f1f1f; }
.toast { position: absolute; right: 12px; bottom: 34px; width: 440px; background: #202020; border: 1px solid #454545; box-shadow: 0 2px 8px #000a; padding: 10px 12px; }
.toast .msg { display: flex; gap: 8px; align-items: flex-start; margin-bottom: 10px; line-height: 18px; } .toast .msg .codicon { font-size: 16px; }
.toast .src { color: #9d9d9d; font-size: 12px; margin-bottom: 8px; }
.toast button { background: #313131; color: #cccccc; border: 1px solid #3c3c3c; padding: 3px 9px; margin-right: 6px; font: inherit; font-size: 12px; }
.toast button:first-child { background: #0078d4; color: #fff; border-color: #0078d4; }
.status { position: absolute; left: 0; right: 0; bottom: 0; height: 22px; line-height: 22px; background: #181818; border-top: 1px solid #2b2b2b; font-size: 12px; padding-left: 10px; }
.status .item { padding: 0 6px; display: inline-flex; align-items: center; gap: 3px; height: 22px; } .status .codicon { font-size: 14px; }
.status .error { background: #c72e0f; color: #fff; }
${colorRules()}
</style></head><body>
<div class="activity"><span class="codicon codicon-files"></span><span class="codicon codicon-search"></span><span class="codicon codicon-source-control"></span><span class="active">${p.activityIcon}</span></div>
<div class="sidebar"><div class="title">AURORA</div>
<div class="section">${codicon("chevron-down", null)}<span class="grow">SERVICES</span>${codicon("refresh", null)}${codicon("dashboard", null)}</div>
${rows(p.nodes, 0, p.hovered)}
</div>
<div class="editor"></div>
<div class="toast"><div class="msg">${codicon("error", "charts.red")}<span>${escapeHtml(p.notice.message)}</span></div><div class="src">Source: Aurora</div>${buttons}</div>
<div class="status"><span class="item">${codicon("remote", null)}</span><span class="item${p.status.background != null ? " error" : ""}">${withIcons(p.status.text)}</span></div>
</body></html>`;
}
