"""1,000 rapid `restart` calls on one service, straight to the control API from four clients."""
import threading
import time

from support import procs
from support.api import Api
from support.project import Project
from . import Scenario


def rapid_restarts(ctx):
    total = 100 if ctx.quick else 1000
    yaml = """
        version: 1
        services:
          target: { command: ["sleep", "100000"], stop: { timeout: 2s } }
          other: { command: ["sleep", "100001"] }
        """
    with Project(ctx.binary, "restarts", yaml) as p:
        p.up()
        before = p.wait_states({"running"}, 20)
        if not before:
            return False, "the services never ran"
        daemon = p.daemon_pid()
        base = procs.rss_bytes(daemon)
        codes, errors = {}, []
        lock = threading.Lock()

        def client(n):
            api = Api(p.api.socket_path)
            for _ in range(n):
                try:
                    status, _ = api.request("POST", "/api/v1/services/target/restart", timeout=30)
                except OSError as e:
                    status = type(e).__name__
                with lock:
                    codes[status] = codes.get(status, 0) + 1
            api.close()

        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(total // 4,)) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        took = time.monotonic() - started
        settled = p.wait_states({"running"}, 30)
        target = [pid for pid, svc in p.tagged().items() if svc == "target"]
        peak = procs.rss_bytes(daemon)
        other_same = bool(settled) and settled["other"]["pid"] == before["other"]["pid"]
        held = procs.alive(daemon) and bool(settled) and len(target) == 1 and other_same \
            and all(isinstance(c, int) and c < 500 for c in codes)
        detail = (f"{total} restarts in {took:.1f} s, answers {dict(sorted((str(k), v) for k, v in codes.items()))}; "
                  f"then target {'running' if settled else 'NOT running'} with {len(target)} process(es), "
                  f"restarts={settled['target']['restarts'] if settled else '?'}; other {'untouched' if other_same else 'DISTURBED'}; "
                  f"daemon RSS {base / 2**20:.1f} → {peak / 2**20:.1f} MiB")
        return held, detail


SCENARIOS = [
    Scenario("restart-1000", "1,000 rapid restarts (100 with --quick) of one service: never a 5xx, one process at the end, neighbours "
             "untouched, the daemon alive", rapid_restarts, quick=True, limit_s=420),
]
