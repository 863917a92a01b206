"""One vocabulary: every closed list is a StrEnum in engage/vocab.py, with its labels."""

import pytest

from engage.vocab import VOCABULARIES, Agreement, Level, Mechanism, NotifyEvent


def test_a_member_is_its_stored_value():
    assert Agreement.NOT_AGREED == "not-agreed"
    assert f"{Agreement.NOT_AGREED}" == "not-agreed"
    assert Agreement("n-a") is Agreement.NOT_APPLICABLE
    assert Agreement.values() == ("agreed", "not-agreed", "ongoing", "no-response", "n-a")


def test_a_label_is_looked_up_by_the_stored_value():
    assert Agreement.label_of("n-a") == "Not applicable"
    assert Level.label_of("senior-officer") == "Senior officer"


def test_a_value_outside_the_list_shows_as_it_is_or_as_the_default_given():
    assert Agreement.label_of("maybe") == "maybe"
    assert Agreement.label_of("maybe", "") == ""
    assert Agreement.label_of(None) == ""
    assert Agreement.find("maybe") is None and Agreement.find("ongoing") is Agreement.ONGOING


def test_form_options_can_say_more_than_the_label():
    assert Level.MEMBER.label == "Member"
    assert [c.label for c in Level.choices()] == ["Officer", "Senior officer", "Member (councillor)"]
    assert [c.label for c in Level.choices(short=True)][-1] == "Member"
    assert NotifyEvent.ADOPTION.option == "When the plan is adopted"


def test_form_options_start_with_the_empty_choice_and_follow_the_order_asked_for():
    options = Agreement.choices("Any", only=["n-a", "agreed"])
    assert [(c.value, c.label) for c in options] == [("", "Any"), ("n-a", "Not applicable"), ("agreed", "Agreed")]


def test_a_strategy_mechanism_knows_the_kind_of_engagement_it_plans():
    assert Mechanism.MEMBERS_FORUM_MEETING.kind == "forum"
    assert Mechanism("newsletter").kind == "email"


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.__name__)
def test_every_member_has_a_label(vocabulary):
    assert all(member.label.strip() and member.option.strip() for member in vocabulary)
