#!/usr/bin/env python3
"""Scores Vouch and vPDQ on the corpus made by corpus.py, side by side.

For each system, every (query, reference) pair gets a score; a pair is positive
when the query was made from that reference. Reported, as in Meta's VSC 2022
descriptor track: µAP over all pairs pooled and ranked by score; then recall and
false matches at each system's own decision rule; then recall per family with its
number of copies, and false matches per kind of non-copy (pans and generated
clips, near-blank clips, slides, hard negatives sharing only an end card).
The corpus's common content goes to `vouch match --common` when it takes it.

    python3 evaluate.py CORPUS_DIR [--vouch .build/release/vouch] [--skip-vpdq] [--reuse-fingerprints]
"""
import argparse
import json
import os
import shutil
import subprocess
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor


def fingerprint(vouch, clips, out):
    """Fingerprints `clips` into a fresh `out`, so no clip a former corpus had is matched."""
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    for start in range(0, len(clips), 50):
        subprocess.run([vouch, "fingerprint", "--format", "binary", "--output", out, *clips[start:start + 50]], check=True)


def accepts_common_content(vouch):
    """Whether this `vouch match` takes `--common DIR`: fingerprints of common content
    (intros, end cards), whose matches alone do not make a copy."""
    help_text = subprocess.run([vouch, "match", "--help"], check=True, capture_output=True, text=True).stdout
    return "--common" in help_text


def vouch_scores(vouch, root, common, reuse):
    """All pairs' scores and decisions from `vouch match` over saved fingerprints,
    with the corpus's common content (`common`, paths under root) when the matcher takes it."""
    prints = os.path.join(root, "vouch")
    for side in ([] if reuse else ["references", "queries"]):
        fingerprint(vouch, sorted(os.path.join(root, side, name) for name in os.listdir(os.path.join(root, side))),
                    os.path.join(prints, side))
    command = [vouch, "match", "--references", os.path.join(prints, "references"),
               "--queries", os.path.join(prints, "queries"), "--floor", "0.000001"]
    if accepts_common_content(vouch):
        if not reuse:
            fingerprint(vouch, [os.path.join(root, clip) for clip in common], os.path.join(prints, "common"))
        command += ["--common", os.path.join(prints, "common")]
        print(f"Vouch matches with {len(common)} common clip(s) as common content (--common).\n")
    else:
        print("Note: this `vouch match` has no common-content input (--common); hard negatives, which "
              "share only an end card with a reference, are matched as any other pair.\n")
    result = subprocess.run(command, check=True, capture_output=True, text=True)
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
            if os.path.exists(saved) and os.path.getmtime(saved) >= os.path.getmtime(os.path.join(root, side, name)):
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


def non_copy_group(info):
    """The row of the false-match table a query's wrong matches count in."""
    if info["reference"]:
        return "copies, to another reference"
    return info["family"] if info["family"] == "hard-negative" else f"non-copy: {info.get('kind', 'pan or generated')}"


def report(name, scores, truth, positives):
    decided = lambda pair: scores.get(pair, (0, False))[1]
    recall = sum(1 for p in positives if decided(p)) / len(positives)
    false = sorted(pair for pair, (_, match) in scores.items() if match and pair not in positives)
    families = defaultdict(lambda: [0, 0])
    for query, info in truth.items():
        if info["reference"]:
            families[info["family"]][1] += 1
            families[info["family"]][0] += decided((query, info["reference"]))
    false_by_group = defaultdict(int)
    for query, _ in false:
        false_by_group[non_copy_group(truth[query])] += 1
    return {"system": name, "microAP": micro_ap(scores, positives), "recall": recall, "falseMatches": false,
            "families": {f: hit / n for f, (hit, n) in families.items()}, "falseByGroup": false_by_group}


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
    corpus = json.load(open(os.path.join(args.corpus, "truth.json")))
    truth = corpus["queries"]
    positives = {(q, info["reference"]) for q, info in truth.items() if info["reference"]}
    results = []
    vouch = vouch_scores(args.vouch, args.corpus, corpus.get("common", []), args.reuse_fingerprints)
    results.append(report("Vouch", vouch, truth, positives))
    worst, recall = calibrate(vouch, positives)
    if not args.skip_vpdq:
        results.append(report("vPDQ", vpdq_scores(args.corpus), truth, positives))
    references = len(os.listdir(os.path.join(args.corpus, "references")))
    print(f"{len(positives)} copies and {len(truth) - len(positives)} non-copies, {references} references; "
          f"every query against every reference ({len(truth) * references} pairs).\n")
    print("| system | µAP | recall at its decision rule | false matches |")
    print("|---|---|---|---|")
    for r in results:
        print(f"| {r['system']} | {r['microAP']:.3f} | {r['recall']:.3f} | {len(r['falseMatches'])} |")
    print(f"\nVouch: the highest-scoring non-copy pair scores {worst:.3f}; above it, recall is {recall:.3f}.")
    closest = sorted(((s, pair) for pair, (s, _) in vouch.items() if pair not in positives), reverse=True)[:3]
    print("Closest non-copies: " + (", ".join(f"{q} → {r} ({s:.3f})" for s, (q, r) in closest) or "none scores above 0") + "\n")
    copies = Counter(info["family"] for info in truth.values() if info["reference"])
    print("Recall per family (copies found at each system's decision rule):\n")
    print("| family | copies | " + " | ".join(r["system"] for r in results) + " |")
    print("|---|---|" + "---|" * len(results))
    for family, count in copies.items():
        print(f"| {family} | {count} | " + " | ".join(f"{r['families'][family]:.2f}" for r in results) + " |")
    groups = Counter(non_copy_group(info) for info in truth.values() if not info["reference"])
    groups["copies, to another reference"] = len(positives)
    print("\nFalse matches per kind of query (pairs decided a copy that are not):\n")
    print("| kind of query | queries | " + " | ".join(r["system"] for r in results) + " |")
    print("|---|---|" + "---|" * len(results))
    for group, count in groups.items():
        print(f"| {group} | {count} | " + " | ".join(str(r["falseByGroup"][group]) for r in results) + " |")
    for r in results:
        if r["falseMatches"]:
            print(f"\n{r['system']} false matches: " + ", ".join(f"{q} → {ref}" for q, ref in r["falseMatches"][:30])
                  + (f" and {len(r['falseMatches']) - 30} more" if len(r["falseMatches"]) > 30 else ""))

if __name__ == "__main__":
    main()
