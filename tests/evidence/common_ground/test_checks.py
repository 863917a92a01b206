"""What an inspector would question in a Statement of Common Ground: dates after submission, and "agreed" where
the latest engagement with the party says otherwise."""

from datetime import date, datetime

from engage.common.dates import LONDON
from engage.evidence.common_ground import checks, signing
from engage.evidence.common_ground import services as scg_services
from tests.evidence.common_ground.scg_data import two_party_statement
from tests.factories import create_engagement, create_plan, create_stakeholder
from tests.pages import get_page

AFTER = date(2027, 7, 1)  # the test plan is submitted on 1 June 2027


def _on_plan():
    create_plan()
    return two_party_statement(plan="swh-jsp")


def test_agreeing_and_signing_after_submission_are_flagged(viewer_client):
    made = _on_plan()
    version = made.latest
    signing.change_status(version, "agreed", date(2027, 5, 20), AFTER)
    signing.add_signature(version, {"party": version.parties[0].id, "signed_on": date(2027, 5, 28)}, AFTER)
    signing.add_signature(version, {"party": version.parties[1].id, "signed_on": date(2027, 6, 10)}, AFTER)
    signing.change_status(version, "signed", date(2027, 6, 10), AFTER)
    assert checks.timing_flags(version) == [
        "Version 1 was signed on 10 June 2027, after the plan was submitted",
        "Hertsmere Borough Council signed on 10 June 2027, after the plan was submitted",
    ]
    page = get_page(viewer_client, "evidence.common_ground.version", statement_id=made.id, number=1)
    assert "after the plan was submitted" in page.select_one("#warnings").get_text(" ")
    rows = [[c.get_text(strip=True) for c in tr.select("td")] for tr in page.select("#signatures + table tbody tr")]
    assert [row[-1] for row in rows] == ["No", "Yes"]


def _engagement_with_hertsmere(day: date, agreement: str, matters=("housing-need",)):
    officer = create_stakeholder(
        kind="organisation",
        organisation=f"Hertsmere planning {day}",
        authority="HBC",
        categories=["neighbouring-authority"],
    )
    return create_engagement(
        title=f"Meeting on {day}",
        starts_at=datetime.combine(day, datetime.min.time().replace(hour=10), LONDON),
        stakeholders=[officer.id],
        matters=list(matters),
        agreement=agreement,
    )


def test_agreed_in_the_statement_but_not_in_the_latest_engagement_is_warned(viewer_client):
    made = _on_plan()
    version = made.latest
    _engagement_with_hertsmere(date(2026, 3, 4), "agreed")
    latest = _engagement_with_hertsmere(date(2026, 5, 6), "not-agreed")
    _engagement_with_hertsmere(date(2026, 6, 1), "n-a")  # no agreement recorded: does not count
    found = checks.contradictions(version)
    assert [(c.party, c.matter, c.engagement_id, c.agreement) for c in found] == [
        ("Hertsmere Borough Council", "Housing need and distribution (including unmet need)", latest.id, "not-agreed")
    ]
    page = get_page(viewer_client, "evidence.common_ground.version", statement_id=made.id, number=1)
    warning = page.select_one("#warnings")
    assert "records “not agreed”" in warning.get_text(" ")
    assert warning.select_one(f"a[href$='/engagements/{latest.id}']") is not None


def test_a_partys_own_position_decides_what_the_statement_says():
    made = _on_plan()
    version = made.latest
    _engagement_with_hertsmere(date(2026, 5, 6), "ongoing")
    scg_services.set_positions(version, version.parties[1], {"housing-need": "ongoing"})
    assert checks.contradictions(version) == []
    scg_services.set_positions(version, version.parties[1], {"housing-need": "agreed"})
    assert [c.agreement for c in checks.contradictions(version)] == ["ongoing"]


def test_a_later_agreement_clears_the_warning():
    made = _on_plan()
    _engagement_with_hertsmere(date(2026, 5, 6), "not-agreed")
    _engagement_with_hertsmere(date(2026, 7, 6), "agreed")
    assert checks.contradictions(made.latest) == []


def test_engagement_on_the_statements_matters_after_submission_is_flagged():
    made = _on_plan()
    _engagement_with_hertsmere(date(2027, 6, 1), "agreed")  # the day of submission: not after it
    assert checks.timing_flags(made.latest) == []
    _engagement_with_hertsmere(date(2027, 6, 2), "agreed")
    _engagement_with_hertsmere(date(2027, 6, 3), "agreed", matters=("transport",))  # not one of its matters
    assert checks.timing_flags(made.latest) == [
        "1 held engagement on this statement's matters after the plan was submitted"
    ]
