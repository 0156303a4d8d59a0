#!/usr/bin/env python3
"""Makes the C2PA fixtures Vouch's provenance tests read, and reports c2pa-python's verdict on each.

Usage: c2pa_fixtures.py make OUT_DIR SOURCE_MP4
       c2pa_fixtures.py read TRUST_PEM FILE...
       c2pa_fixtures.py bench TRUST_PEM FILE ROUNDS

`make` generates a test CA, a signer it issued (ES256, digitalSignature, EKU emailProtection)
and a second, untrusted CA with its own signer, signs SOURCE_MP4 with c2pa-python
(offline, no timestamp authority), and writes:
  trust.pem         the trusted CA (the trust list the tests configure)
  capture.mp4       signed by the trusted chain, digitalSourceType digitalCapture
  ps256.mp4         the same, signed with RSA-PSS (PS256) by a signer of the same CA
  ed25519.mp4       the same, signed with Ed25519
  ai.mp4            signed by the trusted chain, digitalSourceType trainedAlgorithmicMedia
  tampered.mp4      capture.mp4 with one byte of media data changed after signing
  untrusted.mp4     signed by the untrusted chain
  stripped.mp4      capture.mp4 remuxed by ffmpeg -c copy (the manifest is dropped)
  malformed.mp4     capture.mp4 with the JUMBF description box's length corrupted
`read` prints one JSON line per file: {"file", "state", "codes"} from c2pa-python's Reader,
with the trust list loaded. `bench` prints the mean wall and CPU seconds (all threads of
this process) per Reader over ROUNDS reads.
"""
import datetime
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import c2pa
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SOURCE_TYPE = "http://cv.iptc.org/newscodes/digitalsourcetype/"


def _name(common_name):
    return x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "GB"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Vouch Test"),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name),
    ])


def _certificate(subject, issuer, public_key, signing_key, is_ca):
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder()
               .subject_name(_name(subject)).issuer_name(_name(issuer))
               .public_key(public_key).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(days=1))
               .not_valid_after(now + datetime.timedelta(days=3650))
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False))
    if is_ca:
        builder = (builder
                   .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                   .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True))
    else:
        builder = (builder
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                   .add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False), critical=True)
                   .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(signing_key.public_key()), critical=False))
    return builder.sign(signing_key, hashes.SHA256())


def _pem(certificate):
    return certificate.public_bytes(serialization.Encoding.PEM)


def _chain(prefix):
    """A CA, its key, and an ES256 signer it issued: (CA, CA key, signer chain PEM, signer key PEM)."""
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _certificate(f"{prefix} Root CA", f"{prefix} Root CA", ca_key.public_key(), ca_key, True)
    return (ca, ca_key) + _signer(prefix, ca, ca_key, ec.generate_private_key(ec.SECP256R1()))


def _signer(prefix, ca, ca_key, leaf_key, name="Camera"):
    """A signer certificate for `leaf_key` issued by the CA: (chain PEM, key PEM)."""
    leaf = _certificate(f"{prefix} {name}", f"{prefix} Root CA", leaf_key.public_key(), ca_key, False)
    key = leaf_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                 serialization.NoEncryption())
    return _pem(leaf) + _pem(ca), key


def _sign(source, dest, chain_pem, key_pem, source_type, generator, algorithm=b"es256"):
    manifest = {
        "claim_generator_info": [{"name": generator, "version": "1.0"}],
        "title": dest.name,
        "format": "video/mp4",
        "assertions": [{
            "label": "c2pa.actions.v2",
            "data": {"actions": [{"action": "c2pa.created", "digitalSourceType": SOURCE_TYPE + source_type}]},
        }],
    }
    info = c2pa.C2paSignerInfo(algorithm, chain_pem, key_pem, None)
    signer = c2pa.Signer.from_info(info)
    with c2pa.Builder(manifest) as builder:
        builder.sign_file(str(source), str(dest), signer)


