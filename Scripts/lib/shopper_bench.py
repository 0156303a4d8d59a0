"""Load test of the shopper ranking API with wrk: a store seeded with published clips
across many products, `vouch serve` on it without and with its ranking cache, and, round
by round against each, wrk on /v1/products/<random product>/reviews and on the static
/healthz. Prints a Markdown table for Docs/benchmarks.md. Run by Scripts/bench-shopper.

With --personal it measures the personalised ranking instead: it registers a signing key
for the seeded platform, writes a social graph of shoppers and the seeded reviewers into
the store's social_edges, and against one server (ranking cache on, its default) alternates
wrk rounds of anonymous requests with rounds in which every request carries a viewer
attestation (`Vouch-Viewer`) of one of the shoppers, picked at random per request."""

import argparse
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from platform_client import Platform, free_port, wait_until_serving  # noqa: E402

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
    percentiles = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)\s*$", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    timeouts = re.search(r"Socket errors: .*timeout (\d+)", out)
    if "50" not in percentiles or "99" not in percentiles:
        raise RuntimeError(f"wrk measured no latencies:\n{out}")
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": seconds(percentiles["50"]) * 1000,
        "p99": seconds(percentiles["99"]) * 1000,
        "non2xx": int(errors.group(1)) if errors else 0,
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
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
    parser.add_argument("--personal", action="store_true",
                        help="measure the personalised ranking (a viewer attestation on every request) against the anonymous one")
    parser.add_argument("--shoppers", type=int, default=80_000, help="with --personal: shopper accounts, the viewers")
    parser.add_argument("--edges", type=int, default=1_000_000, help="with --personal: social edges on the seeded platform")
    parser.add_argument("--samples", type=int, default=2_000, help="with --personal: personal answers read to count personalTrust")
    parser.add_argument("--analyze", action="store_true",
                        help="with --personal: run SQLite's ANALYZE on the seeded store (Vouch itself never does), "
                             "so the planner has statistics for social_edges")
    args = parser.parse_args()
    if args.personal:
        return personal_main(args)

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
    return {key: median([r[key] for r in runs]) for key in ("rps", "p50", "p99")} | {key: sum(r[key] for r in runs) for key in ("non2xx", "timeouts")}


# --personal: the personalised ranking against the anonymous one, on the same server.

PLATFORM = "bench"  # `vouch bench shopper`'s default --platform
GROUP = 10  # products per community of shoppers and reviewers
KINDS = (("follows", 0.7), ("friend", 0.2), ("vouches-for", 0.1))
LOCAL = 0.7  # share of requests for a product of the viewer's own community
PATIENCE = ("--timeout", "30s")  # wrk's default of 2 s would count slow answers as errors, not latencies

PERSONAL_LUA = """
math.randomseed(%(seed)d)
local tokens, communities = {}, {}
for line in io.lines("%(viewers)s") do
  local token, community = line:match("^(%%S+) (%%d+)$")
  tokens[#tokens + 1] = token
  communities[#communities + 1] = tonumber(community)
end
request = function()
  local viewer = math.random(1, #tokens)
  local product
  if math.random() < %(local)f then
    product = math.min(communities[viewer] * %(group)d + math.random(1, %(group)d), %(products)d)
  else
    product = math.random(1, %(products)d)
  end
  local path = "/v1/products/product-" .. product .. "/reviews"
  %(send)s
end
"""


