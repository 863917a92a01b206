"""The co-operation table's rows: which records become rows, their references, order, filters and bad input."""

from datetime import UTC, date, datetime

import pytest

from engage.evidence.dtc import rows as dtc
from engage.evidence.dtc.schemas import DtcRow
from tests.evidence.dtc import dtc_data


@pytest.fixture
def record():
    return dtc_data.build()


def rows(**args):
    return list(dtc.dtc_rows(dtc.DtcFilters.from_args(args), "http://engage.test/"))


def refs(**args):
    return [row.ref for row in rows(**args)]


def test_default_scope_lists_co_operation_bodies_by_date_with_stable_refs(record):
    expected = [
        f"E{record.first.id}-S{record.ea.id}",
        f"I{record.invitation.id}",
        record.representation.reference,
        f"E{record.later.id}-S{record.neighbour.id}",
    ]
    assert refs() == expected
    assert dtc.count_rows(dtc.DtcFilters()) == 4


def test_planned_engagements_and_residents_are_not_co_operation_activity(record):
    listed = refs(scope="all")
    assert f"E{record.planned.id}-S{record.ea.id}" not in listed
    assert f"E{record.first.id}-S{record.resident.id}" in listed  # all stakeholders: the resident too
    assert record.anonymous.reference in listed
    assert f"E{record.first.id}-S{record.resident.id}" not in refs()


def test_an_officer_counts_under_their_organisation_once_per_engagement(record):
    first = [row for row in rows() if row.ref.startswith(f"E{record.first.id}-")]
    assert [row.body for row in first] == ["Environment Agency"]
    assert "Priya Shah (Environment Agency)" in first[0].attendees


def test_engagement_row_carries_the_record(record):
    row = rows()[0]
    assert DtcRow.serialise(row) == {
        "ref": f"E{record.first.id}-S{record.ea.id}",
        "date": "2026-03-10",
        "body": "Environment Agency",
        "body_category": "dtc-prescribed-body",
        "matters": ["housing-need", "water-and-flood-risk"],
        "plan_stage": "reg-18",
        "form": "meeting",
        "level": "senior-officer",
        "attendees": ["Environment Agency", "Rob Resident", "Priya Shah (Environment Agency)"],
        "summary": "Asked for the flood risk sequential test method",
        "outcome": "Agreed. Method agreed",
        "agreement": "agreed",
        "actions": [{"description": "Send SFRA draft", "owner": "DBC", "due_on": "2026-04-01", "status": "open"}],
        "influence_on_plan": "Policy CC2 rewritten",
        "evidence_url": "https://example.org/minutes/1.pdf",
        "examination_library_reference": "EL-7",
        "after_submission": False,
    }


def test_engagement_after_submission_is_flagged(record):
    later = rows()[-1]
    assert later.after_submission is True
    assert later.plan_stage == "submission"


def test_invitation_counts_as_answered_when_the_body_responded(record):
    invitation = next(row for row in rows() if row.ref.startswith("I"))
    assert invitation.body == "Environment Agency"  # the officer invited belongs to it
    assert invitation.outcome == f"Responded ({record.representation.reference.rsplit('-', 1)[0]})"
    assert invitation.plan_stage == "reg-19"


def test_representation_row_reports_soundness(record):
    representation = next(row for row in rows() if row.ref == record.representation.reference)
    assert representation.outcome == "Sound: no (not justified); Complies with the duty to co-operate: yes"
    assert representation.record_url.endswith(f"/consultations/representations/{record.representation.reference}")
    assert representation.evidence_url == ""  # never a signed-in page of Engage: only published documents


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({"from": "2027-01-01"}, ["I", "R", "E2"]),
        ({"to": "2026-12-31"}, ["E1"]),
        ({"stage": "reg-19"}, ["I", "R"]),
        ({"matter": "housing-need"}, ["E1", "E2"]),
        ({"authority": "DBC"}, ["E2"]),
        ({"level": "member"}, ["E2"]),
        ({"register": "neighbouring-authorities"}, ["E2"]),
        ({"category": "dtc-prescribed-body"}, ["E1", "I", "R"]),
        ({"source": "representations"}, ["R"]),
        ({"matter": "green-belt"}, []),
    ],
)
def test_filters(record, args, expected):
    short = {
        f"E{record.first.id}-S{record.ea.id}": "E1",
        f"E{record.later.id}-S{record.neighbour.id}": "E2",
        f"I{record.invitation.id}": "I",
        record.representation.reference: "R",
    }
    assert [short.get(ref, ref) for ref in refs(**args)] == expected


def test_body_filter_includes_its_people(record):
    assert len(refs(body=str(record.ea.id))) == 3
    assert refs(body=str(record.neighbour.id)) == [f"E{record.later.id}-S{record.neighbour.id}"]


@pytest.mark.parametrize(
    ("args", "field", "message"),
    [
        ({"from": "2027-01-01", "to": "2026-01-01"}, "to", "End date must be the same as or after the start date"),
        ({"from": "2026-02-30"}, "from", "Start date must be a real date, like 2026-03-01"),
        ({"to": "next week"}, "to", "End date must be a real date, like 2026-03-01"),
    ],
)
def test_bad_dates_give_an_error_and_no_rows(record, args, field, message):
    filters = dtc.DtcFilters.from_args(args)
    assert filters.errors == {field: [message]}
    assert rows(**args) == []
    assert dtc.count_rows(filters) == 0


def test_a_period_of_one_day_includes_that_day_in_uk_time(record):
    assert refs(**{"from": "2026-03-10", "to": "2026-03-10"}) == [f"E{record.first.id}-S{record.ea.id}"]


def test_day_month_year_dates_are_understood():
    assert dtc.parse_day("10/3/2026") == date(2026, 3, 10)
    assert dtc.parse_day("2026-03-10") == date(2026, 3, 10)
    assert dtc.parse_day("31/2/2026") is None


def test_rows_stream_in_chunks_without_losing_order(record, monkeypatch):
    in_one_chunk = rows(scope="all")
    monkeypatch.setattr(dtc, "CHUNK_ROWS", 1)
    one_by_one = rows(scope="all")
    assert [DtcRow.serialise(row) for row in one_by_one] == [DtcRow.serialise(row) for row in in_one_chunk]
    assert len(one_by_one) == 6


def test_paging_matches_the_streamed_order(record):
    everything = refs(scope="all")
    filters = dtc.DtcFilters.from_args({"scope": "all"})
    second = dtc.page_of_rows(filters, page=2, per_page=3)
    assert [row.ref for row in second.items] == everything[3:6]
    assert second.total == len(everything)


def test_engagement_without_a_stage_takes_the_stage_in_force_on_its_date(record):
    from engage.extensions import db

    extra = dtc_data.engagement(record.plan, record.wbc, datetime(2026, 6, 1, 9, tzinfo=UTC), [record.ea])
    db.session.commit()
    row = next(row for row in rows() if row.ref == f"E{extra.id}-S{record.ea.id}")
    assert row.plan_stage == "reg-18"


def test_a_record_deleted_while_the_table_is_read_is_left_out_not_an_error(record, monkeypatch):
    from engage.evidence.dtc.details import RowBuilder

    real_load = RowBuilder.load

    def load_after_a_deletion(self, chunk):
        details = real_load(self, chunk)
        details[0].pop(record.first.id, None)  # as if deleted between reading the spine and its details
        return details

    monkeypatch.setattr(RowBuilder, "load", load_after_a_deletion)
    listed = refs()
    assert f"E{record.first.id}-S{record.ea.id}" not in listed
    assert f"I{record.invitation.id}" in listed
