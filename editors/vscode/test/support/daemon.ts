// A real Aurora daemon for the tests: the repository's CLI brings a temporary project up (`aurora up -d -f FILE`)
// and down (`aurora down`). The binary is the one test.sh's `dotnet build` made, or AURORA_BIN.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const repoRoot = path.resolve(__dirname, "..", "..", "..", "..", "..");

export function auroraBinary(): string {
  const candidates = [
    process.env["AURORA_BIN"],
    path.join(repoRoot, "src", "Aurora.Cli", "bin", "Release", "net10.0", "aurora"),
    path.join(repoRoot, ".build", "cli", "aurora"),
    path.join(repoRoot, "aurora"),
  ];
  const found = candidates.find((c): c is string => c != null && c !== "" && fs.existsSync(c));
  if (found == null) {
    throw new Error("no aurora binary: run `dotnet build Aurora.slnx -c Release` (or ./test.sh) first, or set AURORA_BIN");
  }
  return found;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(file: string, args: string[], cwd: string, timeoutMs = 120_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, timeout: timeoutMs }, (err, stdout, stderr) => {
      const code = err == null ? 0 : typeof err.code === "number" ? err.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The services every daemon test uses: one that sleeps, one that prints, one that exits when told, two replicas. */
export const STACK = `version: 1
services:
  sleeper:
    command: ["sleep", "100000"]
    stop: { timeout: 2s }
  talker:
    command: ["sh", "-c", "while true; do echo tick; sleep 0.1; done"]
    stop: { timeout: 2s }
  crasher:
    command: ["sh", "-c", "while [ ! -f crash.now ]; do sleep 0.05; done; rm -f crash.now; echo 'fatal: the crasher gave up' >&2; exit 3"]
    restart: { policy: never }
    stop: { timeout: 2s }
  web-1:
    command: ["sleep", "100000"]
    stop: { timeout: 2s }
  web-2:
    command: ["sleep", "100000"]
    stop: { timeout: 2s }
`;

export class TestProject {
  readonly bin = auroraBinary();

  private constructor(readonly dir: string) {}

  static create(yaml: string = STACK): TestProject {
    // Short: the socket path must fit a unix socket address (108 bytes).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "avs-"));
    fs.writeFileSync(path.join(dir, "aurora.yaml"), yaml);
    return new TestProject(dir);
  }

  get socketPath(): string {
    return path.join(this.dir, ".aurora", "aurora.sock");
  }

  get configFile(): string {
    return path.join(this.dir, "aurora.yaml");
  }

  async up(): Promise<void> {
    const r = await run(this.bin, ["up", "-d", "-f", this.configFile], this.dir);
    if (r.code !== 0) {
      throw new Error(`aurora up -d failed (${r.code}): ${r.stderr}${r.stdout}`);
    }
  }

  async down(): Promise<void> {
    const r = await run(this.bin, ["down", "-f", this.configFile], this.dir);
    if (r.code !== 0 && r.code !== 3) {
      throw new Error(`aurora down failed (${r.code}): ${r.stderr}${r.stdout}`);
    }
  }

  /** Tells the crasher to exit (code 3, a line on stderr): an unrequested exit opens an incident. */
  crash(): void {
    fs.writeFileSync(path.join(this.dir, "crash.now"), "");
  }

  async dispose(): Promise<void> {
    try {
      await this.down();
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
