// A small stand-in for the `vscode` module: just the API the thin layer uses, recording what it was asked to
// show (tree items, commands, status bar text, notifications, output, terminals, webviews) so tests can read it.
// Notifications are answered by `recorder.answer`; every recording also emits on `recorder.events`.
import { EventEmitter as NodeEmitter } from "node:events";
import * as path from "node:path";

export interface Shown {
  kind: "info" | "warning" | "error";
  message: string;
  items: string[];
  modal: boolean;
}

export interface FakeTerminal {
  name: string;
  cwd: string | undefined;
  sent: string[];
  shown: boolean;
}

export interface FakeChannel {
  name: string;
  lines: string[];
  shown: boolean;
  disposed: boolean;
}

export interface FakePanel {
  viewType: string;
  html: string;
  posted: unknown[];
  receive(message: unknown): void;
  disposed: boolean;
}

type Handler = (...args: unknown[]) => unknown;

export const recorder = {
  events: new NodeEmitter(),
  commands: new Map<string, Handler>(),
  executed: [] as { command: string; args: unknown[] }[],
  contexts: new Map<string, unknown>(),
  shown: [] as Shown[],
  treeViews: [] as { id: string; provider: unknown }[],
  statusBarItems: [] as StatusBarItem[],
  channels: new Map<string, FakeChannel>(),
  terminals: [] as FakeTerminal[],
  panels: [] as FakePanel[],
  documents: [] as { language: string; content: string }[],
  opened: [] as string[],
  config: new Map<string, unknown>(),
  workspaceFolders: [] as string[],
  /** Chooses a notification's answer (an item, or undefined for "dismissed"). */
  answer: (_shown: Shown): string | undefined => undefined,
  reset(): void {
    this.commands.clear();
    this.executed.length = 0;
    this.contexts.clear();
    this.shown.length = 0;
    this.treeViews.length = 0;
    this.statusBarItems.length = 0;
    this.channels.clear();
    this.terminals.length = 0;
    this.panels.length = 0;
    this.documents.length = 0;
    this.opened.length = 0;
    this.config.clear();
    this.answer = () => undefined;
    this.events.removeAllListeners();
  },
};

function record(kind: string): void {
  recorder.events.emit(kind);
  recorder.events.emit("any");
}

export class Disposable {
  constructor(private readonly fn: () => void) {}
  dispose(): void {
    this.fn();
  }
}

export class EventEmitter<T> {
  private readonly listeners = new Set<(e: T) => void>();
  readonly event = (listener: (e: T) => void): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(e: T): void {
    for (const l of this.listeners) {
      l(e);
    }
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly fsPath: string, private readonly raw: string) {}
  static file(p: string): Uri {
    return new Uri("file", p, "file://" + p);
  }
  static parse(s: string): Uri {
    return new Uri(s.split(":")[0], s, s);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return Uri.file(path.join(base.fsPath, ...parts));
  }
  toString(): string {
    return this.raw;
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(readonly id: string, readonly color?: ThemeColor) {}
}

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}

export class TreeItem {
  id?: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  iconPath?: ThemeIcon;
  constructor(readonly label: string, readonly collapsibleState: TreeItemCollapsibleState) {}
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}

export enum ViewColumn {
  Active = -1,
  One = 1,
}

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

export const commands = {
  registerCommand(id: string, handler: Handler): Disposable {
    recorder.commands.set(id, handler);
    return new Disposable(() => recorder.commands.delete(id));
  },
  async executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    recorder.executed.push({ command: id, args });
    record("executed");
    if (id === "setContext") {
      recorder.contexts.set(String(args[0]), args[1]);
      return undefined;
    }
    const handler = recorder.commands.get(id);
    return handler != null ? await handler(...args) : undefined;
  },
};

export const workspace = {
  get workspaceFolders() {
    return recorder.workspaceFolders.map((d, index) => ({ uri: Uri.file(d), name: path.basename(d), index }));
  },
  getConfiguration(section: string) {
    return { get: <T>(key: string): T | undefined => recorder.config.get(`${section}.${key}`) as T | undefined };
  },
  openTextDocument(options: { language: string; content: string }): Promise<{ content: string }> {
    recorder.documents.push(options);
    return Promise.resolve({ content: options.content });
  },
};

export const env = {
  openExternal(target: unknown): Promise<boolean> {
    recorder.opened.push(String(target));
    record("opened");
    return Promise.resolve(true);
  },
};
