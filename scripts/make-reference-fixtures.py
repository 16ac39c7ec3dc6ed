"""Reference fixtures for Bruggen's analysis tests: graphs with ISOLATES and SEVERAL COMPONENTS,
plus a mid-size random graph, with the NetworkX values the TypeScript code must reproduce.

Run from the project root:   python3 scripts/make-reference-fixtures.py
Requires networkx 3.6.1 (scipy optional). Deterministic: fixed graphs and fixed seeds; it rewrites
tests/fixtures/reference/{multi,random300}_{edges,nodes}.csv and {multi,random300}_values.json.

Formulas for E-I, mixing, Gould-Fernandez brokerage and Burt hierarchy follow
../shared/reference-metrics/make_vectors.py (beside the repository) (same definitions, copied here so this script does
not need that folder).
"""
import csv, json, math, itertools, os, random, sys
import networkx as nx
from networkx.algorithms.centrality.betweenness import (
    _single_source_shortest_path_basic, _accumulate_basic, _rescale)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "reference")
R = lambda x: None if (x is None or (isinstance(x, float) and math.isnan(x))) else round(float(x), 12)
def rd(d): return {str(k): R(v) for k, v in d.items()}


def burt_hierarchy(G, weight=None):
    out = {}
    for u in G:
        nb = [v for v in set(nx.all_neighbors(G, u)) if v != u]
        N = len(nb)
        if N == 0: out[str(u)] = None; continue
        if N == 1: out[str(u)] = 1.0; continue
        c = [nx.local_constraint(G, u, v, weight) for v in nb]
        C = sum(c); r = [N * x / C for x in c]
        out[str(u)] = R(sum(x * math.log(x) for x in r if x > 0) / (N * math.log(N)))
    return out


def ei_index(G, attr, weight=None):
    w = lambda u, v: float(G[u][v].get(weight, 1)) if weight else 1.0
    lab = nx.get_node_attributes(G, attr)
    groups = sorted(set(lab.values()))
    E = I = 0.0
    Eg = {g: 0.0 for g in groups}; Ig = {g: 0.0 for g in groups}
    for u, v in G.edges():
        x = w(u, v)
        if lab[u] == lab[v]: I += x; Ig[lab[u]] += x
        else: E += x; Eg[lab[u]] += x; Eg[lab[v]] += x
    ei = lambda e, i: (e - i) / (e + i) if (e + i) > 0 else None
    return {"global": {"E": E, "I": I, "EI": R(ei(E, I))},
            "group_edge_count": {g: {"E": Eg[g], "I": Ig[g], "EI": R(ei(Eg[g], Ig[g]))} for g in groups},
            "group_member_ties": {g: {"E": Eg[g], "I_member_ends": 2 * Ig[g], "EI": R(ei(Eg[g], 2 * Ig[g]))} for g in groups},
            "node": {str(n): R(ei(sum(w(n, m) for m in G[n] if lab[m] != lab[n]),
                                  sum(w(n, m) for m in G[n] if lab[m] == lab[n]))) for n in G}}


def mixing(G, attr, weight=None):
    w = lambda u, v: float(G[u][v].get(weight, 1)) if weight else 1.0
    lab = nx.get_node_attributes(G, attr); groups = sorted(set(lab.values()))
    O = {g: {h: 0.0 for h in groups} for g in groups}
    for u, v in G.edges():
        x = w(u, v); g, h = lab[u], lab[v]
        if g == h: O[g][g] += x
        else: O[g][h] += x; O[h][g] += x
    m = sum(w(u, v) for u, v in G.edges())
    K = {g: sum(sum(w(n, k) for k in G[n]) for n in G if lab[n] == g) for g in groups}
    Exp = {g: {h: (K[g] * K[h] / (2 * m) if g != h else K[g] ** 2 / (4 * m)) for h in groups} for g in groups}
    n = {g: sum(1 for x in G if lab[x] == g) for g in groups}
    dens = {g: {h: (O[g][h] / (n[g] * n[h]) if g != h else (O[g][g] / (n[g] * (n[g] - 1) / 2) if n[g] > 1 else None)) for h in groups} for g in groups}
    e = {g: {h: (O[g][h] / m if g == h else O[g][h] / (2 * m)) for h in groups} for g in groups}
    a = {g: sum(e[g][h] for h in groups) for g in groups}
    tr = sum(e[g][g] for g in groups); s2 = sum(a[g] ** 2 for g in groups)
    return {"groups": groups, "m": m, "group_size": n, "strength_sum_K": K, "observed": O,
            "expected_configuration": {g: {h: R(Exp[g][h]) for h in groups} for g in groups},
            "obs_over_exp": {g: {h: R(O[g][h] / Exp[g][h]) if Exp[g][h] else None for h in groups} for g in groups},
            "density": {g: {h: R(dens[g][h]) for h in groups} for g in groups},
            "e_matrix_edge_end_fractions": {g: {h: R(e[g][h]) for h in groups} for g in groups},
            "a": {g: R(a[g]) for g in groups},
            "modularity_of_sector_partition": R(tr - s2), "assortativity_r": R((tr - s2) / (1 - s2))}


