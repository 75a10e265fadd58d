#!/usr/bin/env python3
"""Keeps the whole log of every container started with a label, until told to stop (SIGTERM/SIGINT).

    follow_logs.py <dir> <label=value>

For each container the engine starts with the label, `docker logs -f` writes its log from its first line to
<dir>/<run id>.<container id>.log (the run id from the orchestrator's orchestrator.run-id label), until the
container stops. On SIGTERM no new container is followed; the followers of those still running get 30 s to see
their container go (the orchestrator removes it right after its last unit), then are ended."""
import os
import signal
import subprocess
import sys
import threading
import time

FOLLOWER_GRACE_SECONDS = 30.0


def main():
    out, label = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    events = subprocess.Popen(
        ["docker", "events", "--filter", "type=container", "--filter", "event=start", "--filter", f"label={label}",
         "--format", '{{.ID}} {{index .Actor.Attributes "orchestrator.run-id"}}'],
        stdout=subprocess.PIPE, text=True)
    followers = []
    stopping = threading.Event()

    def stop(_number, _frame):
        stopping.set()
        events.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for line in events.stdout:
        parts = line.split()
        if stopping.is_set() or not parts:
            continue
        container, run = parts[0], parts[1] if len(parts) > 1 else "unlabelled"
        log = open(os.path.join(out, f"{run}.{container}.log"), "w", encoding="utf-8")
        followers.append(subprocess.Popen(["docker", "logs", "-f", container], stdout=log, stderr=subprocess.STDOUT))
    events.wait()
    deadline = time.monotonic() + FOLLOWER_GRACE_SECONDS
    for follower in followers:
        try:
            follower.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            follower.terminate()
            follower.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
