#!/usr/bin/env python3
"""Verify a Kenes receipt proof bundle without trusting Kenes.

Written from docs/transparency.md alone, as a second implementation of its checks, using
only Python's standard library:

    python3 tools/verify_receipt.py BUNDLE.json --key VERIFIER_KEY [--witness KEY ...]

Exit status 0 when every check passes (and what was verified is printed), 1 otherwise
with the failed check on standard error, 2 for a usage error.

The Ed25519 verification below follows the reference implementation in RFC 8032
section 6 ("Edwards-Curve Digital Signature Algorithm (EdDSA)", S. Josefsson and
I. Liusvaara, 2017). Code components of RFCs are available under the Simplified BSD
License: Copyright (c) 2017 IETF Trust and the persons identified as the document
authors. All rights reserved. Redistribution and use in source and binary forms, with or
without modification, are permitted provided that the conditions of the Simplified BSD
License (https://trustee.ietf.org/license-info) are met. It is not constant-time, which
does not matter for verifying public signatures.
"""

import argparse
import base64
import binascii
import hashlib
import json
import sys
import unicodedata

# --------------------------------------------------------------------------------------
# Ed25519 verification (RFC 8032, section 6)

_P = 2**255 - 19
_L = 2**252 + 27742317777372353535851937790883648493


def _inv(x):
    return pow(x, _P - 2, _P)


_D = -121665 * _inv(121666) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)


def _add(p1, p2):
    a = (p1[1] - p1[0]) * (p2[1] - p2[0]) % _P
    b = (p1[1] + p1[0]) * (p2[1] + p2[0]) % _P
    c = 2 * p1[3] * p2[3] * _D % _P
    d = 2 * p1[2] * p2[2] % _P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % _P, g * h % _P, f * g % _P, e * h % _P)


def _mul(s, pt):
    q = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            q = _add(q, pt)
        pt = _add(pt, pt)
        s >>= 1
    return q


def _equal(p1, p2):
    return (p1[0] * p2[2] - p2[0] * p1[2]) % _P == 0 and (p1[1] * p2[2] - p2[1] * p1[2]) % _P == 0


def _recover_x(y, sign):
    if y >= _P:
        return None
    x2 = (y * y - 1) * _inv(_D * y * y + 1)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P != 0:
        x = x * _SQRT_M1 % _P
    if (x * x - x2) % _P != 0:
        return None
    if (x & 1) != sign:
        x = _P - x
    return x


_GY = 4 * _inv(5) % _P
_GX = _recover_x(_GY, 0)
_G = (_GX, _GY, 1, _GX * _GY % _P)


def _decompress(s):
    if len(s) != 32:
        return None
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    if x is None:
        return None
    return (x, y, 1, x * y % _P)


