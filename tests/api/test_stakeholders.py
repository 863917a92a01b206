from sqlalchemy import event, func, select

from engage.extensions import db
from engage.models import AuditEvent, Stakeholder
from tests.api.conftest import assert_matches, assert_matches_schema
from tests.factories import create_authority, create_stakeholder

URL = "/api/v1/stakeholders"
CONTRACT_FIELDS = {
    "id", "kind", "title", "first_name", "last_name", "name", "job_title", "organisation", "email", "phone",
    "address", "postcode", "authority", "registers", "categories", "party", "ward", "constituency",
    "preferred_channel", "accessibility_needs", "do_not_contact", "notes", "created_at", "updated_at",
}  # fmt: skip
NEW = {
    "kind": "person",
    "title": "Cllr",
    "first_name": "Priya",
    "last_name": "Shah",
    "email": "Priya.Shah@Example.com",
    "postcode": "wd17 3ex",
    "authority": "wbc",
    "registers": ["members-forum"],
    "categories": ["elected-member"],
    "party": "Independent",
}


def stakeholder_count() -> int:
    return db.session.scalar(select(func.count(Stakeholder.id)))


def test_stakeholder_json_has_every_contract_field(viewer_api, openapi):
    stakeholder = create_stakeholder(organisation="Parish Council", authority="WBC")
    response = viewer_api.get(f"{URL}/{stakeholder.id}")
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) >= CONTRACT_FIELDS
    assert body["name"] == stakeholder.name
    assert body["organisation"] == "Parish Council"
    assert body["authority"] == "WBC"
    assert body["registers"] == ["general-consultees"]
    assert body["created_at"].endswith(("+00:00", "+01:00"))
    assert_matches(openapi, response, "/stakeholders/{stakeholder_id}")
    assert_matches_schema(response, "Stakeholder")


def test_list_filters_by_register_category_authority_and_words(viewer_api, openapi):
    create_authority("DBC", "Dacorum Borough Council")
    mp = create_stakeholder(first_name="Dean", registers=["mps"], categories=["mp"], authority="DBC")
    create_stakeholder(first_name="Dana", organisation="Watford Rovers", authority="WBC")
    create_stakeholder(first_name="Ola", email="ola@rovers.example")

    def names(query):
        response = viewer_api.get(f"{URL}?{query}")
        assert response.status_code == 200, response.get_json()
        assert_matches(openapi, response, "/stakeholders")
        assert_matches_schema(response, "StakeholderPage")
        return [item["first_name"] for item in response.get_json()["items"]]

    assert names("register=mps") == ["Dean"]
    assert names("category=mp") == ["Dean"]
    assert names("authority=dbc") == ["Dean"]
    assert sorted(names("q=rovers")) == ["Dana", "Ola"]
    assert names("q=rovers&authority=WBC") == ["Dana"]
    assert names(f"register=mps&category=resident&q={mp.last_name}") == []


def test_list_envelope_pages_through_stakeholders(viewer_api):
    ids = [create_stakeholder().id for _ in range(3)]
    responses = [viewer_api.get(f"{URL}?per_page=2&page={page}&sort=created") for page in (1, 2)]
    for response in responses:
        assert_matches_schema(response, "StakeholderPage")
    first, second = (response.get_json() for response in responses)
    assert (first["total"], first["page"], first["per_page"]) == (3, 1, 2)
    assert [i["id"] for i in first["items"] + second["items"]] == ids


def test_unknown_filter_values_are_422_problems(viewer_api):
    response = viewer_api.get(f"{URL}?register=nope&category=nope&authority=XX&sort=shoe-size")
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"register", "category", "authority", "sort"}
    assert_matches_schema(response, "Problem")
    assert viewer_api.get(f"{URL}?q=%00").status_code == 422


