// A scripted stand-in for the daemon's list and stream, for what a real daemon does too rarely to test on demand:
// a resync notice, resource samples, unknown lines, several events in one message.
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";
import { WebSocketServer, type WebSocket } from "ws";
import type { ServiceList } from "../../src/client/types";

export class ScriptedDaemon {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "avs-fake-"));
  readonly socketPath = path.join(this.dir, "aurora.sock");
  /** Every stream connection's `after`, in order; and every request path. */
  readonly streamAfters: number[] = [];
  readonly requests: string[] = [];
  readonly sources: (string | undefined)[] = [];
  list: ServiceList = { seq: 0, services: [] };
  private readonly server = http.createServer((req, res) => this.onRequest(req, res));
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly waiting: ((ws: WebSocket) => void)[] = [];

  async start(): Promise<void> {
    this.server.on("upgrade", (req, socket, head) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      this.streamAfters.push(Number(url.searchParams.get("after")));
      this.sources.push(req.headers["x-aurora-source"] as string | undefined);
      this.wss.handleUpgrade(req, socket, head, (ws) => this.waiting.shift()?.(ws));
    });
    await new Promise<void>((resolve) => this.server.listen(this.socketPath, resolve));
  }

  /** Resolves with the next stream connection. */
  nextStream(): Promise<WebSocket> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async stop(): Promise<void> {
    for (const ws of this.wss.clients) {
      ws.terminate();
    }
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    this.requests.push(req.url ?? "");
    this.sources.push(req.headers["x-aurora-source"] as string | undefined);
    if (req.url === "/api/v1/services") {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(this.list));
      return;
    }
    res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { code: "not_found", message: `no route ${req.url}` } }));
  }
}
