"""igraph's core on all of CORDIS H2020, the reference of `npm run bench:h2020` (scripts/bench-h2020.ts).

    /usr/bin/python3 scripts/igraph-h2020.py data/cordis-h2020/h2020.csv.gz

Reads the participations, projects them onto organisations as Bruggen does by default (every
project ties all its participants pairwise; weight = shared projects), then runs Louvain
(community_multilevel, weighted), connected components and Burt's constraint (weighted) with
python-igraph (the C core). Prints one JSON line: seconds per step, counts and peak memory.
Needs python3-igraph (Debian) or the igraph wheel; not used by any test.
"""
import csv
import gzip
import io
import json
import resource
import sys
import time

import igraph as ig

steps = {}
t0 = time.perf_counter()
# The igraph import and interpreter start are not counted (Bruggen's total counts its own start).


def lap(name, start):
    steps[name] = time.perf_counter() - start
    return time.perf_counter()


t = time.perf_counter()
members = {}
with gzip.open(sys.argv[1], "rt", encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    rcn, pic = header.index("rcn"), header.index("pic")
    rows = 0
    for row in reader:
        rows += 1
        members.setdefault(row[rcn], set()).add(row[pic])
t = lap("read", t)

index = {}
for ms in members.values():
    for p in ms:
        if p not in index:
            index[p] = len(index)
weights = {}
for ms in members.values():
    ids = sorted(index[p] for p in ms)
    for a in range(len(ids)):
        u = ids[a]
        for b in range(a + 1, len(ids)):
            key = (u, ids[b])
            weights[key] = weights.get(key, 0) + 1
g = ig.Graph(n=len(index), edges=list(weights.keys()), directed=False)
g.es["weight"] = list(weights.values())
del weights
t = lap("projection", t)

louvain = g.community_multilevel(weights="weight")
t = lap("louvain", t)
components = g.connected_components()
t = lap("components", t)
constraint = g.constraint(weights="weight")
t = lap("constraint", t)

print(json.dumps({
    "rows": rows,
    "organisations": g.vcount(),
    "ties": g.ecount(),
    "communities": len(louvain),
    "modularity": louvain.modularity,
    "components": len(components),
    "steps": steps,
    "total": time.perf_counter() - t0,
    "cpu": resource.getrusage(resource.RUSAGE_SELF).ru_utime + resource.getrusage(resource.RUSAGE_SELF).ru_stime,
    "maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "igraph": ig.__version__,
}))
