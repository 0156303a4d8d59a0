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


def connect_platforms(base_url, platforms, catalog):
    """Each platform's social graph, each product's GTIN on both platforms (so their reviews
    are one product's), and Northwind's choice to show Clipstream's reviews in its shop."""
    for platform_id, edges in catalog["socialGraph"].items():
        platforms[platform_id].call(base_url, "/v1/social/edges", {"add": edges})
    for product in catalog["products"]:
        for platform in platforms.values():
            platform.call(base_url, f"/v1/catalog/{product['id']}", {"gtin": product["gtin"]}, method="PUT")
    platforms["northwind"].call(base_url, "/v1/syndication", {"showSyndicated": True, "shareReviews": True}, method="PUT")
