#!/usr/bin/python3
"""Gray `connected` workload (issue 18): `connected *` under `down device, link; blackhole
switch;` on the generated fat-trees (bench/gen-fabric K --connected T), the most natural
question about a fabric — does every pair stay connected under any T gray failures?

For each (K, T) times faultline's product engine (median of --runs runs; wall time and peak
memory from GNU time -v) and, once each with a time limit, the brute-force oracle
(`--engine enumerate`) and the Z3 path (`--no-fast-path`), side by side as ratios to the
product; checks that the oracle's status and number of minimal sets equal the product's.
Prints a markdown section with issue 18's targets."""
import argparse
import json
import os
import statistics
import subprocess
import tempfile

import common
from common import FAULTLINE, ROOT
from fabric import gnu_time

GEN = os.path.join(ROOT, "bench", "gen-fabric")
# Issue 18's targets: (K, T) -> seconds.
TARGETS = {(8, 1): 0.5, (16, 1): 10.0, (8, 2): 60.0}


def once(cmd, limit, wall):
    """One timed run with a limit, as a table cell, and its report (None past the limit)."""
    r = gnu_time(cmd, limit, ok=(0, 1, 3))  # 3: unknown
    if r is None:
        return f"> {limit:.0f} s", None
    report = json.loads(r[2])["designs"][0]["requirements"]
    return f"{r[0]:.2f} s ({r[0] / wall:.1f}×, {report[0]['status']})", report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cases", default="4:1,8:1,12:1,16:1,4:2,8:2",
                    help="fabric K and tolerate T, as K:T,…")
    ap.add_argument("--limit", type=float, default=300, help="time limit for one oracle or Z3 run")
    ap.add_argument("--z3-limit", type=float, default=120)
    args = ap.parse_args()
    cases = [tuple(int(x) for x in c.split(":")) for c in args.cases.split(",")]
    work = tempfile.mkdtemp(prefix="faultline-gray-")
    rows, results = [], {}
    for k, t in cases:
        design = os.path.join(work, f"gray-{k}-{t}.fl")
        subprocess.run([GEN, str(k), "--connected", str(t), "-o", design], check=True)
        cmd = [FAULTLINE, "check", "--format", "json", design]
        timed = [gnu_time(cmd) for _ in range(args.runs)]
        wall = statistics.median(r[0] for r in timed)
        rss = statistics.median(r[1] for r in timed)
        req = json.loads(timed[0][2])["designs"][0]["requirements"][0]
        results[(k, t)] = wall
        oracle, report = once([FAULTLINE, "check", "--format", "json", "--engine", "enumerate", design],
                              args.limit, wall)
        z3, _ = once([FAULTLINE, "check", "--format", "json", "--no-fast-path", design], args.z3_limit, wall)
        agree = "—" if report is None else \
            ("yes" if (report[0]["status"], len(report[0].get("violations", []))) ==
             (req["status"], len(req.get("violations", []))) else "NO")
        switches = 5 * k * k // 4
        rows.append(f"| {k} | {switches:,} | {t} | {req['events_considered']:,} | {req['status']} | "
                    f"{len(req.get('violations', []))} | {req['method']} | {wall:.2f} s | {rss:.0f} MiB | "
                    f"{oracle} | {z3} | {agree} |")
    lines = [
        "## Gray `connected *` on fabrics: `down device, link; blackhole switch;`",
        "",
        f"Commit `{common.commit()}`; `bench/gen-fabric K --connected T`. faultline median of {args.runs} "
        "runs, wall time and peak RSS from GNU time -v; the oracle (`--engine enumerate`) one run with a "
        f"{args.limit:.0f} s limit, the Z3 path (`--no-fast-path`) one with {args.z3_limit:.0f} s. `agree`: "
        "the oracle's status and number of minimal sets equal the product's.",
        "",
        "| K | switches | T | events | verdict | minimal sets | method | faultline | peak memory | oracle | "
        "Z3 path | agree |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
    ]
    for (k, t), target in TARGETS.items():
        if (k, t) in results:
            w = results[(k, t)]
            lines.append(f"Target (issue 18): gen-fabric {k}, T = {t} under {target:g} s: {w:.2f} s — " +
                         ("met." if w < target else "missed."))
            lines.append("")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
