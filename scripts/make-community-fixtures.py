"""Reference values for src/analysis/communities.ts: weighted Newman modularity and the adjusted
Rand index.

Run from the project root:   python3 scripts/make-community-fixtures.py
Requires networkx 3.6.1. Deterministic (fixed graphs, fixed seeds); rewrites
tests/fixtures/reference/communities_values.json only.

- modularity: `nx.community.modularity(G, communities, weight="weight", resolution=g)` on the
  fixture graphs karate, multi (isolates, three components) and random300, for partitions from
  `nx.community.louvain_communities` (seeded), `nx.community.label_propagation_communities`, a
  seeded random labelling, all singletons and everything in one community, at g = 1, 0.5 and 2.
- ari: Hubert & Arabie (1985) adjusted Rand index written out below from the pair counts of the
  contingency table (scikit-learn is not assumed to be installed), for seeded random labelings of
  several sizes; the TypeScript test also checks scikit-learn's documented example values by hand.
"""
import csv, json, math, os, random, sys
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "..", "tests", "fixtures", "reference")
R = lambda x: round(float(x), 12)


def load(name):
    G = nx.Graph()
    with open(os.path.join(FIX, f"{name}_nodes.csv")) as f:
        for row in csv.DictReader(f):
            G.add_node(row["id"])
    with open(os.path.join(FIX, f"{name}_edges.csv")) as f:
        for row in csv.DictReader(f):
            G.add_edge(row["source"], row["target"], weight=float(row["weight"]))
    return G


def as_labels(G, communities):
    """node id -> community number, communities numbered in the order given."""
    out = {}
    for c, members in enumerate(communities):
        for v in members:
            out[v] = c
    return {v: out[v] for v in sorted(G.nodes())}


def ari(a, b):
    """Hubert & Arabie (1985): (index - expected) / (max - expected) over pair counts."""
    n = len(a)
    comb2 = lambda x: x * (x - 1) // 2
    cells, rows, cols = {}, {}, {}
    for x, y in zip(a, b):
        cells[(x, y)] = cells.get((x, y), 0) + 1
        rows[x] = rows.get(x, 0) + 1
        cols[y] = cols.get(y, 0) + 1
    index = sum(comb2(v) for v in cells.values())
    sa = sum(comb2(v) for v in rows.values())
    sb = sum(comb2(v) for v in cols.values())
    expected = sa * sb / comb2(n)
    mx = (sa + sb) / 2
    if mx == expected:
        return 1.0
    return (index - expected) / (mx - expected)


def main():
    modularity = []
    for name in ["karate", "multi", "random300"]:
        G = load(name)
        nodes = sorted(G.nodes())
        rnd = random.Random(7)
        lab = {v: rnd.randrange(5) for v in nodes}
        partitions = {
            "louvain": nx.community.louvain_communities(G, weight="weight", seed=1),
            "label_propagation": list(nx.community.label_propagation_communities(G)),
            "random5": [{v for v in nodes if lab[v] == c} for c in range(5) if any(lab[v] == c for v in nodes)],
            "singletons": [{v} for v in nodes],
            "one": [set(nodes)],
        }
        for pname, comms in partitions.items():
            for g in [1, 0.5, 2]:
                modularity.append({
                    "graph": name,
                    "partition": pname,
                    "resolution": g,
                    "labels": as_labels(G, comms),
                    "value": R(nx.community.modularity(G, comms, weight="weight", resolution=g)),
                })
    aris = []
    rnd = random.Random(2012)
    for n, ka, kb in [(2, 1, 2), (10, 2, 3), (50, 5, 5), (50, 2, 8), (200, 10, 12), (200, 3, 3), (1000, 30, 25)]:
        for keep in [0.9, 0.6, 0.0]:
            a = [rnd.randrange(ka) for _ in range(n)]
            # b: a copy of a with 1 - keep of the labels redrawn (keep = 0: independent, ARI near
            # 0 or below), then its labels permuted and spread out
            b = [x if rnd.random() < keep else rnd.randrange(kb) for x in a]
            perm = list(range(max(kb, ka)))
            rnd.shuffle(perm)
            b = [perm[x] * 3 + 11 for x in b]
            aris.append({"a": a, "b": b, "value": R(ari(a, b))})
    out = {
        "generator": "scripts/make-community-fixtures.py",
        "python": sys.version.split()[0],
        "networkx": nx.__version__,
        "modularity": modularity,
        "ari": aris,
    }
    with open(os.path.join(FIX, "communities_values.json"), "w") as f:
        json.dump(out, f, indent=0, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
