#!/usr/bin/env python3
"""Generate a synthetic event of N attendees for benchmarks:
make_event.py N OUT.csv [TAGS.txt [SEED]].  Tags follow a Zipf-like
popularity, as real interests do; so do the words of a line of free text
("Working on"), half German, half English sentences, for the text
strategies; so do what people offer and seek (skills) and where they work
(companies); about a third come for the first time.  TAGS.txt, if named,
gets each attendee's interests as tag numbers, one line each, for the
reference loops of bench/run.sh.  Deterministic for a given N and SEED
(default: N)."""
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
tags_out = sys.argv[3] if len(sys.argv) > 3 else None
seed = int(sys.argv[4]) if len(sys.argv) > 4 else n
rng = random.Random(seed)
text_rng = random.Random(seed + 1)  # the other columns stay as they were
skill_rng = random.Random(seed + 2)
tags = [f"#topic{i}" for i in range(400)]
weights = [1.0 / (i + 1) for i in range(len(tags))]
skills = [f"skill{i}" for i in range(200)]
skill_weights = [1.0 / (i + 1) for i in range(len(skills))]
companies = [f"Company {i}" for i in range(max(10, n // 20))]
company_weights = [1.0 / (i + 1) for i in range(len(companies))]
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


def some_skills():
    k = skill_rng.randint(0, 3)
    return " ".join(sorted(set(skill_rng.choices(skills, skill_weights, k=k))))


tag_lines = []
with open(out, "w", encoding="utf-8", newline="") as fh:
    fh.write("Email,First Name,Last Name,Interests,First time?,City,"
             "Working on,Offers,Seeks,Company\r\n")
    for i in range(n):
        chosen = sorted(set(rng.choices(tags, weights, k=rng.randint(2, 6))))
        tag_lines.append(" ".join(t[len("#topic"):] for t in chosen))
        fh.write(f"p{i}@bench.example,Person,{i},\"{' '.join(chosen)}\","
                 f"{rng.choice(['yes', 'no', 'no'])},city{rng.randrange(20)},"
                 f"\"{sentence()}\",\"{some_skills()}\",\"{some_skills()}\","
                 f"{skill_rng.choices(companies, company_weights)[0]}\r\n")
if tags_out is not None:
    with open(tags_out, "w", encoding="utf-8") as fh:
        fh.write(f"{n} {len(tags)}\n")
        for line in tag_lines:
            fh.write(line + "\n")
