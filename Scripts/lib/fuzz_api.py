"""Fuzzes Vouch's API with schemathesis against the spec it serves: `vouch serve` on a
temporary store with a registered platform and a few seeded products, then
`schemathesis run <served /openapi.json>` with every check (Scripts/lib/schemathesis.toml)
and the platform's API key.
Exits with schemathesis's status. Run by Scripts/fuzz-api."""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from platform_client import Platform, free_port, wait_until_serving  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vouch", required=True)
    parser.add_argument("--schemathesis", default="schemathesis")
    parser.add_argument("--max-examples", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    directory = tempfile.mkdtemp(prefix="vouch-fuzz-")
    try:
        port = free_port()
        settings = f"{directory}/vouch.json"
        # No DNS here: webhook URLs are accepted without resolving them (the address policy has its own tests).
        # Seeded clips have no review-log entries, so the log's self-check is off.
        json.dump({"server": {"port": port, "maxUploadBytes": 1048576, "rateLimit": {"requestsPerSecond": 1000, "burst": 1000}},
                   "pipeline": {"webhooks": {"allowPrivateAddresses": True}}, "log": {"selfCheckSeconds": 0}}, open(settings, "w"))
        platform = Platform(args.vouch, settings, "fuzz", "Fuzz", directory)
        subprocess.run([args.vouch, "bench", "shopper", "--data", directory, "--clips", "60", "--products", "3",
                        "--platform", "fuzz"], check=True, stdout=subprocess.DEVNULL)
        # A review log of 600 entries, so proofs for small sizes exist.
        subprocess.run([args.vouch, "bench", "log", "--data", directory, "--entries", "600", "--single", "10", "--proofs", "1"],
                       check=True, stdout=subprocess.DEVNULL)
        server = subprocess.Popen([args.vouch, "serve", "--config", settings, "--data", directory, "--workers", "0"],
                                  stdout=subprocess.DEVNULL, stderr=open(f"{directory}/serve.log", "w"))
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(base, server)
            config = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemathesis.toml")
            result = subprocess.run([args.schemathesis, "--config-file", config, "run", f"{base}/openapi.json",
                                     "--header", f"Authorization: Bearer {platform.api_key}",
                                     "--max-examples", str(args.max_examples), "--seed", str(args.seed),
                                     "--continue-on-failure", "--request-timeout", "10"], cwd=directory)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        errors = [line for line in open(f"{directory}/serve.log") if "request failed" in line]
        if errors:
            print(f"vouch logged {len(errors)} internal errors; the first: {errors[0].strip()}")
        sys.exit(result.returncode or (1 if errors else 0))
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
