#!/usr/bin/env python3
"""Reads what eng/bench/compare.sh recorded (per suite, way and round: TRX, docker events, cpu.json of the
process tree, cgroup CPU counters of the containers, RSS peak, load-average samples, window, run.json for
the orchestrator, the CPU-s of the --busy burner), checks that the ways of each suite ran the same tests with the
same outcomes, prints the comparison tables and rewrites each suite's measured section of docs/benchmarks.md (its
busy section, between `compare-busy` markers instead of `compare` ones, after a run with --busy).

    compare_analyze.py <results dir> [docs/benchmarks.md]

Exit code 1 when the ways of a suite disagree on the tests or their outcomes, when a way failed, when a
suite ran another number of test cases than it has, or when a test of a suite that must pass did not."""
import glob
import json
import os
import re
import statistics
import sys
import xml.etree.ElementTree as ET
from datetime import datetime, timezone

IMAGES = {"orchestrator/postgres:local", "orchestrator/redis:local", "orchestrator/rabbitmq:local"}
TRX_NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"

SUITES = {
    "shop": {
        "title": "Shop `pr` selection",
        "ways": ["naive", "per-class", "orchestrator", "orchestrator-console"],
        "markers": ("<!-- compare:begin -->", "<!-- compare:end -->"),
        "expected_tests": None,
        "all_pass": False,
        # (baseline way, target for baseline wall / orchestrator wall)
        "wall_targets": [("naive", 1.5), ("per-class", 2.5)],
        # baseline whose CPU-s the orchestrator must not exceed
        "cpu_target": "naive",
    },
    "ledger": {
        "title": "Ledger",
        "ways": ["naive-serial", "orchestrator"],
        "markers": ("<!-- compare-ledger:begin -->", "<!-- compare-ledger:end -->"),
        "expected_tests": 47,
        "all_pass": True,
        "wall_targets": [("naive-serial", 1.6)],
        "cpu_target": None,
    },
}


def read(path, default=""):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().strip()
    except FileNotFoundError:
        return default


def read_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        return None


def trx_outcomes(directory):
    """Fully qualified test name -> normalised outcome over every TRX file below directory (attempts
    collapsed). NUnit and MSTest name a case by its method alone in their own TRX while the orchestrator's
    merged TRX puts the class in front; the class is put in front here too, so both name a case alike."""
    attempts = {}
    results = 0
    # The orchestrator's results hold the merged per-layer TRX at the top and each unit's own TRX
    # under units/; only the merged ones count. The other ways write one TRX per test project.
    merged = sorted(glob.glob(os.path.join(directory, "results", "*.trx")))
    files = merged or sorted(glob.glob(os.path.join(directory, "trx", "**", "*.trx"), recursive=True))
    for path in files:
        root = ET.parse(path).getroot()
        classes = {}
        for test in root.iter(TRX_NS + "UnitTest"):
            method = test.find(TRX_NS + "TestMethod")
            classes[test.get("id")] = method.get("className", "") if method is not None else ""
        top = root.find(TRX_NS + "Results")
        results += len(list(top)) if top is not None else 0
        for result in root.iter(TRX_NS + "UnitTestResult"):
            name, cls = result.get("testName"), classes.get(result.get("testId"), "")
            cls = cls.split(",")[0].strip()  # some adapters append the assembly
            if cls and not name.startswith(cls + "."):
                name = f"{cls}.{name}"
            attempts.setdefault(name, []).append(result.get("outcome"))
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


def trx_seconds(paths):
    """Summed durations of the top-level results of TRX files: the time the test framework timed."""
    total = 0.0
    for path in paths:
        if not os.path.exists(path):
            continue
        top = ET.parse(path).getroot().find(TRX_NS + "Results")
        for result in top if top is not None else []:
            if result.get("duration"):
                total += timespan_seconds(result.get("duration"))
    return total


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
    """The way's containers from the engine's start/die/destroy events: ids, count, container-seconds, leaked."""
    starts, ends = {}, {}
    for line in read(events_path).splitlines():
        e = json.loads(line)
        attrs = e.get("Actor", {}).get("Attributes", {})
        if attrs.get("image") not in IMAGES:
            continue
        if way in ("naive", "naive-serial"):
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
    return set(starts), seconds, len(leaked)


