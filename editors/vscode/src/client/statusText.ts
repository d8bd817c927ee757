// The status bar item: the count of healthy and failing services, or what stands in the way.
import { NO_DAEMON_MESSAGE } from "./errors";
import { summarize } from "./format";
import type { ConnectionState } from "./serviceModel";
import type { ServiceRow } from "./types";

export interface StatusText {
  text: string;
  tooltip: string;
  /** The command a click runs: show the view, or start the daemon. */
  command: "aurora.focus" | "aurora.up";
  /** Tint the item (a theme colour id) when something fails. */
  background: string | null;
}

export function statusText(rows: readonly ServiceRow[], connection: ConnectionState, detail: string): StatusText {
  switch (connection) {
    case "no-daemon":
      return { text: "$(circle-slash) Aurora: no daemon", tooltip: `${NO_DAEMON_MESSAGE}. Click to start it (aurora up -d).`, command: "aurora.up", background: null };
    case "connecting":
      return { text: "$(sync~spin) Aurora", tooltip: `Connecting to the Aurora daemon (${detail})`, command: "aurora.focus", background: null };
    case "error":
      return { text: "$(warning) Aurora", tooltip: `The Aurora daemon answered with an error: ${detail}`, command: "aurora.focus", background: "statusBarItem.warningBackground" };
    case "live": {
      const s = summarize(rows);
      const failing = s.failing > 0 ? ` $(error) ${s.failing} failing` : "";
      const tooltip = s.failing > 0 ? `Failing: ${s.failingNames.join(", ")}` : `${s.healthy} of ${s.total} services healthy`;
      return { text: `$(pulse) ${s.healthy} healthy${failing}`, tooltip: `Aurora: ${tooltip}. Click to show the services.`, command: "aurora.focus", background: s.failing > 0 ? "statusBarItem.errorBackground" : null };
    }
  }
}
