"""One corpus case: a directory with aurora.yaml, its programs and expect.json."""
import json
import os
from dataclasses import dataclass, field

OUTCOMES = ("healed", "quarantined", "waits", "none")


@dataclass
class Case:
    name: str
    directory: str
    cause: str | None
    outcome: str
    healable: bool
    notes: str
    service: str = "app"
    wait_for: str | None = None
    quick: bool = False
    siblings: list = field(default_factory=list)
    setup: list = field(default_factory=list)
    after_up: list = field(default_factory=list)
    release: list = field(default_factory=list)
    requires: list = field(default_factory=list)
    pending: str | None = None
    timeout: float = 45.0

    @staticmethod
    def load(directory):
        with open(os.path.join(directory, "expect.json")) as f:
            raw = json.load(f)
        unknown = set(raw) - (set(Case.__dataclass_fields__) - {"name", "directory"})
        if unknown:
            raise ValueError(f"{directory}/expect.json: unknown keys {sorted(unknown)}")
        if raw.get("outcome") not in OUTCOMES:
            raise ValueError(f"{directory}/expect.json: outcome must be one of {OUTCOMES}")
        return Case(name=os.path.basename(directory.rstrip("/")), directory=directory, **raw)


def load_all(cases_dir, only=None, quick=False):
    cases = []
    for name in sorted(os.listdir(cases_dir)):
        path = os.path.join(cases_dir, name)
        if not os.path.isfile(os.path.join(path, "expect.json")):
            continue
        case = Case.load(path)
        if only and not any(o in name for o in only):
            continue
        if quick and not case.quick:
            continue
        cases.append(case)
    return cases
