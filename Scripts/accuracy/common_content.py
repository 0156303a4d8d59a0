"""Common content: an app's 3-second end card, as exports from one social app
carry it, at the end of two references and of hard negatives, clips that share
nothing else with any reference. A hard negative matching a reference only
through the end card is a false match.
"""
import os

import numpy
import pywt.data
import skimage.io

from sources import ENCODE, FONT, H, W, ffmpeg, generated, photo_pan

END_CARD = os.path.join("common", "endcard.mp4")
BODY_SECONDS = 7

# Real photos used nowhere else in the corpus (PyWavelets' aerial view and
# people on stairs): the bodies of the references that end with the end card.
CARDED_REFERENCE_PHOTOS = {"aero": pywt.data.aero, "ascent": pywt.data.ascent}

# Hard negatives' bodies: generated clips no other clip uses, so that the end card
# is all they share with anything else in the corpus. (Pans over the distractors'
# photos would share those photos with the distractors, which a matcher that sees
# through reframing rightly calls the same picture.)
HARD_NEGATIVE_GENERATED = {
    "life-c": f"life=s={W}x{H}:r=25:mold=10:ratio=0.3:life_color=#60c0e0:death_color=#301020:seed=21",
    "cellauto-18": f"cellauto=s={W}x{H}:r=25:rule=18:scroll=1,hue=h=200",
    "mandelbrot-e": f"mandelbrot=s={W}x{H}:r=25:start_x=-1.25066:start_y=0.02012:start_scale=0.02:end_scale=0.002",
    "gradients-c": f"gradients=s={W}x{H}:r=25:speed=0.03:n=4:seed=13",
    "sierpinski-d": f"sierpinski=s={W}x{H}:r=25:jump=80:seed=7,hue=h=-60*t",
    "life-d": f"life=s={W}x{H}:r=25:mold=30:ratio=0.15:life_color=#e08040:death_color=#103020:seed=27",
    "cellauto-105": f"cellauto=s={W}x{H}:r=25:rule=105:scroll=1:seed=105,hue=h=300",
    "mandelbrot-f": f"mandelbrot=s={W}x{H}:r=25:start_x=-1.3969:start_y=0.0199:start_scale=0.017:end_scale=0.001",
    "gradients-d": f"gradients=s={W}x{H}:r=25:speed=0.05:n=6:seed=29",
    "sierpinski-e": f"sierpinski=s={W}x{H}:r=25:type=triangle:jump=50:seed=19,hue=h=90*t",
}


def end_card(out):
    """A logo block bobbing on the app's colour, the app's name fading in beneath."""
    ffmpeg("-f", "lavfi", "-i", f"color=c=0x5b2a86:s={W}x{H}:r=25:d=3",
           "-f", "lavfi", "-i", "color=c=0xffc83d:s=110x110:r=25:d=3", "-filter_complex",
           "[0][1]overlay=x='(W-w)/2+40*sin(2*PI*t/3)':y='60+12*t',"
           f"drawtext=fontfile={FONT}:text='ShopClip':fontcolor=white:fontsize=52:x=(w-text_w)/2:y=230:alpha='min(1,t/0.8)',"
           f"drawtext=fontfile={FONT}:text='made with ShopClip':fontcolor=0xe0d0f0:fontsize=20:x=(w-text_w)/2:y=300,setsar=1",
           *ENCODE, out)


def with_end_card(body, card, out):
    ffmpeg("-i", body, "-i", card, "-filter_complex", "[0]setsar=1[a];[1]setsar=1[b];[a][b]concat=n=2:v=1:a=0", *ENCODE, out)


def save_photo(load, out):
    """A PyWavelets photo, a grey array, written where photo_pan can read it."""
    skimage.io.imsave(out, numpy.asarray(load(), dtype=numpy.uint8), check_contrast=False)


def carded_references(root):
    """(make body, body path, reference name) of the references that end with the
    end card: pans of full length over the PyWavelets photos."""
    folder = os.path.abspath(os.path.join(root, "common", "bodies"))
    os.makedirs(folder, exist_ok=True)
    jobs = []
    for seed, (name, load) in enumerate(CARDED_REFERENCE_PHOTOS.items()):
        photo = os.path.join(folder, name + ".png")
        if not os.path.exists(photo):
            save_photo(load, photo)
        jobs.append((lambda out, photo=photo, seed=seed: photo_pan(photo, out, seed),
                     os.path.join(folder, f"reference-{name}.mp4"), f"photo-{name}-endcard.mp4"))
    return jobs


def hard_negatives(root):
    """(make body, body path, query name) of the hard negatives: 7-second bodies."""
    folder = os.path.join(root, "common", "bodies")
    os.makedirs(folder, exist_ok=True)
    return [(lambda out, source=source: generated(source, out, BODY_SECONDS),
             os.path.join(folder, f"gen-{name}.mp4"), f"hard-negative--gen-{name}-endcard.mp4")
            for name, source in HARD_NEGATIVE_GENERATED.items()]
