// "Show logs": a service's log streamed into an output channel of its own ("Aurora: NAME"), the last 200 lines
// then every new one. A stream cut by a daemon restart is taken up again once the model is live again.
import * as vscode from "vscode";
import { describeError } from "../client/errors";
import { LogFollower } from "../client/logFollower";
import type { ConnectionState, ServiceModel } from "../client/serviceModel";

interface Followed {
  channel: vscode.OutputChannel;
  follower: LogFollower | undefined;
}

export class LogChannels implements vscode.Disposable {
  private readonly followed = new Map<string, Followed>();
  private readonly onConnection = (state: ConnectionState): void => {
    if (state === "live") {
      for (const [name, f] of this.followed) {
        if (f.follower == null) {
          f.channel.appendLine("[aurora] the daemon is back; following again");
          void this.follow(name, f, 0);
        }
      }
    }
  };

  constructor(private readonly model: ServiceModel) {
    model.on("connection", this.onConnection);
  }

  /** Shows the service's channel, following its log unless it already does. */
  async show(name: string): Promise<void> {
    let f = this.followed.get(name);
    if (f == null) {
      f = { channel: vscode.window.createOutputChannel(`Aurora: ${name}`), follower: undefined };
      this.followed.set(name, f);
    }
    f.channel.show(true);
    if (f.follower == null) {
      f.channel.clear();
      await this.follow(name, f, 200);
    }
  }

  channel(name: string): vscode.OutputChannel | undefined {
    return this.followed.get(name)?.channel;
  }

  private async follow(name: string, f: Followed, tail: number): Promise<void> {
    const follower = new LogFollower(this.model.client, name, {
      onLine: (line) => f.channel.appendLine(line),
      onEnd: (err, stopped) => {
        if (f.follower === follower) {
          f.follower = undefined;
        }
        if (!stopped) {
          f.channel.appendLine(`[aurora] the log stream ended${err != null ? `: ${describeError(err)}` : ""}`);
        }
      },
    }, tail);
    f.follower = follower;
    try {
      await follower.start();
    } catch (err) {
      void vscode.window.showErrorMessage(`Aurora: cannot follow ${name}'s log: ${describeError(err)}`);
    }
  }

  dispose(): void {
    this.model.off("connection", this.onConnection);
    for (const f of this.followed.values()) {
      f.follower?.stop();
      f.channel.dispose();
    }
    this.followed.clear();
  }
}
