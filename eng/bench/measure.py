#!/usr/bin/env python3
"""Runs a command and records its wall time and the CPU time of its whole process tree.

    measure.py <out.json> <command> [args...]

CPU is user + system time of every descendant that was waited for (getrusage(RUSAGE_CHILDREN)). The
script makes itself a child subreaper, so descendants whose parent exits first (MSBuild nodes, a process a
script left in the background) are reparented here and reaped, and their time counts too. After the
command exits it waits up to 10 s for such orphans; any still alive then is recorded under "leftovers"
with the CPU it has used so far (and its waited-for children's), and left running.

Containers are not descendants (the engine's shim starts them), so their CPU is not in these figures.
The exit code is the command's (128 + signal when a signal ended it)."""
import ctypes
import json
import os
import resource
import signal
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
ORPHAN_GRACE_SECONDS = 10.0


def children_of(parent):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        # comm is in parentheses and may hold spaces; the fields after the last ')' are fixed.
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == parent:
            ticks = os.sysconf("SC_CLK_TCK")
            cpu = sum(int(fields[i]) for i in (11, 12, 13, 14)) / ticks  # utime stime cutime cstime
            found.append({"pid": int(entry), "comm": comm, "cpu_s": cpu})
    return found


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    out, command = sys.argv[1], sys.argv[2:]
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        print(f"measure.py: prctl(PR_SET_CHILD_SUBREAPER) failed: errno {ctypes.get_errno()}", file=sys.stderr)
    started_at = time.time()
    start = time.monotonic()
    child = subprocess.Popen(command)
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda number, _frame: child.send_signal(number))
    rc = child.wait()
    wall = time.monotonic() - start
    finished_at = time.time()

    orphans_reaped = 0
    leftovers = []
    deadline = time.monotonic() + ORPHAN_GRACE_SECONDS
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid:
            orphans_reaped += 1
            continue
        if time.monotonic() > deadline:
            leftovers = children_of(os.getpid())
            break
        time.sleep(0.1)

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    record = {
        "command": command,
        "exit": rc if rc >= 0 else 128 - rc,
        "started_at": started_at,
        "finished_at": finished_at,
        "wall_s": wall,
        "user_s": usage.ru_utime,
        "system_s": usage.ru_stime,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "orphans_reaped": orphans_reaped,
        "leftovers": leftovers,
    }
    with open(out, "w", encoding="utf-8") as f:
        json.dump(record, f, indent=2)
    return record["exit"]


if __name__ == "__main__":
    sys.exit(main())
