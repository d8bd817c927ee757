"""Judges each case and prints the table and the totals."""
import statistics
from dataclasses import dataclass, field


@dataclass
class Result:
    case: object
    got_cause: str | None = None
    verdict: str | None = None
    got_outcome: str = ""
    harms: list = field(default_factory=list)
    heal_ms: float | None = None
    seconds: float = 0.0
    problem: str | None = None
    skipped: bool = False
    detail: str = ""

    @property
    def cause_ok(self):
        return self.got_cause == self.case.cause

    @property
    def outcome_ok(self):
        return self.got_outcome == self.case.outcome

    @property
    def passed(self):
        return not self.skipped and self.problem is None and self.cause_ok and self.outcome_ok and not self.harms


def result(case, o, harms, seconds):
    r = Result(case, o.cause, o.verdict, o.outcome, harms, o.heal_ms, seconds)
    notes = []
    if case.wait_for and o.outcome == "waits" and case.wait_for not in (o.wait_reason or ""):
        r.got_outcome = "waits (wrong endpoint)"
        notes.append(f"reason: {o.wait_reason}")
    if case.wait_for:
        notes.append(f"classifier {'named' if case.wait_for in o.verdict_summary else 'did not name'} {case.wait_for}")
    if o.outcome == "waits" and o.recovered is False:
        r.got_outcome = "waits (never recovered)"
    if len(o.incidents) > 1:
        notes.append(f"{len(o.incidents)} incidents")
    r.detail = "; ".join(notes)
    return r


def broken(case, problem, seconds):
    return Result(case, got_outcome="error", problem=problem, seconds=seconds)


def skipped(case, why):
    return Result(case, got_outcome="skipped", skipped=True, detail=why)


def verdict_word(r):
    if r.skipped:
        return "skip"
    if r.passed:
        return "ok"
    return "FAIL" + (" (pending lead)" if r.case.pending and not r.harms and r.problem is None else "")


def line(r):
    c = r.case
    bits = [f"{verdict_word(r):<4} {c.name:<34} cause {show(r.got_cause)}/{show(c.cause)}",
            f"outcome {r.got_outcome}/{c.outcome}", f"{r.seconds:4.1f}s"]
    if r.harms:
        bits.append("HARM: " + "; ".join(r.harms))
    if r.problem:
        bits.append(r.problem)
    if r.detail:
        bits.append(r.detail)
    return "  ".join(bits)


def show(cause):
    return cause or "-"


COLUMNS = ["case", "expected cause", "history cause", "classifier", "expected outcome", "outcome", "harm", "s", "result"]


def rows(results):
    for r in results:
        c = r.case
        yield [c.name, show(c.cause), show(r.got_cause), show(r.verdict), c.outcome, r.got_outcome,
               "; ".join(r.harms) or "none", f"{r.seconds:.1f}", verdict_word(r)]


def table(results):
    data = [COLUMNS] + list(rows(results))
    widths = [max(len(str(row[i])) for row in data) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(str(v).ljust(w) for v, w in zip(row, widths)).rstrip() for row in data)


def markdown(results):
    out = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    out += ["| " + " | ".join(str(v).replace("|", "\\|") for v in row) + " |" for row in rows(results)]
    return "\n".join(out) + "\n\n" + totals(results, None) + "\n"


def totals(results, seconds):
    run = [r for r in results if not r.skipped]
    causes = sum(r.cause_ok for r in run)
    healable = [r for r in run if r.case.healable]
    healed = [r for r in healable if r.got_outcome == "healed"]
    harms = sum(len(r.harms) for r in run)
    times = [r.heal_ms for r in run if r.got_outcome == "healed" and r.heal_ms is not None]
    median = f"{statistics.median(times) / 1000:.2f} s" if times else "n/a"
    failed = [r for r in run if not r.passed]
    pending = [r for r in failed if r.case.pending and not r.harms and r.problem is None]
    lines = [
        f"cause accuracy {causes}/{len(run)}, healed {len(healed)}/{len(healable)} (of the healable ones), "
        f"harmful actions {harms}, median failure to verified-healthy {median}",
        f"cases passed {len(run) - len(failed)}/{len(run)}" + (f", {len(results) - len(run)} skipped" if len(results) > len(run) else "")
        + (f"; {len(pending)} of the failures wait on the lead's pending change" if pending else ""),
    ]
    if seconds is not None:
        lines.append(f"took {seconds:.0f} s")
    return "\n".join(lines)
