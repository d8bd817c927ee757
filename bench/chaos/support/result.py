"""One row per scenario: what must hold, whether it held, and what was seen; printed as a table and as Markdown."""
from dataclasses import dataclass

COLUMNS = ["scenario", "what must hold", "held", "what was seen", "s"]


@dataclass
class Result:
    name: str
    must_hold: str
    held: bool | None  # None: skipped
    detail: str
    seconds: float = 0.0

    @property
    def word(self):
        return "skip" if self.held is None else "yes" if self.held else "no"


def line(r):
    verdict = {"yes": "ok  ", "no": "FAIL", "skip": "skip"}[r.word]
    return f"{verdict} {r.name:<22} {r.seconds:5.1f}s  {r.detail}"


def table(results):
    rows = [COLUMNS] + [[r.name, r.must_hold, r.word, r.detail, f"{r.seconds:.1f}"] for r in results]
    widths = [min(60, max(len(row[i]) for row in rows)) for i in range(len(COLUMNS))]
    out = []
    for row in rows:
        out.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    return "\n".join(out)


def markdown(results):
    out = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in results:
        cells = [r.name, r.must_hold, r.word, r.detail, f"{r.seconds:.1f}"]
        out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(out) + "\n"
