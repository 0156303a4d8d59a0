"""Plays web renditions in headless Chromium, as a shopper's browser would: runs
`vouch serve` on a fresh embedded store, uploads a sample clip through the platform
API, waits for it to be published, opens its product page, and waits until the page's
<video> element has decoded a frame (readyState >= 2, HAVE_CURRENT_DATA) after a seek
into the middle, which needs HTTP range requests. Then does the same with a landscape
phone clip whose display matrix turns it to portrait (remuxed with the matrix kept): the
browser must show it upright, taller than wide. Exits 1 with the reason otherwise."""

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
ROTATED_PRODUCT = "phone-stand"

STATE = """(() => { const v = document.querySelector('video');
  return JSON.stringify(v ? {readyState: v.readyState, duration: v.duration, currentTime: v.currentTime,
                              width: v.videoWidth, height: v.videoHeight,
                              error: v.error && v.error.code, src: v.currentSrc} : null); })()"""


def evaluate(browser, expression):
    result = browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
    return json.loads(result["result"]["value"])


def turn_clockwise(path):
    """Sets every track header's display matrix to a quarter turn clockwise, as a phone
    held upright writes it (this FFmpeg's CLI cannot set one)."""
    data = bytearray(open(path, "rb").read())
    one = 0x10000
    matrix = [0, one, 0, (-one) & 0xFFFFFFFF, 0, 0, 0, 0, 0x40000000]
    start = data.find(b"tkhd")
    while start != -1:
        version = data[start + 4]
        at = start + 4 + (44 if version == 1 else 32) + 8
        for index, value in enumerate(matrix):
            data[at + 4 * index:at + 4 * index + 4] = value.to_bytes(4, "big")
        start = data.find(b"tkhd", start + 4)
    open(path, "wb").write(bytes(data))


def play(browser, base, product):
    """The state of `product`'s first review's <video> once it decoded a frame after a seek."""
    with urllib.request.urlopen(f"{base}/v1/products/{product}/reviews") as answer:
        review = json.load(answer)["reviews"][0]
    if not review["media"].get("video"):
        sys.exit(f"playback: FAIL: the published review of {product} has no rendition: {review['media']}")
    browser.call("Page.navigate", {"url": f"{base}/products/{product}"}, session=True)
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
            return state
        if state and state.get("error"):
            break
        time.sleep(0.2)
    sys.exit(f"playback: FAIL: the <video> of {product} never reached readyState 2 after a seek: {state}")


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
        rotated = f"{work}/rotated.mp4"
        subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25", "-t", "3", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                        rotated], check=True)
        turn_clockwise(rotated)
        turned = shop.upload(base, rotated, "bob", ROTATED_PRODUCT, "Phone stand")["id"]
        shop.wait_final(base, [turned])
        browser = Chromium()
        browser.call("Runtime.enable", session=True)
        state = play(browser, base, PRODUCT)
        print(f"playback: ok: {state['src']} decoded at {state['currentTime']:.2f} s of {state['duration']:.2f} s (readyState {state['readyState']})")
        state = play(browser, base, ROTATED_PRODUCT)
        if not state["height"] > state["width"]:
            sys.exit(f"playback: FAIL: a clip turned to portrait by its display matrix shows {state['width']}x{state['height']}")
        print(f"playback: ok: the phone clip turned by its display matrix shows upright, {state['width']}x{state['height']}")
    finally:
        if browser:
            browser.close()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
