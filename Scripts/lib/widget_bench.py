"""Figures for the embeddable reviews widget: the size of Sources/VouchServer/Web/widget.js
as written and gzipped (gzip -9), and the time to the first review rendered in headless
Chromium: `vouch serve` on a fresh embedded store with two published sample reviews of the
Barista Pro, the sample shop on another origin under its strict CSP, and LOADS fresh page
loads of the shop with the browser's cache disabled, each measured from navigation start to
the widget's performance mark "vouch-reviews:rendered" (set when the first reviews are in
its shadow root). Prints a Markdown table for Docs/benchmarks.md. Run by Scripts/bench-widget."""

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from sample_shop import SampleShop  # noqa: E402
from widget_check import Failure, RecordingChromium, start_vouch, tear_down  # noqa: E402

WIDGET = "Sources/VouchServer/Web/widget.js"

TIMINGS = """(() => { const mark = performance.getEntriesByName('vouch-reviews:rendered')[0];
  if (!mark) return null;
  const resource = (part) => { const r = performance.getEntriesByType('resource').find((e) => e.name.includes(part)); return r ? r.responseEnd : null; };
  const nav = performance.getEntriesByType('navigation')[0];
  return {rendered: mark.startTime, script: resource('/widget.js'), reviews: resource('/reviews'),
          domContentLoaded: nav ? nav.domContentLoadedEventEnd : null}; })()"""


def sizes(path):
    raw = os.path.getsize(path)
    gzipped = len(subprocess.run(["gzip", "-9", "-c", path], check=True, capture_output=True).stdout)
    return raw, gzipped


def first_review(browser, url, timeout=30):
    browser.call("Page.navigate", {"url": url}, session=True)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            timings = browser.evaluate(TIMINGS)
        except (RuntimeError, Failure):  # the old document went away mid-evaluation
            timings = None
        if timings:
            return timings
        time.sleep(0.02)
    raise RuntimeError(f"no review rendered within {timeout} s of loading {url}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vouch", default=os.environ.get("VOUCH", ".build/debug/vouch"))
    parser.add_argument("--loads", type=int, default=10)
    args = parser.parse_args()
    raw, gzipped = sizes(WIDGET)
    work = tempfile.mkdtemp(prefix="vouch-bench-widget-")
    server = shop = browser = None
    runs = []
    try:
        server, base, _ = start_vouch(args.vouch, work)
        vouch_origin = base.replace("127.0.0.1", "localhost")
        shop = SampleShop(vouch_origin).start()
        browser = RecordingChromium()
        browser.call("Network.enable", session=True)
        browser.call("Network.setCacheDisabled", {"cacheDisabled": True}, session=True)
        first_review(browser, shop.url)  # warms the server and the browser process, not measured
        for _ in range(args.loads):
            browser.call("Page.navigate", {"url": "about:blank"}, session=True)
            time.sleep(0.2)
            runs.append(first_review(browser, shop.url))
            browser.events.clear()
    finally:
        tear_down(browser, shop, server, work)

    def row(name, key):
        values = [r[key] for r in runs if r.get(key) is not None]
        if not values:
            return f"| {name} | – | – | – |"
        return f"| {name} | {statistics.median(values):.0f} | {min(values):.0f} | {max(values):.0f} |"

    print(f"Widget benchmark, {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
          f"{args.loads} fresh page loads (cache disabled), vouch {args.vouch}\n")
    print("| widget.js | bytes |")
    print("|---|---|")
    print(f"| as written | {raw:,} |")
    print(f"| gzip -9 | {gzipped:,} |")
    print()
    print(f"| from navigation start (ms, {len(runs)} loads) | median | min | max |")
    print("|---|---|---|---|")
    print(row("host page's DOMContentLoaded", "domContentLoaded"))
    print(row("widget.js received", "script"))
    print(row("first page of reviews received", "reviews"))
    print(row("first review rendered in the shadow root", "rendered"))


if __name__ == "__main__":
    main()
