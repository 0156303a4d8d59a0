#!/usr/bin/env python3
"""FAISS's side of `vouch bench index`: the same codes and query hashes, searched
by IndexBinaryFlat and IndexBinaryMultiHash range search on one core.

    faiss_index_bench.py WORKDIR

WORKDIR holds what the Swift side wrote: codes.bin (rows x 32 bytes), clips.bin
(int32 clip number per row), probes.bin (query hashes x 32 bytes) and
request.json ({"radius", "minimumVotes", "probeCounts", "probeFrames",
"multiHash": {"tables", "bits", "flips"}}). Writes result.json: per index, the
CPU seconds to build it and, per clip query, the CPU seconds of its range
searches, the frame pairs found and the clips hit by at least minimumVotes
distinct query frames.
"""
import json
import os
import sys
import time

import faiss
import numpy as np


def clip_query(index, probes, frames, clips, radius, minimum_votes):
    start = time.process_time()
    # FAISS reports binary range-search results with distance strictly below the radius.
    lims, distances, rows = index.range_search(probes, radius + 1)
    seconds = time.process_time() - start
    probe_of_pair = np.repeat(np.arange(len(probes)), np.diff(lims).astype(np.int64))
    votes = {}
    for clip, frame in set(zip(clips[rows].tolist(), frames[probe_of_pair].tolist())):
        votes[clip] = votes.get(clip, 0) + 1
    hit = sorted(clip for clip, count in votes.items() if count >= minimum_votes)
    return {"cpuSeconds": seconds, "pairs": int(lims[-1]), "clips": hit}


def run(name, make, codes, request, probes, clips):
    start = time.process_time()
    index = make()
    index.add(codes)
    built = time.process_time() - start
    queries, offset = [], 0
    for count, frames in zip(request["probeCounts"], request["probeFrames"]):
        queries.append(clip_query(index, probes[offset:offset + count], np.array(frames), clips,
                                  request["radius"], request["minimumVotes"]))
        offset += count
    del index
    return {"index": name, "buildCPUSeconds": built, "queries": queries}


def main():
    workdir = sys.argv[1]
    faiss.omp_set_num_threads(1)
    request = json.load(open(os.path.join(workdir, "request.json")))
    codes = np.fromfile(os.path.join(workdir, "codes.bin"), dtype=np.uint8).reshape(-1, 32)
    clips = np.fromfile(os.path.join(workdir, "clips.bin"), dtype=np.int32)
    probes = np.fromfile(os.path.join(workdir, "probes.bin"), dtype=np.uint8).reshape(-1, 32)
    multi = request["multiHash"]

    def multi_hash():
        index = faiss.IndexBinaryMultiHash(256, multi["tables"], multi["bits"])
        index.nflip = multi["flips"]
        return index

    results = [run("IndexBinaryFlat", lambda: faiss.IndexBinaryFlat(256), codes, request, probes, clips)]
    if multi["tables"] > 0:
        results.append(run(f"IndexBinaryMultiHash {multi['tables']}x{multi['bits']}, nflip={multi['flips']}",
                           multi_hash, codes, request, probes, clips))
    json.dump({"faiss": faiss.__version__, "results": results}, open(os.path.join(workdir, "result.json"), "w"))


if __name__ == "__main__":
    main()
