"""End-to-end pipeline throughput: uploads clips through the platform API and times
them to their verdicts, on SQLite embedded and on PostgreSQL with 1 and 2 workers.
Prints a Markdown table for Docs/benchmarks.md. Run by Scripts/bench-pipeline."""

import argparse
import base64
import concurrent.futures
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from platform_client import Platform, free_port, wait_until_serving  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid, children=False):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    own = int(fields[11]) + int(fields[12])
    reaped = int(fields[13]) + int(fields[14])
    return (reaped if children else own) / TICKS


def postgres_cpu():
    total = 0
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            text = open(stat).read()
        except OSError:
            continue
        if "(postgres)" in text:
            fields = text.rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / TICKS


def run(mode, args, clips):
    directory = tempfile.mkdtemp(prefix=f"vouch-bench-{mode}-")
    settings = f"{directory}/vouch.json"
    config = json.load(open(args.config))
    port = free_port()
    config["server"] = dict(config.get("server", {}), port=port)
    config["pipeline"] = dict(config.get("pipeline", {}), pollSeconds=0.1)
    json.dump(config, open(settings, "w"))
    base = f"http://127.0.0.1:{port}"
    common = ["--config", settings, "--data", directory]
    if mode == "sqlite":
        database, workers = [], 0
    else:
        name = f"vouch_bench_{mode}_{os.getpid()}"
        subprocess.run(["psql", args.postgres, "-qc", f"CREATE DATABASE {name}"], check=True)
        url = args.postgres.replace("/postgres?", f"/{name}?")
        database, workers = ["--database", url], int(mode[-1])
        # On PostgreSQL the key that seals webhook secrets is made once, by the operator.
        key = os.path.join(directory, "webhook-secrets.key")
        with open(os.open(key, os.O_WRONLY | os.O_CREAT, 0o600), "w") as file:
            file.write(base64.b64encode(os.urandom(32)).decode() + "\n")
    platform = Platform(args.vouch, settings, "bench", "Bench", directory, database)
    server = subprocess.Popen([args.vouch, "serve", *common, *database, *(["--workers", "0"] if database else [])],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_serving(base, server)
    worker_processes = [subprocess.Popen([args.vouch, "worker", *common, *database, "--name", f"w{i}"],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for i in range(workers)]
    pg_before = postgres_cpu()
    reaped_before = cpu_seconds(os.getpid(), children=True)
    started = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        uploads = [pool.submit(platform.upload, base, clip, f"reviewer-{i}", f"product-{i % 10}") for i, clip in enumerate(clips)]
        ids = [future.result()["id"] for future in uploads]
    uploaded = time.time()
    verdicts = platform.wait_final(base, ids, poll=0.05)
    finished = time.time()
    processes = [server, *worker_processes]
    own = sum(cpu_seconds(p.pid) for p in processes)
    pg = postgres_cpu() - pg_before if mode != "sqlite" else 0.0
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    reaped = cpu_seconds(os.getpid(), children=True) - reaped_before
    children = max(0.0, reaped - own)
    shutil.rmtree(directory, ignore_errors=True)
    statuses = {}
    for verdict in verdicts.values():
        statuses[verdict["status"]] = statuses.get(verdict["status"], 0) + 1
    wall = finished - started
    return {"mode": mode, "clips": len(clips), "upload_s": uploaded - started, "wall_s": wall,
            "clips_per_min": len(clips) / wall * 60, "vouch_cpu_s": own, "children_cpu_s": children,
            "postgres_cpu_s": pg, "statuses": statuses}



def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vouch", required=True)
    parser.add_argument("--config", default="Config/vouch.json")
    parser.add_argument("--clips", required=True, help="a directory of .mp4 clips, cycled")
    parser.add_argument("--count", type=int, default=45)
    parser.add_argument("--postgres", help="an admin postgres:// URL; without it only SQLite runs")
    parser.add_argument("--modes", default="sqlite,pg1,pg2")
    args = parser.parse_args()
    files = sorted(glob.glob(f"{args.clips}/*.mp4"))
    clips = [files[i % len(files)] for i in range(args.count)]
    results = []
    for mode in args.modes.split(","):
        if mode != "sqlite" and not args.postgres:
            continue
        result = run(mode, args, clips)
        results.append(result)
        print(json.dumps(result), file=sys.stderr)
    names = {"sqlite": "SQLite embedded, `vouch serve` with 1 in-process worker",
             "pg1": "PostgreSQL, `vouch serve` + 1 `vouch worker`", "pg2": "PostgreSQL, `vouch serve` + 2 `vouch worker`"}
    print("| deployment | clips | wall s | clips/min | CPU s: API + workers | CPU s: analysis children | CPU s: PostgreSQL | CPU s per clip |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        per_clip = (r["vouch_cpu_s"] + r["children_cpu_s"] + r["postgres_cpu_s"]) / r["clips"]
        print(f"| {names[r['mode']]} | {r['clips']} | {r['wall_s']:.1f} | {r['clips_per_min']:.0f} | "
              f"{r['vouch_cpu_s']:.1f} | {r['children_cpu_s']:.1f} | {r['postgres_cpu_s']:.1f} | {per_clip:.2f} |")


if __name__ == "__main__":
    main()
