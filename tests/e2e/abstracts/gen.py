# gen.py N OUT: a conference's submissions, made up but shaped like real
# ones (abstracts.sh): a title, an abstract of about 250 words drawn from
# a main topic and a side topic among generic words, a Conflicts cell of
# "Last, First; ..." co-authors (both ways).  Every tenth abstract starts
# with quotes, commas and a line break; the first is 3000 words long.
import csv
import random
import sys

random.seed(3)
n = int(sys.argv[1])
generic = ("we propose a novel approach method results show that our the of "
           "and in to for on with by this paper study data model analysis "
           "based using performance evaluation experiments significant "
           "improvement framework").split()
topics = [["term%dx%d" % (t, j) for j in range(40)] for t in range(25)]
firsts = ["Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hugo",
          "Ida", "Jonas", "Kira", "Lars", "Maja", "Nico", "Olga"]
people = [(firsts[i % 15], "Surname%s%d" % (chr(65 + i % 26), i))
          for i in range(n)]


def word(t1, t2):
    r = random.random()
    if r < 0.55:
        return random.choice(generic)
    if r < 0.85:
        pool = topics[t1][:20] if random.random() < 0.7 else topics[t1]
        return random.choice(pool)
    return random.choice(topics[t2])


rows = []
for i in range(n):
    t1, t2 = random.randrange(25), random.randrange(25)
    size = 3000 if i == 0 else 250
    abstract = " ".join(word(t1, t2) for _ in range(size))
    if i % 10 == 0:
        abstract = 'He said "quoted" text,\nwith a line break. ' + abstract
    title = " ".join(random.sample(topics[t1][:15], 3) + ["for"] +
                     random.sample(topics[t2][:15], 1))
    rows.append((title, abstract))
conf = {i: set() for i in range(n)}
for i in range(n):
    for _ in range(random.randrange(4)):
        j = random.randrange(n)
        if j != i:
            conf[i].add(j)
            conf[j].add(i)
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["Email", "First", "Last", "Title", "Abstract", "Conflicts"])
    for i, (title, abstract) in enumerate(rows):
        w.writerow(["p%d@conf.example" % i, people[i][0], people[i][1],
                    title, abstract,
                    "; ".join("%s, %s" % (people[j][1], people[j][0])
                              for j in sorted(conf[i]))])
