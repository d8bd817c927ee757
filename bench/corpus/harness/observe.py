"""Follows a case's events to its end state and reads what Aurora concluded: the observed outcome, the
incident's cause from history, the classifier's last verdict, and how long healing took."""
import time
from dataclasses import dataclass, field
from datetime import datetime

SETTLE_AFTER_FAILED = 2.0     # a fix may still start after the quarantine
SETTLE_AFTER_HEALED = 5.0     # "healed" is verified and still up 5 s later, with no exit meanwhile
SETTLE_AFTER_OK = 2.5         # an incident would have opened by then
RECOVER_AFTER_RELEASE = 30.0


@dataclass
class Observation:
    outcome: str = "timeout"
    cause: str | None = None
    verdict: str | None = None
    verdict_summary: str = ""
    wait_reason: str | None = None
    recovered: bool | None = None
    heal_ms: float | None = None
    incidents: list = field(default_factory=list)
    final_state: str | None = None


def when(e):
    return datetime.fromisoformat(e["time"])


def of(events, service, *types):
    return [e for e in events if e.get("service") == service and e["type"] in types]


def watch(case, aurora, follower, release):
    """Reads events until the case's end state (or its timeout); `release` brings a waited-for dependency up."""
    svc = case.service
    deadline = time.monotonic() + case.timeout
    settle_until = None
    healed_at = None
    released = False
    while True:
        limit = min(deadline, settle_until) if settle_until else deadline
        e = follower.next(limit)
        if e is None:
            if settle_until and time.monotonic() >= settle_until and not fix_in_flight(follower.events, svc):
                break
            if time.monotonic() >= deadline:
                break
            if settle_until and fix_in_flight(follower.events, svc):
                settle_until = time.monotonic() + 1.0
            continue
        if e.get("service") != svc:
            continue
        t = e["type"]
        reason = (e.get("data") or {}).get("reason") or ""
        if t == "fix.verified":
            settle_until = time.monotonic() + SETTLE_AFTER_HEALED
            healed_at = settle_until
        elif t == "service.exited" and healed_at is not None and settle_until == healed_at and not (e.get("data") or {}).get("requested"):
            # Died again after a verified fix: not healed, and not the end either (the restart limit may follow).
            settle_until = healed_at = None
        elif t == "service.failed":
            # Quarantined. Not a rolled-back fix: while the supervisor still restarts the service, that is no end
            # state (a fix that did not apply is rolled back at once, before the restart limit is reached).
            settle_until = time.monotonic() + SETTLE_AFTER_FAILED
        elif t == "service.degraded" and "waiting for" in reason and not released:
            # Waiting: bring the dependency up (when the case must), then it has to come back by itself.
            released = True
            release()
            deadline = time.monotonic() + RECOVER_AFTER_RELEASE
        elif released and t in ("service.healthy", "service.started"):
            settle_until = time.monotonic() + (SETTLE_AFTER_HEALED if t == "service.healthy" else SETTLE_AFTER_OK)
        elif case.outcome == "none" and (t == "service.healthy" or (t == "service.exited" and e["data"].get("exit_code") == 0)):
            settle_until = time.monotonic() + SETTLE_AFTER_OK
    return conclude(case, aurora, follower.events)


def fix_in_flight(events, svc):
    started = len(of(events, svc, "fix.started"))
    ended = len(of(events, svc, "fix.verified", "fix.rolled_back"))
    return started > ended


def conclude(case, aurora, events):
    svc = case.service
    o = Observation()
    status = aurora.status().get(svc, {})
    o.final_state = status.get("state")
    o.incidents = aurora.history(svc)
    if o.incidents:
        o.cause = min(o.incidents, key=lambda i: i["opened"])["cause"]
    verdicts = [e for e in of(events, svc, "incident.diagnosed") if "confidence" in (e.get("data") or {})]
    o.verdict = verdicts[-1]["data"]["cause"] if verdicts else None
    o.verdict_summary = verdicts[-1]["data"].get("summary", "") if verdicts else ""
    degraded = [e for e in of(events, svc, "service.degraded") if "waiting for" in ((e.get("data") or {}).get("reason") or "")]
    o.wait_reason = degraded[0]["data"]["reason"] if degraded else status.get("reason")
    verified = of(events, svc, "fix.verified")
    up = o.final_state in ("healthy", "running", "exited", "starting")
    if verified:
        # A fix whose service dies again right after its verification did not heal it.
        after = [e for e in of(events, svc, "service.exited") if e["seq"] > verified[-1]["seq"]]
        up = up and not any(not (e.get("data") or {}).get("requested") for e in after)
    opened = of(events, svc, "incident.opened")
    if verified and up:
        o.outcome = "healed"
        failures = [e for e in of(events, svc, "service.exited") if not (e.get("data") or {}).get("requested")]
        if failures:
            o.heal_ms = (when(verified[0]) - when(failures[0])).total_seconds() * 1000
    elif degraded:
        o.outcome = "waits"
        o.recovered = up
    elif o.final_state == "failed":
        o.outcome = "quarantined"
    elif not opened and up:
        o.outcome = "none"
    else:
        o.outcome = o.final_state or "unknown"
    return o
