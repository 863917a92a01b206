"""Finding campaigns as a job, and officers confirming, renaming, splitting, merging and dissolving them: bad input
gets a clear message and changes nothing."""

import pytest
from sqlalchemy import func, select

from engage.campaigns import services
from engage.campaigns.grouping import find_campaigns, latest_job
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import AuditEvent, Campaign, Representation
from tests.campaigns.helpers import OTHER_LETTER, add, campaign_of_copies
from tests.factories import create_consultation


def _campaigns(consultation) -> list[Campaign]:
    return list(db.session.scalars(select(Campaign).where(Campaign.consultation_id == consultation.id)))


def _snapshot():
    """Everything a refused change must leave as it was."""
    db.session.expire_all()
    campaigns = db.session.execute(select(Campaign.id, Campaign.name, Campaign.status)).all()
    members = db.session.execute(select(Representation.id, Representation.campaign_id)).all()
    events = db.session.scalar(select(func.count(AuditEvent.id)))
    return sorted(campaigns), sorted(members), events


@pytest.fixture
def grouped():
    """A consultation whose job found two groups: four copies of one letter and two of another."""
    consultation = create_consultation()
    letters = campaign_of_copies(consultation, 4)
    others = [add(consultation, OTHER_LETTER, email=f"other{n}@example.com") for n in range(2)]
    add(consultation, "A representation of my own about the water supply at Tring and the chalk stream.")
    find_campaigns(consultation)
    first, second = sorted(_campaigns(consultation), key=lambda campaign: -len(services.members(campaign)))
    return consultation, first, second, letters, others


def test_the_job_suggests_a_campaign_for_each_group(grouped):
    consultation, first, second, letters, others = grouped
    assert [member.id for member in services.members(first)] == [item.id for item in letters]
    assert [member.id for member in services.members(second)] == [item.id for item in others]
    assert first.status == second.status == "suggested"
    assert first.template_text.startswith("I object to the release of Green Belt land")
    assert first.name.startswith("Suggested group 1: I object to the release")
    job = latest_job(consultation.id)
    assert (job.status, job.result) == ("done", {"groups": 2, "grouped": 6, "compared": 7})


def test_running_it_again_replaces_suggestions_and_keeps_confirmed_campaigns(grouped):
    consultation, first, _second, letters, others = grouped
    services.update_campaign(first, {"name": "Save Bricket Wood", "confirmed": True})
    find_campaigns(consultation)
    db.session.expire_all()
    campaigns = _campaigns(consultation)
    assert len(campaigns) == 2
    kept = db.session.get(Campaign, first.id)
    assert (kept.name, kept.status) == ("Save Bricket Wood", "confirmed")
    assert [member.id for member in services.members(kept)] == [item.id for item in letters]
    [again] = [campaign for campaign in campaigns if campaign.id != first.id]  # the suggestion, found again
    assert again.status == "suggested"
    assert [member.id for member in services.members(again)] == [item.id for item in others]


def test_confirming_and_renaming_is_audited(grouped, officer_client):
    _consultation, first, *_ = grouped
    services.update_campaign(
        first, {"name": " Save Bricket Wood ", "template_text": "The letter.", "confirmed": True}, user=None
    )
    assert (first.name, first.template_text, first.status) == ("Save Bricket Wood", "The letter.", "confirmed")
    assert first.confirmed_at is not None
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "confirm")).one()
    assert event.changes["status"] == ["suggested", "confirmed"]


def test_a_campaign_needs_a_name(grouped):
    _consultation, first, *_ = grouped
    before = _snapshot()
    with pytest.raises(ValidationError) as raised:
        services.update_campaign(first, {"name": "  ", "confirmed": True})
    assert raised.value.errors == {"name": ["Enter a name for the campaign"]}
    db.session.rollback()
    assert _snapshot() == before


