// The workspace's services, exact at every moment without polling (SPEC §5): read `GET /api/v1/services`, which
// names the seq it includes, then follow the event stream from that seq and replace a row with every snapshot an
// event carries. On a lost connection (the daemon restarted) read the list again and follow from its seq; on a
// resync notice, resume after the seq it names. With no daemon, wait until its socket appears.
import { EventEmitter } from "node:events";
import WebSocket from "ws";
import { AuroraClient, SOURCE, SOURCE_HEADER } from "./api";
import { describeError, isNoDaemon, toNoDaemon } from "./errors";
import { SocketWatcher } from "./socketWatcher";
import { ServiceRows } from "./serviceRows";
import { parseStreamMessage } from "./streamLines";
import type { ServiceList, ServiceRow } from "./types";

export type ConnectionState = "connecting" | "live" | "no-daemon" | "error";

/** Retry delays after a failure that is not "no daemon" (a stream that closes at once, an error answer). */
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;
/** A stream that lived this long was healthy: its loss is retried at once. */
const STABLE_MS = 2_000;
/**
 * A socket file appears at bind(2), a moment before listen(2): a connect then is refused. After the watcher
 * saw the socket change, a refused connect is tried again a few times (50 ms, 100 ms, … about 3 s in all).
 */
const SETTLE_TRIES = 6;
const SETTLE_STEP_MS = 50;

export interface ModelOptions {
  /** The project directory: its `.aurora/` is watched for the socket while no daemon runs. */
  projectDir?: string;
}

/**
 * Events: "changed" (rows changed), "samples" (CPU/memory changed), "event" (each event, in seq order),
 * "connection" (the connection state changed).
 */
export class ServiceModel extends EventEmitter {
  private readonly rows = new ServiceRows();
  private state: ConnectionState = "connecting";
  private detail = "";
  private lastSeq = 0;
  private socket: WebSocket | undefined;
  private resumeAfter: number | null = null;
  private connecting = false;
  private disposed = false;
  private failures = 0;
  private settleTries = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly watcher: SocketWatcher | undefined;

  constructor(
    readonly client: AuroraClient,
    options: ModelOptions = {},
  ) {
    super();
    this.watcher = options.projectDir != null ? new SocketWatcher(options.projectDir, () => this.onSocketChanged()) : undefined;
  }

  get services(): ServiceRow[] {
    return this.rows.all;
  }

  get seq(): number {
    return this.lastSeq;
  }

  get connection(): ConnectionState {
    return this.state;
  }

  /** What the connection state means, for a tooltip: the error, or the socket in use. */
  get connectionDetail(): string {
    return this.detail;
  }

  row(name: string): ServiceRow | undefined {
    return this.rows.get(name);
  }

  start(): void {
    this.watcher?.start();
    void this.connect();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.watcher?.close();
    this.socket?.terminate();
    this.socket = undefined;
    this.removeAllListeners();
  }

  private async connect(): Promise<void> {
    if (this.connecting || this.disposed || this.socket != null) {
      return;
    }
    this.connecting = true;
    clearTimeout(this.retryTimer);
    if (this.state !== "no-daemon") {
      this.setState("connecting", this.client.socketPath);
    }
    try {
      let after: number;
      if (this.resumeAfter != null) {
        after = this.resumeAfter;
        this.resumeAfter = null;
      } else {
        const list = await this.client.services();
        if (this.disposed) {
          return;
        }
        this.load(list);
        after = list.seq;
      }
      await this.follow(after);
      if (!this.disposed) {
        this.setState("live", this.client.socketPath);
      }
    } catch (err) {
      if (isNoDaemon(err)) {
        if (this.rows.size > 0) {
          this.rows.clear();
          this.emit("changed");
        }
        this.setState("no-daemon", err.message);
        if (err.causeCode === "ECONNREFUSED" && this.settleTries > 0) {
          const step = SETTLE_TRIES - --this.settleTries;
          this.retryTimer = setTimeout(() => void this.connect(), SETTLE_STEP_MS * 2 ** (step - 1));
        }
      } else {
        this.setState("error", describeError(err));
        this.retryLater();
      }
    } finally {
      this.connecting = false;
    }
  }

  private load(list: ServiceList): void {
    this.rows.load(list);
    this.lastSeq = list.seq;
    this.emit("changed");
  }

  /** Opens the stream after `after`; resolves once it is open, rejects if it cannot be. */
  private follow(after: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.client.streamUrl(after), { headers: { [SOURCE_HEADER]: SOURCE }, handshakeTimeout: 10_000 });
      let opened = false;
      let openedAt = 0;
      socket.on("open", () => {
        if (this.disposed) {
          // Disposed while connecting: nobody will close this one.
          socket.terminate();
          resolve();
          return;
        }
        opened = true;
        openedAt = Date.now();
        this.socket = socket;
        resolve();
      });
      socket.on("message", (data: WebSocket.RawData) => this.onMessage(rawText(data)));
      socket.on("error", (err) => {
        if (!opened) {
          reject(toNoDaemon(this.client.socketPath, err) ?? err);
        }
      });
      socket.on("close", () => {
        if (!opened || this.socket !== socket) {
          return;
        }
        this.socket = undefined;
        if (this.disposed) {
          return;
        }
        // A stream that closes as soon as it opened (a daemon on its way down) is retried after a pause;
        // otherwise at once: re-read the list (or resume after a resync) and follow again.
        if (Date.now() - openedAt >= STABLE_MS || this.resumeAfter != null) {
          this.failures = 0;
          void this.connect();
        } else {
          this.setState("connecting", "the event stream closed; reconnecting");
          this.retryLater();
        }
      });
    });
  }

  private onMessage(text: string): void {
    let changed = false;
    let sampled = false;
    for (const item of parseStreamMessage(text)) {
      switch (item.kind) {
        case "event":
          if (item.event.seq > this.lastSeq) {
            this.lastSeq = item.event.seq;
            changed = this.rows.apply(item.event) || changed;
            this.emit("event", item.event);
          }
          break;
        case "resync":
          // Fell behind: the daemon closes next; follow again after the seq it names.
          this.resumeAfter = item.lastSeq;
          break;
        case "sample":
          sampled = this.rows.sample(item.usage) || sampled;
          break;
        case "unknown":
          break;
      }
    }
    if (changed) {
      this.emit("changed");
    }
    if (sampled) {
      this.emit("samples");
    }
  }

  private onSocketChanged(): void {
    if (this.state === "no-daemon") {
      this.settleTries = SETTLE_TRIES;
      void this.connect();
    }
  }

  private retryLater(): void {
    if (this.disposed) {
      return;
    }
    const delay = Math.min(RETRY_MIN_MS * 2 ** this.failures, RETRY_MAX_MS);
    this.failures++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private setState(state: ConnectionState, detail: string): void {
    if (state === "live") {
      this.failures = 0;
      this.settleTries = 0;
    }
    const changed = state !== this.state || detail !== this.detail;
    this.state = state;
    this.detail = detail;
    if (changed) {
      this.emit("connection", state, detail);
    }
  }
}

function rawText(data: WebSocket.RawData): string {
  if (Array.isArray(data)) {
    return Buffer.concat(data).toString("utf8");
  }
  return Buffer.isBuffer(data) ? data.toString("utf8") : Buffer.from(data).toString("utf8");
}
