#!/usr/bin/env python3
"""What a native AOT binary carries, from its ILC map file (-p:IlcGenerateMapFile=true): bytes of method code
and type data by assembly, plus the largest other nodes.   bench/scale/mapsize.py path/to/aurora.map.xml [RSP]
The ILC mangles a symbol as ASSEMBLY_NAMESPACE_TYPE__MEMBER with dots as underscores (System.Private.* as S_P_*);
the assembly names come from the .ilc.rsp beside the map."""
import os
import re
import sys
from collections import defaultdict

path = sys.argv[1]
rsp = sys.argv[2] if len(sys.argv) > 2 else path.replace(".map.xml", ".ilc.rsp")
names = set()
for line in open(rsp):
    line = line.strip()
    if line.endswith(".dll"):
        names.add(os.path.basename(line.split(":", 1)[-1])[:-4])
prefixes = sorted({re.sub(r"^System_Private_", "S_P_", n.replace(".", "_")) for n in names}, key=len, reverse=True)
code, types, other = defaultdict(int), defaultdict(int), defaultdict(int)
pat = re.compile(r'<(\w+) Name="([^"]*)" Length="(\d+)"')
total = 0
for line in open(path, encoding="utf-8"):
    mt = pat.search(line)
    if not mt:
        continue
    kind, name, length = mt.group(1), mt.group(2), int(mt.group(3))
    total += length
    bare = re.sub(r"^_ZTV\d+", "", name)
    owner = next((p for p in prefixes if bare.startswith(p + "_")), None)
    if kind in ("MethodCode", "GCInfo") and owner:
        code[owner] += length
    elif owner:
        types[owner] += length
    else:
        other[kind] += length
print(f"{total / 1e6:.1f} MB in map nodes; code+GC info by assembly, then type data, then the rest by node kind")
for title, d in (("code", code), ("types/data", types), ("other", other)):
    for k, v in sorted(d.items(), key=lambda x: -x[1])[:10]:
        print(f"  {title:<10} {v / 1e6:7.2f} MB  {k}")
