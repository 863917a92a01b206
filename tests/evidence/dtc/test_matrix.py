"""The body × strategic matter matrix: latest status and date, gaps, and engagement only after submission."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from engage.evidence.dtc import matrix
from engage.evidence.dtc import rows as dtc
from engage.extensions import db
from engage.models import BodyKind
from tests.evidence.dtc import dtc_data
from tests.pages import get_page


@pytest.fixture
def record():
    return dtc_data.build()


def grid(**args):
    built = matrix.build(dtc.DtcFilters.from_args(args))
    by_name = {body.name: body for body in built.bodies}
    slugs = {matter.slug: matter.id for matter in built.matters}
    return built, lambda body, slug: by_name[body].cells[slugs[slug]]


def test_cell_shows_the_latest_status_and_last_date(record):
    dtc_data.engagement(
        record.plan,
        record.wbc,
        datetime(2026, 9, 1, 9, tzinfo=UTC),
        [record.officer],
        ["housing-need"],
        agreement="not-agreed",
    )
    db.session.commit()
    _, cell = grid()
    housing = cell("Environment Agency", "housing-need")
    assert (housing.agreement, housing.last_date.isoformat(), housing.engagements) == ("not-agreed", "2026-09-01", 2)
    flood = cell("Environment Agency", "water-and-flood-risk")
    assert flood.agreement == "agreed" and not flood.gap


def test_a_matter_the_body_was_meant_to_discuss_but_never_did_is_a_gap(record):
    built, cell = grid()
    assert cell("Environment Agency", "green-belt").gap  # only a planned engagement
    assert not cell("Environment Agency", "education").gap
    assert built.gaps >= 1


def test_mapped_interests_of_a_kind_of_body_count(record):
    record.ea.body_kinds = list(db.session.scalars(select(BodyKind).where(BodyKind.slug == "dtc-historic-england")))
    db.session.commit()
    _, cell = grid()
    assert cell("Environment Agency", "historic-environment").gap


def test_engagement_only_after_submission_is_flagged(record):
    _, cell = grid()
    late = cell("Central Bedfordshire Council", "housing-need")
    assert late.only_after_submission and late.agreement == "ongoing"
    assert not cell("Environment Agency", "housing-need").only_after_submission


def test_residents_are_not_in_the_matrix_unless_all_stakeholders_are_asked_for(record):
    built, _ = grid()
    assert "Rob Resident" not in [body.name for body in built.bodies]
    built, _ = grid(scope="all")
    assert "Rob Resident" in [body.name for body in built.bodies]


def test_page_shows_tags_and_gaps(officer_client, record):
    page = get_page(officer_client, "evidence.dtc.matrix")
    headers = [th.get_text(strip=True) for th in page.select("table thead th")]
    assert headers[0] == "Body" and "Green Belt" in headers
    row = next(tr for tr in page.select("table tbody tr") if "Environment Agency" in tr.th.get_text())
    text = row.get_text(" ", strip=True)
    assert "Agreed" in text and "10 March 2026" in text and "Gap" in text
    assert page.select(".app-dtc-gap")


def test_page_with_bad_dates_says_so(officer_client, record):
    page = get_page(officer_client, "evidence.dtc.matrix", **{"from": "2027-01-01", "to": "2026-01-01"})
    assert page.select("table") == []
    assert page.select_one("#to-error")