def gf_brokerage(G, attr):
    lab = nx.get_node_attributes(G, attr); res = {}
    for v in G:
        c = {"coordinator": 0, "itinerant": 0, "gatekeeper_or_representative": 0, "liaison": 0}
        for a_, b_ in itertools.combinations([x for x in G[v] if x != v], 2):
            if G.has_edge(a_, b_): continue
            ga, gb, gv = lab[a_], lab[b_], lab[v]
            if ga == gv == gb: c["coordinator"] += 1
            elif ga == gb != gv: c["itinerant"] += 1
            elif ga == gv or gb == gv: c["gatekeeper_or_representative"] += 1
            else: c["liaison"] += 1
        res[str(v)] = c
    return res


def participation(G, attr, weight=None):
    w = lambda u, v: float(G[u][v].get(weight, 1)) if weight else 1.0
    lab = nx.get_node_attributes(G, attr); out = {}
    for n in G:
        k = sum(w(n, m) for m in G[n])
        if k == 0: out[str(n)] = None; continue
        by = {}
        for m in G[n]: by[lab[m]] = by.get(lab[m], 0) + w(n, m)
        out[str(n)] = R(1 - sum((x / k) ** 2 for x in by.values()))
    return out


def sampled_betweenness(G, sources):
    """nx.betweenness_centrality's own code path with a FIXED list of sampled sources."""
    b = dict.fromkeys(G, 0.0)
    for s in sources:
        S, P, sigma, _ = _single_source_shortest_path_basic(G, s)
        b, _ = _accumulate_basic(b, S, P, sigma, s)
    return _rescale(b, len(G), normalized=True, directed=False, endpoints=False, sampled_nodes=sources)


def link_prediction(G, attr, targets):
    """Scores of every non-adjacent pair in two different target sectors that shares a partner."""
    lab = nx.get_node_attributes(G, attr)
    pairs = [(u, v) for u, v in itertools.combinations(sorted(G), 2)
             if not G.has_edge(u, v) and lab[u] != lab[v] and lab[u] in targets and lab[v] in targets
             and len(list(nx.common_neighbors(G, u, v))) > 0]
    lp = {}
    for name, fn in [("resource_allocation", nx.resource_allocation_index), ("adamic_adar", nx.adamic_adar_index),
                     ("jaccard", nx.jaccard_coefficient), ("preferential_attachment", nx.preferential_attachment)]:
        lp[name] = {f"{u}-{v}": R(s) for u, v, s in fn(G, pairs)}
    lp["common_neighbors"] = {f"{u}-{v}": len(list(nx.common_neighbors(G, u, v))) for u, v in pairs}
    return lp


def m_reach(G, K, m):
    d = {}
    for k in K:
        for j, x in nx.single_source_shortest_path_length(G, k, cutoff=m).items():
            d[j] = min(d.get(j, x), x)
    return sum(1 for j, x in d.items() if j not in K and x <= m)


def values(G, attr, targets, sampled_sources, kpp_sets):
    c0, e0 = nx.constraint(G), nx.effective_size(G)
    cw = nx.constraint(G, weight="weight")
    ew = nx.effective_size(G, nodes=list(G), weight="weight")  # Burt's values; see TRAPS.md
    return {
        "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
        "degree": {str(n): G.degree(n) for n in G},
        "unweighted": {"constraint": rd(c0), "effective_size": rd(e0), "hierarchy": burt_hierarchy(G),
                       "betweenness_normalized": rd(nx.betweenness_centrality(G)),
                       "betweenness_raw_unordered_pairs": rd(nx.betweenness_centrality(G, normalized=False))},
        "weighted": {"constraint_weight": rd(cw), "effective_size_weight": rd(ew),
                     "hierarchy_weight": burt_hierarchy(G, "weight")},
        "betweenness_sampled": {"sources": [str(s) for s in sampled_sources],
                                "normalized": rd(sampled_betweenness(G, sampled_sources))},
        "components": sorted([sorted(str(x) for x in c) for c in nx.connected_components(G)],
                             key=lambda c: (-len(c), c[0])),
        "articulation_points": sorted(str(x) for x in nx.articulation_points(G)),
        "bridges": sorted([sorted([str(u), str(v)]) for u, v in nx.bridges(G)]),
        "ei_index_sector_unweighted": ei_index(G, attr),
        "ei_index_sector_weighted": ei_index(G, attr, "weight"),
        "mixing_sector_unweighted": mixing(G, attr),
        "mixing_sector_weighted": mixing(G, attr, "weight"),
        "nx_attribute_assortativity_sector": R(nx.attribute_assortativity_coefficient(G, attr)),
        "gf_brokerage_sector": gf_brokerage(G, attr),
        "participation_coefficient_sector_unweighted": participation(G, attr),
        "link_prediction_target_cross_sector_nonadjacent": link_prediction(G, attr, targets),
        "m_reach": [{"K": [str(k) for k in K], "m_reach_1": m_reach(G, K, 1), "m_reach_2": m_reach(G, K, 2)} for K in kpp_sets],
    }


