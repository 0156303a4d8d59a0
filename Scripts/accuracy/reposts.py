"""The reposts fraud uses most (issue 17): portrait centre crops, zooms, a phone
filming a screen, collages, reaction layouts, heavy combined edits, small
rotations and captioned portrait pads.

Each family is drawn several times per reference, every geometric and colour
parameter at random from a generator seeded by the reference, family and draw,
so no single crop window, tile or angle can be tuned for, and a family's draws
stay the same when another family changes.
"""
import math
import random

from sources import FONT, H, W

DRAWS = 3
CAPTIONS = ["wait for the end", "honest review", "POV you finally", "found the one", "link in bio",
            "not sponsored", "part 2 tomorrow", "would you buy it"]


def text(line, size, y, x="(w-text_w)/2"):
    """A line of white caption text; `y` is an ffmpeg expression."""
    return f"drawtext=fontfile={FONT}:text='{line}':fontcolor=white:fontsize={size}:x={x}:y={y}"


def portrait_centre_crop(rng):
    """The 9:16 window of a 16:9 frame (about 0.316 of its width), its centre
    within 4% of the frame width of the middle, scaled to 360x640."""
    shift = rng.uniform(-0.04, 0.04)
    return f"crop=ih*9/16:ih:(iw-ih*9/16)/2+iw*{shift:.4f}:0,scale=360:640,setsar=1"


def zoom_crop(rng):
    """A zoom to half to 0.8 of the area, centred within 5% of the middle, scaled back."""
    side = math.sqrt(rng.uniform(0.5, 0.8))
    dx, dy = rng.uniform(-0.05, 0.05), rng.uniform(-0.05, 0.05)
    margin = (1 - side) / 2
    x, y = min(max(margin + dx, 0), 1 - side), min(max(margin + dy, 0), 1 - side)
    return f"crop=iw*{side:.4f}:ih*{side:.4f}:iw*{x:.4f}:ih*{y:.4f},scale={W}:{H},setsar=1"


def screen_filming(rng):
    """A phone filming a screen: the clip shrunk onto a dark, uneven surround, seen
    at a slight angle (each corner moved 2-6%), out of focus, with the camera's
    gamma, a faint moiré and sensor noise."""
    shrink = rng.uniform(0.6, 0.8)
    corners = [rng.uniform(0.02, 0.06) for _ in range(8)]
    x0, y0, x1, y1, x2, y2, x3, y3 = corners
    warp = (f"perspective=x0=W*{x0:.3f}:y0=H*{y0:.3f}:x1=W*{1 - x1:.3f}:y1=H*{y1:.3f}:"
            f"x2=W*{x2:.3f}:y2=H*{1 - y2:.3f}:x3=W*{1 - x3:.3f}:y3=H*{1 - y3:.3f}:sense=destination")
    stripes, tilt = rng.uniform(0.8, 1.2), rng.uniform(0.1, 0.3)
    return (f"color=c=0x202020:s={W}x{H}:r=25,vignette=angle=PI/3,noise=alls=3[room];"
            f"color=c=gray:s={W}x{H}:r=25:d=1,format=gray,geq=lum='128+110*sin({stripes:.3f}*X+{tilt:.3f}*Y)',"
            f"format=yuv420p,loop=loop=-1:size=1[moire];"
            f"[0]scale=iw*{shrink:.3f}:-2,setsar=1[screen];"
            f"[room][screen]overlay=(W-w)/2:(H-h)/2:shortest=1,{warp},gblur=sigma={rng.uniform(1, 2):.2f},format=yuv420p[shot];"
            f"[shot][moire]blend=c0_mode=overlay:c0_opacity={rng.uniform(0.06, 0.12):.3f}:c1_mode=normal:c1_opacity=1:c2_mode=normal:c2_opacity=1:shortest=1,"
            f"eq=gamma={rng.uniform(0.8, 1.3):.3f},noise=alls=10:allf=t,setsar=1")


def collage(rng):
    """A 2x2 grid of 320x180 tiles, the copy in a tile drawn at random (the
    copy is input 0, the three others inputs 1-3)."""
    tiles = ["0_0", "320_0", "0_180", "320_180"]
    rng.shuffle(tiles)
    scaled = "".join(f"[{i}]scale=320:180,setsar=1[t{i}];" for i in range(4))
    return scaled + "[t0][t1][t2][t3]xstack=inputs=4:shortest=1:layout=" + "|".join(tiles)


