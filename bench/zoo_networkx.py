#!/usr/bin/python3
"""The baseline engineers use today: networkx brute force over the Topology Zoo.

For each network, as a multigraph (parallel edges are distinct links): remove each link and
each node in turn and count connected components of what survives. Prints JSON, one entry per
network: whether it is disconnected with no fault, and how many single events disconnect it.
Run with Debian's /usr/bin/python3, which sees python3-networkx.
"""
import json
import os
import sys

import networkx as nx


def single_event_cuts(g):
    if g.number_of_nodes() > 1 and nx.number_connected_components(g) > 1:
        return True, 0
    cuts = 0
    # restricted_view hides a node or an edge without copying the graph: the fastest plain
    # brute force networkx offers, so that the baseline is a fair one.
    for node in list(g.nodes):
        h = nx.restricted_view(g, [node], [])
        if h.number_of_nodes() > 1 and nx.number_connected_components(h) > 1:
            cuts += 1
    for u, v, k in list(g.edges(keys=True)):
        h = nx.restricted_view(g, [], [(u, v, k)])
        if nx.number_connected_components(h) > 1:
            cuts += 1
    return False, cuts


def main(paths):
    out = {}
    for path in paths:
        g = nx.MultiGraph(nx.read_graphml(path))
        g.remove_edges_from([(u, v, k) for u, v, k in g.edges(keys=True) if u == v])  # self-loops
        disconnected, cuts = single_event_cuts(g)
        out[os.path.basename(path).rsplit(".", 1)[0]] = {"disconnected": disconnected, "single": cuts}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
