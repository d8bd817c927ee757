// The stand-in's `window`: tree views, the status bar, notifications, output channels, terminals, webviews.
import { record, recorder, type FakeChannel, type FakePanel, type FakeTerminal, type Shown } from "./fakeRecorder";
import { Disposable, ThemeColor, Uri } from "./fakeTypes";

export class StatusBarItem {
  name = "";
  private t = "";
  tooltip: string | undefined;
  command: string | undefined;
  backgroundColor: ThemeColor | undefined;
  visible = false;
  constructor(readonly id: string) {}
  get text(): string {
    return this.t;
  }
  set text(v: string) {
    this.t = v;
    record("status");
  }
  show(): void {
    this.visible = true;
  }
  dispose(): void {
    this.visible = false;
  }
}

function show(kind: Shown["kind"]) {
  return (message: string, ...rest: unknown[]): Promise<string | undefined> => {
    const options = typeof rest[0] === "object" && rest[0] != null ? (rest.shift() as { modal?: boolean }) : {};
    const shown: Shown = { kind, message, items: rest.map(String), modal: options.modal === true };
    recorder.shown.push(shown);
    record("message");
    return Promise.resolve(recorder.answer(shown));
  };
}

export const window = {
  createTreeView(id: string, options: { treeDataProvider: unknown }): Disposable {
    recorder.treeViews.push({ id, provider: options.treeDataProvider });
    return new Disposable(() => undefined);
  },
  createStatusBarItem(id: string): StatusBarItem {
    const item = new StatusBarItem(id);
    recorder.statusBarItems.push(item);
    return item;
  },
  showInformationMessage: show("info"),
  showWarningMessage: show("warning"),
  showErrorMessage: show("error"),
  showQuickPick(items: string[]): Promise<string | undefined> {
    return Promise.resolve(items[0]);
  },
  withProgress<T>(_options: unknown, task: () => Promise<T>): Promise<T> {
    return task();
  },
  createOutputChannel(name: string) {
    const channel: FakeChannel = { name, lines: [], shown: false, disposed: false };
    recorder.channels.set(name, channel);
    record("output");
    return {
      name,
      appendLine(line: string): void {
        channel.lines.push(line);
        record("output");
      },
      clear(): void {
        channel.lines.length = 0;
      },
      show(): void {
        channel.shown = true;
      },
      dispose(): void {
        channel.disposed = true;
      },
    };
  },
  createTerminal(options: { name: string; cwd?: string }) {
    const terminal: FakeTerminal = { name: options.name, cwd: options.cwd, sent: [], shown: false };
    recorder.terminals.push(terminal);
    return {
      show(): void {
        terminal.shown = true;
      },
      sendText(text: string): void {
        terminal.sent.push(text);
        record("terminal");
      },
    };
  },
  createWebviewPanel(viewType: string) {
    const receivers: ((m: unknown) => void)[] = [];
    const disposers: (() => void)[] = [];
    const panel: FakePanel = { viewType, html: "", posted: [], receive: (m) => receivers.forEach((r) => r(m)), disposed: false };
    recorder.panels.push(panel);
    record("panel");
    return {
      webview: {
        cspSource: "vscode-webview:",
        get html(): string {
          return panel.html;
        },
        set html(v: string) {
          panel.html = v;
          record("panel");
        },
        asWebviewUri: (u: Uri) => Uri.parse("vscode-webview://res" + u.fsPath),
        onDidReceiveMessage(r: (m: unknown) => void): Disposable {
          receivers.push(r);
          return new Disposable(() => undefined);
        },
        postMessage(m: unknown): Promise<boolean> {
          panel.posted.push(m);
          record("panel");
          return Promise.resolve(true);
        },
      },
      reveal(): void {},
      onDidDispose(d: () => void): Disposable {
        disposers.push(d);
        return new Disposable(() => undefined);
      },
      dispose(): void {
        panel.disposed = true;
        disposers.forEach((d) => d());
      },
    };
  },
  showTextDocument(doc: { content: string }): Promise<unknown> {
    record("document");
    return Promise.resolve(doc);
  },
};
