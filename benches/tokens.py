#!/usr/bin/env python3
"""benches/tokens.py N OUT.json - a DTCG token file for the benchmarks.

N base tokens cycle through five types (colour objects in the DTCG 2025.10 form,
dimension, duration, fontWeight, number), 50 to a group across 40 groups per type,
each with a description. N/4 semantic tokens alias a base token and N/16 component
tokens alias a semantic one, so N = 100,000 gives 131,250 tokens (about 17 MB written
with one-space indentation). Seeded: the same N always gives the same file.

The benches use ../shared/bench/gen_tokens.py when it is there (the peers are measured
on its files); this is the same shape for a checkout that has only this repository.
"""
import json
import random
import sys

TYPES = ("color", "dimension", "duration", "fontWeight", "number")


def base_value(kind, rng):
    if kind == "color":
        rgb = [rng.randrange(256) for _ in range(3)]
        return {
            "colorSpace": "srgb",
            "components": [round(c / 255, 4) for c in rgb],
            "hex": "#" + "".join(f"{c:02x}" for c in rgb),
        }
    if kind == "dimension":
        return {"value": rng.randrange(1, 64), "unit": "px"}
    if kind == "duration":
        return {"value": rng.randrange(50, 900), "unit": "ms"}
    if kind == "fontWeight":
        return 100 * rng.randrange(1, 10)
    return round(rng.random() * 10, 3)


def generate(n, seed=42):
    rng = random.Random(seed)
    doc = {"base": {}, "semantic": {}, "component": {}}
    base = []
    for i in range(n):
        kind = TYPES[i % len(TYPES)]
        group = doc["base"].setdefault(kind, {}).setdefault(f"g{i // 50 % 40}", {})
        group[f"t{i}"] = {
            "$type": kind,
            "$value": base_value(kind, rng),
            "$description": f"base {kind} {i}",
        }
        base.append(f"base.{kind}.g{i // 50 % 40}.t{i}")
    semantic = []
    for j in range(n // 4):
        group = doc["semantic"].setdefault(f"s{j // 50}", {})
        group[f"a{j}"] = {"$value": "{%s}" % rng.choice(base)}
        semantic.append(f"semantic.s{j // 50}.a{j}")
    for k in range(n // 16):
        group = doc["component"].setdefault(f"c{k // 50}", {})
        group[f"b{k}"] = {"$value": "{%s}" % rng.choice(semantic)}
    return doc


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit("usage: tokens.py N OUT.json")
    with open(sys.argv[2], "w") as out:
        json.dump(generate(int(sys.argv[1])), out, indent=1)


if __name__ == "__main__":
    main()
