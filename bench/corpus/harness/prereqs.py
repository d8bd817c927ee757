"""Installs what the cases run when it is missing (apt: redis-server, nginx-light, nodejs + npm, a Java
runtime, gcc), and says which commands are still missing so that their cases are reported as skipped."""
import os
import shutil
import subprocess
import sys

PACKAGES = {
    "redis-server": ["redis-server", "redis-tools"],
    "nginx": ["nginx-light"],
    "node": ["nodejs", "npm"],
    "java": ["default-jre-headless"],
    "gcc": ["gcc", "libc6-dev"],
    "setpriv": ["util-linux"],
    "curl": ["curl"],
}


def ensure(cases):
    """The requirements still missing afterwards; "root" (to mount a tmpfs, make a memory cgroup, drop privileges
    with setpriv) cannot be installed."""
    needed = sorted({r for c in cases for r in c.requires} - {"root"})
    absent = [r for r in needed if shutil.which(r) is None and not os.path.exists(f"/usr/sbin/{r}")]
    if absent:
        packages = [p for r in absent if r in PACKAGES for p in PACKAGES[r]]
        print(f"corpus: installing {' '.join(packages)} (for {', '.join(absent)})", file=sys.stderr)
        sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(sudo + ["apt-get", "update", "-qq"], env=env, stdout=subprocess.DEVNULL, check=False)
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", *packages], env=env, stdout=subprocess.DEVNULL, check=False)
    missing = {r for r in needed if shutil.which(r) is None and not os.path.exists(f"/usr/sbin/{r}")}
    return missing | ({"root"} if os.geteuid() != 0 else set())