def write(G, name, attr, vals):
    with open(os.path.join(OUT, f"{name}_edges.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n"); w.writerow(["source", "target", "weight"])
        for u, v, d in G.edges(data=True): w.writerow([u, v, d["weight"]])
    with open(os.path.join(OUT, f"{name}_nodes.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n"); w.writerow(["id", attr])
        for n, d in G.nodes(data=True): w.writerow([n, d[attr]])
    meta = {"networkx": nx.__version__, "python": sys.version.split()[0],
            "generator": "scripts/make-reference-fixtures.py"}
    with open(os.path.join(OUT, f"{name}_values.json"), "w") as f:
        json.dump({"meta": meta, name: vals}, f, indent=1, sort_keys=True); f.write("\n")


# ---------------------------------------------------------------- (a) multi: 3 components + 2 isolates
sector = {
    # component A (11 nodes): two dense groups joined through a government broker, a pendant chain
    "a01": "tech", "a02": "tech", "a03": "tech", "a04": "knowledge", "a05": "government",
    "a06": "care", "a07": "care", "a08": "care", "a09": "tech", "a10": "care", "a11": "network",
    # component B (6 nodes): a care cycle with a tech spur
    "b01": "care", "b02": "care", "b03": "tech", "b04": "care", "b05": "tech", "b06": "government",
    # component C (3 nodes): a path
    "c01": "government", "c02": "care", "c03": "tech",
    # isolates
    "z01": "tech", "z02": "care",
}
edges = [
    ("a01", "a02", 3), ("a01", "a03", 1), ("a02", "a03", 2), ("a02", "a04", 1), ("a03", "a04", 4),
    ("a04", "a05", 2), ("a01", "a05", 1), ("a05", "a06", 2), ("a05", "a07", 1), ("a06", "a07", 3),
    ("a06", "a08", 1), ("a07", "a08", 2), ("a08", "a09", 1), ("a09", "a10", 2), ("a09", "a11", 1),
    ("a04", "a06", 1),
    ("b01", "b02", 2), ("b02", "b04", 1), ("b04", "b01", 3), ("b01", "b03", 1), ("b03", "b05", 2),
    ("b02", "b06", 1),
    ("c01", "c02", 1), ("c02", "c03", 2),
]
M = nx.Graph()
for n in sorted(sector): M.add_node(n, sector=sector[n])
for u, v, w in edges: M.add_edge(u, v, weight=w)
write(M, "multi", "sector",
      values(M, "sector", {"tech", "care", "government"}, ["a05", "b01", "a09", "c02", "z01", "a01"],
             [["a05"], ["a05", "b01"], ["z01"], ["a08", "c02", "b02"]]))

# ---------------------------------------------------------------- (b) random300: mid-size random graph
rng = random.Random(20240601)
SECT = ["tech", "care", "government", "knowledge", "network", "other"]
PROB = [0.3, 0.3, 0.08, 0.12, 0.1, 0.1]
G = nx.gnm_random_graph(300, 900, seed=7)
H = nx.Graph()
for n in sorted(G.nodes()):
    H.add_node(f"n{n:03d}", sector=rng.choices(SECT, PROB)[0])
for u, v in sorted(G.edges()):
    H.add_edge(f"n{u:03d}", f"n{v:03d}", weight=rng.choice([1, 1, 1, 2, 2, 3, 5]))
src = sorted(H.nodes())
write(H, "random300", "sector",
      values(H, "sector", {"tech", "care", "government"}, [src[i] for i in range(0, 300, 7)],
             [["n000"], ["n010", "n020", "n030"]]))
print("ok", nx.__version__)
