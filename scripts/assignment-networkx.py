"""Solves an assignment instance written by scripts/bench-assignment-networkx.ts with networkx's
network simplex, as the same lexicographic min-cost flow as scoring/assignment.ts: maximise the
total affinity (integer units), then minimise the sum of squared loads (the k-th review of a juror
costs k). Prints one JSON line: seconds, affinity units, sum of squared loads, loads."""
import json
import sys
import time

import networkx as nx

inst = json.load(open(sys.argv[1]))
apps = inst["applications"]  # [{id, reviewers}]
jurors = inst["jurors"]  # [{id, maxLoad}]
conflicts = {(j, a) for j, a in inst["conflicts"]}
units = {(p["jurorId"], p["applicationId"]): p["units"] for p in inst["affinity"]}
demand = sum(a["reviewers"] for a in apps)

start = time.perf_counter()
eligible = {j["id"]: [a["id"] for a in apps if (j["id"], a["id"]) not in conflicts] for j in jurors}
room = {j["id"]: min(j["maxLoad"], len(eligible[j["id"]]), demand) for j in jurors}
# Balance costs are at most their sum: one affinity unit outweighs every balance.
big = sum(k for r in room.values() for k in range(1, r + 1)) + 1
g = nx.MultiDiGraph()
g.add_node("S", demand=-demand)
g.add_node("T", demand=demand)
for j in jurors:
    for k in range(1, room[j["id"]] + 1):
        g.add_edge("S", ("j", j["id"]), capacity=1, weight=k)
    for a in eligible[j["id"]]:
        g.add_edge(("j", j["id"]), ("a", a), capacity=1, weight=-units.get((j["id"], a), 0) * big)
for a in apps:
    g.add_edge(("a", a["id"]), "T", capacity=a["reviewers"], weight=0)
cost, flow = nx.network_simplex(g)
seconds = time.perf_counter() - start

loads = {j["id"]: 0 for j in jurors}
affinity = 0
for j in jurors:
    for a, arcs in flow[("j", j["id"])].items():
        if sum(arcs.values()) > 0:
            loads[j["id"]] += 1
            affinity += units.get((j["id"], a[1]), 0)
squares = sum(x * x for x in loads.values())
print(json.dumps({"seconds": seconds, "affinityUnits": affinity, "squares": squares, "loads": loads}))
