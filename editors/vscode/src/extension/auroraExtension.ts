// Puts the pieces together for one workspace: the model (list + stream), the tree, the status bar, the log
// channels, the dashboard webview, incident notifications and the "no daemon" prompt.
import * as vscode from "vscode";
import { AuroraClient } from "../client/api";
import { describeError, isNoDaemon, NO_DAEMON_MESSAGE } from "../client/errors";
import { evidenceMarkdown, findIncident, OPEN_DASHBOARD, OPEN_LOGS, SHOW_EVIDENCE, watchIncidents, type IncidentNotice } from "../client/incidents";
import { dashboardLink, findCli, findProject, projectAt, upCommandLine, type Project } from "../client/project";
import { ServiceModel, type ConnectionState } from "../client/serviceModel";
import { registerCommands } from "./commands";
import { DashboardPanel } from "./dashboardPanel";
import { LogChannels } from "./logChannels";
import { StatusBar } from "./statusBar";
import { ServiceTreeProvider } from "./treeProvider";

export const START_IT = "Start it";

export class AuroraExtension implements vscode.Disposable {
  readonly project: Project;
  readonly model: ServiceModel;
  readonly tree: ServiceTreeProvider;
  readonly statusBar: StatusBar;
  readonly logs: LogChannels;
  readonly dashboard: DashboardPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private stopIncidents: (() => void) | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {
    const folders = this.workspaceDirs();
    const setting = vscode.workspace.getConfiguration("aurora").get<string>("project");
    this.project = findProject(folders, setting) ?? projectAt(process.cwd());
    this.model = new ServiceModel(new AuroraClient(this.project.socketPath), { projectDir: this.project.dir });
    this.tree = new ServiceTreeProvider(this.model);
    this.statusBar = new StatusBar(this.model);
    this.logs = new LogChannels(this.model);
    this.dashboard = new DashboardPanel({
      model: this.model,
      extensionUri: context.extensionUri,
      project: this.project.dir,
      webLink: () => this.webLink(),
    });
  }

  start(): void {
    const view = vscode.window.createTreeView("aurora.services", { treeDataProvider: this.tree, showCollapseAll: true });
    this.disposables.push(view, this.tree, this.statusBar, this.logs, this.dashboard, ...registerCommands(this));
    this.model.on("connection", (state: ConnectionState) => this.onConnection(state));
    this.stopIncidents = watchIncidents(this.model, (n) => void this.notifyIncident(n));
    this.context.subscriptions.push(this);
    void this.setContext("connecting");
    this.model.start();
  }

  /** `aurora up -d` in a terminal at the project directory; the model connects once the socket appears. */
  startDaemon(): void {
    const cli = this.cli();
    if (cli == null) {
      void vscode.window.showErrorMessage("Aurora: the `aurora` command was not found on PATH nor as ./aurora in the workspace; set aurora.path to it.");
      return;
    }
    const terminal = vscode.window.createTerminal({ name: "Aurora", cwd: this.project.dir });
    terminal.show();
    terminal.sendText(upCommandLine(cli));
  }

  /** An action failed: "no daemon" offers to start it; anything else says what the daemon said. */
  reportError(what: string, err: unknown): void {
    if (isNoDaemon(err)) {
      this.offerStart();
      return;
    }
    void vscode.window.showErrorMessage(`${what}: ${describeError(err)}`);
  }

  dispose(): void {
    this.stopIncidents?.();
    this.model.dispose();
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
  }

  private workspaceDirs(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === "file").map((f) => f.uri.fsPath);
  }

  private cli(): string | null {
    const setting = vscode.workspace.getConfiguration("aurora").get<string>("path");
    return findCli(setting, this.project, this.workspaceDirs(), process.env["PATH"]);
  }

  private webLink(): Promise<string> {
    const cli = this.cli();
    return cli == null ? Promise.reject(new Error("the aurora command was not found (set aurora.path)")) : dashboardLink(cli, this.project);
  }

  private onConnection(state: ConnectionState): void {
    void this.setContext(state);
    if (state === "no-daemon") {
      this.offerStart();
    }
  }

  private offerStart(): void {
    void vscode.window.showWarningMessage(NO_DAEMON_MESSAGE, START_IT).then((choice) => {
      if (choice === START_IT) {
        this.startDaemon();
      }
    });
  }

  private setContext(state: ConnectionState): Thenable<unknown> {
    return vscode.commands.executeCommand("setContext", "aurora.connection", state);
  }

  private async notifyIncident(notice: IncidentNotice): Promise<void> {
    const choice = await vscode.window.showErrorMessage(notice.message, SHOW_EVIDENCE, OPEN_LOGS, OPEN_DASHBOARD);
    if (choice === SHOW_EVIDENCE) {
      await this.showEvidence(notice);
    } else if (choice === OPEN_LOGS) {
      await this.logs.show(notice.service);
    } else if (choice === OPEN_DASHBOARD) {
      this.dashboard.show();
    }
  }

  private async showEvidence(notice: IncidentNotice): Promise<void> {
    // The failure memory may know more by now (a later diagnosis, fixes tried); without it, the event's own evidence.
    const stored = await this.model.client.history(notice.service).then((h) => findIncident(h.incidents, notice.id), () => undefined);
    const doc = await vscode.workspace.openTextDocument({ language: "markdown", content: evidenceMarkdown(notice, stored) });
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}
