"""Copy detection end to end, through the platform API, at a busy product.

Fills product P with honest background reviews (BACKGROUND distinct reviewers, distinct
generated clips, a third ending with the corpus's common app end card when it has one),
uploads each corpus reference as its owner's review, then uploads every query of the
accuracy corpus (Scripts/accuracy/corpus.py) under a new reviewer of its own: about 70%
to product P, the rest to other products. When every clip is final it reads each clip's
status through the API and reports, per engine, the share of copies flagged, the honest
clips flagged (false flags), and the share per transform family. Run by
Scripts/bench-detection on SQLite embedded and on PostgreSQL with two `vouch worker`s.

The platform API names a flag's kind but never the clip matched (ClipStatusBody), so
whether a flag names the right original is read from the store's `matches` table.
"""

import argparse
import base64
import collections
import concurrent.futures
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

sys.path.insert(0, os.path.dirname(__file__))
from platform_client import FINAL, Platform, free_port, wait_until_serving  # noqa: E402

BUSY_PRODUCT = "busy-product"
COPY_FLAGS = {"copy-of-other-identity", "reference-footage"}
ENCODE = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-an", "-threads", "1"]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


# --- The honest background -------------------------------------------------------------
#
# Generated, not filmed: the accuracy corpus uses the photos scikit-image ships (and
# others) as references or as distractors, and a background pan over a distractor's photo
# would make that distractor a true copy. Each recipe below draws its picture from a seeded
# random state (seeds, rules and colours the corpus's own generated clips do not use), so
# no two background clips share a picture, and none shares one with the corpus.

def life_clip(rng):
    """Conway's life from a random soup, in random colours and cell sizes."""
    width = rng.choice([80, 120, 160])
    colours = ["#%06x" % rng.randrange(1 << 24) for _ in range(3)]
    return [f"life=s={width}x{width * 9 // 16}:r=25:seed={rng.randrange(1 << 30)}:ratio={rng.uniform(0.15, 0.5):.2f}:"
            f"mold={rng.randrange(2, 30)}:life_color={colours[0]}:death_color={colours[1]}:mold_color={colours[2]}",
            "scale=640:360:flags=neighbor"]


# Elementary automaton rules whose rows stay irregular from a random start (Wolfram's
# classes 3 and 4), without the corpus's own rules 30, 90, 110 and 150; the others settle
# into stripes that would look alike from one clip to the next.
CHAOTIC_RULES = [18, 22, 45, 60, 73, 75, 86, 89, 101, 102, 105, 106, 122, 126, 129, 135, 137, 146, 149, 153, 161,
                 165, 169, 182, 193, 195, 225]


def cellular_clip(rng):
    """A scrolling one-dimensional cellular automaton from a random row, tinted."""
    width = rng.choice([64, 96, 128])
    rule = rng.choice(CHAOTIC_RULES)
    tint = [f"{rng.uniform(0.1, 0.9):.2f}" for _ in range(3)]
    return [f"cellauto=s={width}x{width * 9 // 16}:r=25:seed={rng.randrange(1 << 30)}:ratio={rng.uniform(0.2, 0.6):.2f}:"
            f"rule={rule}:scroll=1",
            f"scale=640:360:flags=neighbor,format=rgb24,lutrgb=r='val*{tint[0]}':g='val*{tint[1]}':b='val*{tint[2]}+40'"]


# The accuracy corpus's zooms into the Mandelbrot set (reference, distractors, hard-negative
# bodies, hosts), as centre and widest scale once zoomed in: kept clear of. (Its views of
# the whole set cannot be matched by a zoom into its edge.)
CORPUS_FRACTALS = [(complex(-0.75, 0.1), 0.1), (complex(-0.1011, 0.9563), 0.3), (complex(0.2501, 0), 0.05),
                   (complex(-1.25066, 0.02012), 0.02), (complex(-1.3969, 0.0199), 0.017), (complex(-0.918, -0.3283), 0.014),
                   (complex(-1.7497, 0.0001), 0.03), (complex(-1.2493, -0.0643), 0.02)]


