"""WordNet 3.0 reader (Debian wordnet-base): synsets by lemma.n.NN and hypernym walks. Dev-time only."""
import collections

WN = "/usr/share/wordnet"


def load():
    hyper, words = {}, {}
    with open(f"{WN}/data.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split(" | ")[0].split()
            off, wcnt = parts[0], int(parts[3], 16)
            words[off] = [parts[4 + 2 * i] for i in range(wcnt)]
            i = 4 + 2 * wcnt
            pcnt = int(parts[i]); i += 1
            hs = []
            for _ in range(pcnt):
                sym, target, pos = parts[i], parts[i + 1], parts[i + 2]
                if sym in ("@", "@i") and pos == "n":
                    hs.append(target)
                i += 4
            hyper[off] = hs
    index = {}
    with open(f"{WN}/index.noun", encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            p = line.split()
            lemma, scnt, pcnt = p[0], int(p[2]), int(p[3])
            index[lemma] = p[-scnt:]
    return hyper, words, index


def resolve(index, anchor):
    lemma, _, sense = anchor.rsplit(".", 2)
    lemma = lemma.lower()
    return index[lemma][int(sense) - 1]


def ancestors(hyper, off):
    """Breadth-first: (offset, depth) from the synset itself upwards."""
    seen, q = {off: 0}, collections.deque([off])
    while q:
        o = q.popleft()
        for h in hyper.get(o, []):
            if h not in seen:
                seen[h] = seen[o] + 1
                q.append(h)
    return seen
