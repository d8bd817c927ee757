// A small stand-in for the `vscode` module: just the API the thin layer uses, recording what it was asked to
// show (tree items, commands, status bar text, notifications, output, terminals, webviews) so tests can read it.
import * as path from "node:path";
import { record, recorder, type Handler } from "./fakeRecorder";
import { Disposable, Uri } from "./fakeTypes";

export { recorder } from "./fakeRecorder";
export * from "./fakeTypes";
export { StatusBarItem, window } from "./fakeWindow";

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
