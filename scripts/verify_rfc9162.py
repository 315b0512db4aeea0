#!/usr/bin/env python3
"""Independent check of an activity-log integrity export (Python standard library only).

A second implementation, written apart from libs/integrity, of what the export's proofs
claim: RFC 9162 inclusion proofs of the events and of the scope heads, consistency proofs
between consecutive checkpoints, and the scope's completeness (its seqs are exactly the
ones the last proven head promises, in order, each linked to the one before).

It does NOT check the checkpoints' Ed25519 signatures (the standard library has no
Ed25519); the TypeScript verifier does. It prints a JSON verdict and exits 0 when valid.

    python3 scripts/verify_rfc9162.py EXPORT.jsonl
    python3 scripts/verify_rfc9162.py --vectors libs/integrity/test-vectors/rfc9162
"""
import base64
import hashlib
import json
import os
import sys


def sha(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
    return h.digest()


def leaf(data):
    return sha(b"\x00", data)


def node(left, right):
    return sha(b"\x01", left, right)


def b64(text):
    raw = base64.b64decode(text, validate=True)
    if base64.b64encode(raw).decode() != text:
        raise ValueError("not canonical base64")
    return raw


def inclusion_ok(index, size, leaf_hash, proof, root):
    # Split the path where it leaves the right border: below, siblings on either side;
    # above, only left siblings (RFC 9162 section 2.1.3).
    if not 0 <= index < size or len(leaf_hash) != 32:
        return False
    inner = (index ^ (size - 1)).bit_length()
    border = bin(index >> inner).count("1")
    if len(proof) != inner + border or any(len(p) != 32 for p in proof):
        return False
    h = leaf_hash
    for i, p in enumerate(proof[:inner]):
        h = node(p, h) if (index >> i) & 1 else node(h, p)
    for p in proof[inner:]:
        h = node(p, h)
    return h == root


def consistency_ok(size1, size2, root1, root2, proof):
    # RFC 9162 section 2.1.4: rebuild both roots from the path of leaf size1 - 1.
    if size1 > size2:
        return False
    if size1 == size2:
        return not proof and root1 == root2 and (size1 > 0 or root1 == sha(b""))
    if size1 == 0 or not proof or any(len(p) != 32 for p in proof):
        return False
    inner = ((size1 - 1) ^ (size2 - 1)).bit_length()
    border = bin((size1 - 1) >> inner).count("1")
    shift = (size1 & -size1).bit_length() - 1
    inner -= shift
    seed, rest = (root1, proof) if size1 == 1 << shift else (proof[0], proof[1:])
    if len(rest) != inner + border:
        return False
    mask = (size1 - 1) >> shift
    h1 = h2 = seed
    for i, p in enumerate(rest[:inner]):
        if (mask >> i) & 1:
            h1, h2 = node(p, h1), node(p, h2)
        else:
            h2 = node(h2, p)
    for p in rest[inner:]:
        h1, h2 = node(p, h1), node(p, h2)
    return h1 == root1 and h2 == root2


def chains_of(data):
    # Links inside the stored event, or in an envelope {"integrity": ..., "event": ...}.
    try:
        value = json.loads(data.decode("utf-8"))
        inside = value.get("metadata", {}).get("integrity", {}).get("chains")
        outside = value.get("integrity", {}).get("chains")
    except (AttributeError, ValueError, UnicodeDecodeError):
        return []
    chains = inside if outside is None else (outside if inside is None else None)
    return chains if isinstance(chains, list) and all(isinstance(c, dict) for c in chains) else []


def parse_checkpoint(note):
    text = note[: note.rindex("\n\n") + 1]
    origin, size, root, *ext = text[:-1].split("\n")
    heads = next(e.split(" ") for e in ext if e.startswith("scope-heads "))
    return {"origin": origin, "size": int(size), "root": b64(root),
            "heads_count": int(heads[1]), "heads_root": b64(heads[2])}


def check_export(lines):
    records, malformed = [], False
    for n, text in enumerate(lines, 1):
        try:
            if text.strip():
                records.append((n, json.loads(text)))
        except ValueError:
            malformed = True
    if not records or records[0][1].get("kind") != "header":
        return {"valid": False, "complete": False, "error": "no header"}
    header = records[0][1]
    scope = header["scope"]
    checkpoints = {}
    for _, r in records:
        if r["kind"] == "checkpoint":
            cp = parse_checkpoint(r["note"])
            checkpoints[cp["size"]] = cp
    sizes = sorted(checkpoints)

    consistency = []
    for a, b in zip(sizes, sizes[1:]):
        found = [r for _, r in records if r["kind"] == "consistency" and r["size1"] == a and r["size2"] == b]
        ok = bool(found) and consistency_ok(a, b, checkpoints[a]["root"], checkpoints[b]["root"],
                                            [b64(p) for p in found[0]["proof"]])
        consistency.append({"size1": a, "size2": b, "ok": ok})

    heads, counts = [], {}
    for n, r in records:
        if r["kind"] != "head":
            continue
        cp = checkpoints.get(r["treeSize"])
        fields = dict(line.split(" ", 1) for line in r["record"].strip().split("\n")[1:])
        ok = (cp is not None and fields.get("scope") == scope and
              inclusion_ok(r["index"], cp["heads_count"], leaf(r["record"].encode()),
                           [b64(p) for p in r["proof"]], cp["heads_root"]))
        heads.append({"line": n, "ok": ok})
        if ok:
            counts[r["treeSize"]] = int(fields["count"])

    events, seqs = [], []
    for n, r in records:
        if r["kind"] != "event":
            continue
        try:
            data = b64(r["bytes"])
            cp = checkpoints[r["treeSize"]]
            ok = inclusion_ok(r["leafIndex"], cp["size"], leaf(data), [b64(p) for p in r["proof"]], cp["root"])
        except (KeyError, ValueError, TypeError):
            data, ok = None, False
        link = next((c for c in chains_of(data) if c.get("scope") == scope), None)
        events.append({"line": n, "included": ok})
        if ok and link is not None:
            seqs.append((link["seq"], link["prev"], r["leafIndex"], base64.b64encode(leaf(data)).decode()))

    last_count = counts[max(counts)] if counts else None
    expected = list(range(header["fromSeq"], last_count)) if last_count is not None else None
    # prev names the scope's previous leaf by index (logs before 2026-12: by base64 leaf hash).
    linked = all(prev == (seqs[i - 1][2] if type(prev) is int else seqs[i - 1][3])
                 for i, (_, prev, _, _) in enumerate(seqs) if i > 0)
    complete = expected is not None and [s for s, _, _, _ in seqs] == expected and linked
    valid = (not malformed and complete and all(e["included"] for e in events) and all(c["ok"] for c in consistency)
             and all(h["ok"] for h in heads) and records[-1][1]["kind"] == "end")
    return {"valid": valid, "complete": complete, "signatures": "not checked",
            "events": events, "consistency": consistency, "heads": heads}


def check_vectors(folder):
    failures, count = [], 0
    for kind in ("inclusion", "consistency"):
        for dirpath, _, files in os.walk(os.path.join(folder, kind)):
            for name in sorted(files):
                with open(os.path.join(dirpath, name)) as f:
                    v = json.load(f)
                proof = [b64(p) for p in v["proof"] or []]
                if kind == "inclusion":
                    ok = inclusion_ok(v["leafIdx"], v["treeSize"], b64(v["leafHash"]), proof, b64(v["root"]))
                else:
                    ok = consistency_ok(v["size1"], v["size2"], b64(v["root1"]), b64(v["root2"]), proof)
                count += 1
                if ok == v["wantErr"]:
                    failures.append(os.path.join(dirpath, name))
    return {"vectors": count, "failures": failures}


def main(argv):
    if len(argv) == 3 and argv[1] == "--vectors":
        result = check_vectors(argv[2])
        print(json.dumps(result))
        return 0 if not result["failures"] and result["vectors"] > 0 else 1
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        result = check_export(f.read().split("\n"))
    print(json.dumps(result))
    return 0 if result["valid"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