def reaction_layout(rng):
    """The copy (input 1) over 1/4 to 1/3 of the frame, in a corner or at the top,
    the reactor (input 0) filling the rest."""
    side = math.sqrt(rng.uniform(1 / 4, 1 / 3))
    x, y = rng.choice([("0", "0"), ("W-w", "0"), ("0", "H-h"), ("W-w", "H-h"), ("(W-w)/2", "0")])
    return (f"[0]scale={W}:{H},setsar=1[reactor];[1]scale=iw*{side:.4f}:-2,setsar=1[copy];"
            f"[reactor][copy]overlay={x}:{y}:shortest=1")


def combined_heavy(rng):
    """Mirror, an off-centre crop of 10-20% per side, 1.1-1.3x speed, a caption
    band and a colour change, all at once."""
    left, right, top, bottom = (rng.uniform(0.10, 0.20) for _ in range(4))
    band_at_top = rng.random() < 0.5
    band_y = "0" if band_at_top else "ih*0.84"
    return (f"hflip,crop=iw*{1 - left - right:.3f}:ih*{1 - top - bottom:.3f}:iw*{left:.3f}:ih*{top:.3f},"
            f"scale=trunc(iw/2)*2:trunc(ih/2)*2,setsar=1,"
            f"eq=saturation={rng.uniform(0.6, 1.5):.2f}:brightness={rng.uniform(-0.08, 0.08):.3f},hue=h={rng.uniform(-25, 25):.1f},"
            f"drawbox=y={band_y}:w=iw:h=ih*0.16:color=black@0.75:t=fill,"
            + text(rng.choice(CAPTIONS), 22, "h*0.03" if band_at_top else "h*0.88")
            + f",setpts=PTS/{rng.uniform(1.1, 1.3):.3f}")


def rotate_small(rng, draw):
    """A rotation by 2-6 degrees either way, zoomed just enough to leave no black
    corner; the last draw keeps its black corners instead."""
    angle = math.radians(rng.uniform(2, 6) * rng.choice([-1, 1]))
    if draw == DRAWS - 1:
        return f"rotate={angle:.4f}:fillcolor=black"
    zoom = math.cos(abs(angle)) + W / H * math.sin(abs(angle))
    return f"rotate={angle:.4f}:fillcolor=black,crop=iw/{zoom:.4f}:ih/{zoom:.4f},scale={W}:{H},setsar=1"


def portrait_pad_captions(rng):
    """The landscape clip padded to 9:16 with black, two caption lines above the
    picture and two below."""
    picture_y = 219 + rng.randint(-30, 30)
    first, second, third, fourth = rng.sample(CAPTIONS, 4)
    size = rng.randint(20, 26)
    lines = [text(first, size, picture_y - 3 * size), text(second, size, picture_y - 1.6 * size),
             text(third, size, picture_y + 202 + 0.6 * size), text(fourth, size, picture_y + 202 + 2 * size)]
    return f"scale=360:-2,pad=360:640:0:{picture_y}:color=black,setsar=1," + ",".join(lines)


def reposts(ref, others, seed, draw):
    """Each new family: the ffmpeg arguments for draw `draw` of a copy of `ref`,
    its parameters drawn from a generator seeded by `seed`, the family and the
    draw; `others` are clips that are not copies (collage tiles, a reactor)."""
    v = lambda chain: ["-i", ref, "-vf", chain]
    complex_with = lambda inputs, graph: [arg for clip in inputs for arg in ("-i", clip)] + ["-filter_complex", graph]
    families = {
        "portrait-centre-crop": lambda rng: v(portrait_centre_crop(rng)),
        "zoom-crop": lambda rng: v(zoom_crop(rng)),
        "screen-filming": lambda rng: complex_with([ref], screen_filming(rng)),
        "collage-2x2": lambda rng: complex_with([ref, *rng.sample(others, 3)], collage(rng)),
        "reaction-layout": lambda rng: complex_with([rng.choice(others), ref], reaction_layout(rng)),
        "combined-heavy": lambda rng: v(combined_heavy(rng)),
        "rotate-small": lambda rng: v(rotate_small(rng, draw)),
        "portrait-pad-captions": lambda rng: v(portrait_pad_captions(rng)),
    }
    return {family: make(random.Random(f"{seed}/{family}/{draw}")) for family, make in families.items()}
