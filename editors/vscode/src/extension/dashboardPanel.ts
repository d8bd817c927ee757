// The dashboard in a webview: rendered from the model (client/dashboardView.ts) and re-rendered as it changes;
// its buttons run the same commands as the tree, and the web dashboard opens in the browser with its token.
import * as crypto from "node:crypto";
import * as vscode from "vscode";
import { dashboardPage, renderDashboardBody, type DashboardView } from "../client/dashboardView";
import { describeError } from "../client/errors";
import type { ServiceModel } from "../client/serviceModel";
import type { AuroraEvent } from "../client/types";

const MAX_EVENTS = 100;
/** Samples arrive about once a second and bursts of events come together: render at most this often. */
const RENDER_MS = 250;

export interface DashboardDeps {
  model: ServiceModel;
  extensionUri: vscode.Uri;
  project: string;
  /** The web dashboard's link (`aurora dashboard`), or why there is none. */
  webLink: () => Promise<string>;
}

export class DashboardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly events: AuroraEvent[] = [];
  private web: DashboardView["webDashboard"] = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly onEvent = (e: AuroraEvent): void => {
    this.events.push(e);
    if (this.events.length > MAX_EVENTS) {
      this.events.shift();
    }
    this.schedule();
  };
  private readonly onChange = (): void => this.schedule();

  constructor(private readonly deps: DashboardDeps) {
    deps.model.on("event", this.onEvent);
    deps.model.on("changed", this.onChange);
    deps.model.on("samples", this.onChange);
    deps.model.on("connection", this.onChange);
  }

  get webview(): vscode.Webview | undefined {
    return this.panel?.webview;
  }

  show(): void {
    if (this.panel != null) {
      this.panel.reveal();
      return;
    }
    const codicons = vscode.Uri.joinPath(this.deps.extensionUri, "node_modules", "@vscode", "codicons", "dist");
    const panel = vscode.window.createWebviewPanel("aurora.dashboard", "Aurora", vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [codicons],
    });
    this.panel = panel;
    const nonce = crypto.randomBytes(16).toString("base64");
    panel.webview.html = dashboardPage({
      nonce,
      cspSource: panel.webview.cspSource,
      codiconCss: panel.webview.asWebviewUri(vscode.Uri.joinPath(codicons, "codicon.css")).toString(),
      body: this.body(),
    });
    panel.webview.onDidReceiveMessage((m: { command?: string; service?: string }) => void this.onMessage(m));
    panel.onDidDispose(() => {
      this.panel = undefined;
    });
    this.deps.webLink().then(
      (link) => {
        this.web = { link };
        this.schedule();
      },
      (err: unknown) => {
        this.web = { problem: describeError(err) };
        this.schedule();
      },
    );
  }

  private body(): string {
    const m = this.deps.model;
    return renderDashboardBody(
      { project: this.deps.project, connection: m.connection, connectionDetail: m.connectionDetail, rows: m.services, events: this.events, webDashboard: this.web },
      Date.now(),
    );
  }

  private schedule(): void {
    if (this.panel == null || this.timer != null) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.panel?.webview.postMessage({ type: "render", html: this.body() });
    }, RENDER_MS);
  }

  private async onMessage(m: { command?: string; service?: string }): Promise<void> {
    if (m.command === "openWeb" && this.web != null && "link" in this.web) {
      // As a string, not a Uri: a Uri would percent-encode the fragment's "=" (#token=…), which the page reads
      // as is; the extension host takes a string unchanged (microsoft/vscode#85930, #173239).
      await vscode.env.openExternal(this.web.link as unknown as vscode.Uri);
      return;
    }
    const command = { start: "aurora.start", stop: "aurora.stop", restart: "aurora.restart", heal: "aurora.heal", logs: "aurora.showLogs" }[m.command ?? ""];
    if (command != null && typeof m.service === "string") {
      await vscode.commands.executeCommand(command, m.service);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    const m = this.deps.model;
    m.off("event", this.onEvent);
    m.off("changed", this.onChange);
    m.off("samples", this.onChange);
    m.off("connection", this.onChange);
    this.panel?.dispose();
  }
}
