"""Takes the screenshots in Docs/screenshots/: a fresh embedded Vouch under
.vouch/screenshots with the sample platforms and a demo admin, every sample clip
submitted as a whole review (rating, words, disclosures, captions) and the brand's
advert marked as reference footage through the UI; then headless Chromium captures the
landing page, how reviews are verified, a product page with its reviews, the queue and
an item; one held clip is rejected through the UI and the audit log and the
anti-suppression report are captured; then the demo market is seeded and a merchant's
demand view and a product's demand plot are captured.

Logging in is done as a person would, through the login form, with urllib; the session
cookie is then handed to Chromium over the DevTools protocol (Storage.setCookies)."""

import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from devtools import Chromium  # noqa: E402
from market import seed_market, wait_for_demand  # noqa: E402
from platform_client import Platform, local_settings, wait_until_serving  # noqa: E402
from samples import connect_platforms, load_catalog, submit_clip  # noqa: E402

VOUCH = os.environ.get("VOUCH", ".build/debug/vouch")
DATA = ".vouch/screenshots"
PORT = int(os.environ.get("VOUCH_PORT", "8091"))
BASE = f"http://127.0.0.1:{PORT}"
OUT = "Docs/screenshots"


class Moderator:
    """A logged-in moderator session, driven through the UI's own forms."""

    def __init__(self, name, password):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        form = self.get("/moderate/login")
        token = re.search(r'name="token" value="([^"]+)"', form).group(1)
        self.post("/moderate/login", {"name": name, "password": password, "token": token})
        self.session = next(c.value for c in self.jar if c.name == "vouch_session")

    def get(self, path):
        request = urllib.request.Request(BASE + path, headers={"Accept": "text/html"})
        with self.opener.open(request) as response:
            return response.read().decode()

    def post(self, path, fields):
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(BASE + path, data=body, headers={"Accept": "text/html"})
        with self.opener.open(request) as response:
            return response.read().decode()

    def decide(self, clip_id, action, reason):
        token = re.search(r'name="csrf" value="([^"]+)"', self.get(f"/moderate/clips/{clip_id}")).group(1)
        self.post(f"/moderate/clips/{clip_id}/decisions", {"csrf": token, "action": action, "reason": reason})

    def bank_first_segment(self, clip_id, reason):
        """Puts the first matched segment of a clip in the benign bank, through the item page's form."""
        page = self.get(f"/moderate/clips/{clip_id}")
        token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        matched = re.search(r'name="match" value="(\d+)"', page).group(1)
        self.post(f"/moderate/clips/{clip_id}/common-content", {"csrf": token, "match": matched, "segment": "1", "reason": reason})


def main():
    catalog = load_catalog()
    shutil.rmtree(DATA, ignore_errors=True)
    os.makedirs(DATA)
    os.makedirs(OUT, exist_ok=True)
    settings = f"{DATA}/vouch.json"
    json.dump(local_settings(catalog, PORT), open(settings, "w"), indent=2)
    platforms = {p["id"]: Platform(VOUCH, settings, p["id"], p["name"], DATA) for p in catalog["platforms"]}
    password = secrets.token_urlsafe(18)
    subprocess.run([VOUCH, "moderator", "add", "--name", "demo", "--role", "admin", "--password-stdin", "--config", settings, "--data", DATA],
                   input=password + "\n", text=True, check=True, capture_output=True)
    server = subprocess.Popen([VOUCH, "serve", "--config", settings, "--data", DATA])
    try:
        wait_until_serving(BASE, server)
        moderator = Moderator("demo", password)
        for clip in catalog["clips"]:
            platform, answer = submit_clip(BASE, platforms, catalog, clip)
            platform.wait_final(BASE, [answer["id"]])
            if clip["kind"] == "brand-footage":
                moderator.decide(answer["id"], "mark-reference", "The brand's own advert: stock footage for the reference bank.")
        connect_platforms(BASE, platforms, catalog)
        queue = moderator.get("/moderate")
        held = [int(i) for i in re.findall(r'href="/moderate/clips/(\d+)"', queue)]
        print(f"{len(held)} clips held: {held}")
        browser = Chromium()
        try:
            browser.set_cookie("vouch_session", moderator.session, BASE + "/moderate")
            browser.screenshot(BASE + "/", f"{OUT}/landing.png")
            browser.screenshot(BASE + "/how-reviews-are-verified", f"{OUT}/verification.png", full_page=True)
            browser.screenshot(BASE + "/products/trail-30", f"{OUT}/product.png", full_page=True)
            browser.screenshot(BASE + "/products/barista-pro?as=northwind:dana.m", f"{OUT}/product-as-shopper.png", full_page=True)
            browser.screenshot(BASE + "/moderate", f"{OUT}/moderation-queue.png")
            # The mirrored re-upload shows the most on one page: a flip, a timeline, keyframes side by side.
            item = next((clip_id for clip_id in held if "<td>mirror</td>" in moderator.get(f"/moderate/clips/{clip_id}")), held[0])
            browser.screenshot(f"{BASE}/moderate/clips/{item}", f"{OUT}/moderation-item.png", full_page=True)
            rejected = next(clip_id for clip_id in held if clip_id != item)
            moderator.decide(rejected, "reject", "A trimmed, downscaled copy of another reviewer's video.")
            moderator.bank_first_segment(rejected, "Banked from the item page to show the bank (the sample clips share no real intro).")
            browser.screenshot(BASE + "/moderate/common-content", f"{OUT}/moderation-common-content.png", full_page=True)
            browser.screenshot(BASE + "/moderate/audit", f"{OUT}/moderation-audit.png")
            browser.screenshot(BASE + "/moderate/reports/suppression", f"{OUT}/suppression-report.png", full_page=True)
            products = [p["id"] for p in catalog["products"]]
            seed_market(BASE, platforms["northwind"], [r["account"] for r in catalog["reviewers"] if r["platform"] == "northwind"], products)
            wait_for_demand(BASE, platforms["northwind"])
            browser.screenshot(BASE + "/moderate/demand?window=7d", f"{OUT}/merchant-demand.png", full_page=True)
            browser.screenshot(f"{BASE}/moderate/demand/products/{products[2]}?kind=cart", f"{OUT}/merchant-product.png", full_page=True)
        finally:
            browser.close()
        print(f"Screenshots in {OUT}/ (item: clip {item})")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait()


if __name__ == "__main__":
    main()
