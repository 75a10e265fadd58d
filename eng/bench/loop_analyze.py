#!/usr/bin/env python3
"""Tables of a developer-loop benchmark (eng/bench/slice.sh, reuse.sh, repeat.sh).

    loop_analyze.py <results dir> <way> [<way>...]

Reads <dir>/<way>/round-<n>/: cpu.json (wall and CPU-seconds of the process tree), loadavg-samples, loadavg-before
and -after, exit-code and figures ("name=value" lines the script wrote: containers started, namespaces). Writes
<dir>/table.md and prints it: per way the median (min-max) of every figure over the rounds, then every round."""
import json
import os
import statistics
import sys


def number(value):
    try:
        return float(value)
    except ValueError:
        return None


def read_round(path):
    cpu = json.load(open(os.path.join(path, "cpu.json")))
    figures = {"wall s": cpu["wall_s"], "CPU-s of the process tree": cpu["cpu_s"]}
    loads = [float(x) for x in open(os.path.join(path, "loadavg-samples")).read().split()]
    before = open(os.path.join(path, "loadavg-before")).read().split()[0]
    after = open(os.path.join(path, "loadavg-after")).read().split()[0]
    exit_code = open(os.path.join(path, "exit-code")).read().strip()
    figures_path = os.path.join(path, "figures")
    if os.path.exists(figures_path):
        for line in open(figures_path, encoding="utf-8"):
            if "=" in line:
                name, value = line.rstrip("\n").split("=", 1)
                figures[name] = number(value) if number(value) is not None else value
    return {"figures": figures, "load": (statistics.mean(loads), max(loads)), "load edges": (before, after), "exit": exit_code}


def summary(values):
    if all(isinstance(v, float) for v in values):
        fmt = (lambda v: f"{v:.1f}") if any(v != int(v) for v in values) else (lambda v: f"{v:.0f}")
        return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"
    return " / ".join(dict.fromkeys(str(v) for v in values))


def main():
    out, ways = sys.argv[1], sys.argv[2:]
    rounds = {}
    for way in ways:
        way_dir = os.path.join(out, way)
        names = sorted((d for d in os.listdir(way_dir) if d.startswith("round-")), key=lambda d: int(d.split("-")[1]))
        rounds[way] = [(name.split("-")[1], read_round(os.path.join(way_dir, name))) for name in names]
    columns = list(dict.fromkeys(name for way in ways for _, r in rounds[way] for name in r["figures"]))
    lines = [f"Median (min–max) over the rounds, results in `{os.path.relpath(out, os.getcwd())}`:", "",
             "| way | rounds | " + " | ".join(columns) + " | load average (1 min) during the run, mean (max) |",
             "| --- | --- | " + " | ".join("---" for _ in columns) + " | --- |"]
    for way in ways:
        rs = [r for _, r in rounds[way]]
        cells = [summary([r["figures"][c] for r in rs if c in r["figures"]]) if any(c in r["figures"] for r in rs) else "–"
                 for c in columns]
        load = f"{statistics.mean(r['load'][0] for r in rs):.1f} ({max(r['load'][1] for r in rs):.1f})"
        lines.append(f"| {way} | {len(rs)} | " + " | ".join(cells) + f" | {load} |")
    lines += ["", "Per round, in the order they ran (interleaved):", "",
              "| round | way | exit | " + " | ".join(columns) + " | load average before → after |",
              "| --- | --- | --- | " + " | ".join("---" for _ in columns) + " | --- |"]
    for index in range(max(len(rounds[way]) for way in ways)):
        for way in ways:
            if index >= len(rounds[way]):
                continue
            name, r = rounds[way][index]
            cells = [summary([r["figures"][c]]).split(" (")[0] if c in r["figures"] else "–" for c in columns]
            lines.append(f"| {name} | {way} | {r['exit']} | " + " | ".join(cells) + f" | {r['load edges'][0]} → {r['load edges'][1]} |")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(out, "table.md"), "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
