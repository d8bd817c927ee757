// What the stand-in `vscode` module was asked to show, for the tests to read. Notifications are answered by
// `recorder.answer`; every recording also emits on `recorder.events` (what the tests wait on).
import { EventEmitter as NodeEmitter } from "node:events";
import type { StatusBarItem } from "./fakeWindow";

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

export type Handler = (...args: unknown[]) => unknown;

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

export function record(kind: string): void {
  recorder.events.emit(kind);
  recorder.events.emit("any");
}
