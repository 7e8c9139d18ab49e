#!/usr/bin/env python3
"""Generate a synthetic event of N attendees for benchmarks:
make_event.py N OUT.csv.  Tags follow a Zipf-like popularity, as real
interests do; so do the words of a line of free text ("Working on"),
half German, half English sentences, for the text strategies.
Deterministic for a given N."""
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(n)
text_rng = random.Random(n + 1)  # the other columns stay as they were
tags = [f"#topic{i}" for i in range(400)]
weights = [1.0 / (i + 1) for i in range(len(tags))]
# Content words: a few real ones, then made-up ones, in Zipf order.
words = ["Verkehrswende", "Datenschutz", "Radverkehr", "Stadtplanung",
         "machine", "learning", "open", "data", "Bildung", "Energie",
         "Klimaschutz", "Software", "Gemeinschaftsgarten", "Imkerei"]
words += [f"Thema{i}" for i in range(3000 - len(words))]
word_weights = [1.0 / (i + 1) for i in range(len(words))]
frames = [("Ich arbeite an {} und {} für {}.", "de"),
          ("Wir bauen {} mit {} in der {}.", "de"),
          ("I work on {} and {} for the {}.", "en"),
          ("We build {} with {} in our {}.", "en")]


def sentence():
    frame, _ = text_rng.choice(frames)
    return frame.format(*text_rng.choices(words, word_weights, k=3)) + " " + \
        " ".join(text_rng.choices(words, word_weights, k=text_rng.randint(2, 8)))


with open(out, "w", encoding="utf-8", newline="") as fh:
    fh.write("Email,First Name,Last Name,Interests,First time?,City,"
             "Working on\r\n")
    for i in range(n):
        chosen = sorted(set(rng.choices(tags, weights, k=rng.randint(2, 6))))
        fh.write(f"p{i}@bench.example,Person,{i},\"{' '.join(chosen)}\","
                 f"{rng.choice(['yes', 'no', 'no'])},city{rng.randrange(20)},"
                 f"\"{sentence()}\"\r\n")
