"""Independent reference for Bruggen's two-mode null model (src/analysis/nullModel.ts).

Run from the project root:   python3 scripts/make-null-reference.py
Pure Python 3 (standard library only). Deterministic (fixed fixture, fixed seed); takes about
15 seconds. It rewrites
  tests/fixtures/reference/twomode_nodes.csv            organisation,sector
  tests/fixtures/reference/twomode_participations.csv   activity,organisation,hub,listing
  tests/fixtures/reference/twomode_null_values.json     expected tie counts per sector pair

The TypeScript code randomises the participation matrix with Curveball trades (Strona et al.
2014). This script uses a *different* chain on the same space: repeated checkerboard swaps
(Diaconis & Gangolli 1995; Gotelli 2000's "sequential swap"). A proposal picks two movable
participations (a, x) and (b, y) uniformly; when x is not in row b and y is not in row a, it
moves x to b and y to a. Proposals are symmetric, so the stationary distribution is uniform over
the matrices with the same row and column sums and the same fixed cells. As in Bruggen, the hubs
of a listing row never move (they are not in the movable list), nor do the members of a listing
without hubs (it ties no one), and every other participation can move to any row. Each sample is
projected with Bruggen's tie rules (an ordinary activity ties all its members pairwise; a listing
ties each member to its hubs only, hubs to each other) and the distinct ties per unordered sector
pair are counted, with the E-I index per sector (group_edge_count convention: E = ties with one
end in the sector, I = ties with both ends in it).

The chain runs long: BURN_IN swap proposals, then a sample every THIN proposals, SAMPLES samples.
The standard error of each mean is from batch means (BATCHES consecutive batches), so it accounts
for the correlation between successive samples.
"""
import csv, json, math, os, random

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "reference")
SEED = 20240917
BURN_IN = 50_000
THIN = 60
SAMPLES = 100_000
BATCHES = 50

SECTORS = ["tech", "care", "government"]
NODES = {
    "t1": "tech", "t2": "tech", "t3": "tech", "t4": "tech", "t5": "tech",
    "c1": "care", "c2": "care", "c3": "care", "c4": "care", "c5": "care",
    "g1": "government", "g2": "government", "g3": "government",
}
# activity -> (listing, members, hubs). L01 is a consultation organised by the municipality g1,
# who also takes part in two ordinary projects (where that participation can move).
ACTIVITIES = {
    "A01": (False, ["t1", "t2", "t3"], []),
    "A02": (False, ["t1", "t4"], []),
    "A03": (False, ["t2", "t3", "t5"], []),
    "A04": (False, ["c1", "c2", "c3"], []),
    "A05": (False, ["c2", "c4"], []),
    "A06": (False, ["c3", "c4", "c5"], []),
    "A07": (False, ["c1", "g1"], []),
    "A08": (False, ["c5", "g1", "g2"], []),
    "A09": (False, ["c1", "t4", "t5"], []),
    "A10": (False, ["g2", "g3"], []),
    "A11": (False, ["c2", "g3", "t1"], []),
    "L01": (True, ["c3", "c4", "g1", "t2", "t3"], ["g1"]),
    # F01, a funder's list of recipients without a lead: it ties no one, and its members stay.
    "F01": (True, ["c5", "g3", "t4"], []),
}


def project(rows, listing, hubs):
    """Distinct ties (u < v) under Bruggen's rules."""
    ties = set()
    for r, members in enumerate(rows):
        ms = sorted(members)
        if not listing[r]:
            for i in range(len(ms)):
                for j in range(i + 1, len(ms)):
                    ties.add((ms[i], ms[j]))
        else:
            for h in hubs[r]:
                for v in ms:
                    if v != h:
                        ties.add((min(h, v), max(h, v)))
    return ties


def counts(ties):
    pair = {(a, b): 0 for i, a in enumerate(SECTORS) for b in SECTORS[i:]}
    E = {g: 0 for g in SECTORS}
    I = {g: 0 for g in SECTORS}
    for u, v in ties:
        g, h = NODES[u], NODES[v]
        key = (g, h) if SECTORS.index(g) <= SECTORS.index(h) else (h, g)
        pair[key] += 1
        if g == h:
            I[g] += 1
        else:
            E[g] += 1
            E[h] += 1
    ei = {g: ((E[g] - I[g]) / (E[g] + I[g]) if E[g] + I[g] > 0 else None) for g in SECTORS}
    return pair, ei


