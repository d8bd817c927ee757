// What the editor says around an action: which ones ask first (as VS Code asks before a destructive step), and how
// an answer reads. Kept here so the thin layer only shows these strings.
import { plural } from "./format";
import type { HealResult, ReloadPlan, ServiceAction } from "./types";

export type Action = ServiceAction | "heal";

export interface Confirmation {
  message: string;
  detail: string;
  button: string;
}

function names(services: readonly string[]): string {
  return services.length === 1 ? services[0] : `${plural(services.length, "service")} (${services.join(", ")})`;
}

/** Stop, restart and heal interrupt a running service: they ask first. Start does not. */
export function confirmationFor(action: Action, services: readonly string[]): Confirmation | null {
  switch (action) {
    case "start":
      return null;
    case "stop":
      return { message: `Stop ${names(services)}?`, detail: "Its process group gets its stop signal, then SIGKILL after the stop timeout. Dependents that need it are held back.", button: "Stop" };
    case "restart":
      return { message: `Restart ${names(services)}?`, detail: "The service stops and starts again; dependents with a restart policy restart too.", button: "Restart" };
    case "heal":
      return { message: `Heal ${names(services)}?`, detail: "Aurora diagnoses it now and runs the fixes for the cause it finds (each one verified, or rolled back); that may restart it.", button: "Heal" };
  }
}

export function progressTitle(action: Action, service: string): string {
  const verb = { start: "Starting", stop: "Stopping", restart: "Restarting", heal: "Healing" }[action];
  return `${verb} ${service}…`;
}

/** A heal's answer in one line, and whether it is good news. */
export function healSummary(r: HealResult): { ok: boolean; message: string } {
  const fixes = r.fixes.map((f) => `${f.fix}: ${f.outcome}`).join(", ");
  const tried = fixes !== "" ? ` Fixes: ${fixes}.` : " No fix applies.";
  const incident = r.incident != null ? ` (incident ${r.incident})` : "";
  const head = r.healed ? `Aurora healed ${r.service}` : `Aurora could not heal ${r.service}`;
  const summary = r.summary.trim().replace(/\.$/, "");
  return { ok: r.healed, message: `${head}: ${r.cause}${incident}. ${summary}.${tried}` };
}

/** A dry run that would stop or restart something asks before the real reload; a plan that only adds does not. */
export function reloadConfirmation(plan: ReloadPlan): Confirmation | null {
  const restarted = plan.restarted.map((c) => c.service);
  if (restarted.length === 0 && plan.removed.length === 0) {
    return null;
  }
  const parts: string[] = [];
  if (restarted.length > 0) {
    parts.push(`restarts ${restarted.join(", ")}`);
  }
  if (plan.removed.length > 0) {
    parts.push(`stops and removes ${plan.removed.join(", ")}`);
  }
  return { message: `Reloading the config ${parts.join(" and ")}. Reload?`, detail: reloadSummary(plan), button: "Reload" };
}

export function reloadSummary(plan: ReloadPlan): string {
  const parts: string[] = [];
  const list = (label: string, items: readonly string[]): void => {
    if (items.length > 0) {
      parts.push(`${label} ${items.join(", ")}`);
    }
  };
  list("added", plan.added);
  list("removed", plan.removed);
  list("restarted", plan.restarted.map((c) => `${c.service} (${c.fields.join(", ")})`));
  list("updated in place", plan.updated.map((c) => `${c.service} (${c.fields.join(", ")})`));
  list("settings applied", plan.settings ?? []);
  list("needs a daemon restart:", plan.needs_daemon_restart);
  const what = parts.length > 0 ? parts.join("; ") : "nothing changed";
  return plan.applied ? `Config reloaded: ${what}.` : `The reload would change: ${what}.`;
}
