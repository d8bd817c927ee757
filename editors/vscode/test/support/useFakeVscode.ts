// Makes `require("vscode")` load the stand-in: import this before anything under src/extension.
import Module from "node:module";
import * as path from "node:path";

const fake = path.join(__dirname, "fakeVscode.js");
const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const original = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return request === "vscode" ? fake : original.call(this, request, ...rest);
};

export { recorder } from "./fakeVscode";