def batch_se(xs):
    n = len(xs)
    means = []
    for b in range(BATCHES):
        chunk = xs[b * n // BATCHES:(b + 1) * n // BATCHES]
        means.append(sum(chunk) / len(chunk))
    m = sum(means) / BATCHES
    return math.sqrt(sum((x - m) ** 2 for x in means) / (BATCHES - 1) / BATCHES)


def main():
    names = sorted(ACTIVITIES)
    listing = [ACTIVITIES[a][0] for a in names]
    hubs = [set(ACTIVITIES[a][2]) for a in names]
    rows = [set(ACTIVITIES[a][1]) for a in names]
    # Movable participations: every (row, organisation) except the hubs of listing rows, and every
    # member of a listing without hubs (it ties no one; its members stay, as in Bruggen).
    movable = [[r, o] for r in range(len(rows)) for o in sorted(rows[r]) if not (listing[r] and (o in hubs[r] or not hubs[r]))]
    col_sums = {o: sum(o in row for row in rows) for o in NODES}
    row_sums = [len(row) for row in rows]

    observed_pair, observed_ei = counts(project(rows, listing, hubs))

    rng = random.Random(SEED)
    M = len(movable)
    accepted = 0

    def step():
        nonlocal accepted
        i = rng.randrange(M)
        j = rng.randrange(M)
        a, x = movable[i]
        b, y = movable[j]
        if a == b or x == y or x in rows[b] or y in rows[a]:
            return
        rows[a].remove(x); rows[a].add(y)
        rows[b].remove(y); rows[b].add(x)
        movable[i][1] = y
        movable[j][1] = x
        accepted += 1

    for _ in range(BURN_IN):
        step()
    pair_samples = {k: [] for k in observed_pair}
    ei_samples = {g: [] for g in SECTORS}
    for _ in range(SAMPLES):
        for _ in range(THIN):
            step()
        pair, ei = counts(project(rows, listing, hubs))
        for k, v in pair.items():
            pair_samples[k].append(v)
        for g, v in ei.items():
            ei_samples[g].append(v)

    # The margins and the fixed hubs are intact.
    assert [len(row) for row in rows] == row_sums
    assert {o: sum(o in row for row in rows) for o in NODES} == col_sums
    assert all(h in rows[r] for r in range(len(rows)) for h in hubs[r])

    def describe(xs):
        n = len(xs)
        m = sum(xs) / n
        sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1))
        return {"mean": round(m, 9), "sd": round(sd, 9), "se": round(batch_se(xs), 9)}

    pairs = []
    for (a, b), xs in pair_samples.items():
        pairs.append({"a": a, "b": b, "observed": observed_pair[(a, b)], **describe(xs)})
    ei = []
    for g in SECTORS:
        xs = [x for x in ei_samples[g] if x is not None]
        ei.append({"sector": g, "observed": observed_ei[g], "defined": len(xs), **describe(xs)})

    with open(os.path.join(OUT, "twomode_nodes.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["organisation", "sector"])
        for o in sorted(NODES):
            w.writerow([o, NODES[o]])
    with open(os.path.join(OUT, "twomode_participations.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["activity", "organisation", "hub", "listing"])
        for a in names:
            is_listing, members, hub_list = ACTIVITIES[a]
            for o in sorted(members):
                w.writerow([a, o, int(o in hub_list), int(is_listing)])
    values = {
        "description": "Two-mode null model reference: checkerboard swaps on the participation matrix, listing hubs fixed; distinct ties per unordered sector pair and E-I per sector (group_edge_count).",
        "generator": "scripts/make-null-reference.py",
        "seed": SEED,
        "burn_in": BURN_IN,
        "thin": THIN,
        "samples": SAMPLES,
        "batches": BATCHES,
        "swaps_accepted": accepted,
        "sectors": SECTORS,
        "pairs": pairs,
        "ei": ei,
    }
    with open(os.path.join(OUT, "twomode_null_values.json"), "w") as f:
        json.dump(values, f, indent=1)
        f.write("\n")
    for p in pairs:
        print(f"{p['a']:>10}-{p['b']:<10} observed {p['observed']:3d}  mean {p['mean']:8.4f}  sd {p['sd']:.3f}  se {p['se']:.4f}")
    for e in ei:
        print(f"E-I {e['sector']:>10}: observed {e['observed']}  mean {e['mean']:.4f}  se {e['se']:.5f}")
    print(f"accepted swaps: {accepted} of {BURN_IN + SAMPLES * THIN}")


if __name__ == "__main__":
    main()
