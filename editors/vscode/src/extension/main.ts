// The extension's entry point: VS Code calls activate() when the workspace has an aurora.yaml (or `.aurora/`),
// or when one of its views or commands is used.
import type * as vscode from "vscode";
import { AuroraExtension } from "./auroraExtension";

let current: AuroraExtension | undefined;

export function activate(context: vscode.ExtensionContext): AuroraExtension {
  current = new AuroraExtension(context);
  current.start();
  return current;
}

export function deactivate(): void {
  current?.dispose();
  current = undefined;
}