def test_officer_adds_a_stakeholder(officer_api, openapi):
    create_authority()
    response = officer_api.post(URL, json=NEW)
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert (body["name"], body["email"], body["postcode"], body["authority"]) == (
        "Priya Shah",
        "Priya.Shah@example.com",
        "WD17 3EX",
        "WBC",
    )
    assert body["registers"] == ["members-forum"]
    stored = db.session.get(Stakeholder, body["id"])
    assert stored.party == "Independent"
    audit = db.session.scalar(select(AuditEvent).where(AuditEvent.entity_type == "stakeholder"))
    assert (audit.action, audit.user_id) == ("create", officer_api.user.id)
    assert_matches(openapi, response, "/stakeholders", "post")
    assert_matches_schema(response, "Stakeholder")


def test_invalid_stakeholder_is_422_with_field_errors_and_writes_nothing(officer_api, openapi):
    response = officer_api.post(URL, json={**NEW, "email": "not-an-email", "registers": ["no-such-register"]})
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    errors = response.get_json()["errors"]
    assert errors["email"] == ["Enter an email address in the correct format, like name@example.com"]
    assert errors["registers"] == ["There is no register called ‘no-such-register’"]
    assert stakeholder_count() == 0
    assert_matches(openapi, response, "/stakeholders", "post")
    assert_matches_schema(response, "Problem")


def test_wrong_types_and_unknown_fields_are_422_never_500(officer_api):
    body = {
        "first_name": "Al",
        "registers": 5,
        "categories": "resident",
        "do_not_contact": "yes",
        "organisation_id": "12",
        "notes": {"a": 1},
        "last_name": "bad\u0000name",
        "organisation_name": "typo for organisation",
    }
    response = officer_api.post(URL, json=body)
    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "registers": ['Registers must be a list of text values, like ["a", "b"]'],
        "categories": ['Categories must be a list of text values, like ["a", "b"]'],
        "do_not_contact": ["Do not contact must be true or false"],
        "organisation_id": ["Organisation id must be a whole number"],
        "notes": ["Notes must be text"],
        "last_name": ["Last name must be text"],
        "organisation_name": ["organisation_name is not a field you can set"],
    }
    assert_matches_schema(response, "Problem")
    assert stakeholder_count() == 0


def test_bodies_that_are_not_json_objects_are_problems(officer_api):
    cases = [
        ({"data": "first_name=Al", "content_type": "application/x-www-form-urlencoded"}, 415),
        ({"data": "{not json", "content_type": "application/json"}, 400),
        ({"data": b"\xff\xfe", "content_type": "application/json"}, 400),
        ({"data": "", "content_type": "application/json"}, 400),
        ({"data": "[" * 100_000, "content_type": "application/json"}, 400),
        ({"json": ["a", "list"]}, 422),
        ({"data": "null", "content_type": "application/json"}, 422),
    ]
    for kwargs, status in cases:
        response = officer_api.post(URL, **kwargs)
        assert response.status_code == status, kwargs
        assert response.mimetype == "application/problem+json"
        assert_matches_schema(response, "Problem")
    assert stakeholder_count() == 0


def test_unknown_and_impossible_ids_are_404_problems(viewer_api, officer_api):
    for stakeholder_id in (12345, 0, 99999999999999999999):
        response = viewer_api.get(f"{URL}/{stakeholder_id}")
        assert response.status_code == 404
        assert response.mimetype == "application/problem+json"
        assert_matches_schema(response, "Problem")
    assert officer_api.patch(f"{URL}/12345", json={"notes": "x"}).status_code == 404
    assert officer_api.delete(f"{URL}/12345").status_code == 404


def test_patch_changes_only_the_fields_sent(officer_api, openapi):
    stakeholder = create_stakeholder(first_name="Jo", phone="01923 000000", registers=["mps"])
    response = officer_api.patch(f"{URL}/{stakeholder.id}", json={"email": "jo@example.org", "do_not_contact": True})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert (body["email"], body["do_not_contact"]) == ("jo@example.org", True)
    assert (body["first_name"], body["phone"], body["registers"]) == ("Jo", "01923 000000", ["mps"])
    assert_matches(openapi, response, "/stakeholders/{stakeholder_id}", "patch")
    assert_matches_schema(response, "Stakeholder")