def personal_main(args):
    directory = tempfile.mkdtemp(prefix="vouch-bench-personal-")
    try:
        started = time.time()
        subprocess.run([args.vouch, "bench", "shopper", "--data", directory, "--clips", str(args.clips),
                        "--products", str(args.products)], check=True)
        settings = f"{directory}/vouch.json"
        port = free_port()
        # Rate limit off, as for the anonymous table: every wrk request comes from 127.0.0.1, and
        # the per-viewer buckets (`.viewer`) share the same setting. Cache at its default.
        json.dump({"server": {"port": port, "rateLimit": {"enabled": False}, "rankingCacheEntries": 50_000},
                   "log": {"selfCheckSeconds": 0}}, open(settings, "w"))

        # The seeded platform, registered again with a signing key (`bench shopper` adds no keys).
        platform = Platform(args.vouch, settings, PLATFORM, PLATFORM, directory)

        graph = seed_graph(f"{directory}/vouch.sqlite", args)
        print(f"{graph['edges']:,} social edges: {args.shoppers:,} shoppers, {graph['reviewers']:,} reviewers, "
              f"{graph['communities']:,} communities of {GROUP} products")

        # Reusable attestations (no jti): one per shopper, alive for the whole run.
        viewers = f"{directory}/viewers.txt"
        with open(viewers, "w") as out:
            for shopper in range(args.shoppers):
                token = platform.viewer_attestation(f"shopper-{shopper}", lifetime=3000)
                out.write(f"{token} {shopper % graph['communities']}\n")
        scripts = {}
        for name, send in (("anonymous", 'return wrk.format("GET", path)'),
                           ("personal", 'return wrk.format("GET", path, {["Vouch-Viewer"] = tokens[viewer]})')):
            scripts[name] = f"{directory}/{name}.lua"
            open(scripts[name], "w").write(PERSONAL_LUA % {"seed": 7, "viewers": viewers, "local": LOCAL, "group": GROUP,
                                                           "products": args.products, "send": send})
        print(f"seeded in {time.time() - started:.0f} s")
        rounds, shares = measure_personal(args, directory, settings, port, scripts, viewers, graph)
    finally:
        shutil.rmtree(directory, ignore_errors=True)

    anonymous, personal = summarise(rounds["anonymous"]), summarise(rounds["personal"])
    print(f"\n{args.clips} published clips across {args.products} products, {graph['edges']:,} social edges; "
          f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s, {args.rounds} interleaved rounds on one server "
          f"(server.rankingCacheEntries 50000), medians:\n")
    print("| requests | requests/s | p50 ms | p99 ms | non-2xx | timeouts | personal / anonymous |")
    print("|---|---|---|---|---|---|---|")
    print(f"| anonymous | {anonymous['rps']:.0f} | {anonymous['p50']:.2f} | {anonymous['p99']:.2f} | {anonymous['non2xx']} | "
          f"{anonymous['timeouts']} | |")
    print(f"| `Vouch-Viewer` of one of {args.shoppers:,} shoppers | {personal['rps']:.0f} | {personal['p50']:.2f} | "
          f"{personal['p99']:.2f} | {personal['non2xx']} | {personal['timeouts']} | {personal['rps'] / anonymous['rps']:.2f} |")
    print(f"\nANALYZE run on the store: {'yes' if args.analyze else 'no (as Vouch leaves it)'}")
    for name, runs in rounds.items():
        print(f"{name}: " + ", ".join(f"{r['rps']:.0f}/s p50 {r['p50']:.2f} p99 {r['p99']:.2f} ms non-2xx {r['non2xx']} "
                                      f"timeouts {r['timeouts']}" for r in runs))
    for name, share in shares.items():
        print(f"{name}: {share}")


