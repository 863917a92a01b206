"""Finding groups of near-identical texts: the template letters of a campaign, with the personal edits people make
(a sentence of their own, a changed word, a different sign-off), and exact repeats.

How: each text is normalised (case, accents, punctuation and spacing do not count) and cut into overlapping
word shingles. datasketch's MinHash summarises each set of shingles and its LSH index finds candidate pairs whose
shingles probably overlap; a candidate is kept only when the real Jaccard similarity of the two sets is at least
`THRESHOLD`, and kept pairs are joined into groups (union-find). Exact repeats are grouped before any of that, so
a thousand copies of one letter cost one comparison.

Only some texts go into the LSH index ("leaders"): a text joins the groups of the leaders it matches, and becomes a
leader itself when nothing matched it closely (below `CLOSE`), up to `MAX_LEADERS` a group. So a big campaign is
compared through a few of its members, not all of them, and grouping 50,000 representations takes seconds
(docs/performance.md).
"""

import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 3  # words per shingle
MIN_WORDS = 6  # shorter texts ("I object") are too short to say they were copied
NUM_PERM = 128  # MinHash permutations: enough for a candidate search that is then verified exactly
CANDIDATE_THRESHOLD = 0.45  # the LSH index's estimate, set below THRESHOLD so few true pairs are missed
THRESHOLD = 0.5  # Jaccard similarity of the shingle sets for two texts to be in one group
CLOSE = 0.8  # a text matching a leader at least this closely adds nothing to the index
MAX_LEADERS = 12  # texts of one group in the index at most: enough to catch its members' edits
_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    """Lower case words without accents or punctuation, separated by single spaces."""
    text = text or ""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_WORD.findall(text.lower()))


def shingles(normalised: str) -> frozenset[int]:
    """The text's word shingles, each as a stable 32-bit hash (CRC-32): what MinHash takes, and quick to compare."""
    words = normalised.split()
    if len(words) < MIN_WORDS:
        return frozenset()
    runs = zip(*(words[start:] for start in range(SHINGLE_WORDS)), strict=False)  # shorter lists end it
    return frozenset(map(zlib.crc32, map(str.encode, map(" ".join, runs))))


def jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


def _hashed(value: int) -> int:
    """The shingles are hashed already (see `shingles`)."""
    return value


class _Groups:
    """Union-find over the distinct texts."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        root = item
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while item != root:  # path compression
            self.parent[item], item = root, self.parent.get(item, item)
        return root

    def join(self, first: int, second: int) -> None:
        first, second = self.find(first), self.find(second)
        if first != second:
            self.parent[max(first, second)] = min(first, second)


def group_texts(items: Iterable[tuple[int, str]], threshold: float = THRESHOLD) -> list[list[int]]:
    """Groups of two or more ids whose texts are near-identical, each group's ids in ascending order, the groups
    biggest first. Texts shorter than MIN_WORDS words are never grouped."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for key, text in items:
        normal = normalise(text)
        if len(normal.split()) >= MIN_WORDS:
            by_text[normal].append(key)
    texts = list(by_text)
    sets = [shingles(text) for text in texts]
    signatures = MinHash.bulk(sets, num_perm=NUM_PERM, hashfunc=_hashed)
    index = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    groups = _Groups()
    leaders: dict[int, int] = defaultdict(int)  # group (its root) -> how many of its texts are in the index
    for number, (shingle_set, signature) in enumerate(zip(sets, signatures, strict=True)):
        best = 0.0
        for leader in index.query(signature):
            if groups.find(leader) == groups.find(number):
                continue  # joined already, through another of its group's leaders
            similarity = jaccard(shingle_set, sets[leader])
            if similarity >= threshold:
                before = leaders.pop(groups.find(leader), 0) + leaders.pop(groups.find(number), 0)
                groups.join(number, leader)
                leaders[groups.find(number)] = before
            best = max(best, similarity)
        root = groups.find(number)
        if best < CLOSE and leaders[root] < MAX_LEADERS:
            index.insert(number, signature, check_duplication=False)
            leaders[root] += 1
    members: dict[int, list[int]] = defaultdict(list)
    for number, text in enumerate(texts):
        members[groups.find(number)].extend(by_text[text])
    return sorted((sorted(ids) for ids in members.values() if len(ids) > 1), key=lambda ids: (-len(ids), ids[0]))


def most_common(texts: Iterable[str]) -> str:
    """The text a group's members most often sent word for word (normalised), as the members wrote it: the
    campaign's template text. Ties go to the first."""
    counted: dict[str, list] = {}
    for text in texts:
        counted.setdefault(normalise(text), [0, text])[0] += 1
    return max(counted.values(), key=lambda entry: entry[0])[1] if counted else ""
