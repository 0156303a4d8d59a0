#!/usr/bin/env python3
"""Scores Vouch and vPDQ on the corpus made by corpus.py, side by side.

For each system, every (query, reference) pair gets a score; a pair is positive
when the query was made from that reference. Reported, as in Meta's VSC 2022
descriptor track: µAP over all pairs pooled and ranked by score; then recall and
false matches at each system's own decision rule; then recall per family.

    python3 evaluate.py CORPUS_DIR [--vouch .build/release/vouch] [--skip-vpdq]
"""
import argparse
import json
import os
import subprocess
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor


def vouch_scores(vouch, root, reuse):
    """All pairs' scores and decisions from `vouch match` over saved fingerprints."""
    prints = os.path.join(root, "vouch")
    for side in ([] if reuse else ["references", "queries"]):
        out = os.path.join(prints, side)
        os.makedirs(out, exist_ok=True)
        clips = sorted(os.path.join(root, side, name) for name in os.listdir(os.path.join(root, side)))
        for start in range(0, len(clips), 50):
            subprocess.run([vouch, "fingerprint", "--format", "binary", "--output", out, *clips[start:start + 50]], check=True)
    result = subprocess.run([vouch, "match", "--references", os.path.join(prints, "references"),
                             "--queries", os.path.join(prints, "queries"), "--floor", "0.000001"],
                            check=True, capture_output=True, text=True)
    scores = {}
    for line in result.stdout.splitlines():
        row = json.loads(line)
        query = os.path.basename(row["query"])[:-4] + ".mp4"
        reference = os.path.basename(row["reference"])[:-4] + ".mp4"
        scores[(query, reference)] = (row["score"], row["match"])
    return scores


def vpdq_hashes(path):
    import vpdq
    return [(f.hex, f.quality) for f in vpdq.computeHash(path, seconds_per_hash=1.0)]


def vpdq_scores(root):
    """vPDQ's reference matcher: dedupe, quality >= 50, distance <= 31, match at 80% either way."""
    cache = os.path.join(root, "vpdq")
    os.makedirs(cache, exist_ok=True)
    clips = {}
    todo = []
    for side in ("references", "queries"):
        for name in sorted(os.listdir(os.path.join(root, side))):
            saved = os.path.join(cache, name + ".json")
            if os.path.exists(saved):
                clips[(side, name)] = json.load(open(saved))
            else:
                todo.append((side, name))
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for (side, name), hashes in zip(todo, pool.map(vpdq_hashes, [os.path.join(root, s, n) for s, n in todo])):
            json.dump(hashes, open(os.path.join(cache, name + ".json"), "w"))
            clips[(side, name)] = hashes

    def usable(hashes):
        seen, out = set(), []
        for hex_hash, quality in hashes:
            if hex_hash not in seen and quality >= 50:
                seen.add(hex_hash)
                out.append(int(hex_hash, 16))
        return out

    refs = {n: usable(h) for (s, n), h in clips.items() if s == "references"}
    scores = {}
    for (side, query), hashes in clips.items():
        if side != "queries":
            continue
        q = usable(hashes)
        for reference, r in refs.items():
            if not q or not r:
                continue
            q_match = sum(any(bin(a ^ b).count("1") <= 31 for b in r) for a in q) / len(q)
            r_match = sum(any(bin(a ^ b).count("1") <= 31 for a in q) for b in r) / len(r)
            score = max(q_match, r_match)
            if score > 0:
                scores[(query, reference)] = (score, score >= 0.8)
    return scores


def micro_ap(scores, positives):
    ranked = sorted(scores.items(), key=lambda item: -item[1][0])
    hits, total = 0, 0.0
    for rank, (pair, _) in enumerate(ranked, 1):
        if pair in positives:
            hits += 1
            total += hits / rank
    return total / len(positives)


def report(name, scores, truth, positives):
    recall = sum(1 for p in positives if scores.get(p, (0, False))[1]) / len(positives)
    false = sorted(pair for pair, (_, decided) in scores.items() if decided and pair not in positives)
    families = defaultdict(lambda: [0, 0])
    for query, info in truth.items():
        if info["reference"]:
            families[info["family"]][1] += 1
            families[info["family"]][0] += scores.get((query, info["reference"]), (0, False))[1]
    return {"system": name, "microAP": micro_ap(scores, positives), "recall": recall, "falseMatches": false,
            "families": {f: hit / n for f, (hit, n) in families.items()}}


def calibrate(scores, positives):
    """The lowest threshold with no false match, and the recall it gives."""
    worst_negative = max((s for pair, (s, _) in scores.items() if pair not in positives), default=0)
    recall = sum(1 for p in positives if scores.get(p, (0, False))[0] > worst_negative) / len(positives)
    return worst_negative, recall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--vouch", default=".build/release/vouch")
    parser.add_argument("--skip-vpdq", action="store_true")
    parser.add_argument("--reuse-fingerprints", action="store_true", help="match the fingerprints saved by the last run")
    args = parser.parse_args()
    truth = json.load(open(os.path.join(args.corpus, "truth.json")))["queries"]
    positives = {(q, info["reference"]) for q, info in truth.items() if info["reference"]}
    results = []
    vouch = vouch_scores(args.vouch, args.corpus, args.reuse_fingerprints)
    results.append(report("Vouch", vouch, truth, positives))
    worst, recall = calibrate(vouch, positives)
    if not args.skip_vpdq:
        results.append(report("vPDQ", vpdq_scores(args.corpus), truth, positives))
    print(f"{len(positives)} copies and {sum(1 for i in truth.values() if not i['reference'])} non-copies, "
          f"{len(set(r for _, r in positives))} references; every query against every reference.\n")
    print("| system | µAP | recall at its decision rule | false matches |")
    print("|---|---|---|---|")
    for r in results:
        print(f"| {r['system']} | {r['microAP']:.3f} | {r['recall']:.3f} | {len(r['falseMatches'])} |")
    print(f"\nVouch: the highest-scoring non-copy pair scores {worst:.3f}; above it, recall is {recall:.3f}.")
    closest = sorted(((s, pair) for pair, (s, _) in vouch.items() if pair not in positives), reverse=True)[:3]
    print("Closest non-copies: " + (", ".join(f"{q} → {r} ({s:.3f})" for s, (q, r) in closest) or "none scores above 0") + "\n")
    print("| family | " + " | ".join(r["system"] for r in results) + " |")
    print("|---|" + "---|" * len(results))
    for family in results[0]["families"]:
        print(f"| {family} | " + " | ".join(f"{r['families'][family]:.2f}" for r in results) + " |")
    for r in results:
        if r["falseMatches"]:
            print(f"\n{r['system']} false matches: " + ", ".join(f"{q} → {ref}" for q, ref in r["falseMatches"][:20]))


if __name__ == "__main__":
    main()
