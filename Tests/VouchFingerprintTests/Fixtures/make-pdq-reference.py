#!/usr/bin/env python3
"""Records the reference PDQ hashes that VouchFingerprintTests compare against.

Generates 240 synthetic RGB images (gradients, gratings, shapes and noise, from
integer arithmetic that SyntheticImage.swift reproduces exactly), hashes each with
the reference `pdqhash` package from PyPI, and writes pdq-reference.json.

    pip install pdqhash==0.2.* numpy && python3 make-pdq-reference.py
"""
import json
import os

import numpy as np
import pdqhash

MASK64 = (1 << 64) - 1
MASK32 = 0xFFFFFFFF
COUNT = 240
# Images whose eight dihedral hashes (original, rot90, rot180, rot270, flipX, flipY, flip+1, flip-1) are recorded too.
DIHEDRAL_COUNT = 40


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n


def image(seed):
    r = SplitMix64(seed)
    width, height = 32 + r.below(369), 32 + r.below(289)
    y, x = np.mgrid[0:height, 0:width].astype(np.int64)
    c0 = [r.below(256) for _ in range(3)]
    c1 = [r.below(256) for _ in range(3)]
    a, b = 1 + r.below(7), r.below(7)
    g = x * a + y * b
    gmax = (width - 1) * a + (height - 1) * b
    value = np.stack([(c0[c] * (gmax - g) + c1[c] * g) // gmax for c in range(3)], axis=-1)
    for _ in range(2 + r.below(6)):
        kind = r.below(2)
        cx, cy = r.below(width), r.below(height)
        rx, ry = 4 + r.below(width // 2), 4 + r.below(height // 2)
        colour = [r.below(256) for _ in range(3)]
        if kind == 0:
            inside = (np.abs(x - cx) <= rx) & (np.abs(y - cy) <= ry)
        else:
            inside = (x - cx) ** 2 * ry * ry + (y - cy) ** 2 * rx * rx <= rx * rx * ry * ry
        value[inside] = colour
    period, amplitude = 8 + r.below(120), r.below(60)
    dx, dy = r.below(4), 1 + r.below(4)
    t = (x * dx + y * dy) % (2 * period)
    value += (amplitude * np.abs(t - period) // period - amplitude // 2)[..., None]
    spread = r.below(24)
    salt = r.next() & MASK32
    for c in range(3):
        h = ((x * 73856093) & MASK32) ^ ((y * 19349663) & MASK32) ^ ((c * 83492791) & MASK32) ^ salt
        h = ((h ^ (h >> 13)) * 0x5BD1E995) & MASK32
        h ^= h >> 15
        value[..., c] += h % (2 * spread + 1) - spread
    return np.clip(value, 0, 255).astype(np.uint8)


def hex_of(vector):
    bits = "".join("1" if v else "0" for v in vector)
    return "%064x" % int(bits, 2)


def main():
    images = []
    for seed in range(1, COUNT + 1):
        rgb = image(seed)
        vector, quality = pdqhash.compute(np.ascontiguousarray(rgb))
        entry = {"seed": seed, "width": rgb.shape[1], "height": rgb.shape[0], "hash": hex_of(vector), "quality": int(quality)}
        if seed <= DIHEDRAL_COUNT:
            vectors, _ = pdqhash.compute_dihedral(np.ascontiguousarray(rgb))
            entry["dihedral"] = [hex_of(v) for v in vectors]
        images.append(entry)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pdq-reference.json")
    with open(out, "w") as f:
        json.dump({"generator": "SplitMix64 synthetic images v1", "reference": "pdqhash " + pdqhash.__version__ if hasattr(pdqhash, "__version__") else "pdqhash", "images": images}, f, indent=1)
    print("wrote", out, len(images), "hashes")


if __name__ == "__main__":
    main()
