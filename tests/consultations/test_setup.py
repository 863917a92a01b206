from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation, utcnow
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form

VALID = {
    "title": "Issues and options",
    "slug": "",
    "stage": "reg-18",
    "summary": "Early engagement",
    "opens_on": ["11", "1", "2027"],
    "opens_time": "09:00",
    "closes_on": ["22", "2", "2027"],
    "closes_time": "23:59",
    "form_type": "questionnaire",
    "published": "y",
}


def test_an_officer_adds_a_consultation_with_exact_london_times(officer_client):
    get_page(officer_client, "consultations.new")

    response = post_form(officer_client, "consultations.new", VALID)

    assert response.status_code == 302
    consultation = db.session.scalar(select(Consultation))
    assert consultation.slug == "issues-and-options"
    assert consultation.opens_at == datetime(2027, 1, 11, 9, 0, tzinfo=UTC)  # GMT in January
    assert consultation.closes_at == datetime(2027, 2, 22, 23, 59, tzinfo=UTC)
    assert consultation.is_questionnaire and consultation.published


def test_summer_times_are_stored_in_utc(officer_client):
    post_form(officer_client, "consultations.new", {**VALID, "closes_on": ["1", "7", "2027"], "closes_time": "23:59"})

    consultation = db.session.scalar(select(Consultation))
    assert consultation.closes_at == datetime(2027, 7, 1, 22, 59, tzinfo=UTC)


def test_times_can_be_typed_on_the_12_hour_clock(officer_client):
    post_form(officer_client, "consultations.new", {**VALID, "opens_time": "9.30am", "closes_time": "5pm"})

    consultation = db.session.scalar(select(Consultation))
    assert consultation.opens_at == datetime(2027, 1, 11, 9, 30, tzinfo=UTC)
    assert consultation.closes_at == datetime(2027, 2, 22, 17, 0, tzinfo=UTC)


def test_an_ambiguous_closing_time_is_refused_and_kept(officer_client):
    page = parse(post_form(officer_client, "consultations.new", {**VALID, "closes_time": "12am"}))

    assert "Enter a time in the 24-hour clock, like 23:59" in error_summary(page)
    assert "like 23:59" in page.select_one("#closes_time-error").get_text()
    assert page.select_one("#closes_time")["value"] == "12am"
    assert db.session.scalar(select(Consultation)) is None


def test_adding_a_consultation_without_title_or_dates_shows_errors(officer_client):
    response = post_form(officer_client, "consultations.new", {**VALID, "title": "", "closes_on": ["31", "2", "2027"]})

    page = parse(response)
    assert "Enter a title" in error_summary(page)
    assert "Enter a real date, like 27 3 2027" in error_summary(page)
    assert not page.select_one("#slug-error")  # the web address is made from the title: one message is enough
    assert page.select_one("#summary").text.strip() == "Early engagement"
    assert db.session.scalar(select(Consultation)) is None


def test_closing_before_opening_is_refused(officer_client):
    response = post_form(officer_client, "consultations.new", {**VALID, "closes_on": ["1", "1", "2027"]})

    assert "The closing date and time must be after the opening date and time" in error_summary(parse(response))


def test_status_is_derived_from_the_dates_and_the_published_flag():
    now = utcnow()
    draft = create_consultation(published=False)
    scheduled = create_consultation(opens_at=now + timedelta(days=1), closes_at=now + timedelta(days=2))
    closed = create_consultation(opens_at=now - timedelta(days=2), closes_at=now - timedelta(minutes=1))
    consultation = create_consultation()

    assert [c.status for c in (draft, scheduled, consultation, closed)] == ["draft", "scheduled", "open", "closed"]
    assert consultation.status_at(consultation.closes_at - timedelta(seconds=1)) == "open"
    assert consultation.status_at(consultation.closes_at) == "closed"


