"""A reference platform client for Vouch: registers a platform with an Ed25519
attestation key, mints an attestation per upload (PyJWT), submits whole reviews (clip,
words, captions) or bare clips to the platform API and waits for their verdicts. Used
by the demo, the screenshots and the pipeline benchmark; run it with /usr/bin/python3
(Debian's python3-jwt)."""

import hashlib
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

FINAL = {"published", "flagged", "rejected", "failed"}


class Platform:
    """A platform registered in a Vouch store (the one under `directory`, or the
    `--database` in `database`), holding its signing key."""

    def __init__(self, vouch, settings, platform_id, name, directory, database=()):
        self.id = platform_id
        self.key_id = f"{platform_id}-ed"
        self.private_key = Ed25519PrivateKey.generate()
        public_pem = self.private_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        pem_path = f"{directory}/{platform_id}.pem"
        with open(pem_path, "wb") as f:
            f.write(public_pem)
        out = subprocess.run(
            [vouch, "platform", "register", "--id", platform_id, "--name", name,
             "--key", f"{self.key_id}:EdDSA:{pem_path}", "--config", settings, "--data", directory, *database],
            check=True, capture_output=True, text=True).stdout
        self.api_key = next(line for line in out.splitlines() if line.startswith("vk_"))

    def viewer_attestation(self, account, audience="vouch", lifetime=600):
        """A viewer attestation for the shopper `account`, as the platform's server mints it for
        a signed-in shopper's page: header typ vouch-viewer+jwt, no clip hash."""
        now = int(time.time())
        claims = {"iss": self.id, "sub": account, "aud": audience, "iat": now, "exp": now + lifetime}
        return jwt.encode(claims, self.private_key, algorithm="EdDSA", headers={"kid": self.key_id, "typ": "vouch-viewer+jwt"})

    def attestation(self, sha256, reviewer, audience="vouch", verified_purchase=True, account_created=None, handle=None,
                    review_sha256=None, captions_sha256=None):
        """A signed attestation of a clip's SHA-256 (and of a review's parts, when given)."""
        now = int(time.time())
        claims = {"iss": self.id, "sub": reviewer, "aud": audience, "iat": now, "exp": now + 600,
                  "jti": str(uuid.uuid4()), "clip_sha256": sha256, "verified_purchase": verified_purchase}
        if account_created is not None:
            claims["account_created"] = account_created
        if handle is not None:
            claims["handle"] = handle
        if review_sha256 is not None:
            claims["review_sha256"] = review_sha256
        if captions_sha256 is not None:
            claims["captions_sha256"] = captions_sha256
        return jwt.encode(claims, self.private_key, algorithm="EdDSA", headers={"kid": self.key_id})

    def upload(self, base_url, path, reviewer, product, product_name=None, account_created=None, handle=None):
        """Uploads one clip; returns the API's JSON answer (status 202 or 200)."""
        with open(path, "rb") as f:
            body = f.read()
        query = f"product={urllib.parse.quote(product)}"
        if product_name:
            query += f"&product_name={urllib.parse.quote(product_name)}"
        request = urllib.request.Request(f"{base_url}/v1/clips?{query}", data=body, method="POST", headers={
            "Authorization": f"Bearer {self.api_key}", "Content-Type": "video/mp4",
            "Vouch-Attestation": self.attestation(hashlib.sha256(body).hexdigest(), reviewer, account_created=account_created, handle=handle),
        })
        with urllib.request.urlopen(request) as response:
            return json.load(response)

    def submit_review(self, base_url, clip_path, review, captions, reviewer, account_created=None, handle=None):
        """Submits a whole review (POST /v1/reviews): the clip at `clip_path`, the `review`
        dict (product, rating, title, text, language, disclosures) and optional WebVTT
        `captions` bytes, attested byte for byte. Returns the API's JSON answer (202 or 200)."""
        with open(clip_path, "rb") as f:
            clip = f.read()
        words = json.dumps(review, ensure_ascii=False).encode()  # serialised once: these bytes are signed and sent
        parts = [("review", None, "application/json", words), ("clip", os.path.basename(clip_path), "video/mp4", clip)]
        if captions is not None:
            parts.append(("captions", None, "text/vtt", captions))
        body, content_type = form_data(parts)
        token = self.attestation(
            hashlib.sha256(clip).hexdigest(), reviewer, account_created=account_created, handle=handle,
            verified_purchase=bool(review.get("disclosures", {}).get("verifiedPurchase", False)),
            review_sha256=hashlib.sha256(words).hexdigest(),
            captions_sha256=None if captions is None else hashlib.sha256(captions).hexdigest())
        request = urllib.request.Request(f"{base_url}/v1/reviews", data=body, method="POST", headers={
            "Authorization": f"Bearer {self.api_key}", "Content-Type": content_type, "Vouch-Attestation": token})
        with urllib.request.urlopen(request) as response:
            return json.load(response)

    def status(self, base_url, clip_id):
        request = urllib.request.Request(f"{base_url}/v1/clips/{clip_id}", headers={"Authorization": f"Bearer {self.api_key}"})
        with urllib.request.urlopen(request) as response:
            return json.load(response)

    def call(self, base_url, path, body=None, method=None):
        """Sends JSON to (POST unless `method` says otherwise) or reads JSON from the platform
        API with this platform's key."""
        data = None if body is None else json.dumps(body).encode()
        method = method or ("GET" if body is None else "POST")
        request = urllib.request.Request(f"{base_url}{path}", data=data, method=method, headers={
            "Authorization": f"Bearer {self.api_key}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            return json.load(response)

    def wait_final(self, base_url, clip_ids, timeout=600, poll=0.2):
        """Waits until every clip has a final status; returns {id: status document}."""
        deadline = time.time() + timeout
        done = {}
        while len(done) < len(clip_ids):
            if time.time() > deadline:
                raise TimeoutError(f"{len(clip_ids) - len(done)} clips not final after {timeout} s")
            for clip_id in clip_ids:
                if clip_id not in done:
                    answer = self.status(base_url, clip_id)
                    if answer["status"] in FINAL:
                        done[clip_id] = answer
            time.sleep(poll)
        return done


def form_data(parts):
    """A multipart/form-data body from (name, filename or None, content type, bytes) parts;
    returns the body and its Content-Type."""
    boundary = f"vouch-{uuid.uuid4().hex}"
    body = bytearray()
    for name, filename, content_type, data in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\nContent-Type: {content_type}\r\n\r\n".encode()
        body += data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return bytes(body), f"multipart/form-data; boundary={boundary}"


def webvtt(cues):
    """WebVTT bytes from [start seconds, end seconds, text] cues."""
    stamp = lambda seconds: f"{int(seconds // 60):02}:{seconds % 60:06.3f}"
    return ("WEBVTT\n" + "".join(f"\n{stamp(start)} --> {stamp(end)}\n{text}\n" for start, end, text in cues)).encode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(base_url, process, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"vouch exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=1):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise TimeoutError(f"{base_url} did not answer within {timeout} s")


def local_settings(catalog, port):
    """Config/vouch.json as a local demo runs it: on `port`, over plain HTTP on loopback
    (so the moderator cookie cannot be `Secure`: scripts' cookie jars send those over HTTPS
    only), trusting the sample platforms' account-age and purchase claims as trust seeds."""
    config = json.load(open("Config/vouch.json"))
    # The catalog's demo shoppers are offered as "view as" on product pages: demo only.
    config["server"] = dict(config.get("server", {}), port=port, demoShoppers=catalog.get("shoppers", []))
    config["moderation"] = dict(config.get("moderation", {}), secureCookies=False)
    config["scoring"] = dict(config.get("scoring", {}), trustSeedPlatforms=[p["id"] for p in catalog["platforms"]])
    # Trust (and with it trusted demand) is recomputed every ten seconds, so the demo's
    # market shows at once; production keeps the default of five minutes.
    config["pipeline"] = dict(config.get("pipeline", {}), trustRecomputeSeconds=10)
    return config
