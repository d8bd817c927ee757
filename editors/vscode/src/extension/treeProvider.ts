// The tree view: nodes come from client/tree.ts; this maps them onto TreeItems.
import * as vscode from "vscode";
import type { ServiceModel } from "../client/serviceModel";
import { buildTree, serviceNode, type TreeNode } from "../client/tree";

export class ServiceTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: TreeNode[] = [];
  private readonly onChanged = (): void => this.refresh();

  constructor(private readonly model: ServiceModel) {
    model.on("changed", this.onChanged);
  }

  /** The top-level nodes as last built (what the view shows). */
  get roots(): readonly TreeNode[] {
    return this.nodes;
  }

  refresh(): void {
    this.nodes = buildTree(this.model.services, Date.now());
    this.changed.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node == null ? this.nodes : node.children;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  /** The tooltip is built when hovered, so its uptime and "next restart in" are current. */
  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    const row = node.kind === "service" ? this.model.row(node.label) : undefined;
    if (row != null) {
      item.tooltip = serviceNode(row, Date.now()).tooltip;
    }
    return item;
  }

  dispose(): void {
    this.model.off("changed", this.onChanged);
    this.changed.dispose();
  }
}

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const state = node.kind === "group" ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(node.label, state);
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.contextValue = node.contextValue;
  item.iconPath = new vscode.ThemeIcon(node.look.icon, node.look.color != null ? new vscode.ThemeColor(node.look.color) : undefined);
  return item;
}
