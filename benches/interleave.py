#!/usr/bin/env python3
"""Times shell commands side by side: every round runs each row once, in turn (so a
slower or faster moment of a shared machine touches every row alike), then prints the
median and minimum of each row and its ratio to the row it names as its floor.

    python3 benches/interleave.py ROUNDS ROW...

Each ROW is `label::prepare::command::floor`: `prepare` (may be empty) runs untimed
before each timing, `command` is timed (through `bash -c`), `floor` (may be empty) is
the label of the row it is compared with. One warm-up round is run first and not counted.
Exits 1 when a command fails.
"""
import statistics
import subprocess
import sys
import time


def main() -> int:
    rounds = int(sys.argv[1])
    rows = []
    for spec in sys.argv[2:]:
        label, prepare, command, floor = spec.split("::")
        rows.append({"label": label, "prepare": prepare, "command": command, "floor": floor, "times": []})
    for r in range(rounds + 1):
        for row in rows:
            if row["prepare"]:
                subprocess.run(["bash", "-c", row["prepare"]], check=True)
            t = time.perf_counter()
            done = subprocess.run(["bash", "-c", row["command"]], stdout=subprocess.DEVNULL)
            elapsed = time.perf_counter() - t
            if done.returncode not in (0, 1):
                print(f"failed ({done.returncode}): {row['command']}", file=sys.stderr)
                return 1
            if r > 0:
                row["times"].append(elapsed * 1e3)
    by_label = {row["label"]: row for row in rows}
    width = max(len(row["label"]) for row in rows)
    print(f"{'row':<{width}}  {'median_ms':>10} {'min_ms':>10}  vs floor (median, min)")
    for row in rows:
        med, low = statistics.median(row["times"]), min(row["times"])
        ratio = ""
        if row["floor"]:
            f = by_label[row["floor"]]
            fmed, flow = statistics.median(f["times"]), min(f["times"])
            ratio = f"{med / fmed:.2f}x, {low / flow:.2f}x  ({row['floor']})"
        print(f"{row['label']:<{width}}  {med:>10.1f} {low:>10.1f}  {ratio}")
    print(f"({rounds} rounds, interleaved, after one warm-up round)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
