#!/usr/bin/python3
"""BGP edge workload (issue 13, DESIGN.md §8): generated edges (bench/gen-bgp-edge), N edge
routers in a full iBGP mesh, 2N externals, 50 prefixes, `restart router partial; down session,
link;`, four `no-export` and four `reach … avoid` requirements, K = 1 and 2.

For each N and K times faultline's product engine (median of --runs runs; wall time and peak
memory from GNU time -v), and once each, with a time limit, the Z3 path (`--no-fast-path`) and
the brute-force oracle (`--engine enumerate`), side by side; fits the growth exponent of the
product's time and memory against N.  Prints a markdown section."""
import argparse
import json
import os
import statistics
import subprocess
import tempfile

import common
from common import FAULTLINE, ROOT
from fabric import fit, gnu_time

GEN = os.path.join(ROOT, "bench", "gen-bgp-edge")


def once(cmd, limit, wall):
    """One timed run with a limit, as a table cell: its time and its ratio to the product's."""
    r = gnu_time(cmd, limit, ok=(0, 1, 3))  # 3: unknown
    if r is None:
        return f"> {limit:.0f} s", None
    report = json.loads(r[2])["designs"][0]["requirements"]
    statuses = "/".join(sorted({q["status"] for q in report}))
    if statuses == "unknown":
        return f"unknown after {r[0]:.2f} s", report
    return f"{r[0]:.2f} s ({r[0] / wall:.1f}×, {statuses})", report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="4,8,16,24,32")
    ap.add_argument("--k2-sizes", default="4,8,16", help="the sizes also run at K = 2")
    ap.add_argument("--limit", type=float, default=120, help="time limit for one Z3 or oracle run")
    args = ap.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    k2 = {int(n) for n in args.k2_sizes.split(",") if n}
    work = tempfile.mkdtemp(prefix="faultline-bgp-")
    rows, series = [], {1: [], 2: []}
    for k in (1, 2):
        for n in sizes:
            if k == 2 and n not in k2:
                continue
            design = os.path.join(work, f"bgp-{n}-k{k}.fl")
            subprocess.run([GEN, str(n), "--tolerate", str(k), "-o", design], check=True)
            runs = [gnu_time([FAULTLINE, "check", "--format", "json", design]) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            rss = max(r[1] for r in runs)
            reqs = json.loads(runs[0][2])["designs"][0]["requirements"]
            verdict = "/".join(sorted({r["status"] for r in reqs}))
            sets = sum(len(r.get("violations", [])) for r in reqs)
            z3, _ = once([FAULTLINE, "check", "--format", "json", "--no-fast-path", design], args.limit, wall)
            oracle, report = once([FAULTLINE, "check", "--format", "json", "--engine", "enumerate", design],
                                  args.limit, wall)
            agree = "—" if report is None else \
                ("yes" if [(q["status"], len(q.get("violations", []))) for q in report] ==
                 [(q["status"], len(q.get("violations", []))) for q in reqs] else "NO")
            rows.append(f"| {n} | {k} | {reqs[0]['events_considered']:,} | {verdict} | {sets} | "
                        f"{wall:.2f} s | {rss:.0f} MiB | {z3} | {oracle} | {agree} |")
            series[k].append((n, wall, rss))
    lines = [
        "## Generated BGP edges: four `no-export`, four `reach … avoid`, "
        "`restart router partial; down session, link;`",
        "",
        f"Commit `{common.commit()}`; `bench/gen-bgp-edge N [--tolerate K]`: N edge routers in a full iBGP "
        "mesh, 2N externals, 50 prefixes. faultline median of "
        f"{args.runs} runs, wall time and peak RSS from GNU time -v; the Z3 path (`--no-fast-path`) and the "
        f"oracle (`--engine enumerate`) one run each with a {args.limit:.0f} s limit. `agree`: the oracle's "
        "statuses and numbers of minimal sets equal the product's.",
        "",
        "| N | K | events | verdict | minimal sets | faultline | peak memory | Z3 path | oracle | agree |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
    ]
    for k, pts in series.items():
        big = [p for p in pts if p[0] >= 8]
        if len(big) >= 2:
            lines.append(f"Growth (K = {k}, N ≥ 8): time ∝ N^{fit([p[0] for p in big], [p[1] for p in big]):.2f}, "
                         f"memory ∝ N^{fit([p[0] for p in big], [p[2] for p in big]):.2f}.")
    at32 = [p for p in series[1] if p[0] == 32]
    if at32:
        t = at32[0][1]
        lines += ["", f"Target (issue 13): N = 32, K = 1 under 10 s: {t:.1f} s — " + ("met." if t < 10 else "missed.")]
    lines.append("")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
