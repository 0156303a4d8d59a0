"""The sample catalog (Samples/catalog.json) submitted as its platforms would: each clip
in Samples/clips/ as a whole review, with its reviewer's account claims, its rating,
words and disclosures, and its captions as WebVTT. Used by the demo and the screenshots."""

import datetime
import json

from platform_client import webvtt

CATALOG = "Samples/catalog.json"
CLIPS = "Samples/clips"


def load_catalog(path=CATALOG):
    return json.load(open(path))


def account_created(reviewer):
    """The reviewer's account creation time (Unix seconds) from its `since` date, if any."""
    since = reviewer.get("since")
    if not since:
        return None
    return datetime.datetime.fromisoformat(since).replace(tzinfo=datetime.timezone.utc).timestamp()


def review_of(catalog, clip):
    """The `review` part for a catalog clip: its product and the catalog's words."""
    names = {p["id"]: p["name"] for p in catalog["products"]}
    return {"product": clip["product"], "productName": names[clip["product"]], **clip["review"]}


def submit_clip(base_url, platforms, catalog, clip):
    """Submits one catalog clip through its reviewer's platform; returns (platform, answer)."""
    reviewer = next(r for r in catalog["reviewers"] if r["id"] == clip["reviewer"])
    platform = platforms[reviewer["platform"]]
    captions = webvtt(clip["captions"]) if clip.get("captions") else None
    answer = platform.submit_review(base_url, f"{CLIPS}/{clip['file']}", review_of(catalog, clip), captions, reviewer["account"],
                                    account_created=account_created(reviewer), handle=reviewer["account"])
    return platform, answer
