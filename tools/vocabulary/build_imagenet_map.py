"""Maps each of the 1000 ImageNet-1k classes to its nearest concept of concepts.tsv through WordNet 3.0
hypernyms (Debian wordnet-base). Dev-time only: the output is committed as data.
Usage: python3 build_imagenet_map.py SYNSET_TXT > src/main/resources/vocabulary/imagenet-1k.tsv"""
import collections
import csv
import sys

import wn

CONCEPTS = "src/main/resources/vocabulary/concepts.tsv"


def main(synset_txt):
    hyper, words, index = wn.load()
    anchors = {}
    with open(CONCEPTS, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            for a in filter(None, row["wordnet"].split(",")):
                try:
                    anchors[wn.resolve(index, a)] = row["id"]
                except (KeyError, IndexError):
                    sys.exit(f"unknown WordNet anchor {a} for {row['id']}")
    counts = collections.Counter()
    print("class\twnid\tconcept\timagenet_name")
    with open(synset_txt, encoding="utf-8") as f:
        for i, line in enumerate(f):
            wnid, name = line.strip().split(" ", 1)
            up = wn.ancestors(hyper, wnid[1:])
            best = min((d, anchors[o]) for o, d in up.items() if o in anchors) if any(o in anchors for o in up) else None
            concept = best[1] if best else ""
            counts[concept or "(none)"] += 1
            print(f"{i}\t{wnid}\t{concept}\t{name.split(',')[0]}")
    for c, n in counts.most_common():
        print(f"{c}\t{n}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