def counters(path):
    values = {}
    for line in read(path).splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            values[parts[0]] = int(parts[1])
    return values


def container_cpu(round_dir, mine):
    """CPU-seconds of the way's containers and of any other container, from the cgroup counters sampled
    before the way started and every 0.5 s while it ran (each container's last value)."""
    before = counters(os.path.join(round_dir, "container-cpu-before"))
    after = counters(os.path.join(round_dir, "container-cpu-after"))
    own = other = 0
    for cid, last in after.items():
        used = max(0, last - before.get(cid, 0))
        if cid in mine:
            own += used
        else:
            other += used
    return own / 1e9, other / 1e9


def peak_rss_mb(round_dir):
    """Peak summed RSS of the way's process tree; None when the sampler recorded nothing."""
    value = read(os.path.join(round_dir, "peak-rss-kb"))
    return int(value) / 1024 if value.isdigit() and int(value) > 0 else None


def load_samples(round_dir):
    return [float(v) for v in read(os.path.join(round_dir, "loadavg-samples")).split()]


def phases_line(round_dir):
    """The orchestrator's own `Phases:` line (merge included, which run.json does not hold)."""
    for line in read(os.path.join(round_dir, "output.log")).splitlines():
        if line.startswith("Phases:"):
            return {k: float(v) for k, v in re.findall(r"(\w+) (\d+(?:\.\d+)?) ?s", line)}
    return None


def lower_bound(record, slots):
    units = []
    for unit in pick(record, "units") or []:
        started, finished = pick(unit, "startedAt"), pick(unit, "finishedAt")
        if started and finished:
            units.append(instant(finished) - instant(started))
    starts = []
    for c in pick(record, "containers") or []:
        created, ready = pick(c, "createdAt"), pick(c, "readyAt")
        if created and ready:
            starts.append(instant(ready) - instant(created))
    longest, total = (max(units) if units else 0.0), sum(units)
    slowest_start = max(starts) if starts else 0.0
    bound = max(longest, total / slots) + slowest_start
    phases = {k: timespan_seconds(v) for k, v in (pick(record, "phases") or {}).items()}
    return {"bound": bound, "longest_unit": longest, "unit_seconds": total, "units": len(units),
            "slots": slots, "slowest_container_start": slowest_start, "phases": phases,
            "run_id": pick(record, "runId")}


def timeline(record, results_dir):
    """Units and containers of a run, in seconds from the run's start."""
    t0 = instant(pick(record, "startedAt"))
    rows = []
    for c in pick(record, "containers") or []:
        created, ready, removed = (pick(c, k) for k in ("createdAt", "readyAt", "removedAt"))
        rows.append((instant(created) - t0, f"container {pick(c, 'instanceName')}",
                     f"created {instant(created) - t0:.1f}, ready {instant(ready) - t0:.1f}" if ready else "never ready",
                     f"removed {instant(removed) - t0:.1f}" if removed else "not removed"))
    for u in pick(record, "units") or []:
        started, finished = instant(pick(u, "startedAt")) - t0, instant(pick(u, "finishedAt")) - t0
        trx = pick(u, "trxPath")
        test_time = trx_seconds([os.path.join(results_dir, trx)]) if trx else 0.0
        rows.append((started, f"unit {pick(u, 'unitId')}",
                     f"{len(pick(u, 'expectedTests') or [])} tests, {started:.1f} → {finished:.1f} ({finished - started:.1f} s)",
                     f"{pick(u, 'exit')}; its tests' own time (TRX) {test_time:.1f} s, the rest ({finished - started - test_time:.1f} s) is the process"))
    rows.sort(key=lambda r: r[0])
    end = instant(pick(record, "finishedAt")) - t0
    return [f"| {what} | {span} | {extra} |" for _, what, span, extra in rows] + [f"| run ends (the process exits after the merge) | {end:.1f} | |"]


