#!/usr/bin/env python3
"""What a unit's process costs against a bare `dotnet test` of the same assemblies and tests.

    eng/bench/scale_unit_cost.py <results directory of a scale run> [rounds=3]

Replays every unit of a finished `orchestrator run` (a `run-N` directory of the scale scenario): its folder
holds the exact command the orchestrator started (first line of output.log) and its unit.runsettings. Per
unit and round, interleaved, one process at a time:

- orchestrator: that command as it was, writing into a fresh directory (TRX, the live-results logger, the
  in-process progress collector, whatever else the settings hold);
- bare: `dotnet test <the same assemblies> --logger trx`, its tests selected by the same filter (in a
  settings file holding nothing else when it is too long for a command line), as a team would run them.

Process cost = wall − the summed durations in the TRX: starting `dotnet test`, vstest.console and the test
hosts, and shutting them down. Wall and CPU-seconds (user + system of the process tree) come from
eng/bench/measure.py. The simulated tests read their connection variables and never connect, so those
variables get placeholder values. Prints a table per unit and the medians; writes everything under
artifacts/bench/scale/unit-cost-<stamp>/."""
import json
import os
import re
import shlex
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TRX = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
PLACEHOLDERS = {
    "ConnectionStrings__Postgres": "Host=unused",
    "ConnectionStrings__Redis": "unused:6379",
    "ConnectionStrings__RabbitMq": "amqp://unused",
}


def trx_tests(path):
    total = count = 0
    for result in ET.parse(path).getroot().iter(TRX + "UnitTestResult"):
        hours, minutes, seconds = result.get("duration", "0:0:0").split(":")
        total += int(hours) * 3600 + int(minutes) * 60 + float(seconds)
        count += 1
    return count, total


def option_value(arguments, name):
    for index, argument in enumerate(arguments):
        if argument == name and index + 1 < len(arguments):
            return arguments[index + 1]
    return None


def unit_recipe(unit_dir):
    with open(os.path.join(unit_dir, "output.log"), encoding="utf-8") as log:
        first = log.readline().strip()
    if not first.startswith("> dotnet test "):
        raise SystemExit(f"{unit_dir}: output.log does not start with the unit's command; is this a VSTest unit of a finished run?")
    arguments = shlex.split(first[2:])
    sources = [argument for argument in arguments[2:] if argument.endswith(".dll") and not argument.startswith("-")]
    settings_path = option_value(arguments, "--settings")
    filter_text = option_value(arguments, "--filter")
    settings = None
    if settings_path is not None:
        with open(os.path.join(unit_dir, os.path.basename(settings_path)), encoding="utf-8") as f:
            settings = f.read()
        match = re.search(r"<TestCaseFilter>(.*?)</TestCaseFilter>", settings, re.S)
        if match:
            filter_text = match.group(1)
    return {"arguments": arguments, "sources": sources, "settings": settings, "filter": filter_text,
            "old_directory": option_value(arguments, "--results-directory")}


def orchestrator_command(recipe, directory):
    old = recipe["old_directory"]
    arguments = [argument.replace(old, directory) for argument in recipe["arguments"]]
    if recipe["settings"] is not None:
        settings_path = option_value(arguments, "--settings")
        with open(settings_path, "w", encoding="utf-8") as f:
            f.write(recipe["settings"].replace(old, directory))
    return arguments, os.path.join(directory, option_value(arguments, "--logger").split("LogFileName=")[1])


def bare_command(recipe, directory):
    arguments = ["dotnet", "test", *recipe["sources"], "--results-directory", directory, "--logger", "trx;LogFileName=bare.trx"]
    if recipe["filter"]:
        if len(recipe["filter"]) > 2000:
            settings_path = os.path.join(directory, "filter.runsettings")
            with open(settings_path, "w", encoding="utf-8") as f:
                f.write(f"<RunSettings><RunConfiguration><TestCaseFilter>{recipe['filter']}</TestCaseFilter></RunConfiguration></RunSettings>")
            arguments += ["--settings", settings_path]
        else:
            arguments += ["--filter", recipe["filter"]]
    return arguments, os.path.join(directory, "bare.trx")


