#!/usr/bin/env python3
"""Reads what eng/bench/compare.sh recorded (per way and round: TRX, docker events, RSS peak, window,
run.json for the orchestrator), checks that every way ran the same tests with the same outcomes,
prints the comparison table and rewrites the measured section of docs/benchmarks.md.

    compare_analyze.py <results dir> <docs/benchmarks.md>

Exit code 1 when the ways disagree on the tests or their outcomes, or when a way failed."""
import glob
import json
import os
import re
import statistics
import sys
import xml.etree.ElementTree as ET
from datetime import datetime

WAYS = ["naive", "per-class", "orchestrator"]
IMAGES = {"orchestrator/postgres:local", "orchestrator/redis:local", "orchestrator/rabbitmq:local"}
TRX_NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
BEGIN, END = "<!-- compare:begin -->", "<!-- compare:end -->"


def read(path, default=""):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except FileNotFoundError:
        return default


def trx_outcomes(directory):
    """test name -> normalised outcome over every TRX file below directory (attempts collapsed)."""
    attempts = {}
    results = 0
    # The orchestrator's results hold the merged per-layer TRX at the top and each unit's own TRX
    # under units/; only the merged ones count. The other ways write one TRX per test project.
    merged = sorted(glob.glob(os.path.join(directory, "results", "*.trx")))
    files = merged or sorted(glob.glob(os.path.join(directory, "trx", "**", "*.trx"), recursive=True))
    for path in files:
        for result in ET.parse(path).getroot().iter(TRX_NS + "UnitTestResult"):
            attempts.setdefault(result.get("testName"), []).append(result.get("outcome"))
            results += 1
    outcomes = {}
    for name, seen in attempts.items():
        kinds = set(seen)
        if kinds == {"Passed"}:
            outcomes[name] = "Passed"
        elif "Passed" in kinds and "Failed" in kinds:
            outcomes[name] = "Flaky"
        else:
            outcomes[name] = "+".join(sorted(kinds))
    return outcomes, results, files


def timespan_seconds(value):
    if isinstance(value, (int, float)):
        return float(value)
    m = re.fullmatch(r"(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)", value)
    if not m:
        raise ValueError(f"not a TimeSpan: {value}")
    days, h, mi, s = m.groups()
    return int(days or 0) * 86400 + int(h) * 3600 + int(mi) * 60 + float(s)


