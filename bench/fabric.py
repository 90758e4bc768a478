#!/usr/bin/python3
"""Fabric workload: generated three-tier fat-trees (bench/gen-fabric), K = 4 … 32, racks on
MC-LAG edge pairs, `down device, link; blackhole switch;`, eight `reach` requirements, K = 1.

For each size and variant (BFD everywhere: expect proved; no BFD: expect violated; each also
with --routing: rack prefixes, host static defaults towards the border leaves over the fabric,
the requirements towards the racks' prefixes plus one to the internet) times
faultline's product engine (median of --runs runs) with GNU time -v for wall time and peak
memory, and the Z3 path (`--no-fast-path`, the direct encoding) once with a time limit, side by
side; fits the growth exponent of time and memory against the number of switches, and sets each
routing variant beside its device-destination twin as ratios.  Prints a markdown section."""
import argparse
import json
import math
import os
import re
import signal
import statistics
import subprocess
import tempfile
import time

import common
from common import FAULTLINE, ROOT

GEN = os.path.join(ROOT, "bench", "gen-fabric")


def gnu_time(cmd, limit=None, ok=(0, 1)):
    """(wall seconds, peak RSS in MiB, stdout) or None past the limit; an exit code not in `ok`
    stops the benchmark.  The wall time is taken here (GNU time prints hundredths: a 4-ary
    fabric would read 0), the memory from GNU time."""
    # A session of its own, so that a timeout kills faultline too, not only GNU time.
    start = time.perf_counter()
    proc = subprocess.Popen(["/usr/bin/time", "-v", *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=limit)
        seconds = time.perf_counter() - start
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return None
    if proc.returncode not in ok:
        raise SystemExit(f"{cmd} failed ({proc.returncode}): {stderr[-500:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr).group(1)) / 1024
    return seconds, rss, stdout


def fit(xs, ys):
    """Least-squares slope of log y against log x: the growth exponent."""
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = statistics.mean(lx), statistics.mean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sizes", default="4,8,12,16,20,24,28,32")
    ap.add_argument("--limit", type=float, default=120, help="time limit for one Z3-path run")
    args = ap.parse_args()
    sizes = [int(k) for k in args.sizes.split(",")]
    work = tempfile.mkdtemp(prefix="faultline-fabric-")
    variants = ("bfd", "nobfd", "bfd-routing", "nobfd-routing")
    rows, series = [], {v: [] for v in variants}
    z3_gave_up = {v: False for v in variants}
    for k in sizes:
        for variant in variants:
            design = os.path.join(work, f"fabric-{k}-{variant}.fl")
            flags = (["--bfd"] if variant.startswith("bfd") else []) + \
                    (["--routing"] if variant.endswith("routing") else [])
            subprocess.run([GEN, str(k), *flags, "-o", design], check=True)
            runs = [gnu_time([FAULTLINE, "check", "--format", "json", "--stats", design]) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            rss = max(r[1] for r in runs)
            report = json.loads(runs[0][2])["designs"][0]
            reqs = report["requirements"]
            statuses = {r["status"] for r in reqs}
            events = reqs[0]["events_considered"]
            judged = sum(r["stats"]["solver_calls"] for r in reqs)
            sets = sum(len(r.get("violations", [])) for r in reqs)
            switches = 5 * k * k // 4
            z3 = "—"
            if not z3_gave_up[variant]:
                r = gnu_time([FAULTLINE, "check", "--no-fast-path", design], args.limit)
                if r is None:
                    z3 = f"> {args.limit:.0f} s"
                    z3_gave_up[variant] = True
                else:
                    z3 = f"{r[0]:.2f} s ({r[0] / wall:.0f}×)"
            verdict = "/".join(sorted(statuses))
            expected = "proved" if variant.startswith("bfd") else "violated"
            rows.append(f"| {k} | {switches:,} | {variant} | {events:,} | {judged:,} | {verdict}"
                        f"{'' if statuses == {expected} else ' (UNEXPECTED)'} | {sets:,} | {wall:.2f} s | {rss:.0f} MiB | {z3} |")
            series[variant].append((switches, wall, rss))
    commit = common.commit()
    lines = [
        "## Generated fat-tree fabrics: eight `reach`, `down device, link; blackhole switch;`, K = 1",
        "",
        f"Commit `{commit}`; `bench/gen-fabric K [--bfd] [--routing]`; faultline median of {args.runs} runs, wall time and peak RSS",
        f"from GNU time -v; the Z3 path (`--no-fast-path`) one run with a {args.limit:.0f} s limit, not",
        "retried at larger sizes once it hits the limit. `judged` = explicit states the hot-event",
        "search judged, over the eight requirements (`events` is per requirement).",
        "",
        "| K | switches | variant | events | judged | verdict | minimal sets | faultline | peak memory | Z3 path |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
    ]
    for variant, pts in series.items():
        big = [p for p in pts if p[0] >= 180]  # K ≥ 12: below that start-up dominates
        if len(big) >= 2:
            lines.append(f"Growth ({variant}, K ≥ 12): time ∝ switches^{fit([p[0] for p in big], [p[1] for p in big]):.2f}, "
                         f"memory ∝ switches^{fit([p[0] for p in big], [p[2] for p in big]):.2f}.")
    # Routing beside its device-destination twin, size by size (the same run).
    lines += ["", "Routing (DESIGN.md §7) beside the device-destination fabric of the same size, as ratios:", "",
              "| K | switches | bfd-routing / bfd time | memory | nobfd-routing / nobfd time | memory |",
              "|---|---|---|---|---|---|"]
    ratios = {}
    for i, k in enumerate(sizes):
        cells = []
        for base in ("bfd", "nobfd"):
            (sw, t0, m0), (_, t1, m1) = series[base][i], series[base + "-routing"][i]
            ratios[(k, base)] = (t1 / t0, m1 / m0)
            cells += [f"{t1 / t0:.2f}×", f"{m1 / m0:.2f}×"]
        lines.append(f"| {k} | {5 * k * k // 4:,} | " + " | ".join(cells) + " |")
    if sizes and sizes[-1] == 32:
        worst_t = max(ratios[(32, b)][0] for b in ("bfd", "nobfd"))
        worst_m = max(ratios[(32, b)][1] for b in ("bfd", "nobfd"))
        ok = worst_t <= 1.5 and worst_m <= 1.5
        lines += ["", f"Target (issue 12): the routing fabric at 1,280 switches within 1.5× of the device-destination "
                  f"fabric's time and memory: {worst_t:.2f}× time, {worst_m:.2f}× memory — " + ("met." if ok else "missed.")]
    last = {v: pts[-1] for v, pts in series.items() if pts and not v.endswith("routing")}
    if sizes and sizes[-1] == 32:
        worst = max(last.values(), key=lambda p: p[1])
        mem = max(p[2] for p in last.values())
        ok = worst[1] < 30 and mem < 4096
        lines += ["", f"Target (issue 3): the 1,280-switch fabric with gray faults, K = 1, under 30 s and 4 GiB: "
                  f"{worst[1]:.1f} s, {mem:.0f} MiB — " + ("met." if ok else "missed.")]
    lines.append("")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