def fractal_views(seed, count):
    """Views of the Mandelbrot set's edge, as centre and scale, none overlapping another or
    the corpus's: views of one picture at two zooms would be true crops of each other."""
    rng = random.Random(f"{seed}:fractals")
    views = []
    while len(views) < count:
        centre, scale = complex(rng.uniform(-2, 0.5), rng.uniform(-1.2, 1.2)), rng.uniform(0.005, 0.03)
        # A view spans about twice its scale each way; disjoint views keep their centres further apart.
        if 30 <= escape_time(centre) < 400 and all(abs(centre - other) > 2 * (scale + size)
                                                   for other, size in CORPUS_FRACTALS + views):
            views.append((centre, scale))
    return views


def fractal_clip(rng, view):
    """A slow zoom into the Mandelbrot set's edge at `view`, in a random hue."""
    centre, scale = view
    return [f"mandelbrot=s=320x180:r=25:maxiter=400:start_x={centre.real:.6f}:start_y={centre.imag:.6f}:"
            f"start_scale={scale:.5f}:end_scale={scale * rng.uniform(0.2, 0.8):.5f}",
            f"scale=640:360:flags=bicubic,hue=h={rng.randrange(360)}"]


def escape_time(point, limit=400):
    """How many Mandelbrot iterations `point` takes to escape: between 30 and the limit, it
    lies near the set's edge, where the picture has detail."""
    z = 0
    for step in range(limit):
        z = z * z + point
        if abs(z) > 2:
            return step
    return limit


def shapes_clip(rng):
    """Coloured boxes gliding over a flat backdrop, like objects on a table."""
    graph = [f"color=c=0x{rng.randrange(1 << 24):06x}:s=640x360:r=25[b0]"]
    count = rng.randrange(5, 10)
    for i in range(1, count + 1):
        w, h = rng.randrange(40, 240), rng.randrange(40, 200)
        x0, y0 = rng.randrange(-40, 600), rng.randrange(-40, 320)
        vx, vy = rng.uniform(-50, 50), rng.uniform(-30, 30)
        graph.append(f"color=c=0x{rng.randrange(1 << 24):06x}:s={w}x{h}:r=25[s{i}];"
                     f"[b{i - 1}][s{i}]overlay=x='{x0}+{vx:.1f}*t':y='{y0}+{vy:.1f}*t'" + (f"[b{i}]" if i < count else ""))
    return [";".join(graph), "noise=alls=6:allf=t"]


RECIPES = [life_clip, cellular_clip, fractal_clip, shapes_clip]
CAPTIONS = ["week two with it", "honest thoughts", "unboxing", "does it hold up?", "my verdict", "pros and cons",
            "after a month", "first impressions", "would I buy again", "the good and the bad"]


def ffmpeg(*args):
    """Runs ffmpeg at low priority (the machine is shared), writing under a temporary name first."""
    *options, out = args
    partial = out[:-4] + ".partial.mp4"
    subprocess.run(["nice", "-n", "10", "ffmpeg", "-nostdin", "-v", "error", "-y", *options, partial], check=True)
    os.replace(partial, out)