def measure(arguments, directory, trx_path):
    record_path = directory + ".measure.json"
    environment = dict(os.environ, **PLACEHOLDERS)
    with open(directory + ".log", "w", encoding="utf-8") as log:
        code = subprocess.call([sys.executable, os.path.join(REPO, "eng/bench/measure.py"), record_path, *arguments],
                               stdout=log, stderr=subprocess.STDOUT, env=environment)
    if code != 0:
        raise SystemExit(f"{' '.join(arguments[:3])} … exited {code}; see {directory}.log")
    with open(record_path, encoding="utf-8") as f:
        record = json.load(f)
    tests, test_seconds = trx_tests(trx_path)
    return {"wall_s": record["wall_s"], "cpu_s": record["cpu_s"], "tests": tests, "test_s": test_seconds,
            "cost_s": record["wall_s"] - test_seconds}


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    run_dir = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    units = sorted(name for name in os.listdir(run_dir)
                   if os.path.isfile(os.path.join(run_dir, name, "output.log")) and ".r0.a0" in name)
    if not units:
        raise SystemExit(f"no unit folders with output.log under {run_dir}")
    out = os.path.join(REPO, "artifacts/bench/scale", "unit-cost-" + time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()))
    os.makedirs(out)
    recipes = {unit: unit_recipe(os.path.join(run_dir, unit)) for unit in units}
    rows = []
    for round_number in range(1, rounds + 1):
        for unit in units:
            for way, build in (("orchestrator", orchestrator_command), ("bare", bare_command)):
                directory = os.path.join(out, f"{unit}-{way}-{round_number}")
                os.makedirs(directory)
                arguments, trx_path = build(recipes[unit], directory)
                figures = measure(arguments, directory, trx_path)
                load = open("/proc/loadavg", encoding="utf-8").read().split()[0]
                rows.append({"unit": unit, "way": way, "round": round_number, "load1": float(load), **figures})
                print(f"{unit:40} {way:12} round {round_number}: wall {figures['wall_s']:6.1f} s, CPU {figures['cpu_s']:6.1f} s, "
                      f"{figures['tests']} tests in {figures['test_s']:6.1f} s, process cost {figures['cost_s']:5.1f} s (load {load})", flush=True)
    with open(os.path.join(out, "rounds.json"), "w", encoding="utf-8") as f:
        json.dump(rows, f, indent=2)

    def median(unit, way, key):
        return statistics.median(row[key] for row in rows if row["unit"] == unit and row["way"] == way)

    lines = ["| unit | assemblies | tests | orchestrator: wall / CPU / process cost s | bare: wall / CPU / process cost s | process cost orchestrator / bare |",
             "| --- | ---: | ---: | --- | --- | ---: |"]
    ratios = []
    for unit in units:
        tests = next(row["tests"] for row in rows if row["unit"] == unit and row["way"] == "orchestrator")
        ours = [median(unit, "orchestrator", key) for key in ("wall_s", "cpu_s", "cost_s")]
        bare = [median(unit, "bare", key) for key in ("wall_s", "cpu_s", "cost_s")]
        ratio = ours[2] / bare[2] if bare[2] > 0 else float("nan")
        ratios.append(ratio)
        lines.append(f"| {unit} | {len(recipes[unit]['sources'])} | {tests} | {ours[0]:.1f} / {ours[1]:.1f} / {ours[2]:.1f} | "
                     f"{bare[0]:.1f} / {bare[1]:.1f} / {bare[2]:.1f} | {ratio:.2f} |")
    ours_cost = statistics.median(median(unit, "orchestrator", "cost_s") for unit in units)
    bare_cost = statistics.median(median(unit, "bare", "cost_s") for unit in units)
    loads = [row["load1"] for row in rows]
    lines.append("")
    lines.append(f"Median over the units of the per-unit medians ({rounds} interleaved rounds, 1-minute load average "
                 f"{min(loads):.1f}–{max(loads):.1f}): process cost orchestrator {ours_cost:.2f} s, bare {bare_cost:.2f} s, "
                 f"**{ours_cost / bare_cost:.2f}×** (target ≤ 1.2×); median of the per-unit ratios {statistics.median(ratios):.2f}×.")
    table = "\n".join(lines)
    with open(os.path.join(out, "table.md"), "w", encoding="utf-8") as f:
        f.write(table + "\n")
    print()
    print(table)
    print(f"results: {out}")


if __name__ == "__main__":
    main()