def seed_graph(database, args):
    """Writes `args.edges` edges on PLATFORM: shoppers in communities of GROUP products each,
    following, befriending or vouching for shoppers and reviewers of their community and
    some accounts anywhere; reviewers following a few shoppers of theirs."""
    rng = random.Random(7)
    db = sqlite3.connect(database)
    community_of, by_community = {}, {}
    for account, product in db.execute(
            "SELECT r.account, MIN(CAST(SUBSTR(c.product_id, 9) AS INTEGER)) FROM clips c CROSS JOIN reviewers r ON r.id = c.reviewer_id "
            "WHERE r.platform_id = ? GROUP BY r.account", (PLATFORM,)):
        community_of[account] = (product - 1) // GROUP
        by_community.setdefault(community_of[account], []).append(account)
    communities = (args.products + GROUP - 1) // GROUP
    reviewers = sorted(community_of)
    shoppers = [f"shopper-{s}" for s in range(args.shoppers)]
    members = [shoppers[c::communities] for c in range(communities)]  # shopper s is in community s % communities
    everyone = shoppers + reviewers

    def kind():
        roll = rng.random()
        for name, share in KINDS:
            if roll < share:
                return name
            roll -= share
        return KINDS[-1][0]

    def target(shopper):
        community = shopper % communities
        roll = rng.random()
        if roll < 0.5:
            return rng.choice(members[community])
        if roll < 0.75 and by_community.get(community):
            return rng.choice(by_community[community])
        return rng.choice(everyone)

    edges = set()

    def add(source, target_):
        if source != target_:
            edges.add((source, target_, kind()))

    for account in reviewers:
        for _ in range(2):
            add(account, rng.choice(members[community_of[account] % communities]))
    mean = max(1, (args.edges - len(edges)) // max(1, args.shoppers))
    for shopper in range(args.shoppers):
        for _ in range(rng.randint(max(1, mean // 2), mean + mean // 2)):
            add(shoppers[shopper], target(shopper))
    while len(edges) < args.edges:
        shopper = rng.randrange(args.shoppers)
        add(shoppers[shopper], target(shopper))
    edges = sorted(edges)
    if len(edges) > args.edges:
        edges = sorted(rng.sample(edges, args.edges))
    now = int(time.time() * 1000)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -1000000")
    with db:
        db.executemany("INSERT OR IGNORE INTO social_edges (platform_id, source_account, target_account, kind, created_at) VALUES (?, ?, ?, ?, ?)",
                       ((PLATFORM, source, target_, kind_, now) for source, target_, kind_ in edges))
    held = db.execute("SELECT COUNT(*) FROM social_edges WHERE platform_id = ?", (PLATFORM,)).fetchone()[0]
    if args.analyze:
        db.execute("ANALYZE")
    db.close()
    return {"edges": held, "reviewers": len(reviewers), "communities": communities}


def measure_personal(args, directory, settings, port, scripts, viewers, graph):
    """Serves the store with its cache, checks and samples personal answers, warms up, then
    alternates anonymous and personal rounds; returns the rounds and the shares of answers
    carrying personalTrust."""
    server = subprocess.Popen([args.vouch, "serve", "--config", settings, "--data", directory, "--workers", "0"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, server)
        tokens = [line.split(" ") for line in open(viewers).read().splitlines()]
        shares = sample_personal(base, tokens, args, graph)
        url = f"{base}/v1/products/product-1/reviews"
        print(f"load before the warm-up: {open('/proc/loadavg').read().strip()}")
        for name in ("anonymous", "personal"):
            try:
                wrk(argparse.Namespace(**{**vars(args), "duration": 5}), url, scripts[name], PATIENCE)
            except RuntimeError:
                print(f"warm-up, {name}: no answer within 5 s")
        rounds = {"anonymous": [], "personal": []}
        for number in range(args.rounds):
            print(f"load before round {number + 1}: {open('/proc/loadavg').read().strip()}")
            for name in ("anonymous", "personal"):
                rounds[name].append(wrk(args, url, scripts[name], PATIENCE))
        print(f"load after the rounds: {open('/proc/loadavg').read().strip()}")
        return rounds, shares
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def sample_personal(base, tokens, args, graph):
    """Reads `args.samples` personal first pages, viewers and products picked as the wrk script
    picks them; counts the pages, and the reviews, that carry personalTrust. Also checks that
    an attestation can be presented twice and that an anonymous page carries none."""
    rng = random.Random(11)

    def get(path, token=None):
        request = urllib.request.Request(f"{base}{path}", headers={"Vouch-Viewer": token} if token else {})
        with urllib.request.urlopen(request) as answer:
            return json.load(answer)

    token = tokens[0][0]
    get("/v1/products/product-1/reviews", token)
    get("/v1/products/product-2/reviews", token)  # raises on a 401 if attestations were single-use
    assert not any("personalTrust" in r for r in get("/v1/products/product-1/reviews")["reviews"])
    counts = {kind: {"pages": 0, "with": 0, "reviews": 0, "annotated": 0, "direct": 0} for kind in ("own community", "any product")}
    for _ in range(args.samples):
        viewer = rng.randrange(len(tokens))
        token, community = tokens[viewer]
        local = rng.random() < LOCAL
        product = min(int(community) * GROUP + rng.randint(1, GROUP), args.products) if local else rng.randint(1, args.products)
        reviews = get(f"/v1/products/product-{product}/reviews", token)["reviews"]
        count = counts["own community" if local else "any product"]
        annotated = [r["personalTrust"] for r in reviews if r.get("personalTrust")]
        count["pages"] += 1
        count["with"] += bool(annotated)
        count["reviews"] += len(reviews)
        count["annotated"] += len(annotated)
        count["direct"] += sum(1 for trust in annotated if trust.get("direct"))
    total = {key: sum(c[key] for c in counts.values()) for key in counts["own community"]}
    return {f"personalTrust, {name}": f"{c['with']:,} of {c['pages']:,} pages ({c['with'] / max(1, c['pages']):.0%}), "
                                      f"{c['annotated']:,} of {c['reviews']:,} reviews, {c['direct']:,} of them direct"
            for name, c in {**counts, "all": total}.items()}


if __name__ == "__main__":
    main()
