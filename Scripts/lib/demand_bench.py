"""The demand API under wrk: `vouch bench demand` at 1M accounts, 10M edges and 10M
signals over 10k products (its recomputation timed), its totals stored in an embedded
store, `vouch serve` on it, then round by round wrk on GET /v1/demand, on a random
product's demand, and on the static /healthz. Prints a Markdown table. Run by
Scripts/bench-demand."""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from platform_client import Platform, free_port, wait_until_serving  # noqa: E402
from shopper_bench import wrk  # noqa: E402

PRODUCT_LUA = """
math.randomseed(7)
request = function()
  return wrk.format("GET", "/v1/products/product-" .. math.random(0, 9999) .. "/demand?window=7d", {["Authorization"] = "Bearer %s"})
end
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vouch", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="vouch-bench-demand-")
    try:
        subprocess.run(["/usr/bin/time", "-f", "peak resident memory %M KiB, %e s wall", args.vouch, "bench", "demand", "--honest", "950000",
                        "--sybils", "50000", "--attack-edges", "500", "--friends", "10", "--carts", "10", "--products", "10000",
                        "--seeds", "1000", "--data", directory], check=True)
        port = free_port()
        settings = os.path.join(directory, "vouch.json")
        with open(settings, "w") as f:
            f.write('{"server": {"port": %d}, "log": {"selfCheckSeconds": 0}, "pipeline": {"trustRecomputeSeconds": 86400}}' % port)
        platform = Platform(args.vouch, settings, "bench", "Bench", directory)
        server = subprocess.Popen([args.vouch, "serve", "--config", settings, "--data", directory, "--workers", "0"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(base, server)
            script = os.path.join(directory, "product.lua")
            with open(script, "w") as f:
                f.write(PRODUCT_LUA % platform.api_key)
            header = ["-H", f"Authorization: Bearer {platform.api_key}"]
            results = {"ranking": [], "product": [], "static": []}
            for _ in range(args.rounds):
                results["ranking"].append(wrk(args, f"{base}/v1/demand?window=7d&kind=cart&limit=20", extra=header))
                results["product"].append(wrk(args, base, script=script))
                results["static"].append(wrk(args, f"{base}/healthz"))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait()
        static = max(r["rps"] for r in results["static"])
        print("| route | req/s (best of rounds) | p50 ms | p99 ms (worst of rounds) | non-2xx | of static |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, label in [("ranking", "GET /v1/demand?kind=cart&window=7d"), ("product", "GET /v1/products/{id}/demand"), ("static", "GET /healthz")]:
            runs = results[name]
            best = max(r["rps"] for r in runs)
            print(f"| {label} | {best:,.0f} | {min(r['p50'] for r in runs):.2f} | {max(r['p99'] for r in runs):.2f} | "
                  f"{sum(r['non2xx'] for r in runs)} | {best / static:.2f} |")
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
