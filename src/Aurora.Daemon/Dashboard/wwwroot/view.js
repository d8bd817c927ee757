// The page's picture of the services, exact at every moment without polling (SPEC §5): the list read at
// connect (the state as of its seq), then each later event's data.service applied in order. CPU and memory
// come from the list, then from each resource.sample line. No DOM here: the panels draw from it.

export class ServiceView {
  constructor() {
    this.rows = new Map(); // name -> row, in the daemon's order (a service a reload adds goes last)
    this.seq = 0; // the last event applied (or the list's seq)
    this.skewMs = 0; // the browser's clock minus the daemon's, estimated at load
  }

  // The list from GET /api/v1/services, read at `receivedAt` (the browser's Date.now()).
  load(list, receivedAt) {
    this.seq = list.seq;
    this.rows = new Map(list.services.map((s) => [s.name, normalise(s)]));
    this.skewMs = estimateSkew(list.services, receivedAt);
  }

  // Applies an event after the list's seq. Returns "added", "changed" or "removed" when the event carried a
  // service's snapshot (and so changed a row), else null.
  apply(e) {
    if (e.seq <= this.seq) {
      return null;
    }
    this.seq = e.seq;
    if (e.type === "prediction" || e.type === "prediction.resolved") {
      // A forecast for a service: shown beside its usage until it is resolved (the disk's has no service).
      const row = e.service && this.rows.get(e.service);
      if (!row) {
        return null;
      }
      row.prediction = e.type === "prediction" ? { ...e.data } : null;
      return "changed";
    }
    const snapshot = e.data && e.data.service;
    if (!snapshot || typeof snapshot !== "object" || !snapshot.name) {
      return null;
    }
    if (e.type === "service.removed") {
      return this.rows.delete(snapshot.name) ? "removed" : null;
    }
    const old = this.rows.get(snapshot.name);
    // A snapshot has no usage figures: keep the last ones while it is the same process.
    const same = old && old.pid != null && old.pid === snapshot.pid;
    this.rows.set(snapshot.name, normalise({
      ...snapshot,
      cpu_percent: same ? old.cpu_percent : null,
      memory_bytes: same ? old.memory_bytes : null,
      // Limits come from the config (the list's rows carry them, a snapshot does not); a forecast lasts while
      // its process does.
      limits: snapshot.limits ?? (old ? old.limits : null) ?? null,
      prediction: snapshot.prediction ?? (same ? old.prediction : null) ?? null,
    }));
    return old ? "changed" : "added";
  }

  // A resource.sample line: the usage of every service that has a process. Returns the names it changed.
  applySample(sample) {
    const changed = [];
    for (const s of sample.services || []) {
      const row = this.rows.get(s.name);
      if (!row || row.pid !== s.pid) {
        continue; // a sample of a process the row no longer shows (or not yet)
      }
      if (row.cpu_percent !== s.cpu_percent || row.memory_bytes !== s.memory_bytes) {
        row.cpu_percent = s.cpu_percent;
        row.memory_bytes = s.memory_bytes;
        changed.push(s.name);
      }
    }
    return changed;
  }

  // Milliseconds the row's process has been up at the browser's `now`, or null without a process.
  uptime(row, now) {
    if (row.pid == null || !row.started_at) {
      return null;
    }
    return Math.max(0, now - this.skewMs - Date.parse(row.started_at));
  }
}

// The list has replica_of null where a snapshot leaves it out: one shape for both.
function normalise(row) {
  return { ...row, replica_of: row.replica_of ?? null, status_text: row.status_text ?? null };
}

// The list gives both started_at and uptime_ms (the daemon's now minus started_at): their sum is the daemon's
// clock at the answer. Uptimes are then counted on the browser's clock without drifting from the daemon's.
function estimateSkew(services, receivedAt) {
  const row = services.find((s) => s.uptime_ms != null && s.started_at);
  return row ? Math.round(receivedAt - (Date.parse(row.started_at) + row.uptime_ms)) : 0;
}
