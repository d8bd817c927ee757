// The commands: start, stop, restart, heal and show logs on a tree item (or a service picked from a list),
// reload config on the view, the dashboard, and starting the daemon. Destructive ones ask first, modally.
import * as vscode from "vscode";
import { confirmationFor, healSummary, progressTitle, reloadConfirmation, reloadSummary, type Action } from "../client/actions";
import { ApiError, describeError, isNoDaemon } from "../client/errors";
import type { TreeNode } from "../client/tree";
import type { AuroraExtension } from "./auroraExtension";

/** A command's argument: a tree node, a service name (from the webview or another command), or nothing. */
type Target = TreeNode | string | undefined;

export function registerCommands(ext: AuroraExtension): vscode.Disposable[] {
  const act = (action: Action) => (target: Target) => runAction(ext, action, target);
  return [
    vscode.commands.registerCommand("aurora.start", act("start")),
    vscode.commands.registerCommand("aurora.stop", act("stop")),
    vscode.commands.registerCommand("aurora.restart", act("restart")),
    vscode.commands.registerCommand("aurora.heal", act("heal")),
    vscode.commands.registerCommand("aurora.showLogs", async (target: Target) => {
      for (const name of await pick(ext, target, "Show the log of")) {
        await ext.logs.show(name);
      }
    }),
    vscode.commands.registerCommand("aurora.reload", () => reload(ext)),
    vscode.commands.registerCommand("aurora.openDashboard", () => ext.dashboard.show()),
    vscode.commands.registerCommand("aurora.up", () => ext.startDaemon()),
    vscode.commands.registerCommand("aurora.focus", () => vscode.commands.executeCommand("aurora.services.focus")),
  ];
}

async function pick(ext: AuroraExtension, target: Target, verb: string): Promise<string[]> {
  if (typeof target === "string") {
    return [target];
  }
  if (target != null) {
    return target.services;
  }
  const names = ext.model.services.map((r) => r.name);
  if (names.length === 0) {
    void vscode.window.showWarningMessage("Aurora: no services to choose from (is the daemon running?)");
    return [];
  }
  const chosen = await vscode.window.showQuickPick(names, { placeHolder: `${verb} which service?` });
  return chosen != null ? [chosen] : [];
}

async function runAction(ext: AuroraExtension, action: Action, target: Target): Promise<void> {
  const services = await pick(ext, target, action[0].toUpperCase() + action.slice(1));
  if (services.length === 0) {
    return;
  }
  const ask = confirmationFor(action, services);
  if (ask != null) {
    const answer = await vscode.window.showWarningMessage(ask.message, { modal: true, detail: ask.detail }, ask.button);
    if (answer !== ask.button) {
      return;
    }
  }
  for (const name of services) {
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Aurora: ${progressTitle(action, name)}` }, async () => {
        if (action === "heal") {
          const s = healSummary(await ext.model.client.heal(name));
          if (s.ok) {
            void vscode.window.showInformationMessage(s.message);
          } else {
            void vscode.window.showWarningMessage(s.message);
          }
        } else {
          await ext.model.client.act(name, action);
        }
      });
    } catch (err) {
      ext.reportError(`Aurora could not ${action} ${name}`, err);
    }
  }
}

async function reload(ext: AuroraExtension): Promise<void> {
  try {
    const plan = await ext.model.client.reload(true);
    const ask = reloadConfirmation(plan);
    if (ask != null) {
      const answer = await vscode.window.showWarningMessage(ask.message, { modal: true, detail: ask.detail }, ask.button);
      if (answer !== ask.button) {
        return;
      }
    }
    const applied = await ext.model.client.reload(false);
    void vscode.window.showInformationMessage(reloadSummary(applied));
  } catch (err) {
    if (isNoDaemon(err)) {
      ext.reportError("Aurora could not reload the config", err);
    } else {
      // A bad config answers 400 with every problem in details: the modal lists them, nothing was changed.
      const details = err instanceof ApiError ? err.details.join("\n") : undefined;
      const message = err instanceof ApiError ? err.message : describeError(err);
      void vscode.window.showErrorMessage(`Aurora did not reload the config: ${message}`, { modal: true, detail: details });
    }
  }
}