def test_patch_accepts_a_fetched_record_sent_back(officer_api):
    stakeholder = create_stakeholder(first_name="Jo")
    fetched = officer_api.get(f"{URL}/{stakeholder.id}").get_json()
    response = officer_api.patch(f"{URL}/{stakeholder.id}", json={**fetched, "ward": "Central"})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["ward"] == "Central"
    assert_matches_schema(response, "Stakeholder")


def test_invalid_patch_changes_nothing(officer_api):
    stakeholder = create_stakeholder(first_name="Jo", email="jo@example.com")
    response = officer_api.patch(f"{URL}/{stakeholder.id}", json={"email": "nope", "first_name": "", "last_name": ""})
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"email", "last_name"}
    assert_matches_schema(response, "Problem")
    db.session.expire_all()
    assert (stakeholder.first_name, stakeholder.email) == ("Jo", "jo@example.com")


def test_delete_erases_personal_data_but_keeps_the_record(officer_api, openapi):
    stakeholder = create_stakeholder(first_name="Jo", email="jo@example.com", registers=["mps"])
    response = officer_api.delete(f"{URL}/{stakeholder.id}")
    assert response.status_code == 200
    body = response.get_json()
    assert (body["first_name"], body["email"], body["do_not_contact"]) == ("", "", True)
    assert body["erased_at"] is not None
    assert body["registers"] == ["mps"]
    db.session.expire_all()
    assert stakeholder.is_erased
    assert_matches(openapi, response, "/stakeholders/{stakeholder_id}", "delete")
    assert_matches_schema(response, "Stakeholder")
    again = officer_api.patch(f"{URL}/{stakeholder.id}", json={"first_name": "Jo"})
    assert again.status_code == 422
    assert_matches_schema(again, "Problem")


def test_viewer_may_read_but_not_write(viewer_api, client):
    stakeholder = create_stakeholder()
    assert viewer_api.get(URL).status_code == 200
    assert viewer_api.post(URL, json=NEW).status_code == 403
    assert viewer_api.patch(f"{URL}/{stakeholder.id}", json={"notes": "x"}).status_code == 403
    assert viewer_api.delete(f"{URL}/{stakeholder.id}").status_code == 403
    assert client.get(URL).status_code == 401
    assert client.post(URL, json=NEW).status_code == 401
    db.session.expire_all()
    assert not stakeholder.is_erased
    assert stakeholder_count() == 1


def test_a_person_needs_only_one_name(officer_api):
    response = officer_api.post(URL, json={"first_name": "Yusuf"})
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["name"] == "Yusuf"
    assert response.get_json()["last_name"] == ""
    assert_matches_schema(response, "Stakeholder")


def test_an_organisation_is_named_by_organisation(officer_api):
    response = officer_api.post(URL, json={"kind": "organisation", "organisation": "Canal & River Trust"})
    assert response.status_code == 201, response.get_json()
    assert (response.get_json()["name"], response.get_json()["organisation"]) == ("Canal & River Trust",) * 2
    assert_matches_schema(response, "Stakeholder")


def test_listing_takes_the_same_number_of_queries_however_many_stakeholders(viewer_api):
    def statements_for_a_page():
        statements = []

        def remember(conn, cursor, statement, *args):
            statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", remember)
        try:
            assert viewer_api.get(URL).status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", remember)
        return len(statements)

    create_authority()
    create_stakeholder(authority="WBC", organisation="Parish Council")
    statements_for_a_page()  # the token's first use is recorded once
    few = statements_for_a_page()
    for number in range(10):
        create_stakeholder(authority="WBC", registers=["mps"], categories=["mp"], body_kinds=[], title=str(number))
    assert statements_for_a_page() == few
