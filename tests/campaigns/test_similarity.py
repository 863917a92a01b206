"""Grouping near-identical texts: exact repeats, template letters with personal edits, and independent texts left
alone; measured on a generated, labelled corpus (tests/campaigns/corpus.py)."""

import itertools
from collections import defaultdict

import pytest

from engage.campaigns.similarity import MIN_WORDS, group_texts, jaccard, most_common, normalise, shingles
from tests.campaigns.corpus import generate
from tests.campaigns.helpers import LETTER, OTHER_LETTER


def test_case_accents_punctuation_and_spacing_do_not_count():
    assert normalise("  Café —  the ROADS,\ncannot cope!! ") == "cafe the roads cannot cope"


def test_exact_repeats_are_one_group():
    assert group_texts([(1, LETTER), (2, LETTER), (3, OTHER_LETTER)]) == [[1, 2]]


def test_a_template_with_personal_edits_is_one_group():
    edited = [
        (1, LETTER),
        (2, "I have lived in Bricket Wood for thirty years. " + LETTER),
        (3, LETTER.replace("cannot cope with", "can not cope with").upper()),
        (4, LETTER + " Yours sincerely, Priya"),
        (5, LETTER.replace(" the primary school is full and", "")),
    ]
    assert group_texts(edited) == [[1, 2, 3, 4, 5]]


def test_different_letters_on_the_same_subject_stay_apart():
    green_belt = (
        "Please keep the Green Belt at Bricket Wood. The fields are used by walkers every day and the wildlife "
        "site would be lost. Build on brownfield land in Watford first."
    )
    assert group_texts([(1, LETTER), (2, green_belt), (3, LETTER), (4, green_belt)]) == [[1, 3], [2, 4]]


def test_a_text_quoting_one_line_of_a_letter_is_not_a_member():
    own = (
        "My main concern is flooding on Mill Lane, which happened twice last winter. The drainage study is out of "
        "date and ignores the chalk stream. The site should be removed from the plan. I would like to speak at the "
        "hearing about the evidence."
    )
    assert group_texts([(1, LETTER), (2, LETTER), (3, own)]) == [[1, 2]]


def test_short_texts_are_never_grouped():
    short = " ".join(["object"] * (MIN_WORDS - 1))
    assert group_texts([(1, short), (2, short), (3, "")]) == []


def test_groups_come_biggest_first():
    items = [(n, LETTER) for n in (5, 6)] + [(n, OTHER_LETTER) for n in (1, 2, 3)]
    assert group_texts(items) == [[1, 2, 3], [5, 6]]


def test_jaccard_of_shingles():
    first, second = shingles(normalise(LETTER)), shingles(normalise(LETTER + " And more words here too."))
    assert jaccard(first, first) == 1.0
    assert 0.8 < jaccard(first, second) < 1.0
    assert jaccard(first, frozenset()) == 0.0


def test_the_template_text_is_the_one_sent_most_often():
    assert most_common(["B text", "a  text", "A text!"]) == "a  text"
    assert most_common(["B text", "a  text", "A text!", "B text"]) == "B text"  # a tie: the first
    assert most_common([]) == ""


def _pairs(groups) -> set[tuple[int, int]]:
    return {pair for group in groups for pair in itertools.combinations(sorted(group), 2)}


@pytest.mark.parametrize("seed", [1, 12, 2026])
def test_precision_and_recall_on_the_labelled_corpus_are_at_least_95_percent(seed):
    items = generate(seed=seed)
    labelled = defaultdict(list)
    for key, _text, label in items:
        labelled[label].append(key)
    truth = _pairs(labelled.values())
    found = _pairs(group_texts((key, text) for key, text, _label in items))

    precision = len(found & truth) / len(found)
    recall = len(found & truth) / len(truth)

    assert precision >= 0.95, precision
    assert recall >= 0.95, recall


def test_the_corpus_is_the_same_for_a_seed_and_has_campaigns_and_independent_texts():
    items = generate(seed=5)
    assert items == generate(seed=5)
    labels = {label for _key, _text, label in items}
    assert sum(label.startswith("campaign-") for label in labels) == 12
    assert sum(label.startswith("independent-") for label in labels) == 400
