"""The plan and plan-timetable CSVs use the planning data specification's field names and plan-event codes
(tests/fixtures/planning-data, copied from the specification) and follow the stages and consultations."""

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path

from engage.common.dates import LONDON
from engage.extensions import db
from engage.plans import opendata, services
from engage.seeds.routes import ROUTES
from tests.factories import create_consultation
from tests.pages import get_page
from tests.plans.helpers import set_up_plan

FIXTURES = Path(__file__).parent.parent / "fixtures" / "planning-data"


def _fixture(name: str) -> list[dict[str, str]]:
    with open(FIXTURES / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _fields(dataset: str) -> list[str]:
    return [row["field"] for row in _fixture("plan-fields.csv") if row["dataset"] == dataset]


def _read(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def test_the_columns_are_the_specifications_fields():
    plan = set_up_plan("2026")

    assert _read(opendata.plan_csv(plan))[0] == _fields("plan")
    assert _read(opendata.timetable_csv(plan))[0] == _fields("plan-timetable")


def test_every_event_code_of_both_routes_is_a_specification_code():
    codes = {row["plan-event"] for row in _fixture("plan-events.csv")}

    used = {code for _, _, stages in ROUTES.values() for stage in stages for code in stage[3:] if code}

    assert used <= codes


def test_a_2026_timetable_has_every_event_the_specification_requires_of_a_local_plan():
    required = [row["plan-event"] for row in _fixture("plan-events.csv") if row["local-plan"] == "required"]
    plan = set_up_plan("2026")

    _, rows = _read(opendata.timetable_csv(plan))

    assert set(required) <= {row["plan-event"] for row in rows}
    assert len({row["reference"] for row in rows}) == len(rows)
    assert {row["plan"] for row in rows} == {"watford-local-plan"}


def test_predicted_and_actual_dates_come_from_the_stages_and_the_consultations():
    plan = set_up_plan("2026")
    plan.lead_authority.organisation = "local-authority:WAT"
    opens = datetime(2026, 5, 5, 9, tzinfo=LONDON)
    create_consultation(stage="scoping", opens_at=opens, closes_at=opens + timedelta(days=42))
    services.update_stages(plan, [{"slug": "notice", "actual_starts_on": date(2026, 4, 2)}])
    db.session.refresh(plan)

    _, rows = _read(opendata.timetable_csv(plan, today=date(2026, 6, 1)))
    by_event = {row["plan-event"]: row for row in rows}

    notice = by_event["publish-notice-intention-commence"]
    assert (notice["event-date"], notice["predicted-date"], notice["actual-date"]) == (
        "2026-04-01",
        "2026-04-01",
        "2026-04-02",
    )
    assert notice["organisation"] == "local-authority:WAT"
    assert by_event["scoping-consultation-start"]["actual-date"] == "2026-05-05"
    assert by_event["scoping-consultation-end"]["predicted-date"] == "2026-06-12"
    assert by_event["scoping-consultation-end"]["actual-date"] == ""  # closes 16 June: not yet on 1 June
    assert by_event["gateway-1-self-assessment"]["actual-date"] == ""


def test_a_2012_route_plan_names_its_regulation_18_and_19_consultations_in_the_notes():
    plan = set_up_plan("legacy")

    _, rows = _read(opendata.timetable_csv(plan))

    additional = [row for row in rows if row["plan-event"].startswith("additional-consultation")]
    assert [row["notes"] for row in additional] == [
        "Regulation 18 consultation",
        "Regulation 18 consultation",
        "Regulation 19 publication",
        "Regulation 19 publication",
    ]
    assert additional[0]["reference"] == "watford-local-plan-reg-18-additional-consultation-start"
    assert "examination-submitted" in {row["plan-event"] for row in rows}


def test_the_plan_row_lists_the_partners_planning_authorities_lead_first():
    plan = set_up_plan("2026", period_start=date(2026, 4, 1), period_end=date(2041, 3, 31))
    for authority, code in zip(plan.partners_lead_first, ("local-authority:WAT", "local-authority:TRI"), strict=True):
        authority.organisation = code
    db.session.commit()

    _, [row] = _read(opendata.plan_csv(plan))

    assert row["local-planning-authorities"] == "local-authority:WAT;local-authority:TRI"
    assert (row["period-start-date"], row["period-end-date"]) == ("2026-04-01", "2041-03-31")
    assert row["reference"] == "watford-local-plan"


def test_the_csv_downloads_from_the_plan_page(viewer_client):
    plan = set_up_plan("2026")

    page = get_page(viewer_client, "plans.show", plan_id=plan.id)
    link = page.select_one("a[href$='plan-timetable.csv']")["href"]
    response = viewer_client.get(link)

    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.get_data(as_text=True).splitlines()[0] == ",".join(_fields("plan-timetable"))