def _flip_media_byte(path):
    """Changes one byte inside the first mdat box's payload."""
    data = bytearray(path.read_bytes())
    offset = 0
    while offset + 8 <= len(data):
        size = int.from_bytes(data[offset:offset + 4], "big")
        kind = bytes(data[offset + 4:offset + 8])
        if kind == b"mdat":
            data[offset + 8 + (size - 8) // 2] ^= 0x01
            path.write_bytes(bytes(data))
            return
        if size < 8:
            break
        offset += size
    raise SystemExit(f"no mdat in {path}")


def _corrupt_jumbf(path):
    """Inflates the length of the first JUMBF description box ('jumd') past its parent."""
    data = bytearray(path.read_bytes())
    at = data.find(b"jumd")
    if at < 4:
        raise SystemExit(f"no jumd in {path}")
    data[at - 4:at] = (0x7FFFFFF0).to_bytes(4, "big")
    path.write_bytes(bytes(data))


def make(out, source):
    out.mkdir(parents=True, exist_ok=True)
    ca, ca_key, chain, key = _chain("Vouch Test")
    other_ca, _, other_chain, other_key = _chain("Unknown")
    (out / "trust.pem").write_bytes(_pem(ca))
    (out / "untrusted-ca.pem").write_bytes(_pem(other_ca))
    _sign(source, out / "capture.mp4", chain, key, "digitalCapture", "Vouch Test Camera")
    for algorithm, leaf_key in [(b"ps256", rsa.generate_private_key(65537, 2048)), (b"ed25519", ed25519.Ed25519PrivateKey.generate())]:
        leaf_chain, leaf_pem = _signer("Vouch Test", ca, ca_key, leaf_key, name=f"{algorithm.decode().upper()} Camera")
        _sign(source, out / f"{algorithm.decode()}.mp4", leaf_chain, leaf_pem, "digitalCapture", "Vouch Test Camera", algorithm)
    _sign(source, out / "ai.mp4", chain, key, "trainedAlgorithmicMedia", "Vouch Test Generator")
    _sign(source, out / "untrusted.mp4", other_chain, other_key, "digitalCapture", "Unknown Camera")
    shutil.copyfile(out / "capture.mp4", out / "tampered.mp4")
    _flip_media_byte(out / "tampered.mp4")
    shutil.copyfile(out / "capture.mp4", out / "malformed.mp4")
    _corrupt_jumbf(out / "malformed.mp4")
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(out / "capture.mp4"), "-c", "copy",
                    "-map_metadata", "-1", str(out / "stripped.mp4")], check=True)


def _context(trust_pem):
    return c2pa.Context.from_dict({"verify": {"verify_trust": True},
                                   "trust": {"trust_anchors": Path(trust_pem).read_text()}})


def _verdict(path, trust_pem):
    try:
        with open(path, "rb") as stream, _context(trust_pem) as context, \
                c2pa.Reader("video/mp4", stream, None, context) as reader:
            store = json.loads(reader.json())
    except Exception as error:  # c2pa raises typed errors for absent and unreadable manifests
        name = type(error).__name__
        return {"state": "absent" if "NotFound" in name else "error", "codes": [name, str(error)[:200]]}
    state = store.get("validation_state", "")
    status = store.get("validation_status") or []
    codes = [entry.get("code", "") for entry in status]
    results = store.get("validation_results", {}).get("activeManifest", {})
    codes += [entry.get("code", "") for entry in results.get("failure", [])]
    return {"state": state, "codes": sorted(set(codes))}


def read(trust_pem, files):
    for name in files:
        print(json.dumps({"file": Path(name).name, **_verdict(name, trust_pem)}), flush=True)


def bench(trust_pem, path, rounds):
    _verdict(path, trust_pem)
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        _verdict(path, trust_pem)
    print(json.dumps({"seconds": (time.perf_counter() - start) / rounds, "cpuSeconds": (time.process_time() - cpu) / rounds,
                      "rounds": rounds, "state": _verdict(path, trust_pem)["state"]}))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "make" and len(sys.argv) == 4:
        make(Path(sys.argv[2]), Path(sys.argv[3]))
    elif command == "read" and len(sys.argv) >= 4:
        read(sys.argv[2], sys.argv[3:])
    elif command == "bench" and len(sys.argv) == 5:
        bench(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        raise SystemExit(__doc__)