def spread(values, fmt="{:.1f}"):
    if not values:
        return "–"
    med = statistics.median(values)
    return f"{fmt.format(med)} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def slots_of(out, suite, machine):
    """The orchestrator's slots: the suite configuration's maxParallelUnits, 0 meaning one per processor."""
    config = read_json(os.path.join(out, f"{suite}.orchestrator.json")) or {}
    configured = (config.get("parallelism") or {}).get("maxParallelUnits", 0)
    return configured if configured > 0 else int(machine["nproc"])


def cpu_by_kind(round_dir):
    kinds = {}
    for p in read_json(os.path.join(round_dir, "processes.json")) or []:
        kinds[p["kind"]] = kinds.get(p["kind"], 0.0) + p["cpu_s"]
    return kinds


def process_group(kind):
    """The group a process of the tree is counted in: a test host of any flavour (testhost.dll, testhost.x86.dll, …)
    as one, the kinds named in PROCESS_KINDS apart, any other `dotnet` host together, then everything else."""
    if kind.startswith("testhost"):
        return TEST_HOSTS
    if kind in PROCESS_KINDS:
        return kind
    return OTHER_DOTNET if kind.endswith(".dll") or kind.startswith("dotnet") else "other"


def processes_by_kind(round_dir):
    """Processes of the tree seen by the sampler, counted by what they run (one shorter than a sample may be missed)."""
    counts = {}
    for p in read_json(os.path.join(round_dir, "processes.json")) or []:
        group = process_group(p["kind"])
        counts[group] = counts.get(group, 0) + 1
    return counts


TEST_HOSTS = "testhost*.dll"
OTHER_DOTNET = "dotnet (other)"
PROCESS_KINDS = ("vstest.console.dll", TEST_HOSTS, "dotnet test", "Orchestrator.Cli.dll")


def busy_cpu(round_dir):
    """CPU-s the --busy burner used beside the way (None when the run was quiet)."""
    value = read(os.path.join(round_dir, "busy-cpu-s"))
    return float(value) if value else None


def orchestrating(way):
    """Ways that are the orchestrator (with one setting or another): they leave a run.json."""
    return way.startswith("orchestrator")


