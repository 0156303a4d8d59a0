#!/usr/bin/env python3
"""Checks that ThreatExchange's vPDQ matcher accepts Vouch's vPDQ export of a clip
as matching vPDQ's own hashes of that clip, in both directions.

Uses `threatexchange`'s VPDQSignal.compare_hash (PyPI), the matcher
ThreatExchange tools run, and `vpdq.computeHash` for vPDQ's own hashes.

    python3 vpdq_interop.py [--vouch .build/release/vouch] CLIP...
"""
import argparse
import subprocess

import vpdq
from threatexchange.extensions.vpdq.vpdq import VPDQSignal
from threatexchange.extensions.vpdq.vpdq_util import VpdqCompactFeature, vpdq_to_json


def vouch_features(vouch, clip):
    text = subprocess.run([vouch, "fingerprint", "--format", "vpdq", clip], check=True, capture_output=True, text=True).stdout
    features = []
    for line in text.splitlines():
        _, quality, hex_hash, timestamp = line.split(",")
        features.append(VpdqCompactFeature(hex_hash, int(quality), float(timestamp)).assert_valid())
    return features


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vouch", default=".build/release/vouch")
    parser.add_argument("clips", nargs="+")
    args = parser.parse_args()
    accepted = 0
    print("| clip | Vouch export as query: % matched | vPDQ as query: % matched | accepted both ways |")
    print("|---|---|---|---|")
    for clip in args.clips:
        ours = vpdq_to_json(vouch_features(args.vouch, clip))
        theirs = vpdq_to_json([VpdqCompactFeature.from_vpdq_feature(f) for f in vpdq.computeHash(clip, seconds_per_hash=1.0)])
        forward = VPDQSignal.compare_hash(ours, theirs)
        backward = VPDQSignal.compare_hash(theirs, ours)
        both = forward.match and backward.match
        accepted += both
        print(f"| {clip.split('/')[-1]} | {forward.distance.query_match_percent:.0f} | {backward.distance.query_match_percent:.0f} | {'yes' if both else 'NO'} |")
    print(f"\n{accepted} of {len(args.clips)} clips accepted both ways.")


if __name__ == "__main__":
    main()
