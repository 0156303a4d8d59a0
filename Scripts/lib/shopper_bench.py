"""Load test of the shopper ranking API with wrk: a store seeded with published clips
across many products, `vouch serve` on it without and with its ranking cache, and, round
by round against each, wrk on /v1/products/<random product>/reviews and on the static
/healthz. Prints a Markdown table for Docs/benchmarks.md. Run by Scripts/bench-shopper."""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from platform_client import free_port, wait_until_serving  # noqa: E402

LUA = """
math.randomseed(%(seed)d)
request = function()
  return wrk.format("GET", "/v1/products/product-" .. math.random(1, %(products)d) .. "/reviews")
end
"""


def seconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def wrk(args, url, script=None, extra=()):
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency", *extra]
    if script:
        command += ["-s", script]
    out = subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout
    percentiles = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)$", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": seconds(percentiles["50"]) * 1000,
        "p99": seconds(percentiles["99"]) * 1000,
        "non2xx": int(errors.group(1)) if errors else 0,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vouch", required=True)
    parser.add_argument("--clips", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()

    directory = tempfile.mkdtemp(prefix="vouch-bench-shopper-")
    results = {}
    page = 0
    try:
        subprocess.run([args.vouch, "bench", "shopper", "--data", directory, "--clips", str(args.clips),
                        "--products", str(args.products)], check=True)
        script = f"{directory}/reviews.lua"
        open(script, "w").write(LUA % {"seed": 7, "products": args.products})
        for mode, entries in (("no cache", 0), ("cache", 50_000)):
            results[mode], page = measure(args, directory, script, entries)
    finally:
        shutil.rmtree(directory, ignore_errors=True)

    print(f"\n{args.clips} published clips across {args.products} products; wrk -t{args.threads} -c{args.connections} "
          f"-d{args.duration}s, {args.rounds} interleaved rounds per server, medians:\n")
    print("| server.rankingCacheEntries | route | requests/s | p50 ms | p99 ms | non-2xx | ranking / static |")
    print("|---|---|---|---|---|---|---|")
    for mode, entries in (("no cache", 0), ("cache", 50_000)):
        reviews, static = summarise(results[mode]["reviews"]), summarise(results[mode]["static"])
        print(f"| {entries} | `GET /v1/products/<random of {args.products}>/reviews` | {reviews['rps']:.0f} | {reviews['p50']:.2f} | "
              f"{reviews['p99']:.2f} | {reviews['non2xx']} | {reviews['rps'] / static['rps']:.2f} |")
        print(f"| {entries} | `GET /healthz` (static) | {static['rps']:.0f} | {static['p50']:.2f} | {static['p99']:.2f} | {static['non2xx']} | |")
    print(f"\nA first page of 20 reviews: {page:,} bytes of JSON (median of the first 50 products' pages).")
    for mode, rounds in results.items():
        for name, runs in rounds.items():
            print(f"{mode}, {name}: " + ", ".join(f"{r['rps']:.0f}/s p99 {r['p99']:.2f} ms" for r in runs))


def measure(args, directory, script, cache_entries):
    """Serves the seeded store with the given cache, weighs a first page, warms up, then alternates
    ranking and static rounds; returns the rounds and the median page's bytes."""
    port = free_port()
    settings = f"{directory}/vouch.json"
    # Seeded clips are written without review-log entries: no self-check to report them mid-run.
    json.dump({"server": {"port": port, "rateLimit": {"enabled": False}, "rankingCacheEntries": cache_entries},
               "log": {"selfCheckSeconds": 0}}, open(settings, "w"))
    server = subprocess.Popen([args.vouch, "serve", "--config", settings, "--data", directory, "--workers", "0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, server)
        sizes = sorted(page_bytes(f"{base}/v1/products/product-{number}/reviews") for number in range(1, min(args.products, 50) + 1))
        wrk(argparse.Namespace(**{**vars(args), "duration": 5}), f"{base}/v1/products/product-1/reviews", script)
        rounds = {"reviews": [], "static": []}
        for _ in range(args.rounds):
            rounds["reviews"].append(wrk(args, f"{base}/v1/products/product-1/reviews", script))
            rounds["static"].append(wrk(args, f"{base}/healthz"))
        return rounds, sizes[len(sizes) // 2]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def page_bytes(url):
    with urllib.request.urlopen(url) as answer:
        return len(answer.read())


def summarise(runs):
    def median(values):
        return sorted(values)[len(values) // 2]
    return {key: median([r[key] for r in runs]) for key in ("rps", "p50", "p99")} | {"non2xx": sum(r["non2xx"] for r in runs)}


if __name__ == "__main__":
    main()