def ed25519_verify(public, msg, sig):
    """True if sig is a valid RFC 8032 Ed25519 signature of msg by public."""
    if len(public) != 32 or len(sig) != 64:
        return False
    a = _decompress(public)
    r = _decompress(sig[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(sig[32:], "little")
    if s >= _L:
        return False
    h = int.from_bytes(hashlib.sha512(sig[:32] + public + msg).digest(), "little") % _L
    return _equal(_mul(s, _G), _add(r, _mul(h, a)))


# --------------------------------------------------------------------------------------
# Encodings


class Failure(Exception):
    """A check that failed; the message says which."""


def b64decode(s, what):
    if not isinstance(s, str):
        raise Failure(f"{what} is not a string")
    try:
        raw = base64.b64decode(s.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise Failure(f"{what} is not base64") from None
    if base64.b64encode(raw).decode("ascii") != s:
        raise Failure(f"{what} is not canonical base64")
    return raw


def hex32(s, what):
    if not isinstance(s, str) or len(s) != 64 or any(c not in "0123456789abcdef" for c in s):
        raise Failure(f"{what} is not 64 lowercase hex digits")
    return bytes.fromhex(s)


def sha256(b):
    return hashlib.sha256(b).digest()


# --------------------------------------------------------------------------------------
# Entries, format version 1 (docs/transparency.md section 1)


class Reader:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def take(self, n):
        if self.pos + n > len(self.data):
            raise Failure("entry is truncated")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def uint(self, n):
        return int.from_bytes(self.take(n), "big")

    def string(self, name, required):
        raw = self.take(self.uint(2))
        try:
            s = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise Failure(f"entry field {name} is not UTF-8") from None
        check_string(name, s, required)
        return s

    def opthash(self, name):
        tag = self.uint(1)
        if tag == 0:
            return None
        if tag == 1:
            return self.take(32).hex()
        raise Failure(f"entry field {name} has option tag {tag}")


def check_string(name, s, required):
    if len(s.encode("utf-8")) > 1024:
        raise Failure(f"entry field {name} is longer than 1024 bytes")
    if required and s == "":
        raise Failure(f"entry field {name} is empty")
    if any(unicodedata.category(c) == "Cc" for c in s):
        raise Failure(f"entry field {name} has a control character")


def check_uuid(s):
    parts = s.split("-")
    if [len(p) for p in parts] != [8, 4, 4, 4, 12] or any(c not in "0123456789abcdef-" for c in s):
        raise Failure("clause_identity is not a lowercase hyphenated UUID")


def decode_entry(data):
    if len(data) > 65535:
        raise Failure("entry is larger than 65535 bytes")
    r = Reader(data)
    version = r.uint(1)
    if version != 1:
        raise Failure(f"unknown entry format version {version}")
    kind = r.uint(1)
    if kind == 0x01:
        e = {"type": "suggestion_submitted", "tracking_number": r.string("tracking_number", True)}
        e["clause_identity"] = r.string("clause_identity", True)
        check_uuid(e["clause_identity"])
        e["kind"] = r.string("kind", True)
        e["language"] = r.string("language", True)
        e["commitment"] = r.take(32).hex()
    elif kind == 0x02:
        e = {"type": "state_changed", "tracking_number": r.string("tracking_number", True)}
        e["from"] = r.string("from", True)
        e["to"] = r.string("to", True)
        e["reason_code"] = r.string("reason_code", False)
        e["response_hash"] = r.opthash("response_hash")
        e["time"] = r.uint(8)
    elif kind == 0x03:
        e = {"type": "merged", "tracking_number": r.string("tracking_number", True)}
        e["into"] = r.string("into", True)
        e["time"] = r.uint(8)
    elif kind == 0x04:
        e = {"type": "hidden", "tracking_number": r.string("tracking_number", True)}
        e["reason_code"] = r.string("reason_code", False)
        e["time"] = r.uint(8)
    elif kind == 0x05:
        e = {"type": "upvote_totals", "tracking_number": r.string("tracking_number", True)}
        e["total"] = r.uint(8)
        e["time"] = r.uint(8)
    elif kind == 0x06:
        e = {"type": "version_published", "consultation": r.string("consultation", True)}
        e["version"] = r.uint(4)
        texts = []
        for _ in range(r.uint(2)):
            texts.append({"language": r.string("language", True), "sha256": r.take(32).hex()})
        langs = [t["language"].encode("utf-8") for t in texts]
        if any(a >= b for a, b in zip(langs, langs[1:])):
            raise Failure("version languages are not unique and sorted")
        e["texts"] = texts
        e["time"] = r.uint(8)
    elif kind == 0x07:
        e = {"type": "key_rotated", "old_key_name": r.string("old_key_name", True)}
        e["old_key_id"] = r.uint(4)
        e["new_verifier_key"] = r.string("new_verifier_key", True)
        e["time"] = r.uint(8)
    else:
        raise Failure(f"unknown entry type {kind:#04x}")
    if r.pos != len(data):
        raise Failure(f"entry has {len(data) - r.pos} trailing bytes")
    return e


# --------------------------------------------------------------------------------------
# Commitment (section 2)

COMMITMENT_TAG = b"kenes/suggestion-commitment/v1\n"


def lstr(s):
    raw = s.encode("utf-8")
    return len(raw).to_bytes(4, "big") + raw


def commitment(sug, salt):
    for name in ("tracking_number", "clause_identity", "kind", "language", "text"):
        if not isinstance(sug.get(name), str):
            raise Failure(f"opening field {name} is missing or not a string")
    proposed = sug.get("proposed_text")
    if proposed is not None and not isinstance(proposed, str):
        raise Failure("opening field proposed_text is not a string")
    submitted = sug.get("submitted_at")
    if not isinstance(submitted, int) or isinstance(submitted, bool) or not 0 <= submitted < 2**64:
        raise Failure("opening field submitted_at is not a u64")
    pre = COMMITMENT_TAG
    for name in ("tracking_number", "clause_identity", "kind", "language", "text"):
        pre += lstr(sug[name])
    pre += b"\x00" if proposed is None else b"\x01" + lstr(proposed)
    pre += submitted.to_bytes(8, "big") + salt
    return sha256(pre)


# --------------------------------------------------------------------------------------
# Keys, notes, checkpoints (section 4)


def key_id(name, sig_type, public):
    return sha256(name.encode("utf-8") + b"\n" + bytes([sig_type]) + public)[:4]


def valid_name(name):
    return name != "" and "+" not in name and not any(c.isspace() or unicodedata.category(c) == "Cc" for c in name)


def parse_vkey(vkey, sig_type, what):
    parts = vkey.strip().split("+", 2)
    if len(parts) != 3 or not valid_name(parts[0]):
        raise Failure(f"{what} is not <name>+<key ID>+<key>")
    name, kid_hex, key64 = parts
    if len(kid_hex) != 8 or any(c not in "0123456789abcdefABCDEF" for c in kid_hex):
        raise Failure(f"{what} has a malformed key ID")
    raw = b64decode(key64, what)
    if len(raw) != 33 or raw[0] != sig_type:
        raise Failure(f"{what} is not an Ed25519 key of type {sig_type:#04x}")
    public = raw[1:]
    kid = bytes.fromhex(kid_hex)
    if key_id(name, sig_type, public) != kid:
        raise Failure(f"{what}: the key ID does not match the key")
    return name, kid, public


def parse_note(note):
    if not isinstance(note, str):
        raise Failure("checkpoint is not a string")
    if any(c < " " and c != "\n" for c in note):
        raise Failure("checkpoint note has a control character")
    split = note.rfind("\n\n")
    if split < 0:
        raise Failure("checkpoint note has no signatures")
    text, sigs = note[: split + 1], note[split + 2 :]
    if sigs == "" or not sigs.endswith("\n"):
        raise Failure("checkpoint note signatures must end with a newline")
    lines = [parse_sig_line(line) for line in sigs[:-1].split("\n")]
    return text, lines


def parse_sig_line(line):
    if not line.startswith("\u2014 "):
        raise Failure("a signature line does not start with an em dash")
    name, sep, b64 = line[2:].partition(" ")
    if not sep or not valid_name(name):
        raise Failure("a signature line has no valid key name")
    raw = b64decode(b64, "a signature")
    if len(raw) < 5:
        raise Failure("a signature is too short")
    return name, raw[:4], raw[4:]


def parse_checkpoint(text):
    lines = text[:-1].split("\n")
    if len(lines) < 3 or any(line == "" for line in lines):
        raise Failure("checkpoint text is not origin, size and root")
    if any(unicodedata.category(c) == "Cc" for line in lines for c in line):
        raise Failure("checkpoint text has a control character")
    origin, size, root = lines[0], lines[1], lines[2]
    if not size.isascii() or not size.isdigit() or (len(size) > 1 and size[0] == "0") or int(size) >= 2**64:
        raise Failure("checkpoint size is not a canonical decimal")
    root = b64decode(root, "checkpoint root")
    if len(root) != 32:
        raise Failure("checkpoint root is not 32 bytes")
    return origin, int(size), root


# --------------------------------------------------------------------------------------
# Inclusion (RFC 9162 section 2.1.3.2, as in section 7 step 6)


def verify_inclusion(leaf, index, size, proof, root):
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = sha256(b"\x01" + p + r)
            while fn & 1 == 0 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = sha256(b"\x01" + r + p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


# --------------------------------------------------------------------------------------


def u64(bundle, name):
    v = bundle.get(name)
    if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v < 2**64:
        raise Failure(f"{name} is not a u64")
    return v


def verify(bundle, vkey, witnesses):
    report = []
    if not isinstance(bundle, dict) or bundle.get("format") != "kenes-receipt-bundle/v1":
        raise Failure("not a kenes-receipt-bundle/v1 bundle")
    entry = b64decode(bundle.get("entry"), "entry")
    decoded = decode_entry(entry)
    if decoded != bundle.get("decoded"):
        raise Failure("the decoded entry does not match the entry bytes")
    report.append(f"entry: {decoded['type']}" + (f" for {decoded['tracking_number']}" if "tracking_number" in decoded else ""))

    opening = bundle.get("opening")
    if opening is not None:
        if decoded["type"] != "suggestion_submitted":
            raise Failure("only a submitted suggestion has an opening")
        if not isinstance(opening, dict) or not isinstance(opening.get("suggestion"), dict):
            raise Failure("the opening is malformed")
        sug = opening["suggestion"]
        for name in ("tracking_number", "clause_identity", "kind", "language"):
            if sug.get(name) != decoded[name]:
                raise Failure(f"the opening's {name} differs from the entry's")
        salt = hex32(opening.get("salt"), "salt")
        if commitment(sug, salt).hex() != decoded["commitment"]:
            raise Failure("the suggestion's content and salt do not match the logged commitment")
        report.append("commitment: the suggestion's text, proposed text and time open it")

    name, kid, public = parse_vkey(vkey, 0x01, "the log key")
    note = bundle.get("checkpoint")
    text, lines = parse_note(note)
    ours = [sig for (n, k, sig) in lines if n == name and k == kid]
    if not ours:
        raise Failure("the checkpoint is not signed by the given key")
    if not all(ed25519_verify(public, text.encode("utf-8"), sig) for sig in ours):
        raise Failure("the checkpoint's signature by the given key is invalid")
    origin, size, root = parse_checkpoint(text)
    report.append(f"checkpoint: {origin}, size {size}, signed by {name}")

    tree_size, index = u64(bundle, "tree_size"), u64(bundle, "leaf_index")
    if size != tree_size:
        raise Failure(f"the checkpoint is for size {size}, the proof for {tree_size}")
    proof = bundle.get("inclusion_proof")
    if not isinstance(proof, list):
        raise Failure("inclusion_proof is not a list")
    proof = [hex32(h, "an inclusion proof hash") for h in proof]
    if not verify_inclusion(sha256(b"\x00" + entry), index, tree_size, proof, root):
        raise Failure("the entry is not included in the signed tree")
    report.append(f"inclusion: entry {index} is in the tree of size {tree_size}, root {base64.b64encode(root).decode()}")

    extra = bundle.get("cosignatures", [])
    if not isinstance(extra, list) or not all(isinstance(s, str) for s in extra):
        raise Failure("cosignatures is not a list of lines")
    all_lines = lines + [parse_sig_line(s) for s in extra]
    for w in witnesses:
        wname, wkid, wpub = parse_vkey(w, 0x04, "a witness key")
        found = [sig for (n, k, sig) in all_lines if n == wname and k == wkid]
        if not found:
            raise Failure(f"no cosignature by witness {wname}")
        for sig in found:
            if len(sig) != 72:
                raise Failure(f"the cosignature by {wname} has the wrong length")
            ts = int.from_bytes(sig[:8], "big")
            msg = f"cosignature/v1\ntime {ts}\n".encode("ascii") + text.encode("utf-8")
            if ts >= 2**63 or not ed25519_verify(wpub, msg, sig[8:]):
                raise Failure(f"the cosignature by witness {wname} is invalid")
        report.append(f"cosignature: witness {wname} at time {ts}")
    return report


def self_test():
    # RFC 8032 section 7.1, TEST 1 and TEST 2.
    ok = ed25519_verify(
        bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"),
        b"",
        bytes.fromhex(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        ),
    ) and ed25519_verify(
        bytes.fromhex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"),
        bytes.fromhex("72"),
        bytes.fromhex(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        ),
    ) and not ed25519_verify(
        bytes.fromhex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c"),
        bytes.fromhex("73"),
        bytes.fromhex(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        ),
    )
    return ok


def main(argv):
    ap = argparse.ArgumentParser(description="Verify a Kenes receipt proof bundle offline.")
    ap.add_argument("bundle", nargs="?", help="the bundle JSON file")
    ap.add_argument("--key", help="the log's verifier key, <name>+<key ID>+<base64>")
    ap.add_argument("--witness", action="append", default=[], help="a witness key (type 0x04) whose cosignature is required")
    ap.add_argument("--self-test", action="store_true", help="check the Ed25519 code against RFC 8032 vectors")
    args = ap.parse_args(argv)
    if args.self_test:
        if self_test():
            print("ok: Ed25519 verifies the RFC 8032 test vectors")
            return 0
        print("FAILED: Ed25519 self-test", file=sys.stderr)
        return 1
    if not args.bundle or not args.key:
        ap.print_usage(sys.stderr)
        print("error: BUNDLE and --key are required", file=sys.stderr)
        return 2
    try:
        with open(args.bundle, encoding="utf-8") as f:
            text = f.read((4 << 20) + 1)
        if len(text) > 4 << 20:
            raise Failure("the bundle is larger than 4 MiB")
        try:
            bundle = json.loads(text)
        except json.JSONDecodeError as e:
            raise Failure(f"the bundle is not JSON: {e}") from None
        report = verify(bundle, args.key, args.witness)
    except OSError as e:
        print(f"FAILED: cannot read {args.bundle}: {e.strerror}", file=sys.stderr)
        return 1
    except (Failure, UnicodeDecodeError) as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    for line in report:
        print(f"ok  {line}")
    print("VERIFIED")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
