#!/usr/bin/env python3
"""CPU of Aurora's tcp health-check path: starts a port farm (a separate process, so the accepting
side's CPU is not counted), then the harness, which probes it and prints its own CPU.

    bench/health/run.py [--farm 200] HARNESS [harness args...]

HARNESS is the built harness: `dotnet bench/health/Aurora.Bench.Health/bin/Release/net10.0/Aurora.Bench.Health.dll`
or a native AOT binary. Its --ports argument is added here. The farm is stopped by its own pid."""
import subprocess
import sys

args = sys.argv[1:]
farm_size = 200
if args[:1] == ["--farm"]:
    farm_size, args = int(args[1]), args[2:]
if not args:
    sys.exit(__doc__)

# The same farm as bench/measure.py's PortFarm: one process, every port, accept and close.
code = (
    "import selectors,socket,sys\n"
    "sel=selectors.DefaultSelector();ports=[]\n"
    f"for _ in range({farm_size}):\n"
    "  s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\n"
    "  s.bind(('127.0.0.1',0));s.listen(64);s.setblocking(False);sel.register(s,selectors.EVENT_READ)\n"
    "  ports.append(s.getsockname()[1])\n"
    "print(','.join(map(str,ports)),flush=True)\n"
    "while True:\n"
    "  for k,_ in sel.select():\n"
    "    try:\n"
    "      c,_=k.fileobj.accept();c.close()\n"
    "    except OSError: pass\n"
)
farm = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
try:
    ports = farm.stdout.readline().decode().strip()
    sys.exit(subprocess.call(args + ["--ports", ports]))
finally:
    farm.kill()
    farm.wait()
