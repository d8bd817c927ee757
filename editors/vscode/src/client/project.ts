// Where the workspace's Aurora lives: the project directory (the one with aurora.yaml, whose `.aurora/aurora.sock`
// is the daemon's socket) and the `aurora` CLI to start it with.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { SOCKET_NAME, STATE_DIR } from "./socketWatcher";

export const CONFIG_NAME = "aurora.yaml";

export interface Project {
  dir: string;
  socketPath: string;
}

export function projectAt(dir: string): Project {
  return { dir, socketPath: path.join(dir, STATE_DIR, SOCKET_NAME) };
}

/**
 * The setting `aurora.project` (absolute, or relative to the first workspace folder) wins; else the first folder
 * that has aurora.yaml or `.aurora/`; else the first folder (where `aurora up` would look first).
 */
export function findProject(workspaceDirs: readonly string[], configured: string | undefined): Project | null {
  if (configured != null && configured.trim() !== "") {
    const base = workspaceDirs[0] ?? process.cwd();
    return projectAt(path.resolve(base, configured.trim()));
  }
  const found = workspaceDirs.find((d) => fs.existsSync(path.join(d, CONFIG_NAME)) || fs.existsSync(path.join(d, STATE_DIR)));
  const dir = found ?? workspaceDirs[0];
  return dir != null ? projectAt(dir) : null;
}

/**
 * The CLI: the setting `aurora.path`; else `aurora` on PATH; else an executable `./aurora` in the project
 * directory, a workspace folder, or a directory above the project (the repository's own `./aurora`).
 */
export function findCli(configured: string | undefined, project: Project, workspaceDirs: readonly string[], envPath: string | undefined): string | null {
  if (configured != null && configured.trim() !== "") {
    return configured.trim();
  }
  for (const dir of (envPath ?? "").split(path.delimiter)) {
    if (dir !== "" && isExecutable(path.join(dir, "aurora"))) {
      return path.join(dir, "aurora");
    }
  }
  const candidates = [...ancestors(project.dir), ...workspaceDirs];
  return candidates.map((d) => path.join(d, "aurora")).find(isExecutable) ?? null;
}

function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    out.push(d);
    if (path.dirname(d) === d) {
      return out;
    }
  }
}

function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) {
      return false;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Quotes one word for a POSIX shell (a terminal runs the command line we send it). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The line a terminal in the project directory runs to start the daemon and every service in the background. */
export function upCommandLine(cli: string): string {
  return `${shellQuote(cli)} up -d`;
}

/**
 * The dashboard's link, token included, as `aurora dashboard` prints it (the CLI reads the merged config and
 * `.aurora/token`). Rejects with the CLI's own words (no dashboard configured, no daemon).
 */
export function dashboardLink(cli: string, project: Project): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cli, ["dashboard"], { cwd: project.dir, timeout: 30_000 }, (err, stdout, stderr) => {
      const link = stdout.split("\n").map((l) => l.trim()).find((l) => /^https?:\/\//.test(l));
      if (err == null && link != null) {
        resolve(link);
        return;
      }
      const said = stderr.trim().replace(/^aurora:\s*/, "");
      reject(new Error(said !== "" ? said : err?.message ?? "aurora dashboard printed no link"));
    });
  });
}
