"""A generated, labelled corpus of representations for measuring campaign grouping: campaign templates sent by
many people with the edits people really make, and independent texts on the same subjects written in the same
words of planning. Deterministic for a seed.

Each item is (id, text, label): items of one campaign share its label; every independent text has a label of its
own. The edits made to a template copy, a few at a time: a sentence of the sender's own before or after it (or
both), a sentence left out, words swapped for others, typing slips, a different sign-off, capitals and punctuation
changed. Two templates may be on the same subject (both against Green Belt release, say) and must still be told
apart; independent texts are built from the same vocabulary so that they share words, not passages.
"""

import random

PLACES = (
    "Bricket Wood", "Radlett", "Kings Langley", "Abbots Langley", "Chorleywood", "Croxley Green", "Borehamwood",
    "Shenley", "London Colney", "Harpenden", "Berkhamsted", "Tring", "Oxhey", "Garston", "Potters Bar", "Elstree",
    "Park Street", "Markyate", "Bovingdon", "Sarratt",
)  # fmt: skip
SUBJECTS = (
    "the Green Belt", "the proposed housing site", "the new link road", "the primary school", "the GP surgery",
    "the sewage works", "the flood plain", "the village centre", "the conservation area", "the railway station",
    "the employment land", "the country park", "the chalk stream", "the bus service", "the air quality",
    "the affordable housing target", "the density of the development", "the local wildlife site",
    "the strategic allocation", "the infrastructure plan",
)  # fmt: skip
CONCERNS = (
    "cannot cope with", "will be harmed by", "was never consulted about", "needs far more than",
    "is already overloaded by", "will be lost to", "has not been assessed against", "deserves better than",
    "would be swamped by", "is ignored in", "should be protected from", "must be funded before",
)  # fmt: skip
OBJECTS = (
    "hundreds of extra cars every morning", "the traffic at peak times", "the number of new homes proposed",
    "the loss of open fields", "years of under-investment", "the pressure on drainage", "the noise and dust",
    "the height of the buildings", "the lack of parking", "the risk of flooding", "more commuter traffic",
    "the cost of new infrastructure", "the evidence in the viability study", "the housing numbers",
)  # fmt: skip
OPENERS = (
    "I object because", "In my view", "As a resident I note that", "Please record that", "It is clear that",
    "Our family feels that", "I support the plan but", "The council should accept that", "Frankly", "I believe",
    "Having read the documents", "As a parent I worry that", "I am concerned that", "We strongly feel that",
)  # fmt: skip
CLOSERS = (
    "Please think again.", "This part of the plan is unsound.", "The policy should be deleted.",
    "I ask the inspector to look at this.", "The site should be removed from the plan.", "Thank you.",
    "I would like to speak at the hearing.", "Modify the policy to protect the area.",
)  # fmt: skip
SWAPS = {
    "object": "oppose", "homes": "houses", "roads": "streets", "because": "as", "very": "really",
    "school": "schools", "traffic": "congestion", "land": "countryside", "council": "councils",
    "plan": "proposals", "cannot": "can not", "will": "would", "local": "nearby", "must": "should",
}  # fmt: skip
DETAILS = (
    "on {street} Road", "since {year}", "near number {number}", "for {number} years", "every {day}",
    "twice a {period}", "by {year}", "along {street} Lane", "opposite the {street} Arms", "on the {number} bus",
)  # fmt: skip
STREETS = ("Station", "Mill", "Church", "Park", "School", "Manor", "Watling", "Hempstead", "Kings", "Oak", "Ash")
DAYS = ("morning", "evening", "weekend", "Monday", "Friday", "school day", "match day")
PERIODS = ("week", "month", "year", "day")
NAMES = ("Sam", "Alex", "Priya", "Tom", "Jo", "Ayesha", "Chris", "Mary", "Dev", "Lucy", "Owen", "Grace")


def _detail(rng: random.Random) -> str:
    return rng.choice(DETAILS).format(
        street=rng.choice(STREETS),
        year=rng.randint(1960, 2026),
        number=rng.randint(2, 99),
        day=rng.choice(DAYS),
        period=rng.choice(PERIODS),
    )


def sentence(rng: random.Random) -> str:
    """A plausible sentence of a representation from the shared vocabulary, with a detail of the writer's own."""
    return (
        f"{rng.choice(OPENERS)} {rng.choice(SUBJECTS)} at {rng.choice(PLACES)} {_detail(rng)} "
        f"{rng.choice(CONCERNS)} {rng.choice(OBJECTS)} {_detail(rng)}."
    )


def independent_text(rng: random.Random) -> str:
    return " ".join([sentence(rng) for _ in range(rng.randint(2, 6))] + [rng.choice(CLOSERS)])


def template(rng: random.Random) -> list[str]:
    """A campaign letter as its sentences: the ones the organisers wrote, in their words."""
    return [sentence(rng) for _ in range(rng.randint(5, 9))] + [rng.choice(CLOSERS)]


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    at = rng.randrange(1, len(word) - 1)
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def _change_words(text: str, rng: random.Random, count: int) -> str:
    words = text.split()
    for _ in range(count):
        at = rng.randrange(len(words))
        bare = words[at].strip(".,").lower()
        words[at] = SWAPS.get(bare, _typo(words[at], rng))
    return " ".join(words)


def edited_copy(sentences: list[str], rng: random.Random) -> str:
    """One sender's copy of a template with zero to three of the edits people make."""
    sentences = list(sentences)
    kinds = ("before", "after", "paragraph", "leave-out", "words", "sign-off", "shout")
    edits = rng.sample(kinds, k=rng.choice((0, 1, 1, 2, 2, 3)))
    if "leave-out" in edits and len(sentences) > 5:
        del sentences[rng.randrange(len(sentences))]
    if "before" in edits:
        sentences.insert(0, sentence(rng))
    if "after" in edits:
        sentences.append(sentence(rng))
    if "paragraph" in edits:  # a paragraph of their own, a third as long as the letter
        at = rng.randrange(len(sentences) + 1)
        sentences[at:at] = [sentence(rng) for _ in range(max(2, len(sentences) // 3))]
    text = " ".join(sentences)
    if "words" in edits:
        text = _change_words(text, rng, rng.randint(1, 4))
    if "sign-off" in edits:
        text += f" Yours sincerely, {rng.choice(NAMES)}"
    if "shout" in edits:
        text = text.upper().replace(".", "!")
    return text


def quoting_text(letter: list[str], rng: random.Random) -> str:
    """An independent representation that quotes one line of a campaign letter among its own: not a member."""
    own = [sentence(rng) for _ in range(rng.randint(3, 6))]
    own.insert(rng.randrange(len(own)), rng.choice(letter))
    return " ".join(own)


def generate(seed: int = 12, campaigns: int = 12, independent: int = 400, largest: int = 120):
    """(id, text, label) items: `campaigns` templates with 3 to `largest` copies each, and `independent` texts."""
    rng = random.Random(seed)
    items: list[tuple[str, str]] = []
    letters = []
    for number in range(campaigns):
        letters.append(template(rng))
        for _ in range(rng.randint(3, largest)):
            items.append((edited_copy(letters[-1], rng), f"campaign-{number}"))
    for number in range(independent):
        text = quoting_text(rng.choice(letters), rng) if number % 10 == 0 else independent_text(rng)
        items.append((text, f"independent-{number}"))
    rng.shuffle(items)
    return [(number, text, label) for number, (text, label) in enumerate(items, start=1)]
