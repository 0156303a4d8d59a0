"""The platform side of Scripts/runbook: uploads clips with Ed25519 attestations
(PyJWT) through whichever API process answers, as a load balancer would fail over,
and waits for their verdicts. Run it with /usr/bin/python3 (Debian's python3-jwt)."""

import argparse
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

import jwt
from cryptography.hazmat.primitives import serialization

FINAL = {"published", "flagged", "rejected", "failed"}


def request(bases, path, api_key, body=None, headers=None, give_up_after=60):
    """Sends to the first base that answers with anything but a refused connection or a
    503; tries the next on those, as a load balancer would, until `give_up_after`."""
    deadline = time.time() + give_up_after
    attempt = 0
    while True:
        base = bases[attempt % len(bases)]
        attempt += 1
        all_headers = {"Authorization": f"Bearer {api_key}", **(headers or {})}
        try:
            with urllib.request.urlopen(urllib.request.Request(base + path, data=body, headers=all_headers,
                                                               method="POST" if body else "GET"), timeout=30) as answer:
                return json.load(answer)
        except urllib.error.HTTPError as error:
            if error.code != 503:
                raise
        except (urllib.error.URLError, ConnectionError):
            pass
        if time.time() > deadline:
            raise TimeoutError(f"no API process accepted {path} within {give_up_after} s")
        time.sleep(0.2)


def upload(args, key, path, reviewer):
    with open(path, "rb") as f:
        body = f.read()
    now = int(time.time())
    claims = {"iss": args.platform, "sub": reviewer, "aud": "vouch", "iat": now, "exp": now + 600,
              "jti": str(uuid.uuid4()), "clip_sha256": hashlib.sha256(body).hexdigest(), "verified_purchase": True}
    token = jwt.encode(claims, key, algorithm="EdDSA", headers={"kid": args.kid})
    answer = request(args.bases, f"/v1/clips?product={args.product}", args.api_key, body,
                     {"Content-Type": "video/mp4", "Vouch-Attestation": token})
    return answer["id"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["upload", "stream", "wait"])
    parser.add_argument("--bases", type=lambda text: text.split(","), required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--platform", default="shop")
    parser.add_argument("--kid", default="shop-ed")
    parser.add_argument("--key", help="the platform's private key (PEM)")
    parser.add_argument("--product", default="sku-1")
    parser.add_argument("--ids", required=True, help="where accepted clip ids are appended (upload, stream) or read (wait)")
    parser.add_argument("--until", help="stream: upload until this file exists")
    parser.add_argument("--timeout", type=float, default=90)
    parser.add_argument("clips", nargs="*")
    args = parser.parse_intermixed_args()

    if args.mode == "wait":
        with open(args.ids) as f:
            ids = [int(line) for line in f if line.strip()]
        deadline = time.time() + args.timeout
        pending = set(ids)
        statuses = {}
        while pending:
            for clip in sorted(pending):
                status = request(args.bases, f"/v1/clips/{clip}", args.api_key)["status"]
                if status in FINAL:
                    statuses[clip] = status
                    pending.discard(clip)
            if pending and time.time() > deadline:
                sys.exit(f"clips not final after {args.timeout} s: {sorted(pending)}")
            time.sleep(0.2)
        print(json.dumps({status: sum(1 for s in statuses.values() if s == status) for status in sorted(set(statuses.values()))}))
        return

    with open(args.key, "rb") as f:
        key = serialization.load_pem_private_key(f.read(), password=None)
    count = 0
    while True:
        for path in args.clips:
            clip = upload(args, key, path, f"reviewer-{os.getpid()}-{count}")
            count += 1
            with open(args.ids, "a") as f:
                f.write(f"{clip}\n")
            if args.mode == "stream":
                time.sleep(0.2)
        if args.mode == "upload" or os.path.exists(args.until):
            break


if __name__ == "__main__":
    main()
