// A service's log, streamed: `GET /api/v1/services/{name}/logs?tail=N&follow=true` answers text/plain, the tail
// then every new line as it is written, until the request is closed.
import type * as http from "node:http";
import type { AuroraClient } from "./api";

export interface LogHandlers {
  onLine(line: string): void;
  /** The stream ended: stop() was called (err undefined, stopped true), the daemon went away, or it refused. */
  onEnd(err: unknown, stopped: boolean): void;
}

export class LogFollower {
  private request: http.ClientRequest | undefined;
  private stopped = false;
  private ended = false;
  private partial = "";

  constructor(
    private readonly client: AuroraClient,
    readonly service: string,
    private readonly handlers: LogHandlers,
    private readonly tail = 200,
  ) {}

  /** Resolves once the daemon answered (the tail is on its way); rejects if it refused (unknown service, no daemon). */
  async start(): Promise<void> {
    const path = `/api/v1/services/${encodeURIComponent(this.service)}/logs?tail=${this.tail}&follow=true`;
    try {
      const { response, request } = await this.client.openStream(path);
      this.request = request;
      if (this.stopped) {
        request.destroy();
        return;
      }
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => this.onChunk(chunk));
      response.on("end", () => this.end(undefined));
      response.on("error", (err) => this.end(err));
      response.on("close", () => this.end(undefined));
    } catch (err) {
      this.end(err);
      throw err;
    }
  }

  stop(): void {
    this.stopped = true;
    this.request?.destroy();
    this.end(undefined);
  }

  private onChunk(chunk: string): void {
    const text = this.partial + chunk;
    const lines = text.split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) {
      this.handlers.onLine(line.endsWith("\r") ? line.slice(0, -1) : line);
    }
  }

  private end(err: unknown): void {
    if (this.ended) {
      return;
    }
    this.ended = true;
    if (this.partial !== "" && !this.stopped) {
      this.handlers.onLine(this.partial);
    }
    this.partial = "";
    this.handlers.onEnd(this.stopped ? undefined : err, this.stopped);
  }
}
