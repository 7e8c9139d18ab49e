#!/usr/bin/env python3
"""Generate a synthetic event of N attendees for benchmarks:
make_event.py N OUT.csv.  Tags follow a Zipf-like popularity, as real
interests do.  Deterministic for a given N."""
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(n)
tags = [f"#topic{i}" for i in range(400)]
weights = [1.0 / (i + 1) for i in range(len(tags))]
with open(out, "w", encoding="utf-8", newline="") as fh:
    fh.write("Email,First Name,Last Name,Interests,First time?,City\r\n")
    for i in range(n):
        chosen = sorted(set(rng.choices(tags, weights, k=rng.randint(2, 6))))
        fh.write(f"p{i}@bench.example,Person,{i},\"{' '.join(chosen)}\","
                 f"{rng.choice(['yes', 'no', 'no'])},city{rng.randrange(20)}\r\n")
