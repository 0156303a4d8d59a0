"""Seeds the demo's market through the platform API: honest shoppers befriending the
sample reviewers (who are trust seeds), a farm of bots tied to them by one edge, a week of
honest demand signals, the farm's carts and pre-orders within minutes, and a pre-order
campaign. The merchant view then shows trusted demand ignoring the farm."""

import datetime
import random
import time

HONEST = [f"shopper-{n:02}" for n in range(40)]
BOTS = [f"deal-hunter-{n:03}" for n in range(80)]


def seed_market(base, platform, reviewers, products):
    rng = random.Random(2026)
    friend = lambda a, b: {"from": a, "to": b, "kind": "friend"}
    edges = [friend(a, b) for a, b in zip(HONEST, HONEST[1:] + HONEST[:1])]
    edges += [friend(a, b) for a, b in zip(HONEST, HONEST[5:])]
    edges += [friend(reviewer, HONEST[n * 7 % len(HONEST)]) for n, reviewer in enumerate(reviewers)]
    edges += [friend(a, b) for a, b in zip(BOTS, BOTS[1:] + BOTS[:1])] + [friend(a, b) for a, b in zip(BOTS, BOTS[3:])]
    edges.append(friend(HONEST[3], BOTS[0]))
    platform.call(base, "/v1/social/edges", {"add": edges})

    now = datetime.datetime.now(datetime.timezone.utc)
    stamp = lambda t: t.isoformat(timespec="seconds").replace("+00:00", "Z")
    events = []
    popularity = {products[0]: 0.8, products[1]: 0.5, products[2]: 0.25}
    for shopper in HONEST:
        for product, share in popularity.items():
            when = now - datetime.timedelta(hours=rng.uniform(1, 160))
            for kind, chance in (("view", 1.0), ("wishlist", 0.6), ("cart", 0.45), ("purchase", 0.3)):
                if rng.random() < share * chance:
                    events.append({"id": f"{shopper}-{product}-{kind}", "account": shopper, "product": product, "kind": kind,
                                   "at": stamp(when + datetime.timedelta(minutes=len(events) % 50))})
        if rng.random() < 0.6:
            events.append({"id": f"{shopper}-preorder", "account": shopper, "product": f"{products[0]}-copper", "kind": "preorder",
                           "at": stamp(now - datetime.timedelta(hours=rng.uniform(1, 40)))})
    # The sample reviewers shop too: they bought what they reviewed, some of it twice.
    for n, reviewer in enumerate(reviewers):
        for product in products:
            events.append({"id": f"{reviewer}-{product}-purchase", "account": reviewer, "product": product, "kind": "purchase",
                           "at": stamp(now - datetime.timedelta(days=2, hours=n)), "quantity": 1 + n % 2})
    farm_start = now - datetime.timedelta(hours=20)
    for n, bot in enumerate(BOTS):
        at = stamp(farm_start + datetime.timedelta(seconds=n * 4))
        events.append({"id": f"{bot}-cart", "account": bot, "product": products[2], "kind": "cart", "at": at, "quantity": 3})
        events.append({"id": f"{bot}-preorder", "account": bot, "product": f"{products[0]}-copper", "kind": "preorder", "at": at})
    platform.call(base, "/v1/signals", {"events": events})
    platform.call(base, "/v1/campaigns", {"product": f"{products[0]}-copper", "variant": "copper", "title": f"{products[0]} in copper?",
                                          "threshold": 12, "opensAt": stamp(now - datetime.timedelta(days=3)),
                                          "closesAt": stamp(now + datetime.timedelta(days=11))})
    return len(events)


def wait_for_demand(base, platform, timeout=120):
    """Waits until a trust recomputation has counted the signals just sent."""
    started = datetime.datetime.now(datetime.timezone.utc)
    deadline = time.time() + timeout
    while time.time() < deadline:
        computed = platform.call(base, "/v1/demand?window=7d").get("computedAt")
        if computed and datetime.datetime.fromisoformat(computed.replace("Z", "+00:00")) > started:
            return
        time.sleep(0.5)
    raise TimeoutError("demand was not recomputed in time")
