#!/usr/bin/env python3
"""Mints reviewer attestations with PyJWT and `cryptography` (Debian's python3-jwt
and python3-cryptography), so Vouch's verifier is tested against tokens it did not
make. Reads a JSON request on stdin:

  {"tokens": [{"name": "...", "alg": "RS256|ES256|EdDSA|none|HS256-with-rsa-public",
               "kid": "...", "claims": {...}}]}

and writes {"keys": {"RS256": pem, "ES256": pem, "EdDSA": pem}, "jwks": {...},
"tokens": {name: jwt}}; the JWKS names the keys rsa-1, ec-1 and ed-1, as PyJWT exports them.
Fresh keys are made on every run.
"""
import base64
import hashlib
import hmac
import json
import sys

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def public_pem(key):
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def main():
    request = json.load(sys.stdin)
    keys = {
        "RS256": rsa.generate_private_key(public_exponent=65537, key_size=2048),
        "ES256": ec.generate_private_key(ec.SECP256R1()),
        "EdDSA": ed25519.Ed25519PrivateKey.generate(),
    }
    pems = {alg: public_pem(key) for alg, key in keys.items()}
    exporters = {"RS256": (jwt.algorithms.RSAAlgorithm, "rsa-1"), "ES256": (jwt.algorithms.ECAlgorithm, "ec-1"),
                 "EdDSA": (jwt.algorithms.OKPAlgorithm, "ed-1")}
    jwks = {"keys": [dict(json.loads(exporter.to_jwk(keys[alg].public_key())), kid=kid, alg=alg, use="sig")
                     for alg, (exporter, kid) in exporters.items()]}
    tokens = {}
    for spec in request["tokens"]:
        alg, claims, kid = spec["alg"], spec["claims"], spec.get("kid")
        headers = {"kid": kid} if kid else None
        if alg in keys:
            tokens[spec["name"]] = jwt.encode(claims, keys[alg], algorithm=alg, headers=headers)
        elif alg == "none":
            header = {"alg": "none", "typ": "JWT", **({"kid": kid} if kid else {})}
            tokens[spec["name"]] = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode()) + "."
        elif alg == "HS256-with-rsa-public":
            header = {"alg": "HS256", "typ": "JWT", **({"kid": kid} if kid else {})}
            signing_input = b64(json.dumps(header).encode()) + "." + b64(json.dumps(claims).encode())
            signature = hmac.new(pems["RS256"].encode(), signing_input.encode(), hashlib.sha256).digest()
            tokens[spec["name"]] = signing_input + "." + b64(signature)
        else:
            raise SystemExit(f"unknown alg {alg}")
    json.dump({"keys": pems, "jwks": jwks, "tokens": tokens}, sys.stdout)


if __name__ == "__main__":
    main()
