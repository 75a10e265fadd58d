#!/usr/bin/env python3
"""Samples a process tree and the machine every 0.5 s until the tree's root exits (and once after).

    sample.py <root pid> <dir>

Writes into <dir>:
- peak-rss-kb: the peak of the summed RSS of the root's descendants (the root itself, the measuring
  wrapper, left out);
- loadavg-samples: the 1-minute load average at each sample;
- container-cpu-after: "<full container id> <ns>", each container's last cgroup v1 CPU counter
  (/sys/fs/cgroup/cpuacct/docker/<id>/cpuacct.usage); a container's last half second is not seen;
- processes.json: every descendant seen, with what it runs and the user + system CPU seconds it had used
  when last seen (its own, not its children's). A process that lived less than 0.5 s may be missing and
  the last half second of each is not seen, so the sum is a lower bound of the tree's CPU (measure.py has
  the exact total).

One Python process reading /proc, so the sampler itself costs the machine little."""
import json
import os
import sys
import time

CGROUPS = "/sys/fs/cgroup/cpuacct/docker"
TICKS = os.sysconf("SC_CLK_TCK")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def stat_of(pid):
    with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()
    # fields[0] is field 3 (state): ppid 4, utime 14, stime 15, starttime 22, rss 24
    return {"state": fields[0], "ppid": int(fields[1]), "cpu": (int(fields[11]) + int(fields[12])) / TICKS,
            "start": int(fields[19]), "rss_kb": int(fields[21]) * PAGE_KB,
            "comm": stat[stat.index("(") + 1:stat.rindex(")")]}


def kind_of(pid, comm):
    """What a process runs: the .dll a dotnet host runs, `dotnet <verb>` for the SDK, else the program."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = [a.decode("utf-8", "replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return comm
    if not argv:
        return comm
    program = os.path.basename(argv[0])
    if program == "dotnet":
        # `dotnet test x.dll` is the SDK's test verb; `dotnet exec … testhost.dll` and `dotnet app.dll` run the dll.
        if len(argv) > 1 and not argv[1].startswith("-") and not argv[1].endswith(".dll") and argv[1] != "exec":
            return "dotnet " + argv[1]
        return next((os.path.basename(a) for a in argv[1:] if a.endswith(".dll")), "dotnet")
    if program in ("bash", "sh", "python3", "env") and len(argv) > 1:
        script = next((a for a in argv[1:] if not a.startswith("-")), "")
        return f"{program} {os.path.basename(script)}"[:48]
    return program


def snapshot():
    procs = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                procs[int(entry)] = stat_of(entry)
            except (OSError, ValueError, IndexError):
                pass
    return procs


def descendants(procs, root):
    children = {}
    for pid, p in procs.items():
        children.setdefault(p["ppid"], []).append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            found.append(child)
            todo.append(child)
    return found


def container_cpu(last):
    try:
        ids = os.listdir(CGROUPS)
    except OSError:
        return
    for cid in ids:
        try:
            with open(os.path.join(CGROUPS, cid, "cpuacct.usage"), encoding="ascii") as f:
                last[cid] = int(f.read().strip())
        except (OSError, ValueError):
            pass


def main():
    root, out = int(sys.argv[1]), sys.argv[2]
    peak = 0
    loads = []
    containers = {}
    seen = {}
    while True:
        procs = snapshot()
        alive = root in procs and procs[root]["state"] != "Z"
        total = 0
        for pid in descendants(procs, root):
            p = procs[pid]
            total += p["rss_kb"]
            key = f"{pid}:{p['start']}"
            if key not in seen:
                seen[key] = {"pid": pid, "kind": kind_of(pid, p["comm"]), "cpu_s": 0.0}
            seen[key]["cpu_s"] = p["cpu"]
        peak = max(peak, total)
        with open("/proc/loadavg", encoding="ascii") as f:
            loads.append(f.read().split()[0])
        container_cpu(containers)
        if not alive:
            break
        time.sleep(0.5)
    with open(os.path.join(out, "peak-rss-kb"), "w", encoding="ascii") as f:
        f.write(f"{peak}\n")
    with open(os.path.join(out, "loadavg-samples"), "w", encoding="ascii") as f:
        f.write("\n".join(loads) + "\n")
    with open(os.path.join(out, "container-cpu-after"), "w", encoding="ascii") as f:
        f.writelines(f"{cid} {usage}\n" for cid, usage in containers.items())
    with open(os.path.join(out, "processes.json"), "w", encoding="utf-8") as f:
        json.dump(sorted(seen.values(), key=lambda p: -p["cpu_s"]), f, indent=1)


if __name__ == "__main__":
    main()
