// The two ways a call to the daemon fails: no daemon at all, or an answer that is an error.

export const NO_DAEMON_MESSAGE = "No Aurora daemon runs for this workspace";

/** Connecting to `.aurora/aurora.sock` failed: the file is missing, or nothing listens on it (a killed daemon). */
export class NoDaemonError extends Error {
  constructor(
    readonly socketPath: string,
    readonly causeCode: string,
  ) {
    super(`${NO_DAEMON_MESSAGE} (${socketPath}: ${causeCode})`);
    this.name = "NoDaemonError";
  }
}

/** The daemon answered with `{"error": {code, message, details}}` and a 4xx/5xx status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The message with every detail (a rejected config names each problem), one per line. */
  get fullText(): string {
    return [this.message, ...this.details].join("\n");
  }
}

/** Errors of connect(2) on a unix socket that mean "no daemon" rather than "a daemon that misbehaves". */
const NO_DAEMON_CODES = new Set(["ENOENT", "ECONNREFUSED", "ENOTSOCK", "ENOTDIR"]);

export function toNoDaemon(socketPath: string, err: unknown): NoDaemonError | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code != null && NO_DAEMON_CODES.has(code) ? new NoDaemonError(socketPath, code) : null;
}

export function isNoDaemon(err: unknown): err is NoDaemonError {
  return err instanceof NoDaemonError;
}

/** A message for the user: what went wrong, without a stack. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) {
    return err.fullText;
  }
  return err instanceof Error ? err.message : String(err);
}
