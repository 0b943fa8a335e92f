#!/usr/bin/env python3
"""Side by side: `readout check` against the peer (bench/peer.py), and
`readout compare` of the flagship pair against `diff -u` of the same files,
in one run, so that both meet the same load on a shared machine. Prints the
medians and the ratios; `--json FILE` keeps them (bench/plot.py draws the
scaling figure from that file). Also checks that the check report is the
same cold and warm.

usage: bench/speed.py [--sizes 1000,10000,50000,100000] [--runs 5] [--work DIR] [--json FILE]

Archives come from bench/gen_archive.py (seed 7), one per size, kept in
--work between runs. The new readout is the archive's last US readout,
dated 2030-01-01 under a new title (as in docs/check.md); on the largest
archive, also the same readout dated after all of it (its history is the
side's whole archive), cold. The peer runs on
the 10,000-readout archive only (it needs `pip install rapidfuzz pyyaml
numpy`; without them its rows are left out). Build first: cargo build --release.
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "readout")
FLAGSHIP = [os.path.join(ROOT, "readouts", "2024-05-31-singapore", f) for f in ("us.yaml", "cn.yaml")]
REFERENCE = 10_000


def timed(cmd):
    """Wall seconds and peak resident memory (MB) of one run of `cmd`."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited with {code}")
    return wall, usage.ru_maxrss / 1024


def side_by_side(cmds, runs):
    """Runs each command `runs` times, interleaved; medians of wall and memory."""
    walls = {name: [] for name in cmds}
    mems = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            w, m = timed(cmd)
            walls[name].append(w)
            mems[name].append(m)
    return {name: {"wall": statistics.median(walls[name]), "mem": max(mems[name])} for name in cmds}


def late(work, n, new):
    """The new readout dated after every readout of the archive: its history
    is the side's whole archive (half of it), the most a check holds."""
    path = os.path.join(work, f"new-late-{n}.yaml")
    if not os.path.exists(path):
        text = open(new, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write(re.sub(r"(?m)^  date: .*$", "  date: 2400-01-01", text))
    return path


def archive(work, n):
    """The archive of `n` readouts and its new readout, made once."""
    arch = os.path.join(work, f"archive-{n}")
    if not os.path.isdir(arch):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_archive.py"), arch + ".tmp",
                        "--readouts", str(n)], check=True)
        os.rename(arch + ".tmp", arch)
    new = os.path.join(work, f"new-{n}.yaml")
    if not os.path.exists(new):
        last = max(os.path.join(d, f) for d, _, fs in os.walk(arch) for f in fs if f.endswith("-us.yaml"))
        text = open(last, encoding="utf-8").read()
        text = re.sub(r"(?m)^  date: .*$", "  date: 2030-01-01", text)
        text = re.sub(r"(?m)^  title: .*$", "  title: New meeting", text)
        open(new, "w", encoding="utf-8").write(text)
    return arch, new


def peer_available():
    probe = "import rapidfuzz, yaml, numpy"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0


def check_sizes(work, sizes, runs, with_peer):
    rows = []
    for n in sizes:
        arch, new = archive(work, n)
        cache = tempfile.mkdtemp(dir=work, prefix="cache-")
        cold = [BIN, "check", new, "--against", arch, "--no-cache", "--format", "json"]
        warm = [BIN, "check", new, "--against", arch, "--cache", cache, "--format", "json"]
        reports = [subprocess.run(c, capture_output=True).stdout for c in (cold, warm, warm)]
        same = len({re.sub(rb'"cached": \d+', b"", r) for r in reports}) == 1
        cmds = {"cold": cold, "warm": warm}
        if n == max(sizes):
            cmds["late"] = [BIN, "check", late(work, n, new), "--against", arch, "--no-cache", "--format", "json"]
        if with_peer and n == REFERENCE:
            cmds["peer"] = [sys.executable, os.path.join(ROOT, "bench", "peer.py"), new, arch]
        got = side_by_side(cmds, runs)
        rows.append({"readouts": n, "same_report_cold_and_warm": same, **got})
        line = f"{n:>7} readouts  cold {got['cold']['wall']:6.3f} s {got['cold']['mem']:5.0f} MB" \
               f"   warm {got['warm']['wall']:6.3f} s {got['warm']['mem']:5.0f} MB"
        if "late" in got:
            line += f"   dated after all: cold {got['late']['wall']:6.3f} s {got['late']['mem']:5.0f} MB"
        if "peer" in got:
            line += f"   peer {got['peer']['wall']:6.2f} s: cold {got['peer']['wall'] / got['cold']['wall']:.1f}x," \
                    f" warm {got['peer']['wall'] / got['warm']['wall']:.1f}x faster"
        print(line + ("" if same else "   REPORTS DIFFER"), flush=True)
    return rows


def compare_vs_diff(runs):
    cmds = {"compare": [BIN, "compare", *FLAGSHIP, "--color", "never"], "diff": ["diff", "-u", *FLAGSHIP]}
    got = side_by_side(cmds, runs)
    ratio = got["compare"]["wall"] / got["diff"]["wall"]
    print(f"compare flagship {got['compare']['wall'] * 1000:.1f} ms, diff -u {got['diff']['wall'] * 1000:.1f} ms:"
          f" {ratio:.2f}x diff's wall time", flush=True)
    return {**got, "ratio": ratio}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,50000,100000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--compare-runs", type=int, default=40)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "readout-bench"))
    ap.add_argument("--json")
    a = ap.parse_args()
    if not os.path.exists(BIN):
        sys.exit("build first: cargo build --release")
    os.makedirs(a.work, exist_ok=True)
    with_peer = peer_available()
    if not with_peer:
        print("peer left out: pip install rapidfuzz pyyaml numpy", file=sys.stderr)
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start", flush=True)
    result = {
        "cores": os.cpu_count(),
        "load_at_start": os.getloadavg()[0],
        "compare": compare_vs_diff(a.compare_runs),
        "check": check_sizes(a.work, [int(s) for s in a.sizes.split(",")], a.runs, with_peer),
        "load_at_end": os.getloadavg()[0],
    }
    print(f"load average {result['load_at_end']:.1f} at end")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