def test_parts_are_set_from_lines_with_chapters_and_policies(officer_client):
    consultation = create_consultation(parts=[])
    text = (
        "Chapter 3 | Spatial strategy | chapter\n  Policy SP1 | Distribution of growth\n  Site HS1 | North Hemel | site"
    )

    response = post_form(officer_client, "consultations.parts", {"parts": text}, {"consultation_id": consultation.id})

    assert response.status_code == 302
    db.session.refresh(consultation)
    assert [(p.ref, p.kind, p.parent.ref if p.parent else None) for p in consultation.parts] == [
        ("Chapter 3", "chapter", None),
        ("Policy SP1", "policy", "Chapter 3"),
        ("Site HS1", "site", "Chapter 3"),
    ]


def test_the_preview_shows_an_unpublished_consultation_as_the_public_would_see_it(officer_client, client):
    consultation = create_consultation(published=False, title="Draft local plan")

    page = get_page(officer_client, "consultations.preview", consultation_id=consultation.id)

    assert page.h1.text.strip() == "Draft local plan"
    assert "preview" in page.text.lower()
    get_page(client, "respond.show", expected_status=404, slug=consultation.slug)


def test_the_officer_list_and_page_show_the_status(officer_client):
    consultation = create_consultation(title="Publication plan")

    page = get_page(officer_client, "consultations.index")
    assert "Publication plan" in page.text and "Open" in page.text
    page = get_page(officer_client, "consultations.show", consultation_id=consultation.id)
    assert "Policy SP1" in page.text


def test_the_officer_page_shows_the_procedure_statement_and_privacy_notice(officer_client):
    consultation = create_consultation(procedure_statement="Respond by email or post.", privacy_notice="")

    page = get_page(officer_client, "consultations.show", consultation_id=consultation.id)

    rows = {row.dt.get_text(strip=True): row.dd.get_text(strip=True) for row in page.select(".govuk-summary-list__row")}
    assert rows["Representations procedure"] == "Respond by email or post."
    assert rows["Privacy notice"] == "Not written yet"


def test_viewers_cannot_add_consultations(viewer_client):
    get_page(viewer_client, "consultations.new", expected_status=403)


def test_an_html_document_is_sanitised(officer_client, client):
    consultation = create_consultation()
    data = {"title": "Plan text", "kind": "html", "body_html": "<h2>Policy SP1</h2><script>alert(1)</script>"}

    post_form(officer_client, "consultations.documents", data, {"consultation_id": consultation.id})

    document = consultation.documents[0]
    page = get_page(client, "respond.document", slug=consultation.slug, document_id=document.id)
    assert page.select_one(".app-document h2").text == "Policy SP1"
    assert page.select_one(".app-document script") is None


def test_the_officer_list_filters_by_the_status_derived_from_the_dates(officer_client):
    now = utcnow().replace(second=0, microsecond=0)
    week = timedelta(days=7)
    titles = {
        "draft": create_consultation(title="Not published", published=False).title,
        "scheduled": create_consultation(title="Next month", opens_at=now + week, closes_at=now + 2 * week).title,
        "open": create_consultation(title="Open now").title,
        "closed": create_consultation(title="Last year", opens_at=now - 2 * week, closes_at=now - week).title,
    }

    for status, title in titles.items():
        page = get_page(officer_client, "consultations.index", status=status)
        assert [link.text for link in page.select("tbody a")] == [title], status
        assert page.select_one("tbody .govuk-tag").text.strip() == status.capitalize()


def test_a_new_consultation_belongs_to_the_only_plan_unless_another_is_chosen():
    from engage.common.validation import ValidationError
    from engage.consultations.services import clean
    from tests.factories import create_plan

    plan = create_plan()
    assert create_consultation().plan_id == plan.id
    other = create_plan(slug="another-plan")
    assert create_consultation(plan_id=other.id).plan_id == other.id
    assert create_consultation().plan_id is None  # two plans: no guessing
    try:
        clean({"title": "A", "plan_id": "999999"})
    except ValidationError as error:
        assert error.errors["plan_id"] == ["Select a plan"]
    else:
        raise AssertionError("an unknown plan was accepted")