def background_clip(directory, index, seed, views):
    """The index-th honest clip, 4-8 s of 640x360 H.264, generated once and cached under a
    name that digests its recipe, so that a changed recipe makes a new clip. The fractal
    clips take their view from `views`, in turn."""
    rng = random.Random(f"{seed}:{index}")
    recipe = RECIPES[index % len(RECIPES)]
    if recipe is fractal_clip:
        source, chain = fractal_clip(rng, views[index // len(RECIPES)])
    else:
        source, chain = recipe(rng)
    if rng.random() < 0.3:  # some reviewers caption their clips
        chain += (f",drawtext=fontfile={FONT}:text='{rng.choice(CAPTIONS)}':fontcolor=white:fontsize={rng.randrange(22, 34)}:"
                  f"box=1:boxcolor=black@0.6:x={rng.randrange(10, 200)}:y={rng.randrange(10, 300)}")
    arguments = ["-f", "lavfi", "-i", source, "-vf", chain + ",setsar=1", "-t", f"{rng.uniform(4, 8):.1f}", *ENCODE]
    digest = hashlib.sha256("\0".join(arguments).encode()).hexdigest()[:8]
    out = os.path.join(directory, f"background-{seed}-{index:03}-{recipe.__name__.removesuffix('_clip')}-{digest}.mp4")
    if not os.path.exists(out):
        ffmpeg(*arguments, out)
    return out


def with_end_card(clip, end_card, directory):
    """`clip` followed by the shared end card, as a social app's export appends it."""
    digest = hashlib.sha256(open(end_card, "rb").read()).hexdigest()[:8]
    out = os.path.join(directory, os.path.basename(clip)[:-4] + f"-endcard-{digest}.mp4")
    if not os.path.exists(out):
        ffmpeg("-i", clip, "-i", end_card, "-filter_complex",
               "[0]fps=25,setsar=1,format=yuv420p[a];"
               "[1]scale=640:360:force_original_aspect_ratio=decrease,pad=640:360:(ow-iw)/2:(oh-ih)/2,fps=25,setsar=1,format=yuv420p[b];"
               "[a][b]concat=n=2", *ENCODE, out)
    return out


def background(directory, count, seed, end_card):
    """The honest background clips; about a third end with `end_card` when there is one."""
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(f"{seed}:end-cards")
    carded = set(rng.sample(range(count), count // 3)) if end_card else set()
    views = fractal_views(seed, count // len(RECIPES) + 1)
    def make(index):
        clip = background_clip(directory, index, seed, views)
        return with_end_card(clip, end_card, directory) if index in carded else clip
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(make, range(count)))


# --- The corpus and the upload plan ------------------------------------------------------

@dataclass
class Upload:
    """One clip to send: what it is (background, original, copy or non-copy), by whom, where."""
    role: str
    path: str
    reviewer: str
    product: str
    family: str = ""
    reference: str | None = None
    clip_id: int | None = None
    answer: dict = field(default_factory=dict)
    matched: list = field(default_factory=list)


def end_card_of(corpus, truth):
    """The corpus's app end card: the `endcard.mp4` among truth.json's `common` clips (paths
    under the corpus), if it has one."""
    for name in truth.get("common", []):
        if os.path.basename(name) == "endcard.mp4" and os.path.isfile(os.path.join(corpus, name)):
            return os.path.join(corpus, name)
    return None


def select_queries(truth, families, limit, seed):
    """The corpus's queries kept to `families` (all when empty), with at most `limit` copies
    a family (all when 0) drawn at random (seeded), so that a quick run still spans the
    references. Non-copies are all kept: false flags are what a short run must not miss."""
    by_family = collections.defaultdict(list)
    for name, entry in sorted(truth["queries"].items()):
        if not families or entry["family"] in families:
            by_family[entry["family"]].append((name, entry))
    rng = random.Random(f"{seed}:queries")
    kept = []
    for family, members in sorted(by_family.items()):
        copies = members[0][1]["reference"] is not None
        kept += rng.sample(members, limit) if copies and 0 < limit < len(members) else members
    return sorted(kept)


def plan(corpus, queries, backgrounds, seed, busy_share):
    """Who uploads what where: the background, then every reference as its owner's original,
    then every query under a reviewer of its own, shuffled, `busy_share` of them to the busy
    product."""
    rng = random.Random(seed)
    stage_one = [Upload("background", path, f"background-{i}", BUSY_PRODUCT) for i, path in enumerate(backgrounds)]
    # Every reference, even one no kept query copies: the hard negatives share common
    # content with some of them.
    references = sorted(name for name in os.listdir(os.path.join(corpus, "references"))
                        if name.endswith(".mp4") and not name.endswith(".partial.mp4"))
    stage_two = [Upload("original", os.path.join(corpus, "references", name), f"owner-{i}",
                        BUSY_PRODUCT if rng.random() < 0.75 else f"product-{name[:-4]}", reference=name)
                 for i, name in enumerate(references)]
    stage_three = []
    for i, (name, entry) in enumerate(queries):
        product = BUSY_PRODUCT if rng.random() < busy_share else f"other-product-{rng.randrange(40)}"
        role = "copy" if entry["reference"] else "non-copy"
        stage_three.append(Upload(role, os.path.join(corpus, "queries", name), f"uploader-{i}", product,
                                  family=entry["family"], reference=entry["reference"]))
    rng.shuffle(stage_three)
    return stage_one, stage_two, stage_three


# --- A deployment under test --------------------------------------------------------------

class Deployment:
    """A throwaway Vouch: `vouch serve` on SQLite under a temporary data directory with its
    in-process workers, or on a fresh PostgreSQL database with `vouch worker` processes."""

    def __init__(self, engine, args):
        self.engine = engine
        self.directory = tempfile.mkdtemp(prefix=f"vouch-detection-{engine}-")
        settings = os.path.join(self.directory, "vouch.json")
        config = json.load(open(args.config))
        port = free_port()
        config["server"] = dict(config.get("server", {}), port=port)
        json.dump(config, open(settings, "w"))
        self.workers = config.get("pipeline", {}).get("inProcessWorkers", 1)
        self.base = f"http://127.0.0.1:{port}"
        common = ["--config", settings, "--data", self.directory]
        self.database_url = None
        database = []
        if engine == "postgres":
            name = f"vouch_detection_{os.getpid()}"
            subprocess.run(["psql", args.postgres, "-qc", f"CREATE DATABASE {name}"], check=True)
            self.database_url = args.postgres.replace("/postgres?", f"/{name}?")
            database = ["--database", self.database_url]
            self.workers = args.pg_workers
            # On PostgreSQL the operator makes the key that seals webhook secrets.
            with open(os.open(os.path.join(self.directory, "webhook-secrets.key"), os.O_WRONLY | os.O_CREAT, 0o600), "w") as key:
                key.write(base64.b64encode(os.urandom(32)).decode() + "\n")
        self.platform = Platform(args.vouch, settings, "bench", "Bench", self.directory, database)
        self.log = open(os.path.join(self.directory, "vouch.log"), "w")
        serve = [args.vouch, "serve", *common, *database, *(["--workers", "0"] if database else [])]
        self.processes = [subprocess.Popen(serve, stdout=self.log, stderr=subprocess.STDOUT)]
        wait_until_serving(self.base, self.processes[0])
        if database:
            self.processes += [subprocess.Popen([args.vouch, "worker", *common, *database, "--name", f"w{i}"],
                                                stdout=self.log, stderr=subprocess.STDOUT) for i in range(self.workers)]

    def matches(self):
        """Every (clip, earlier clip it matched) pair the store recorded."""
        query = "SELECT clip_id, matched_clip_id FROM matches"
        if self.database_url:
            rows = subprocess.run(["psql", self.database_url, "-AtF,", "-c", query], check=True,
                                  capture_output=True, text=True).stdout.split()
            return [tuple(int(part) for part in row.split(",")) for row in rows]
        with sqlite3.connect(f"file:{self.directory}/vouch.sqlite?mode=ro", uri=True) as db:
            return db.execute(query).fetchall()

    def stop(self):
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.log.close()


def send(deployment, uploads, concurrency, timeout):
    """Uploads `uploads` with `concurrency` in flight and waits until all are final; returns
    the seconds from the first upload to the last verdict."""
    started = time.time()
    def upload(item):
        return deployment.platform.upload(deployment.base, item.path, item.reviewer, item.product)
    with concurrent.futures.ThreadPoolExecutor(max_workers=concurrency) as pool:
        for item, answer in zip(uploads, pool.map(upload, uploads)):
            item.clip_id = answer["id"]
    wait_in_order(deployment, uploads, timeout)
    return time.time() - started


def wait_in_order(deployment, uploads, timeout, poll=0.5):
    """Waits until every upload is final, keeping its status answer. The queue runs about in
    upload order, so each round asks only up to the first clip still waiting (the stage ends
    when the last does): hundreds of status requests a round would take CPU from the
    workers being measured."""
    deadline = time.time() + timeout
    waiting = list(uploads)
    while True:
        while waiting:
            answer = deployment.platform.status(deployment.base, waiting[0].clip_id)
            if answer["status"] not in FINAL:
                break
            waiting.pop(0).answer = answer
        if not waiting:
            return
        if time.time() > deadline:
            raise TimeoutError(f"{len(waiting)} clips not final after {timeout} s")
        time.sleep(poll)


def run(engine, args, stages):
    """Runs the three stages on a fresh deployment; returns the clips, timings and verdicts."""
    print(f"{engine}: starting", file=sys.stderr)
    deployment = Deployment(engine, args)
    timings = {}
    try:
        for name, uploads in zip(("background", "originals", "queries"), stages):
            timings[name] = send(deployment, uploads, args.concurrency, args.timeout)
            print(f"{engine}: {name}: {len(uploads)} clips final in {timings[name]:.1f} s", file=sys.stderr)
        # A clip's first final status is not always its last: clips held only for an end
        # card are released when enough clips teach it as common content. Count where each ends.
        for item in (item for stage in stages for item in stage):
            item.answer = deployment.platform.status(deployment.base, item.clip_id)
        matched = collections.defaultdict(list)
        for clip, earlier in deployment.matches():
            matched[clip].append(earlier)
    finally:
        deployment.stop()
        # The server's and workers' log outlives the throwaway data directory.
        shutil.copy(os.path.join(deployment.directory, "vouch.log"), os.path.join(args.cache, f"vouch-{engine}.log"))
        if not args.keep:
            shutil.rmtree(deployment.directory, ignore_errors=True)
    clips = [item for stage in stages for item in stage]
    for item in clips:
        item.matched = matched.get(item.clip_id, [])
    return {"engine": engine, "workers": deployment.workers, "timings": timings,
            "clips": [{"role": c.role, "file": os.path.basename(c.path), "reviewer": c.reviewer, "product": c.product,
                       "family": c.family, "reference": c.reference, "id": c.clip_id, "status": c.answer["status"],
                       "verdict": c.answer.get("verdict"), "flags": [f["kind"] for f in c.answer.get("flags", [])],
                       "matched": c.matched} for c in clips]}


# --- Scoring and the report ---------------------------------------------------------------

def flagged_for_copying(clip):
    """Held with a copy flag: what a moderator would see as "this is someone else's video"."""
    return clip["status"] == "flagged" and bool(COPY_FLAGS & set(clip["flags"]))


def score(result):
    """Counts per role, per family and per product, and what each copy's flag names: its
    own original, or at least the same content (the original or another copy of it)."""
    reference_of = {c["id"]: c["reference"] for c in result["clips"] if c["reference"]}
    originals = {c["reference"]: c["id"] for c in result["clips"] if c["role"] == "original"}
    tally = collections.defaultdict(collections.Counter)
    for clip in result["clips"]:
        flagged = flagged_for_copying(clip)
        keys = [clip["role"]]
        if clip["role"] == "copy":
            keys += [f"family:{clip['family']}", "copy:busy" if clip["product"] == BUSY_PRODUCT else "copy:elsewhere"]
        elif clip["role"] == "non-copy":
            keys.append(f"non-copy:{clip['family']}")
        elif clip["role"] == "background":
            keys.append("background:end-card" if "-endcard-" in clip["file"] else "background:plain")
        for key in keys:
            tally[key]["clips"] += 1
            tally[key]["flagged"] += flagged
            tally[key]["failed"] += clip["status"] == "failed"
            if flagged and clip["role"] == "copy":
                tally[key]["right"] += originals.get(clip["reference"]) in clip["matched"]
                tally[key]["same"] += any(reference_of.get(m) == clip["reference"] for m in clip["matched"])
    return tally


def deployment_name(result):
    workers = result["workers"]
    if result["engine"] == "sqlite":
        return f"SQLite embedded, `vouch serve` with {workers} in-process worker{'s' if workers > 1 else ''}"
    return f"PostgreSQL, `vouch serve` + {workers} `vouch worker`"


def share(part, whole):
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "–"


# Each stage's clips, by role.
STAGES = {"background": ("background",), "originals": ("original",), "queries": ("copy", "non-copy")}


def report(results, corpus, seed, busy_share):
    """The Markdown report: the summary with a column per engine, the share flagged per
    family, then the false flags themselves."""
    clips = results[0]["clips"]  # every engine is sent the same clips
    count = lambda test: sum(1 for clip in clips if test(clip))
    copy_families = sorted({c["family"] for c in clips if c["role"] == "copy"})
    non_copy_families = sorted({c["family"] for c in clips if c["role"] == "non-copy"})
    carded = count(lambda c: c["role"] == "background" and "-endcard-" in c["file"])
    lines = [f"Corpus `{corpus}`: {count(lambda c: c['role'] == 'original')} references, {count(lambda c: c['role'] == 'copy')} "
             f"copies of them in {len(copy_families)} families, {count(lambda c: c['role'] == 'non-copy')} non-copies. "
             f"Uploaded in turn: {count(lambda c: c['role'] == 'background')} honest background reviews at `{BUSY_PRODUCT}` "
             f"({carded} ending with the corpus's end card), the originals by their owners, then the queries, each under "
             f"a reviewer of its own ({100 * busy_share:.0f}% to `{BUSY_PRODUCT}`, the others to other products); seed {seed}.",
             "", "| | " + " | ".join(deployment_name(r) for r in results) + " |", "|---|" + "---|" * len(results)]
    tallies = [score(r) for r in results]
    def row(label, key, part="flagged"):
        lines.append(f"| {label} | " + " | ".join(share(t[key][part], t[key]["clips"]) for t in tallies) + " |")
    row("copies flagged", "copy")
    row("… naming their own original", "copy", "right")
    row("… naming the same content (the original or another copy of it)", "copy", "same")
    row(f"… of those uploaded to `{BUSY_PRODUCT}`", "copy:busy")
    row("… of those uploaded to other products", "copy:elsewhere")
    row("false flags: background reviews", "background")
    row("… of those ending with the end card", "background:end-card")
    row("false flags: originals (owners)", "original")
    for family in non_copy_families:
        row(f"false flags: {family}", f"non-copy:{family}")
    lines.append("| clips failed (not analysed) | " + " | ".join(str(sum(t[role]["failed"] for role in ("background", "original", "copy", "non-copy")))
                                                      for t in tallies) + " |")
    for stage, roles in STAGES.items():
        cells = []
        for t, r in zip(tallies, results):
            seconds = r["timings"][stage]
            cells.append(f"{seconds:.0f} s, {sum(t[role]['clips'] for role in roles) / seconds:.2f} clips/s")
        lines.append(f"| {stage}: first upload to last verdict | " + " | ".join(cells) + " |")
    lines += ["", "Copies flagged per family: flagged / copies (share), and in brackets how many of those name their own original.", "",
              "| family | " + " | ".join(deployment_name(r).split(",")[0] for r in results) + " |", "|---|" + "---|" * len(results)]
    for family in copy_families:
        cells = [f"{t[f'family:{family}']['flagged']}/{t[f'family:{family}']['clips']} "
                 f"({100 * t[f'family:{family}']['flagged'] / t[f'family:{family}']['clips']:.0f}%) [{t[f'family:{family}']['right']}]"
                 for t in tallies]
        lines.append(f"| {family} | " + " | ".join(cells) + " |")
    for result in results:
        lines += false_flags(result)
    return "\n".join(lines)


def false_flags(result, shown=5):
    """Which honest clips were flagged, and what they were matched with: a few of each kind."""
    names = {c["id"]: c["file"] for c in result["clips"]}
    groups = collections.defaultdict(list)
    for clip in result["clips"]:
        if clip["role"] != "copy" and flagged_for_copying(clip):
            groups[clip["family"] or clip["role"]].append(clip)
    lines = []
    for group, clips in sorted(groups.items()):
        lines += ["", f"False flags on {deployment_name(result)}, {group}: {len(clips)}"
                  + (f", the first {shown}" if len(clips) > shown else "") + ":", ""]
        for clip in clips[:shown]:
            matched = [names.get(m, str(m)) for m in clip["matched"]]
            more = f" and {len(matched) - 3} more" if len(matched) > 3 else ""
            lines.append(f"- `{clip['file']}` at `{clip['product']}`: matched {', '.join(matched[:3]) or 'nothing recorded'}{more}")
    return lines


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `finally` stops the servers
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vouch", help="the vouch binary (required but with --report-from)")
    parser.add_argument("--config", default="Config/vouch.json")
    parser.add_argument("--corpus", default="Samples/accuracy", help="built by Scripts/accuracy/corpus.py")
    parser.add_argument("--cache", default=".build/detection", help="where the background clips are kept")
    parser.add_argument("--engines", default="sqlite,postgres", help="comma-separated, run in turn: sqlite, postgres")
    parser.add_argument("--postgres", help="an admin postgres:// URL, for the postgres engine")
    parser.add_argument("--pg-workers", type=int, default=2, help="`vouch worker` processes on PostgreSQL")
    parser.add_argument("--background", type=int, default=200, help="honest reviews already at the busy product")
    parser.add_argument("--families", default="", help="comma-separated families to keep (default: all)")
    parser.add_argument("--limit", type=int, default=0, help="at most this many copies a family (default: all)")
    parser.add_argument("--busy-share", type=float, default=0.7, help="the share of queries sent to the busy product")
    parser.add_argument("--concurrency", type=int, default=4, help="uploads in flight")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--timeout", type=float, default=3600, help="seconds to wait for a stage's verdicts")
    parser.add_argument("--json", help="also write the per-clip results here")
    parser.add_argument("--keep", action="store_true", help="keep each deployment's data directory")
    parser.add_argument("--report-from", nargs="+", metavar="JSON", help="only print the report of earlier runs' --json files")
    args = parser.parse_args()
    if args.report_from:
        saved = [json.load(open(path)) for path in args.report_from]
        results = [result for run in saved for result in run["results"]]
        print(report(results, saved[0]["corpus"], saved[0]["seed"], saved[0].get("busy_share", args.busy_share)))
        return
    engines = args.engines.split(",")
    if not args.vouch:
        parser.error("--vouch is required")
    if "postgres" in engines and not args.postgres:
        parser.error("the postgres engine needs --postgres")
    truth = json.load(open(os.path.join(args.corpus, "truth.json")))
    queries = select_queries(truth, set(filter(None, args.families.split(","))), args.limit, args.seed)
    started = time.time()
    backgrounds = background(args.cache, args.background, args.seed, end_card_of(args.corpus, truth))
    print(f"background: {len(backgrounds)} clips ready in {time.time() - started:.0f} s", file=sys.stderr)
    results = []
    try:
        for engine in engines:
            stages = plan(args.corpus, queries, backgrounds, args.seed, args.busy_share)
            results.append(run(engine, args, stages))
            if args.json:  # after each engine, so a later failure keeps what was measured
                save(args.json, args, results)
    finally:
        if results:
            print(report(results, args.corpus, args.seed, args.busy_share))


def save(path, args, results):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    summaries = [{key: dict(counts) for key, counts in score(result).items()} for result in results]
    with open(path, "w") as out:
        json.dump({"corpus": args.corpus, "seed": args.seed, "busy_share": args.busy_share, "summaries": summaries,
                   "results": results}, out, indent=1)


if __name__ == "__main__":
    main()