def analyse(suite, spec, out, machine, rounds, present):
    slots = slots_of(out, suite, machine)
    ways = [w for w in spec["ways"] if f"{suite}/{w}" in present]
    rows = {w: [] for w in ways}
    problems = []
    reference = None
    for r in range(1, rounds + 1):
        for way in ways:
            d = os.path.join(out, suite, way, f"round-{r}")
            start, end = map(float, read(os.path.join(d, "window")).split())
            cpu = read_json(os.path.join(d, "cpu.json")) or {}
            record = read_json(os.path.join(d, "results", "run.json")) if orchestrating(way) else None
            bound = lower_bound(record, slots) if record else None
            run_id = bound["run_id"] if bound else None
            mine, cseconds, leaked = containers(os.path.join(d, "events.jsonl"), way, end, run_id)
            own_cpu, other_cpu = container_cpu(d, mine)
            outcomes, results, files = trx_outcomes(d)
            exit_code = int(read(os.path.join(d, "exit-code"), "-1"))
            loads = [read(os.path.join(d, f)).split()[0] for f in ("loadavg-before", "loadavg-after")]
            samples = load_samples(d)
            row = {"round": r, "wall": cpu.get("wall_s", end - start), "cpu": cpu.get("cpu_s"),
                   "user": cpu.get("user_s"), "system": cpu.get("system_s"),
                   "container_cpu": own_cpu, "other_container_cpu": other_cpu,
                   "containers": len(mine), "container_seconds": cseconds,
                   "leaked": leaked, "leftover_processes": cpu.get("leftovers", []), "peak_rss_mb": peak_rss_mb(d),
                   "tests": len(outcomes), "results": results, "trx_files": len(files),
                   "passed": sum(1 for o in outcomes.values() if o == "Passed"),
                   "not_passed": sorted(n for n, o in outcomes.items() if o != "Passed"),
                   "exit": exit_code, "load": loads, "cpu_by_kind": cpu_by_kind(d), "processes_by_kind": processes_by_kind(d),
                   "busy_cpu": busy_cpu(d),
                   "load_mean": statistics.mean(samples) if samples else None,
                   "load_max": max(samples) if samples else None,
                   "lower_bound": bound, "phases_line": phases_line(d) if orchestrating(way) else None,
                   "timeline": timeline(record, os.path.join(d, "results")) if record else None,
                   "test_seconds": trx_seconds(files)}
            rows[way].append(row)
            where = f"{suite} {way} round {r}"
            if exit_code != 0:
                problems.append(f"{where} exited with {exit_code} (see {d}/output.log)")
            if cpu.get("cpu_s") is None:
                problems.append(f"{where} has no CPU record ({d}/cpu.json)")
            if leaked:
                problems.append(f"{where} left {leaked} container(s) without a destroy event")
            if row["leftover_processes"]:
                problems.append(f"{where} left processes running: "
                                + ", ".join(f"{p['comm']} ({p['pid']})" for p in row["leftover_processes"]))
            if other_cpu > 0.5:
                problems.append(f"{where}: containers of no way used {other_cpu:.1f} CPU-s meanwhile")
            if spec["expected_tests"] is not None and len(outcomes) != spec["expected_tests"]:
                problems.append(f"TEST COUNT: {where} ran {len(outcomes)} test cases, the suite has {spec['expected_tests']}")
            if spec["all_pass"] and row["not_passed"]:
                problems.append(f"NOT PASSED: {where}: {len(row['not_passed'])} case(s) did not pass "
                                f"{[(n, outcomes[n]) for n in row['not_passed'][:5]]}")
            if reference is None:
                reference = (way, r, outcomes)
            elif outcomes != reference[2]:
                ref_way, ref_round, ref = reference
                only_ref = sorted(set(ref) - set(outcomes))
                only_this = sorted(set(outcomes) - set(ref))
                changed = sorted(n for n in set(ref) & set(outcomes) if ref[n] != outcomes[n])
                problems.append(
                    f"TESTS DIFFER: {where} vs {ref_way} round {ref_round}: "
                    f"{len(only_ref)} only in {ref_way} {only_ref[:5]}, {len(only_this)} only in {way} {only_this[:5]}, "
                    f"{len(changed)} with another outcome {[(n, ref[n], outcomes[n]) for n in changed[:5]]}")

    def med(way, key):
        values = [row[key] for row in rows[way] if row[key] is not None]
        return statistics.median(values) if values else float("nan")

    def started(x, *groups):
        return sum(x["processes_by_kind"].get(g, 0) for g in groups)

    others = (OTHER_DOTNET, "dotnet test", "Orchestrator.Cli.dll")
    table = ["| way | wall s | CPU-s of the process tree (user + sys) | container CPU-s | containers started | container-seconds "
             "| peak RSS of the process tree, MB | tests run | passed | Σ test durations (TRX) s "
             "| processes started: `vstest.console` / test hosts / other `dotnet` | load average (1 min) during the run, mean (max) |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for way in ways:
        rs = rows[way]
        loads = [x["load_mean"] for x in rs if x["load_mean"] is not None]
        load_max = max((x["load_max"] for x in rs if x["load_max"] is not None), default=None)
        load_cell = f"{statistics.mean(loads):.1f} ({load_max:.1f})" if loads else "–"
        table.append(f"| {way} | {spread([x['wall'] for x in rs])} | {spread([x['cpu'] for x in rs if x['cpu'] is not None])} "
                     f"| {spread([x['container_cpu'] for x in rs])} "
                     f"| {spread([x['containers'] for x in rs], '{:.0f}')} "
                     f"| {spread([x['container_seconds'] for x in rs])} | {spread([x['peak_rss_mb'] for x in rs if x['peak_rss_mb'] is not None], '{:.0f}')} "
                     f"| {spread([x['tests'] for x in rs], '{:.0f}')} | {spread([x['passed'] for x in rs], '{:.0f}')} "
                     f"| {spread([x['test_seconds'] for x in rs])} "
                     f"| {' / '.join(f'{statistics.median(started(x, *g) for x in rs):.0f}' for g in (('vstest.console.dll',), (TEST_HOSTS,), others))} "
                     f"| {load_cell} |")

    orch_wall, orch_cpu = med("orchestrator", "wall"), med("orchestrator", "cpu")
    orch_total = orch_cpu + med("orchestrator", "container_cpu")
    ratios = {}
    lines = []
    for way in ways:
        if way == "orchestrator":
            continue
        wall_ratio = med(way, "wall") / orch_wall
        cpu_ratio = med(way, "cpu") / orch_cpu
        total_ratio = (med(way, "cpu") + med(way, "container_cpu")) / orch_total
        ratios[f"{way}/orchestrator"] = {"wall": wall_ratio, "cpu": cpu_ratio, "cpu_with_containers": total_ratio}
        lines.append(f"{way} / orchestrator: wall (median) {med(way, 'wall'):.1f} / {orch_wall:.1f} s = **{wall_ratio:.2f}×**; "
                     f"CPU-s of the process tree (median) {med(way, 'cpu'):.1f} / {orch_cpu:.1f} = **{cpu_ratio:.2f}×**; "
                     f"with the containers' CPU-s {med(way, 'cpu') + med(way, 'container_cpu'):.1f} / {orch_total:.1f} = {total_ratio:.2f}×")
    for way in (w for w in ways if orchestrating(w) and w != "orchestrator"):
        # Another setting of the orchestrator: how much the default takes against it (above 1: the setting is cheaper).
        lines.append(f"orchestrator / {way}: wall (median) {orch_wall:.1f} / {med(way, 'wall'):.1f} s = **{orch_wall / med(way, 'wall'):.2f}×**; "
                     f"CPU-s of the process tree (median) {orch_cpu:.1f} / {med(way, 'cpu'):.1f} = **{orch_cpu / med(way, 'cpu'):.2f}×**")

    targets = []
    for way, target in spec["wall_targets"]:
        value = ratios[f"{way}/orchestrator"]["wall"]
        targets.append(f"- {way} / orchestrator, median wall: {value:.2f}× — target ≥ {target}× "
                       + ("**met**" if value >= target else f"**missed** (short by a factor of {target / value:.2f})"))
    if spec["cpu_target"]:
        way = spec["cpu_target"]
        base = med(way, "cpu")
        targets.append(f"- orchestrator CPU-s ≤ {way} CPU-s (process trees, medians): {orch_cpu:.1f} vs {base:.1f} — "
                       + ("**met**" if orch_cpu <= base else f"**missed** (the orchestrator uses {orch_cpu / base:.2f}× as much)"))
    if spec["all_pass"]:
        failed = [x for x in rows["orchestrator"] if x["not_passed"] or x["exit"] != 0]
        targets.append(f"- orchestrator with zero failures: "
                       + ("**met** (every case passed in every round, on the first attempt)" if not failed
                          else f"**missed** ({len(failed)} round(s) with failures)"))
    orch_rows = rows["orchestrator"]
    bounds = [x["lower_bound"]["bound"] for x in orch_rows if x["lower_bound"]]
    ratio_bound = orch_wall / statistics.median(bounds) if bounds else float("nan")
    ratios["orchestrator/lower-bound"] = ratio_bound

    per_round = ["| round | " + " | ".join(f"{w} wall s / CPU-s / container CPU-s" for w in ways) + " | load average (1 min) before → after |",
                 "| --- | " + " | ".join("---" for _ in ways) + " | --- |"]
    for i in range(rounds):
        loads = "; ".join(f"{w}: {rows[w][i]['load'][0]}→{rows[w][i]['load'][1]}" for w in ways)
        cells = " | ".join(f"{rows[w][i]['wall']:.1f} / {rows[w][i]['cpu'] or float('nan'):.1f} / {rows[w][i]['container_cpu']:.1f}" for w in ways)
        per_round.append(f"| {i + 1} | {cells} | {loads} |")

    bound_table = ["| round | wall s | lower bound s | longest unit s | unit-seconds / slots | slowest container start s | wall / bound | wall / work bound | "
                   "phases s (the run's `Phases:` line) |", "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for x in orch_rows:
        b = x["lower_bound"]
        if not b:
            continue
        phases = x["phases_line"] or b["phases"]
        phase_text = ", ".join(f"{k} {v:.1f}" for k, v in phases.items())
        bound_table.append(f"| {x['round']} | {x['wall']:.1f} | {b['bound']:.1f} | {b['longest_unit']:.1f} | "
                           f"{b['unit_seconds']:.1f} / {b['slots']} = {b['unit_seconds'] / b['slots']:.1f} | "
                           f"{b['slowest_container_start']:.1f} | {x['wall'] / b['bound']:.2f} | "
                           f"{x['wall'] / max(b['longest_unit'], b['unit_seconds'] / b['slots']):.2f} | {phase_text} |")

    # CPU-s by what the processes run (sampled, medians over the rounds); small kinds lumped together.
    kinds = sorted({k for w in ways for x in rows[w] for k in x["cpu_by_kind"]})
    medians = {w: {k: statistics.median(x["cpu_by_kind"].get(k, 0.0) for x in rows[w]) for k in kinds} for w in ways}
    big = [k for k in kinds if max(medians[w][k] for w in ways) >= 0.3]
    big.sort(key=lambda k: -max(medians[w][k] for w in ways))
    kind_table = ["| process | " + " | ".join(ways) + " |", "| --- | " + " | ".join("---:" for _ in ways) + " |"]
    for k in big:
        kind_table.append(f"| `{k}` | " + " | ".join(f"{medians[w][k]:.1f}" for w in ways) + " |")
    kind_table.append("| everything else seen | " + " | ".join(
        f"{sum(v for k, v in medians[w].items() if k not in big):.1f}" for w in ways) + " |")
    kind_table.append("| sampled total / measured total | " + " | ".join(
        f"{sum(medians[w].values()):.1f} / {med(w, 'cpu'):.1f}" for w in ways) + " |")

    # Processes started, by what they run (sampled, medians over the rounds).
    groups = [k for k in (*PROCESS_KINDS, OTHER_DOTNET, "other") if any(x["processes_by_kind"].get(k) for w in ways for x in rows[w])]
    process_table = ["| processes | " + " | ".join(ways) + " |", "| --- | " + " | ".join("---:" for _ in ways) + " |"]
    for k in groups:
        process_table.append(f"| `{k}` | " + " | ".join(
            f"{statistics.median(x['processes_by_kind'].get(k, 0) for x in rows[w]):.0f}" for w in ways) + " |")
    process_table.append("| all seen | " + " | ".join(
        f"{statistics.median(sum(x['processes_by_kind'].values()) for x in rows[w]):.0f}" for w in ways) + " |")

    with_timeline = [x for x in orch_rows if x["timeline"]]
    median_round = sorted(with_timeline, key=lambda x: x["wall"])[len(with_timeline) // 2] if with_timeline else None
    timeline_table = (["| | seconds from the run's start | |", "| --- | --- | --- |", *median_round["timeline"]]
                      if median_round else [])

    not_passed = sorted({n for w in ways for x in rows[w] for n in x["not_passed"]})
    all_loads = [v for w in ways for x in rows[w] for v in (x["load_mean"], x["load_max"]) if v is not None]
    warm = machine.get(f"warm_timings_{suite}", machine.get("warm_timings", "false")) == "true"
    burner_share = [x["busy_cpu"] / x["wall"] for w in ways for x in rows[w] if x["busy_cpu"] is not None]
    busy = (f"**Busy machine** (`--busy`): one core kept busy by a CPU burner beside every way for the whole of its "
            f"measurement, its CPU in no way's figures (it got {spread(burner_share, '{:.2f}')} CPU-s per wall second, "
            "median (min–max)). " if is_busy(machine) else "")
    interleaving = ("(the other suite's ways ran between them)" if any(not w.startswith(suite + "/") for w in present)
                    else f"(the {len(ways)} ways in turn within each round)")
    section = [f"{busy}Measured {machine.get('started', '?')} – {machine.get('finished', '?')}, {rounds} interleaved rounds "
               f"{interleaving}, results in `{os.path.relpath(out)}`. "
               f"Machine: {machine['nproc']} cores ({machine.get('cpu', '?')}), {int(machine['mem_bytes']) / 2**30:.0f} GiB; "
               f"1-minute load average {min(all_loads):.1f}–{max(all_loads):.1f} while the ways ran; "
               f"the orchestrator started with {'warm' if warm else 'no'} recorded timings. "
               "Median (min–max) over the rounds:", "", *table, "",
               *lines, "", *targets, "",
               f"Orchestrator against its lower bound (medians): {ratio_bound:.2f}×.", "",
               "Tests that did not pass in some way and round (the same in every way, or the check fails): "
               + (", ".join(f"`{n}`" for n in not_passed) if not_passed else "none") + ".", "",
               "Per round (interleaved, in this order within a round):", "", *per_round, "",
               "The orchestrator against its lower bound (max(longest unit, unit-seconds / slots) + slowest container create→ready, from run.json; "
               "the work bound leaves the container start out):",
               "", *bound_table, "",
               "CPU-s of the process tree by what each process runs (sampled every 0.5 s from /proc, medians over the rounds; "
               "processes shorter than a sample and each one's last half second are not seen, hence the gap to the measured total):",
               "", *kind_table, "",
               "Processes of the tree by what they run (distinct processes the same 0.5 s sampler saw, medians over the rounds; "
               "one that lived less than a sample may be missed; `dotnet (other)` is any other `dotnet` host, e.g. MSBuild, "
               "`dotnet --version`):", "", *process_table, ""]
    if median_round:
        section += [f"Timeline of the orchestrator's median round ({median_round['round']}, {median_round['wall']:.1f} s), from its run.json:",
                    "", *timeline_table, ""]
    section += [f"**Problems:** " + "; ".join(problems) if problems
                else "Every way ran the same tests with the same outcomes in every round."]
    return {"rows": rows, "ratios": ratios, "problems": problems, "section": section}


def is_busy(machine):
    return machine.get("busy", "0") == "1"


def markers(spec, machine):
    """A busy run has sections of its own beside the quiet ones: `<!-- compare-busy:begin -->` for `compare:`."""
    if not is_busy(machine):
        return spec["markers"]
    return tuple(m.replace(":", "-busy:", 1) for m in spec["markers"])


def replace_section(existing, spec, machine, text):
    begin, end = markers(spec, machine)
    block = f"{begin}\n{text}\n{end}"
    # Only a marker on a line of its own counts: the document's prose may quote one.
    found = [re.search(rf"^{re.escape(m)}$", existing, re.MULTILINE) for m in (begin, end)]
    if all(found) and found[0].start() < found[1].start():
        return existing[:found[0].start()] + block + existing[found[1].end():]
    title = spec["title"] + (", one core kept busy" if is_busy(machine) else "")
    return existing.rstrip("\n") + f"\n\n## {title}: measured\n\n{block}\n"


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    out = sys.argv[1]
    doc = sys.argv[2] if len(sys.argv) == 3 else None
    machine = dict(line.split("=", 1) for line in read(os.path.join(out, "machine")).splitlines() if "=" in line)
    rounds = int(machine["rounds"])
    present = machine.get("ways", "shop/naive shop/per-class shop/orchestrator").split()
    suites = [s for s in SUITES if any(w.startswith(s + "/") for w in present)]
    analyses = {s: analyse(s, SUITES[s], out, machine, rounds, present) for s in suites}

    texts = {s: "\n".join(a["section"]) for s, a in analyses.items()}
    for s in suites:
        print(f"== {s} ==\n{texts[s]}\n")
    problems = [p for a in analyses.values() for p in a["problems"]]
    if problems:
        print("PROBLEMS:\n  " + "\n  ".join(problems), file=sys.stderr)
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump({s: {k: a[k] for k in ("rows", "ratios", "problems")} for s, a in analyses.items()}, f, indent=2)
    with open(os.path.join(out, "table.md"), "w", encoding="utf-8") as f:
        for s in suites:
            begin, end = markers(SUITES[s], machine)
            f.write(f"{begin}\n{texts[s]}\n{end}\n\n")
    if doc:
        existing = read(doc) or "# Benchmarks\n"
        for s in suites:
            existing = replace_section(existing, SUITES[s], machine, texts[s])
        with open(doc, "w", encoding="utf-8") as f:
            f.write(existing.rstrip("\n") + "\n")
    fatal = ("TESTS DIFFER", "TEST COUNT", "NOT PASSED")
    return 1 if any(p.startswith(fatal) or " exited with " in p for p in problems) else 0


if __name__ == "__main__":
    sys.exit(main())
