"""Runs the demo: a fresh embedded Vouch under .vouch/demo with the two sample
platforms, each sample clip submitted through the platform API as a whole review (rating,
words, disclosures, captions) as its reviewer would, the verdicts printed, then the
server left running until Ctrl-C."""

import json
import os
import shutil
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from market import seed_market, wait_for_demand  # noqa: E402
from platform_client import Platform, local_settings, wait_until_serving  # noqa: E402
from sample_shop import SampleShop  # noqa: E402
from samples import connect_platforms, load_catalog, submit_clip  # noqa: E402

VOUCH = os.environ.get("VOUCH", ".build/release/vouch")
DATA = ".vouch/demo"
PORT = int(os.environ.get("VOUCH_PORT", "8080"))
SHOP_PORT = int(os.environ.get("VOUCH_SHOP_PORT", "8081"))


def main():
    catalog = load_catalog()
    shutil.rmtree(DATA, ignore_errors=True)
    os.makedirs(DATA)
    settings = f"{DATA}/vouch.json"
    json.dump(local_settings(catalog, PORT), open(settings, "w"), indent=2)
    platforms = {p["id"]: Platform(VOUCH, settings, p["id"], p["name"], DATA) for p in catalog["platforms"]}
    # A demo administrator for the moderator UI; a real deployment picks its own password.
    subprocess.run([VOUCH, "moderator", "add", "--name", "demo", "--role", "admin", "--password-stdin", "--config", settings, "--data", DATA],
                   input="vouch-demo-2026\n", text=True, check=True, capture_output=True)
    # A merchant who sees trusted demand for the catalog's products (and its copper variant).
    products_ids = [p["id"] for p in catalog["products"]]
    subprocess.run([VOUCH, "moderator", "add", "--name", "merchant", "--role", "merchant", "--password-stdin", "--config", settings, "--data", DATA,
                    *[arg for product in products_ids + [f"{products_ids[0]}-copper"] for arg in ("--product", product)]],
                   input="vouch-demo-2026\n", text=True, check=True, capture_output=True)
    server = subprocess.Popen([VOUCH, "serve", "--config", settings, "--data", DATA])
    base = f"http://127.0.0.1:{PORT}"
    try:
        wait_until_serving(base, server)
        reviewers = {r["id"]: r for r in catalog["reviewers"]}
        submitted = []
        for clip in catalog["clips"]:
            platform, answer = submit_clip(base, platforms, catalog, clip)
            submitted.append((clip, platform, answer["id"]))
            # Each clip is matched against those indexed before it, as in production:
            # wait for this one's verdict before submitting the next.
            platform.wait_final(base, [answer["id"]])
        connect_platforms(base, platforms, catalog)
        seeded = seed_market(base, platforms["northwind"], [r["account"] for r in catalog["reviewers"] if r["platform"] == "northwind"], products_ids)
        wait_for_demand(base, platforms["northwind"])
        print(f"\n{seeded} demand signals sent, 80 of them from a bot farm; a pre-order campaign opened.")
        print(f"\n{'clip':30} {'reviewer':16} {'rating':6} {'status':10} {'verdict':18} {'score':>5}  flags")
        for clip, platform, clip_id in submitted:
            status = platform.status(base, clip_id)
            flags = ", ".join(f["kind"] for f in status["flags"]) or "-"
            score = f"{status['score']:.2f}" if status.get("score") is not None else "-"
            print(f"{clip['file']:30} {reviewers[clip['reviewer']]['account']:16} {str(clip['review']['rating']) + '/5':6} {status['status']:10} "
                  f"{status.get('verdict') or '-':18} {score:>5}  {flags}")
        northwind = platforms["northwind"]
        shop = SampleShop(base, SHOP_PORT, viewer_token=northwind.viewer_attestation,
                          shoppers=[s["account"] for s in catalog["shoppers"] if s["platform"] == "northwind"]).start()
        print(f"\nVouch is serving on {base} (data in {DATA}).")
        print(f"A sample shop embedding the reviews widget from another origin: {shop.url}"
              f" (signed in as a shopper: {shop.url}?shopper=dana.m)")
        print(f"The product page as a demo shopper sees it, friends of friends first: {base}/products/barista-pro?as=northwind:dana.m")
        print(f"Moderator UI: {base}/moderate (user demo, password vouch-demo-2026).")
        print(f"Merchant view: {base}/moderate/demand (user merchant, password vouch-demo-2026). Platform API keys:")
        for platform in platforms.values():
            print(f"  {platform.id}: {platform.api_key}")
        print(f"Try: curl -H 'Authorization: Bearer {platforms['northwind'].api_key}' {base}/v1/clips/1")
        print(f"     curl {base}/v1/products/barista-pro/reviews   (ratings, words, disclosure labels, captions)")
        print(f"     curl {base}/v1/products/barista-pro/summary   (average and trust-weighted rating, disclosures counted)")
        print(f"How reviews are verified, from this server's settings: {base}/how-reviews-are-verified")
        key = subprocess.run([VOUCH, "log", "key", "--config", settings, "--data", DATA], check=True, capture_output=True, text=True).stdout.strip()
        print(f"Review log key: {key}")
        print(f"Verify a product's reviews against the signed log: {VOUCH} verify --server {base} --key {key} --product barista-pro")
        print("Press Ctrl-C to stop.")
        server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            server.wait()


if __name__ == "__main__":
    main()
