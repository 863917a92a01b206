"""The stakeholder register pages: list, add, view, change and erase."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from engage.extensions import db
from engage.models import AuditEvent, Stakeholder
from tests.factories import create_authority, create_stakeholder
from tests.pages import error_summary, get_page, parse, post_form


def _names(page) -> list[str]:
    return [link.get_text(strip=True) for link in page.select("table tbody tr td:first-child a")]


def _reload(stakeholder_id: int) -> Stakeholder:
    """The record as the database has it now (requests run in sessions of their own)."""
    db.session.expire_all()
    return db.session.get(Stakeholder, stakeholder_id)


def _count_stakeholders() -> int:
    return db.session.scalar(select(func.count(Stakeholder.id)))


def _valid_answers(**changes) -> dict:
    answers = {
        "kind": "person",
        "title": "Cllr",
        "first_name": "Ada",
        "last_name": "Lovelace",
        "organisation": "Analytical Engines Ltd",
        "email": "Ada@Example.com",
        "postcode": "wd17 3ex",
        "authority": "WBC",
        "registers": ["members-forum", "general-consultees"],
        "categories": ["elected-member"],
        "body_kinds": ["voluntary-bodies"],
        "party": "Independent",
        "ward": "Central",
        "preferred_channel": "post",
        "accessibility_needs": "Large print",
        "language": "Welsh",
        "consent_to_notifications": "y",
        "notes": "Met at the forum",
    }
    answers.update(changes)
    return answers


# The list


def test_list_shows_stakeholders_sorted_by_last_name_with_count(viewer_client):
    create_stakeholder(first_name="Zoe", last_name="Adams")
    create_stakeholder(first_name="Amy", last_name="Zephyr")
    create_stakeholder(kind="organisation", organisation="Mid Herts Society", first_name="", last_name="")
    page = get_page(viewer_client, "stakeholders.index")
    assert _names(page) == ["Zoe Adams", "Mid Herts Society", "Amy Zephyr"]
    assert page.select_one("#results").get_text(" ", strip=True) == "3 stakeholders"
    assert page.h1.get_text(strip=True) == "Stakeholders"


def test_list_searches_name_organisation_and_email(viewer_client):
    create_stakeholder(first_name="Ada", last_name="Lovelace", email="ada@engines.example")
    create_stakeholder(first_name="Bob", last_name="Byron", organisation="Lovelace Trust")
    create_stakeholder(first_name="Cat", last_name="Other", email="lovelace.fan@example.com")
    create_stakeholder(first_name="Dan", last_name="Nobody")
    assert sorted(_names(get_page(viewer_client, "stakeholders.index", q="lovelace"))) == [
        "Ada Lovelace",
        "Bob Byron",
        "Cat Other",
    ]
    assert _names(get_page(viewer_client, "stakeholders.index", q="engines.example")) == ["Ada Lovelace"]
    assert _names(get_page(viewer_client, "stakeholders.index", q="lovelace trust")) == ["Bob Byron"]


def test_search_treats_percent_and_underscore_literally(viewer_client):
    create_stakeholder(first_name="Ada", last_name="Lovelace")
    page = get_page(viewer_client, "stakeholders.index", q="%")
    assert _names(page) == []
    assert "No stakeholders match" in page.get_text()


def test_register_filter_changes_title_and_heading(viewer_client):
    create_stakeholder(first_name="Mo", last_name="Member", registers=["members-forum"])
    create_stakeholder(first_name="Gen", last_name="Eral", registers=["general-consultees"])
    page = get_page(viewer_client, "stakeholders.index", register="members-forum")
    assert _names(page) == ["Mo Member"]
    assert page.h1.get_text(strip=True) == "Members’ forum"
    assert page.title.get_text().startswith("Members’ forum – ")
    assert page.select_one("#register option[selected]")["value"] == "members-forum"


def test_category_and_authority_filters_combine(viewer_client):
    create_authority("DBC", "Dacorum Borough Council")
    create_stakeholder(first_name="A", last_name="One", categories=["business"], authority="DBC")
    create_stakeholder(first_name="B", last_name="Two", categories=["business"], authority="WBC")
    create_stakeholder(first_name="C", last_name="Three", categories=["resident"], authority="DBC")
    page = get_page(viewer_client, "stakeholders.index", category="business", authority="dbc")
    assert _names(page) == ["A One"]


def test_sort_by_recently_updated(viewer_client):
    older = create_stakeholder(first_name="Old", last_name="Aaron")
    newer = create_stakeholder(first_name="New", last_name="Zed")
    older.updated_at = newer.updated_at - timedelta(days=3)
    db.session.commit()
    assert _names(get_page(viewer_client, "stakeholders.index", sort="-updated")) == ["New Zed", "Old Aaron"]
    assert _names(get_page(viewer_client, "stakeholders.index", sort="-name")) == ["New Zed", "Old Aaron"]
    assert _names(get_page(viewer_client, "stakeholders.index", sort="nonsense")) == ["Old Aaron", "New Zed"]


def test_list_pages_fifty_at_a_time_keeping_filters(viewer_client):
    for number in range(55):
        create_stakeholder(first_name="Per", last_name=f"Son{number:03}", registers=["mps"])
    create_stakeholder(first_name="Not", last_name="Listed", registers=["members-forum"])
    first = get_page(viewer_client, "stakeholders.index", register="mps")
    assert len(_names(first)) == 50
    assert "55 stakeholders" in first.select_one("#results").get_text()
    next_link = first.select_one(".govuk-pagination__next a")["href"]
    assert "register=mps" in next_link and "page=2" in next_link
    second = parse(viewer_client.get(next_link))
    assert _names(second) == ["Per Son050", "Per Son051", "Per Son052", "Per Son053", "Per Son054"]
    assert "(page 2 of 2)" in second.title.get_text()


def test_page_past_the_end_goes_back_to_the_first_page(viewer_client):
    create_stakeholder(registers=["mps"])
    for number in ("3", "99999999999999999999"):
        response = viewer_client.get(f"/stakeholders/?register=mps&page={number}")
        assert response.status_code == 302
        assert response.headers["Location"] == "/stakeholders/?register=mps"


def test_filter_panel_shows_the_filters_as_applied(viewer_client):
    create_authority("DBC", "Dacorum Borough Council")
    page = get_page(viewer_client, "stakeholders.index", authority="dbc", sort="nonsense", q=" ada ")
    assert page.select_one("#authority option[selected]")["value"] == "DBC"
    assert page.select_one("#sort option[selected]")["value"] == "name"
    assert page.select_one("#q")["value"] == "ada"


def test_list_links_to_exports_of_the_filtered_list(viewer_client):
    create_stakeholder(registers=["mps"])
    page = get_page(viewer_client, "stakeholders.index", register="mps", q="sam")
    hrefs = [a["href"] for a in page.select("a[href*='/stakeholders/export.']")]
    assert len(hrefs) == 2
    assert all("register=mps" in href and "q=sam" in href for href in hrefs)


def test_list_uses_a_fixed_number_of_queries_however_many_rows(app, viewer_client):
    from sqlalchemy import event

    for number in range(30):
        organisation = create_stakeholder(kind="organisation", organisation=f"Org {number}")
        create_stakeholder(organisation_id=organisation.id, authority="WBC", registers=["mps", "general-consultees"])
    statements = []

    def count(*args):
        statements.append(args[2])

    engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        get_page(viewer_client, "stakeholders.index")
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(statements) < 15, statements


# Adding


def test_add_page_shows_the_form_with_body_kind_labels(officer_client):
    page = get_page(officer_client, "stakeholders.new", register="mps")
    assert page.select_one("input[name=registers][value=mps]").has_attr("checked")
    assert page.h1.get_text(strip=True) == "Add a stakeholder"
    labels = [label.get_text(strip=True) for label in page.select("label[for^='body_kinds']")]
    assert "National Highways (statutory name: The Highways Agency)" in labels
    assert page.select_one("input[name=kind][value=person]").has_attr("checked")


def test_add_saves_and_redirects_to_the_new_record(officer_client):
    create_authority("WBC")
    response = post_form(officer_client, "stakeholders.new", _valid_answers())
    assert response.status_code == 302
    stakeholder = db.session.scalar(select(Stakeholder))
    assert response.headers["Location"].endswith(f"/stakeholders/{stakeholder.id}")
    assert stakeholder.name == "Ada Lovelace"
    assert stakeholder.email == "Ada@example.com"
    assert stakeholder.postcode == "WD17 3EX"
    assert [r.slug for r in stakeholder.registers] == ["members-forum", "general-consultees"]
    assert [b.slug for b in stakeholder.body_kinds] == ["voluntary-bodies"]
    assert stakeholder.preferred_channel == "post"
    assert stakeholder.consent_to_notifications and stakeholder.consent_recorded_at is not None
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "create"))
    assert event.entity_id == stakeholder.id and event.user_id == officer_client.user.id


def test_add_with_invalid_answers_shows_errors_next_to_fields_and_keeps_input(officer_client):
    answers = _valid_answers(first_name="", last_name="", email="not-an-email", postcode="nowhere", authority="XYZ")
    response = post_form(officer_client, "stakeholders.new", answers)
    page = parse(response)
    assert response.status_code == 200
    assert page.title.get_text().startswith("Error: ")
    summary = page.select(".govuk-error-summary a")
    assert {a["href"] for a in summary} == {"#last_name", "#email", "#postcode", "#authority"}
    assert "Enter an email address in the correct format, like name@example.com" in error_summary(page)
    assert "Enter a first name or last name" in page.select_one("#last_name-error").get_text()
    assert page.select_one("#email")["value"] == "not-an-email"
    assert page.select_one("#postcode")["value"] == "nowhere"
    assert page.select_one("input[name=registers][value=members-forum]").has_attr("checked")
    assert page.select_one("#notes").get_text() == "Met at the forum"
    assert _count_stakeholders() == 0


def test_add_organisation_without_a_name_is_an_error_on_organisation(officer_client):
    response = post_form(officer_client, "stakeholders.new", {"kind": "organisation", "organisation": ""})
    page = parse(response)
    assert [a["href"] for a in page.select(".govuk-error-summary a")] == ["#organisation"]
    assert error_summary(page) == ["Enter the name of the organisation"]


def test_add_person_linked_to_an_organisation_record(officer_client):
    organisation = create_stakeholder(kind="organisation", organisation="Thames Water")
    page = get_page(officer_client, "stakeholders.new", organisation_id=organisation.id)
    assert page.select_one("#organisation_id")["value"] == str(organisation.id)
    response = post_form(
        officer_client,
        "stakeholders.new",
        {"kind": "person", "first_name": "Wat", "last_name": "Er", "organisation_id": str(organisation.id)},
    )
    assert response.status_code == 302
    person = db.session.scalar(select(Stakeholder).where(Stakeholder.last_name == "Er"))
    assert person.organisation_id == organisation.id
    assert person.organisation_label == "Thames Water"
    page = get_page(officer_client, "stakeholders.show", stakeholder_id=organisation.id)
    assert "Wat Er" in page.select_one("table").get_text()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("organisation_id", "abc", "Enter a record number, like 123"),
        ("organisation_id", "99999", "There is no stakeholder with the record number 99999"),
        ("organisation_id", "99999999999999999999", "There is no stakeholder with the record number"),
        ("agent_id", "99999", "There is no stakeholder with the record number 99999"),
    ],
)
def test_links_to_unknown_records_are_errors_on_their_field(officer_client, field, value, message):
    response = post_form(officer_client, "stakeholders.new", _valid_answers(**{field: value}))
    page = parse(response)
    assert [a["href"] for a in page.select(".govuk-error-summary a")] == [f"#{field}"]
    assert error_summary(page)[0].startswith(message)
    assert _count_stakeholders() == 0


def test_person_cannot_be_linked_as_an_organisation(officer_client):
    person = create_stakeholder()
    response = post_form(officer_client, "stakeholders.new", _valid_answers(organisation_id=str(person.id)))
    assert error_summary(parse(response)) == [f"Record {person.id} is a person, not an organisation"]


def test_agent_is_linked_and_shown_on_the_record(officer_client):
    agent = create_stakeholder(first_name="Agnes", last_name="Agent", categories=["agent"])
    response = post_form(officer_client, "stakeholders.new", _valid_answers(agent_id=str(agent.id)))
    assert response.status_code == 302
    page = parse(officer_client.get(response.headers["Location"]))
    assert "Agnes Agent" in page.get_text()
    assert page.select_one(f"a[href$='/stakeholders/{agent.id}']") is not None


# Duplicates


def test_likely_duplicate_is_warned_about_and_nothing_is_saved(officer_client):
    existing = create_stakeholder(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    response = post_form(officer_client, "stakeholders.new", _valid_answers(email="ADA@example.com"))
    page = parse(response)
    assert response.status_code == 200
    warning = page.select_one("#duplicates")
    assert warning is not None
    assert warning.select_one(f"a[href$='/stakeholders/{existing.id}']") is not None
    assert page.select_one("#accepted_duplicates")["value"] == str(existing.id)
    assert page.select_one("#first_name")["value"] == "Ada"
    assert _count_stakeholders() == 1


def test_same_name_and_organisation_is_a_likely_duplicate(officer_client):
    create_stakeholder(first_name="Ada", last_name="Lovelace", organisation="Analytical Engines Ltd", email="")
    page = parse(post_form(officer_client, "stakeholders.new", _valid_answers(email="other@example.com")))
    assert page.select_one("#duplicates") is not None


def test_add_anyway_saves_after_the_warning(officer_client):
    existing = create_stakeholder(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    answers = _valid_answers(email="ada@example.com", accepted_duplicates=str(existing.id), save_anyway="y")
    response = post_form(officer_client, "stakeholders.new", answers)
    assert response.status_code == 302
    assert _count_stakeholders() == 2


def test_submitting_again_without_add_anyway_still_warns(officer_client):
    existing = create_stakeholder(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    answers = _valid_answers(email="ada@example.com", accepted_duplicates=str(existing.id))
    page = parse(post_form(officer_client, "stakeholders.new", answers))
    assert page.select_one("#duplicates") is not None
    assert _count_stakeholders() == 1


def test_add_anyway_does_not_cover_a_duplicate_not_yet_seen(officer_client):
    create_stakeholder(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    answers = _valid_answers(email="ada@example.com", accepted_duplicates="999999", save_anyway="y")
    page = parse(post_form(officer_client, "stakeholders.new", answers))
    assert page.select_one("#duplicates") is not None
    assert _count_stakeholders() == 1


# Viewing


def test_record_page_shows_details_contact_needs_and_consent(officer_client):
    create_authority("WBC")
    post_form(officer_client, "stakeholders.new", _valid_answers(do_not_contact="y"))
    stakeholder = db.session.scalar(select(Stakeholder))
    page = get_page(officer_client, "stakeholders.show", stakeholder_id=stakeholder.id)
    text = page.get_text(" ", strip=True)
    assert page.h1.get_text(strip=True) == "Ada Lovelace"
    assert "Do not contact this person" in page.select_one(".govuk-warning-text").get_text()
    for expected in ("Cllr Ada Lovelace", "Ada@example.com", "WD17 3EX", "Watford Borough Council", "Members’ forum"):
        assert expected in text
    assert "Voluntary bodies (statutory name: Voluntary bodies some or all" in text
    assert "Large print" in text and "Welsh" in text and "Post" in text
    assert "Public task" in text
    assert "Yes, recorded on" in text
    assert page.select_one("#engagement-history").get_text() == "Engagement history"
    assert page.select_one(f"a[href$='/stakeholders/{stakeholder.id}/edit']") is not None


def test_viewer_sees_no_change_or_erase_buttons_and_is_refused(viewer_client):
    stakeholder = create_stakeholder()
    page = get_page(viewer_client, "stakeholders.show", stakeholder_id=stakeholder.id)
    assert page.select_one("a[href$='/edit']") is None
    assert page.select_one("a[href$='/erase']") is None
    assert get_page(viewer_client, "stakeholders.index").select_one("a[href$='/stakeholders/new']") is None
    for endpoint in ("stakeholders.edit", "stakeholders.erase"):
        get_page(viewer_client, endpoint, expected_status=403, stakeholder_id=stakeholder.id)
        assert post_form(viewer_client, endpoint, {}, {"stakeholder_id": stakeholder.id}).status_code == 403
    assert post_form(viewer_client, "stakeholders.new", _valid_answers()).status_code == 403
    assert _reload(stakeholder.id).erased_at is None


def test_unknown_record_is_not_found(viewer_client):
    get_page(viewer_client, "stakeholders.show", expected_status=404, stakeholder_id=999)


# Changing


def test_change_page_is_filled_in_with_the_record(officer_client):
    stakeholder = create_stakeholder(
        first_name="Ada", last_name="Lovelace", registers=["mps"], body_kinds=["religious"]
    )
    page = get_page(officer_client, "stakeholders.edit", stakeholder_id=stakeholder.id)
    assert page.select_one("#first_name")["value"] == "Ada"
    assert page.select_one("input[name=registers][value=mps]").has_attr("checked")
    assert page.select_one("input[name=body_kinds][value=religious]").has_attr("checked")


def test_change_saves_audits_and_redirects(officer_client):
    stakeholder = create_stakeholder(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    answers = _valid_answers(email="ada@example.com", phone="01923 000000", registers=["mps"])
    response = post_form(officer_client, "stakeholders.edit", answers, {"stakeholder_id": stakeholder.id})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/stakeholders/{stakeholder.id}")
    stakeholder = _reload(stakeholder.id)
    assert stakeholder.phone == "01923 000000"
    assert [r.slug for r in stakeholder.registers] == ["mps"]
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "update"))
    assert event.entity_id == stakeholder.id and "registers" in event.changes


def test_change_with_invalid_answers_shows_errors_and_saves_nothing(officer_client):
    stakeholder = create_stakeholder(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    answers = _valid_answers(email="broken@", registers=["no-such-register"])
    page = parse(post_form(officer_client, "stakeholders.edit", answers, {"stakeholder_id": stakeholder.id}))
    assert page.title.get_text().startswith("Error: ")
    assert {a["href"] for a in page.select(".govuk-error-summary a")} == {"#email", "#registers"}
    assert page.select_one("#email")["value"] == "broken@"
    assert _reload(stakeholder.id).email == "ada@example.com"


def test_change_to_match_another_record_warns_first(officer_client):
    create_stakeholder(first_name="Bea", last_name="Other", email="bea@example.com")
    stakeholder = create_stakeholder(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    answers = _valid_answers(email="bea@example.com")
    page = parse(post_form(officer_client, "stakeholders.edit", answers, {"stakeholder_id": stakeholder.id}))
    assert page.select_one("#duplicates") is not None
    assert _reload(stakeholder.id).email == "ada@example.com"


# Erasing


def test_erase_asks_for_confirmation_then_pseudonymises(officer_client):
    stakeholder = create_stakeholder(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    page = get_page(officer_client, "stakeholders.erase", stakeholder_id=stakeholder.id)
    assert "pseudonymised" in page.get_text()
    response = post_form(officer_client, "stakeholders.erase", {}, {"stakeholder_id": stakeholder.id})
    assert response.status_code == 302
    erased = _reload(stakeholder.id)
    assert erased.is_erased and erased.email == "" and erased.first_name == ""
    assert [r.slug for r in erased.registers] == ["general-consultees"]
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "erase")).entity_id == stakeholder.id
    page = parse(officer_client.get(response.headers["Location"]))
    assert "Personal data erased on " in page.get_text()
    assert page.select_one("a[href$='/edit']") is None


def test_erased_record_cannot_be_changed(officer_client):
    stakeholder = create_stakeholder(first_name="Ada", last_name="Lovelace")
    post_form(officer_client, "stakeholders.erase", {}, {"stakeholder_id": stakeholder.id})
    response = post_form(officer_client, "stakeholders.edit", _valid_answers(), {"stakeholder_id": stakeholder.id})
    assert response.status_code == 302
    assert _reload(stakeholder.id).first_name == ""
    assert officer_client.get(f"/stakeholders/{stakeholder.id}/edit").status_code == 302
