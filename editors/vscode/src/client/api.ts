// The control API over the project's unix socket (SPEC §7): plain HTTP/1.1, no auth there (the socket's mode is
// the guard). Every request says who asked, so the events it causes carry data.source "vscode".
import * as http from "node:http";
import { ApiError, toNoDaemon } from "./errors";
import type { AuroraEvent, EventPage, HealResult, Healthz, History, ReloadPlan, ServiceAction, ServiceList, ServiceRow } from "./types";

export const SOURCE_HEADER = "X-Aurora-Source";
export const SOURCE = "vscode";

/** How long a call may take; a heal runs fixes and waits for their verification (healing.verify_timeout). */
const DEFAULT_TIMEOUT_MS = 30_000;
const HEAL_TIMEOUT_MS = 180_000;

export class AuroraClient {
  constructor(readonly socketPath: string) {}

  services(): Promise<ServiceList> {
    return this.json<ServiceList>("GET", "/api/v1/services");
  }

  act(name: string, action: ServiceAction): Promise<ServiceRow> {
    return this.json<ServiceRow>("POST", `/api/v1/services/${encodeURIComponent(name)}/${action}`);
  }

  heal(name: string): Promise<HealResult> {
    return this.json<HealResult>("POST", `/api/v1/services/${encodeURIComponent(name)}/heal`, HEAL_TIMEOUT_MS);
  }

  reload(dryRun: boolean): Promise<ReloadPlan> {
    return this.json<ReloadPlan>("POST", `/api/v1/reload${dryRun ? "?dry_run=true" : ""}`);
  }

  healthz(): Promise<Healthz> {
    return this.json<Healthz>("GET", "/healthz");
  }

  events(after: number, limit = 1000): Promise<EventPage> {
    return this.json<EventPage>("GET", `/api/v1/events?after=${after}&limit=${limit}`);
  }

  /** A service's failure memory (`GET /api/v1/history?service=`): its incidents, newest first, with evidence and fixes. */
  history(service: string, limit = 20): Promise<History> {
    return this.json<History>("GET", `/api/v1/history?service=${encodeURIComponent(service)}&limit=${limit}`);
  }

  /** The URL the `ws` package takes for a WebSocket over a unix socket. */
  streamUrl(after: number): string {
    return `ws+unix://${this.socketPath}:/api/v1/events/stream?after=${after}`;
  }

  /** Opens a streamed GET (the log follower): resolves with the response once its head arrived (2xx only). */
  openStream(path: string): Promise<{ response: http.IncomingMessage; request: http.ClientRequest }> {
    return new Promise((resolve, reject) => {
      const request = this.send("GET", path, (response) => {
        if ((response.statusCode ?? 500) >= 300) {
          readBody(response).then((text) => reject(toApiError(response.statusCode ?? 500, text)), reject);
          return;
        }
        resolve({ response, request });
      }, reject);
      request.end();
    });
  }

  /** A JSON call; rejects with NoDaemonError, ApiError, or the transport's error. */
  json<T>(method: "GET" | "POST", path: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const request = this.send(method, path, (response) => {
        readBody(response).then((text) => {
          const status = response.statusCode ?? 500;
          if (status >= 300) {
            reject(toApiError(status, text));
            return;
          }
          try {
            resolve(JSON.parse(text) as T);
          } catch {
            reject(new ApiError(status, "bad_response", `the daemon answered ${method} ${path} with something that is not JSON`));
          }
        }, reject);
      }, reject);
      request.setTimeout(timeoutMs, () => request.destroy(new Error(`${method} ${path}: no answer within ${timeoutMs / 1000} s`)));
      request.end();
    });
  }

  private send(method: string, path: string, onResponse: (r: http.IncomingMessage) => void, onError: (e: unknown) => void): http.ClientRequest {
    const request = http.request(
      {
        socketPath: this.socketPath,
        path,
        method,
        // No pooling: a kept-alive socket would outlive the call and hold one of the daemon's connections.
        agent: false,
        headers: { Host: "localhost", [SOURCE_HEADER]: SOURCE, ...(method === "POST" ? { "Content-Length": "0" } : {}) },
      },
      onResponse,
    );
    request.on("error", (err) => onError(toNoDaemon(this.socketPath, err) ?? err));
    return request;
  }
}

function readBody(response: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (c: Buffer) => chunks.push(c));
    response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    response.on("error", reject);
  });
}

function toApiError(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; details?: unknown } };
    const e = body.error;
    if (e?.message != null) {
      const details = Array.isArray(e.details) ? e.details.map(String) : [];
      return new ApiError(status, e.code ?? "error", e.message, details);
    }
  } catch {
    // Not JSON: fall through to the status line.
  }
  return new ApiError(status, "http_" + status, text.trim() || `HTTP ${status}`);
}

/** The event of a page that caused a change, for callers that check who asked (data.source). */
export function sourceOf(event: AuroraEvent): string | undefined {
  const s = event.data["source"];
  return typeof s === "string" ? s : undefined;
}