def test_splitting_two_out_makes_a_new_group_and_one_out_leaves_it_ungrouped(grouped):
    _consultation, first, _second, letters, _others = grouped
    new = services.split_campaign(first, [letters[0].reference, letters[1].reference.lower()])
    assert [member.id for member in services.members(new)] == [letters[0].id, letters[1].id]
    assert (new.status, new.name) == ("suggested", f"{first.name} (split)")
    assert services.split_campaign(first, [letters[2].reference]) is None
    assert letters[2].campaign_id is None
    assert [member.id for member in services.members(first)] == [letters[3].id]


@pytest.mark.parametrize(
    "references, message",
    [
        ([], "Select the representations to split out of the group"),
        (["R-99999-1"], "R-99999-1 is not a representation in this group"),
        (["nonsense", "R-99999-1"], "R-99999-1, nonsense are not representations in this group"),
    ],
)
def test_splitting_out_what_is_not_in_the_group_changes_nothing(grouped, references, message):
    _consultation, first, *_ = grouped
    before = _snapshot()
    with pytest.raises(ValidationError) as raised:
        services.split_campaign(first, references)
    assert raised.value.errors == {"representations": [message]}
    assert _snapshot() == before


def test_a_member_of_another_group_cannot_be_split_out(grouped):
    _consultation, first, _second, _letters, others = grouped
    before = _snapshot()
    with pytest.raises(ValidationError, match="is not a representation in this group"):
        services.split_campaign(first, [others[0].reference])
    assert _snapshot() == before


def test_splitting_out_every_member_is_refused(grouped):
    _consultation, _first, second, _letters, others = grouped
    with pytest.raises(ValidationError, match="Leave at least one representation in the group"):
        services.split_campaign(second, [item.reference for item in others])


def test_merging_moves_the_members_and_deletes_the_other_group(grouped):
    _consultation, first, second, letters, others = grouped
    other_id = second.id
    services.merge_campaigns(first, other_id)
    db.session.expire_all()
    assert db.session.get(Campaign, other_id) is None
    assert {member.id for member in services.members(first)} == {item.id for item in letters + others}
    assert db.session.scalars(select(AuditEvent).where(AuditEvent.action == "merge")).one().entity_id == first.id


def test_merging_groups_of_two_consultations_is_refused_and_changes_nothing(grouped):
    _consultation, first, *_ = grouped
    elsewhere = create_consultation()
    campaign_of_copies(elsewhere, 2)
    find_campaigns(elsewhere)
    [foreign] = _campaigns(elsewhere)
    before = _snapshot()
    with pytest.raises(ValidationError) as raised:
        services.merge_campaigns(first, foreign.id)
    assert raised.value.errors["campaign"] == [
        "That group belongs to another consultation: only groups of the same consultation can be merged"
    ]
    assert _snapshot() == before


@pytest.mark.parametrize(
    "other, message",
    [
        (None, "Select the group to merge into this one"),
        (2_000_000_000, "Select the group to merge into this one"),
        ("itself", "Select a different group: a group cannot be merged with itself"),
    ],
)
def test_merging_with_no_group_an_unknown_one_or_itself_is_refused(grouped, other, message):
    _consultation, first, *_ = grouped
    before = _snapshot()
    with pytest.raises(ValidationError) as raised:
        services.merge_campaigns(first, first.id if other == "itself" else other)
    assert raised.value.errors == {"campaign": [message]}
    assert _snapshot() == before


def test_dissolving_leaves_the_members_ungrouped(grouped):
    _consultation, first, _second, letters, _others = grouped
    first_id = first.id
    services.dissolve_campaign(first)
    db.session.expire_all()
    assert db.session.get(Campaign, first_id) is None
    assert all(db.session.get(Representation, item.id).campaign_id is None for item in letters)


def test_deleting_a_campaign_row_leaves_its_members_ungrouped(grouped):
    """The foreign key: ON DELETE SET NULL (SQLite, as Engage runs it, does not enforce foreign keys)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("foreign keys are enforced on PostgreSQL")
    _consultation, first, _second, letters, _others = grouped
    db.session.execute(Campaign.__table__.delete().where(Campaign.id == first.id))
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Representation, letters[0].id).campaign_id is None