def instant(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def pick(obj, *names):
    for name in names:
        for key in obj:
            if key.lower() == name.lower():
                return obj[key]
    return None


def containers(events_path, way, window_end, run_id):
    """Count and container-seconds of the way's containers, from the engine's start/die/destroy events."""
    starts, ends = {}, {}
    for line in read(events_path).splitlines():
        e = json.loads(line)
        attrs = e.get("Actor", {}).get("Attributes", {})
        if attrs.get("image") not in IMAGES:
            continue
        if way == "naive":
            mine = "orchestrator.sample.run" in attrs
        elif way == "per-class":
            mine = "org.testcontainers" in attrs
        else:
            mine = run_id is not None and run_id in attrs.values()
        if not mine:
            continue
        cid, t = e["id"], e["timeNano"] / 1e9
        if e["Action"] == "start":
            starts.setdefault(cid, t)
        elif e["Action"] in ("die", "destroy"):
            # destroy is the end of the container's life; die only if no destroy came
            if e["Action"] == "destroy" or cid not in ends:
                ends[cid] = t
    leaked = [c for c in starts if c not in ends]
    seconds = sum(ends.get(c, window_end) - t for c, t in starts.items())
    return len(starts), seconds, len(leaked)


def peak_rss_mb(round_dir):
    """Peak summed RSS of the way's process tree; None when the sampler recorded nothing."""
    value = read(os.path.join(round_dir, "peak-rss-kb"))
    return int(value) / 1024 if value.isdigit() and int(value) > 0 else None


def orchestrator_record(round_dir):
    path = os.path.join(round_dir, "results", "run.json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def lower_bound(record, slots):
    units = []
    for unit in pick(record, "units") or []:
        started, finished = pick(unit, "startedAt", "started", "start"), pick(unit, "finishedAt", "finished", "end")
        if started and finished:
            units.append(instant(finished) - instant(started))
    starts = []
    for c in pick(record, "containers") or []:
        created, ready = pick(c, "createdAt", "created"), pick(c, "readyAt", "ready")
        if created and ready:
            starts.append(instant(ready) - instant(created))
    longest, total = (max(units) if units else 0.0), sum(units)
    slowest_start = max(starts) if starts else 0.0
    bound = max(longest, total / slots) + slowest_start
    phases = {k: timespan_seconds(v) for k, v in (pick(record, "phases") or {}).items()}
    return {"bound": bound, "longest_unit": longest, "unit_seconds": total, "units": len(units),
            "slots": slots, "slowest_container_start": slowest_start, "phases": phases,
            "run_id": pick(record, "runId")}


def spread(values, fmt="{:.1f}"):
    if not values:
        return "–"
    med = statistics.median(values)
    return f"{fmt.format(med)} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def main():
    out, doc = sys.argv[1], sys.argv[2]
    machine = dict(line.split("=", 1) for line in read(os.path.join(out, "machine")).splitlines())
    slots = int(machine["nproc"])
    rounds = int(machine["rounds"])
    rows = {w: [] for w in WAYS}
    problems = []
    reference = None
    for r in range(1, rounds + 1):
        for way in WAYS:
            d = os.path.join(out, way, f"round-{r}")
            start, end = map(float, read(os.path.join(d, "window")).split())
            record = orchestrator_record(d) if way == "orchestrator" else None
            bound = lower_bound(record, slots) if record else None
            run_id = bound["run_id"] if bound else None
            count, cseconds, leaked = containers(os.path.join(d, "events.jsonl"), way, end, run_id)
            outcomes, results, files = trx_outcomes(d)
            exit_code = int(read(os.path.join(d, "exit-code"), "-1"))
            loads = [read(os.path.join(d, f)).split()[0] for f in ("loadavg-before", "loadavg-after")]
            row = {"round": r, "wall": end - start, "containers": count, "container_seconds": cseconds,
                   "leaked": leaked, "peak_rss_mb": peak_rss_mb(d),
                   "tests": len(outcomes), "results": results, "trx_files": len(files),
                   "passed": sum(1 for o in outcomes.values() if o == "Passed"),
                   "not_passed": sorted(n for n, o in outcomes.items() if o != "Passed"),
                   "exit": exit_code, "load": loads, "lower_bound": bound}
            rows[way].append(row)
            if exit_code != 0:
                problems.append(f"{way} round {r} exited with {exit_code} (see {d}/output.log)")
            if leaked:
                problems.append(f"{way} round {r} left {leaked} container(s) without a destroy event")
            if reference is None:
                reference = (way, r, outcomes)
            elif outcomes != reference[2]:
                ref_way, ref_round, ref = reference
                only_ref = sorted(set(ref) - set(outcomes))
                only_this = sorted(set(outcomes) - set(ref))
                changed = sorted(n for n in set(ref) & set(outcomes) if ref[n] != outcomes[n])
                problems.append(
                    f"TESTS DIFFER: {way} round {r} vs {ref_way} round {ref_round}: "
                    f"{len(only_ref)} only in {ref_way} {only_ref[:5]}, {len(only_this)} only in {way} {only_this[:5]}, "
                    f"{len(changed)} with another outcome {[(n, ref[n], outcomes[n]) for n in changed[:5]]}")

    def med(way, key):
        return statistics.median(row[key] for row in rows[way])

    table = ["| way | wall s | containers started | container-seconds | peak RSS of the process tree, MB | tests run | passed |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for way in WAYS:
        rs = rows[way]
        table.append(f"| {way} | {spread([x['wall'] for x in rs])} | {spread([x['containers'] for x in rs], '{:.0f}')} "
                     f"| {spread([x['container_seconds'] for x in rs])} | {spread([x['peak_rss_mb'] for x in rs if x['peak_rss_mb'] is not None], '{:.0f}')} "
                     f"| {spread([x['tests'] for x in rs], '{:.0f}')} | {spread([x['passed'] for x in rs], '{:.0f}')} |")
    orch = med("orchestrator", "wall")
    ratio_naive, ratio_class = med("naive", "wall") / orch, med("per-class", "wall") / orch
    orch_rows = rows["orchestrator"]
    bounds = [x["lower_bound"]["bound"] for x in orch_rows if x["lower_bound"]]
    lb = statistics.median(bounds) if bounds else float("nan")
    ratio_bound = orch / lb if bounds else float("nan")

    per_round = ["| round | " + " | ".join(f"{w} wall s" for w in WAYS) + " | load average (1 min) before → after |",
                 "| --- | " + " | ".join("---" for _ in WAYS) + " | --- |"]
    for i in range(rounds):
        loads = "; ".join(f"{w}: {rows[w][i]['load'][0]}→{rows[w][i]['load'][1]}" for w in WAYS)
        per_round.append(f"| {i + 1} | " + " | ".join(f"{rows[w][i]['wall']:.1f}" for w in WAYS) + f" | {loads} |")

    bound_table = ["| round | wall s | lower bound s | longest unit s | unit-seconds / slots | slowest container start s | wall / bound | wall / work bound | "
                   + "phases s |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for x in orch_rows:
        b = x["lower_bound"]
        if not b:
            continue
        phases = ", ".join(f"{k} {v:.1f}" for k, v in b["phases"].items())
        bound_table.append(f"| {x['round']} | {x['wall']:.1f} | {b['bound']:.1f} | {b['longest_unit']:.1f} | "
                           f"{b['unit_seconds']:.1f} / {b['slots']} = {b['unit_seconds'] / b['slots']:.1f} | "
                           f"{b['slowest_container_start']:.1f} | {x['wall'] / b['bound']:.2f} | "
                           f"{x['wall'] / max(b['longest_unit'], b['unit_seconds'] / b['slots']):.2f} | {phases} |")

    def verdict(value, target, what):
        return (f"{what}: {value:.2f}× — target {target} **met**" if value >= target
                else f"{what}: {value:.2f}× — target {target} **missed** (by {target / value:.2f}×)")

    targets = [verdict(ratio_naive, 2, "naive / orchestrator (median wall)"),
               verdict(ratio_class, 3, "per-class / orchestrator (median wall)")]
    if bounds:
        targets.append(f"orchestrator / its lower bound (medians): {ratio_bound:.2f}× — target ≤ 1.25 "
                       + ("**met**" if ratio_bound <= 1.25 else f"**missed** (by {ratio_bound / 1.25:.2f}×)"))
    not_passed = sorted({n for w in WAYS for x in rows[w] for n in x["not_passed"]})

    section = [BEGIN,
               f"Measured {datetime.utcnow():%Y-%m-%d %H:%M} UTC, {rounds} interleaved rounds, results in `{os.path.relpath(out)}`. "
               f"Machine: {machine['nproc']} cores ({machine.get('cpu', '?')}), {int(machine['mem_bytes']) / 2**30:.0f} GiB; "
               f"the orchestrator started with {'warm' if machine['warm_timings'] == 'true' else 'no'} recorded timings. "
               "Median (min–max) over the rounds:", "", *table, "",
               *targets, "",
               "Tests that did not pass in some way and round (the same in every way, or the check above fails): "
               + (", ".join(f"`{n}`" for n in not_passed) if not_passed else "none") + ".", "",
               "Per round (interleaved, in this order within a round):", "", *per_round, "",
               "The orchestrator against its lower bound (max(longest unit, unit-seconds / slots) + slowest container create→ready, from run.json; "
               "the work bound leaves the container start out, since resource-free units run while containers start):",
               "", *bound_table, "",
               *([f"**Problems:** " + "; ".join(problems)] if problems else ["Every way ran the same tests with the same outcomes in every round."]),
               END]
    text = "\n".join(section)
    print("\n".join(table + [""] + targets + [""] + per_round + [""] + bound_table))
    if problems:
        print("\nPROBLEMS:\n  " + "\n  ".join(problems), file=sys.stderr)
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump({"rows": rows, "ratios": {"naive/orchestrator": ratio_naive, "per-class/orchestrator": ratio_class,
                                            "orchestrator/lower-bound": ratio_bound}, "problems": problems}, f, indent=2)
    with open(os.path.join(out, "table.md"), "w", encoding="utf-8") as f:
        f.write(text + "\n")
    existing = read(doc)
    if BEGIN in existing and END in existing:
        new = existing[:existing.index(BEGIN)] + text + existing[existing.index(END) + len(END):]
    else:
        new = "# Benchmarks\n\n## Shop `pr` selection: naive pipeline vs container per class vs orchestrator\n\n" + text
    with open(doc, "w", encoding="utf-8") as f:
        f.write(new.rstrip("\n") + "\n")
    return 1 if any(p.startswith("TESTS DIFFER") for p in problems) or any("exited" in p for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
