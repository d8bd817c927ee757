// Tells when `.aurora/aurora.sock` may have come (back): a daemon that starts binds it, one that stops removes
// it. inotify, through fs.watch, wakes us then, so a client waiting for a daemon never polls. `.aurora/` itself
// may not exist yet (a project never started): the project directory is watched for it.
import * as fs from "node:fs";
import * as path from "node:path";

export const STATE_DIR = ".aurora";
export const SOCKET_NAME = "aurora.sock";

export class SocketWatcher {
  private outer: fs.FSWatcher | undefined;
  private inner: fs.FSWatcher | undefined;

  constructor(
    private readonly projectDir: string,
    private readonly onChange: () => void,
  ) {}

  start(): void {
    this.outer = tryWatch(this.projectDir, (name) => {
      if (name === STATE_DIR) {
        this.watchStateDir();
        this.onChange();
      }
    });
    this.watchStateDir();
  }

  close(): void {
    this.outer?.close();
    this.inner?.close();
    this.outer = this.inner = undefined;
  }

  private watchStateDir(): void {
    this.inner?.close();
    this.inner = tryWatch(path.join(this.projectDir, STATE_DIR), (name) => {
      if (name === SOCKET_NAME) {
        this.onChange();
      }
    }, () => {
      // `.aurora/` was removed: the project directory's watcher sees it come back.
      this.inner?.close();
      this.inner = undefined;
    });
  }
}

function tryWatch(dir: string, onName: (name: string | null) => void, onGone?: () => void): fs.FSWatcher | undefined {
  try {
    const watcher = fs.watch(dir, { persistent: false }, (_event, name) => onName(name == null ? null : name.toString()));
    watcher.on("error", () => onGone?.());
    return watcher;
  } catch {
    return undefined;
  }
}
