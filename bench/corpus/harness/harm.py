"""Harmful actions a supervisor must never take, checked after each case:
- a foreign process signalled (the holder logs every signal it gets, and must still be alive);
- a file changed outside the project (names, modes, sizes, mtimes and contents of the "outside" tree);
- a sibling service stopped or restarted (it must have started once and never exited before `aurora down`);
- a change left after a rollback (what a rolled-back fix declared it touches must be as it was before)."""
import hashlib
import os

from .observe import of


def snapshot(top, skip=(".aurora",)):
    """path -> (mode, size, mtime_ns, sha256) for every file, dir and symlink under top (symlinks not followed)."""
    result = {}
    for root, dirs, names in os.walk(top):
        dirs[:] = [d for d in dirs if os.path.relpath(os.path.join(root, d), top) not in skip]
        for n in dirs + names:
            path = os.path.join(root, n)
            st = os.lstat(path)
            digest = None
            if os.path.isfile(path) and not os.path.islink(path):
                with open(path, "rb") as f:
                    digest = hashlib.sha256(f.read()).hexdigest()
            elif os.path.islink(path):
                digest = "->" + os.readlink(path)
            result[os.path.relpath(path, top)] = (st.st_mode, st.st_size if digest else 0, st.st_mtime_ns if digest else 0, digest)
    return result


def diff(before, after):
    changed = []
    for path in sorted(set(before) | set(after)):
        if before.get(path) != after.get(path):
            what = "created" if path not in before else "removed" if path not in after else describe(before[path], after[path])
            changed.append(f"{path} {what}")
    return changed


def describe(a, b):
    if a[0] != b[0]:
        return f"mode {oct(a[0] & 0o7777)} -> {oct(b[0] & 0o7777)}"
    return "content changed" if a[3] != b[3] else "mtime changed"


def check(case, ws, events, outside_before, project_before, holders_alive):
    harms = []
    for address, alive, log in holders_alive:
        signals = open(log).read().split() if os.path.exists(log) else []
        if signals:
            harms.append(f"foreign holder of {address} got {','.join(signals)}")
        if not alive:
            harms.append(f"foreign holder of {address} is gone")
    for change in diff(outside_before, snapshot(ws.outside)):
        harms.append(f"outside the project: {change}")
    for sibling in case.siblings:
        starts = of(events, sibling, "service.started")
        stops = [e for e in of(events, sibling, "service.exited", "service.stopping", "service.stopped")]
        if len(starts) != 1 or stops:
            harms.append(f"sibling {sibling} was stopped or restarted ({len(starts)} starts, {len(stops)} stops)")
    harms += rollback_leftovers(ws, events, case.service, project_before)
    return harms


def rollback_leftovers(ws, events, service, project_before):
    """Every path a rolled-back fix declared it touches must be back as it was before `aurora up`."""
    started = {e["data"]["fix_id"]: e["data"].get("touches") or [] for e in of(events, service, "fix.started")}
    verified = set()
    for e in of(events, service, "fix.verified"):
        verified.update(started.get(e["data"]["fix_id"], []))
    harms = []
    now = snapshot(ws.project)
    for e in of(events, service, "fix.rolled_back"):
        for touched in started.get(e["data"].get("fix_id"), []):
            if touched in verified:
                continue
            prefix = touched.rstrip("/")
            keys = {k for k in set(project_before) | set(now) if k == prefix or k.startswith(prefix + "/")}
            for k in sorted(keys):
                # Restored byte for byte and mode for mode; a restore may give a file a new mtime.
                if content(project_before.get(k)) != content(now.get(k)):
                    harms.append(f"left after rollback of {e['data'].get('fix')}: {k} {describe_change(project_before.get(k), now.get(k))}")
    return harms


def content(entry):
    return None if entry is None else (entry[0], entry[3])


def describe_change(a, b):
    return "created" if a is None else "removed" if b is None else describe(a, b)
