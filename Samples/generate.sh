#!/usr/bin/env bash
# Generates Vouch's demo review clips into Samples/clips/, deterministically.
#
# The clips are built from FFmpeg's lavfi sources (motion, captions, noise), so
# nothing is downloaded and nothing large is committed. Samples/catalog.json says
# who "recorded" each clip, for which product, and which clips are copies:
# re-encoded, cropped, flipped, trimmed, padded to portrait, or brand footage
# passed off as a review. Run it again at any time; existing clips are kept.
set -euo pipefail
cd "$(dirname "$0")"
out=clips
mkdir -p "$out"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
[ -f "$font" ] || { echo "error: $font is missing; apt-get install fonts-dejavu-core" >&2; exit 1; }

encode=(-c:v libx264 -preset medium -crf 26 -pix_fmt yuv420p -threads 1 -g 50 -bitexact -fflags +bitexact -flags:v +bitexact -map_metadata -1)

render() { # name, then ffmpeg input and filter arguments
  local name=$1; shift
  [ -s "$out/$name.mp4" ] && return 0
  echo "  $name" >&2
  ffmpeg -nostdin -v error -y "$@" "${encode[@]}" -t 8 "$out/$name.tmp.mp4"
  mv "$out/$name.tmp.mp4" "$out/$name.mp4"
}

caption() { # text, position
  echo "drawtext=fontfile=$font:text='$1':fontsize=22:fontcolor=white:box=1:boxcolor=black@0.55:x=(w-text_w)/2:y=$2"
}

echo "Generating sample clips in Samples/$out/" >&2

# Originals: four honest reviews and one piece of brand footage.
render alice-espresso -f lavfi -i "mandelbrot=s=480x270:r=25:start_scale=1.5:end_scale=0.05,hue=h=20*t" \
  -vf "noise=alls=6:allf=t,$(caption 'Alice - my Barista Pro after a month' h-40)"
render bob-headphones -f lavfi -i "sierpinski=s=480x270:r=25:type=carpet:jump=50,hue=h=90*t:s=0.8" \
  -vf "noise=alls=8:allf=t,$(caption 'Bob - QuietWave 2 on the train' h-40)"
render carol-backpack -f lavfi -i "testsrc2=s=480x270:r=25" \
  -vf "rotate=0.2*sin(t):fillcolor=#304050,noise=alls=5:allf=t,$(caption 'Carol - Trail 30 backpack, day 3' 20)"
render eve-backpack -f lavfi -i "cellauto=s=480x270:r=25:rule=110:scroll=1,scale=480x270:flags=neighbor,colorchannelmixer=.3:.4:.3:0:.2:.6:.2:0:.5:.2:.3" \
  -vf "noise=alls=6:allf=t,$(caption 'Eve - the backpack zips are great' h-40)"
render brand-espresso-ad -f lavfi -i "mandelbrot=s=480x270:r=25:start_x=-0.743643887037151:start_y=0.13182590420533:start_scale=0.5:end_scale=0.0005:inner=convergence" \
  -vf "$(caption 'BARISTA PRO - Official' 24)"

# Copies: the fraud the demo should catch.
render dave-espresso -i "$out/brand-espresso-ad.mp4" \
  -vf "crop=iw*0.85:ih*0.85:iw*0.1:ih*0.05,scale=480:270,$(caption 'Dave - honest review, love it' h-40)"
render eve-espresso -i "$out/alice-espresso.mp4" -vf "hflip,eq=brightness=0.06:saturation=1.2"
render dave-headphones -ss 1.5 -i "$out/bob-headphones.mp4" -vf "scale=320:180" -t 6
render frank-espresso-portrait -i "$out/alice-espresso.mp4" \
  -vf "split[a][b];[a]scale=270:640,boxblur=20[bg];[b]scale=270:-2[fg];[bg][fg]overlay=0:(H-h)/2"

echo "Done: $(ls "$out"/*.mp4 | wc -l) clips; see Samples/catalog.json for who posted what." >&2
