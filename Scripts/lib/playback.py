"""Plays a web rendition in headless Chromium, as a shopper's browser would: runs
`vouch serve` on a fresh embedded store, uploads a sample clip through the platform
API, waits for it to be published, opens its product page, and waits until the page's
<video> element has decoded a frame (readyState >= 2, HAVE_CURRENT_DATA) after a seek
into the middle, which needs HTTP range requests. Exits 1 with the reason otherwise."""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from devtools import Chromium  # noqa: E402
from platform_client import Platform, free_port, wait_until_serving  # noqa: E402

VOUCH = os.environ.get("VOUCH", ".build/debug/vouch")
CLIP = "Samples/clips/alice-espresso.mp4"
PRODUCT = "barista-pro"

STATE = """(() => { const v = document.querySelector('video');
  return JSON.stringify(v ? {readyState: v.readyState, duration: v.duration, currentTime: v.currentTime,
                              error: v.error && v.error.code, src: v.currentSrc} : null); })()"""


def evaluate(browser, expression):
    result = browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
    return json.loads(result["result"]["value"])


def main():
    work = tempfile.mkdtemp(prefix="vouch-playback-")
    port = free_port()
    settings = f"{work}/vouch.json"
    config = json.load(open("Config/vouch.json"))
    config["server"] = dict(config.get("server", {}), port=port)
    json.dump(config, open(settings, "w"))
    shop = Platform(VOUCH, settings, "shop", "Shop", work)
    server = subprocess.Popen([VOUCH, "serve", "--config", settings, "--data", work], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    browser = None
    try:
        wait_until_serving(base, server)
        clip = shop.upload(base, CLIP, "alice", PRODUCT, "Barista Pro")["id"]
        shop.wait_final(base, [clip])
        with urllib.request.urlopen(f"{base}/v1/products/{PRODUCT}/reviews") as answer:
            review = json.load(answer)["reviews"][0]
        video = review["media"].get("video")
        if not video:
            sys.exit(f"playback: FAIL: the published review has no rendition: {review['media']}")
        browser = Chromium()
        browser.call("Runtime.enable", session=True)
        browser.call("Page.navigate", {"url": f"{base}/products/{PRODUCT}"}, session=True)
        browser.wait_for("Page.loadEventFired")
        deadline = time.time() + 30
        state = None
        seeked = False
        while time.time() < deadline:
            state = evaluate(browser, STATE)
            if state and state["readyState"] >= 1 and not seeked:
                evaluate(browser, "(() => { const v = document.querySelector('video'); v.currentTime = v.duration / 2; return 'null'; })()")
                seeked = True
            elif state and seeked and state["readyState"] >= 2 and state["currentTime"] > 0:
                print(f"playback: ok: {state['src']} decoded at {state['currentTime']:.2f} s of {state['duration']:.2f} s (readyState {state['readyState']})")
                return
            if state and state.get("error"):
                break
            time.sleep(0.2)
        sys.exit(f"playback: FAIL: the <video> never reached readyState 2 after a seek: {state}")
    finally:
        if browser:
            browser.close()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
