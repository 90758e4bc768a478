#!/usr/bin/python3
"""Packet-size workload (DESIGN.md §9, issue 14): the generated fat-trees as jumbo fabrics, and
with an overlay of tunnels (--tunnels),
(bench/gen-fabric K --size 9000: `mtu = 9000` on every switch link and host LAG, `mtu link 1500;`
among the faults, ` size 9000` on every reach) beside the same fabrics without sizes, with and
without BFD, K = 1.

For each K times faultline's product engine on both (median of --runs runs, wall time and peak
memory from GNU time -v) in one run, side by side, as ratios sized / plain, and checks that both
give the same statuses (the hosts do PMTUD and no device drops ICMP: every mtu slip is stepped
down, so sizes change no verdict).  Prints a markdown section."""
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


def measure(path, runs):
    """Median wall seconds, median peak MiB, the statuses."""
    times, mems, statuses = [], [], None
    for _ in range(runs):
        seconds, rss, out = gnu_time([FAULTLINE, "check", "--format", "json", path])
        times.append(seconds)
        mems.append(rss)
        statuses = [r["status"] for r in json.loads(out)["designs"][0]["requirements"]]
    return statistics.median(times), statistics.median(mems), statuses


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="8,16,24")
    a = ap.parse_args()
    lines = [f"## Packet size: jumbo fabrics and tunnel overlays beside plain ones (commit {common.commit()}, medians of {a.runs} runs)",
             "",
             "| K | switches | variant | plain s | sized s | time ratio | plain MiB | sized MiB | memory ratio | statuses |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        for k in [int(x) for x in a.sizes.split(",")]:
            for bfd in (False, True):
                paths = []
                for extra in ([], ["--size", "9000"], ["--size", "9000", "--tunnels"]):
                    path = os.path.join(tmp, f"f{k}-{bfd}-{len(extra)}.fl")
                    cmd = ["python3", GEN, str(k), "-o", path] + (["--bfd"] if bfd else []) + extra
                    subprocess.run(cmd, check=True)
                    paths.append(path)
                plain = measure(paths[0], a.runs)
                for name, path in (("sizes", paths[1]), ("sizes + tunnels", paths[2])):
                    sized = measure(path, a.runs)
                    same = "same" if plain[2] == sized[2] else "differ (expected with tunnels: their MTU)"
                    lines.append(f"| {k} | {5 * k * k // 4} | {'BFD' if bfd else 'no BFD'}, {name} | {plain[0]:.2f} | "
                                 f"{sized[0]:.2f} | {sized[0] / plain[0]:.2f}× | {plain[1]:.0f} | {sized[1]:.0f} | "
                                 f"{sized[1] / plain[1]:.2f}× | {same} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
