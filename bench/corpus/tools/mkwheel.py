#!/usr/bin/env python3
"""Builds a pure-Python wheel from a package directory, offline and without setuptools or wheel (there is no
PyPI here): a wheel is a zip with the package, METADATA, WHEEL and a RECORD of sha256 hashes.

usage: mkwheel.py PACKAGE_DIR NAME VERSION OUT_DIR
"""
import base64
import hashlib
import os
import sys
import zipfile


def digest(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def main():
    package_dir, name, version, out_dir = sys.argv[1:5]
    os.makedirs(out_dir, exist_ok=True)
    info = f"{name}-{version}.dist-info"
    files = {}
    for root, _, names in os.walk(package_dir):
        for n in sorted(names):
            if n.endswith(".pyc"):
                continue
            path = os.path.join(root, n)
            arc = os.path.join(os.path.basename(package_dir.rstrip("/")), os.path.relpath(path, package_dir))
            with open(path, "rb") as f:
                files[arc] = f.read()
    files[f"{info}/METADATA"] = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()
    files[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: aurora-corpus\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = "".join(f"{arc},{digest(data)},{len(data)}\n" for arc, data in files.items()) + f"{info}/RECORD,,\n"
    files[f"{info}/RECORD"] = record.encode()
    wheel = os.path.join(out_dir, f"{name}-{version}-py3-none-any.whl")
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        for arc, data in files.items():
            z.writestr(arc, data)
    print(wheel)


if __name__ == "__main__":
    main()
