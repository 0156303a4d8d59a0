#!/usr/bin/env python3
"""Prints `vouch match` JSON lines as one readable line per copy found."""
import json
import os
import sys

for line in sys.stdin:
    match = json.loads(line)
    segment = max(match["segments"], key=lambda s: s["matchedFrames"], default={})
    print("  {:30} → {:24} score {:.2f}  {}, speed {:.2f}×, query {:.1f}–{:.1f} s ↔ reference {:.1f}–{:.1f} s".format(
        os.path.basename(match["query"]), os.path.basename(match["reference"]), match["score"],
        segment.get("symmetry", "-"), segment.get("speed", 0),
        segment.get("queryStart", 0), segment.get("queryEnd", 0),
        segment.get("referenceStart", 0), segment.get("referenceEnd", 0)))
