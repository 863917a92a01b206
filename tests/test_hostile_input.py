"""What a hostile visitor can send to any page or endpoint: never a 500, never a partial write.

Every route of every blueprint is walked from the app's URL map, so a new route is covered the day it is added."""

import io
import re

import pytest
from flask import url_for
from sqlalchemy import event, func, select

from engage import create_app
from engage.extensions import db
from engage.models import ResponseDraft
from tests.evidence.common_ground.scg_data import two_party_statement
from tests.factories import create_consultation, create_plan, create_stakeholder
from tests.pages import parse
from tests.respond.helpers import fill_about_you

HOSTILE_IDS = ["0", "-1", "2147483648", "99999999999999999999"]


def _routes_with_ids():
    app = create_app("testing", SQLALCHEMY_DATABASE_URI="sqlite://")
    for rule in app.url_map.iter_rules():
        ids = [name for name, converter in rule._converters.items() if type(converter).__name__ == "IdConverter"]
        for method in sorted(rule.methods & {"GET", "POST", "PATCH", "DELETE"}):
            for name in ids:
                yield pytest.param(rule.rule, method, name, id=f"{method} {rule.rule} {name}")


def _url(rule: str, bad: str, value: str) -> str:
    def fill(match):
        converter, name = match.group(1), match.group(2)
        if name == bad:
            return value
        if converter and converter.startswith("any("):
            return converter[4:].split(",")[0].strip()
        return "1"

    return re.sub(r"<(?:([^:>]+):)?([a-z_]+)>", fill, rule)


@pytest.fixture
def statements(app):
    seen = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(repr(parameters))

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", record)
    yield seen
    with app.app_context():
        event.remove(db.engine, "before_cursor_execute", record)


@pytest.mark.parametrize(("rule", "method", "name"), list(_routes_with_ids()))
@pytest.mark.parametrize("value", HOSTILE_IDS)
def test_an_id_out_of_range_in_any_address_is_a_404_that_never_reaches_the_database(
    admin_client, statements, rule, method, name, value
):
    response = admin_client.open(_url(rule, name, value), method=method)
    assert response.status_code == 404
    if rule.startswith("/api/"):
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["status"] == 404
    assert not any(value.lstrip("-") in parameters for parameters in statements if len(value) > 2)


def test_every_blueprint_has_a_route_with_an_id_walked_here():
    blueprints = {rule.split("/")[1] for rule, *_ in (p.values for p in _routes_with_ids())}
    assert {"stakeholders", "engagements", "consultations", "consult", "evidence", "admin", "api"} <= blueprints


# Forms: every text box of a real form of each blueprint gets a NUL character; each is refused next to its field,
# what was typed is kept, and nothing is written.

NUL_TEXT = "a\x00b"
TEXT_BOXES = "textarea, input[type=text], input[type=email], input[type=password], input:not([type])"


def _stakeholder():
    return create_stakeholder().id


def _consultation():
    create_plan()
    return create_consultation().id


def _statement():
    return {"statement_id": two_party_statement().id, "number": 1}


FORMS = {
    "stakeholders.new": (None, {}),
    "stakeholders.edit": (_stakeholder, "stakeholder_id"),
    "engagements.new": (create_plan, {}),
    "strategy.new": (create_plan, {}),
    "consultations.new": (create_plan, {}),
    "consultations.invitations": (_consultation, "consultation_id"),
    "consultations.new_representation": (_consultation, "consultation_id"),
    "consultations.parts": (_consultation, "consultation_id"),
    "evidence.consultation_statement.new_issue": (_consultation, "consultation_id"),
    "admin.new_user": (None, {}),
    "auth.change_password": (None, {}),
    "auth.forgot_password": (None, {}),
    "plans.new": (None, {}),
    "plans.new_authority": (None, {}),
    "webhooks.new": (None, {}),
    "admin.new_reference": (None, {"kind": "strategic-matters"}),
    "evidence.consultation_statement.new_publicity": (_consultation, "consultation_id"),
    "evidence.common_ground.new": (None, {}),
    "evidence.common_ground.party": (_statement, None),
    "evidence.common_ground.matter": (_statement, None),
}


def _url_kwargs(endpoint: str) -> dict:
    """The address arguments of the form's page: made by the factory (all of them when the key is None)."""
    make, key = FORMS[endpoint]
    made = make() if make else None
    return made if key is None else {key: made} if isinstance(key, str) else key


def _row_count() -> int:
    return sum(db.session.scalar(select(func.count()).select_from(table)) for table in db.metadata.sorted_tables)


def _form_data(form, text: str) -> tuple[dict, list[str]]:
    """What the browser would send, with `text` in every text box; and the names of those boxes."""
    data, boxes = {}, []
    for element in form.select("input, textarea, select"):
        name, kind = element.get("name"), (element.get("type") or "text").lower()
        if not name or kind in ("submit", "button", "file"):
            continue
        if element.name == "textarea" or kind in ("text", "email", "tel", "password", "search", "url", "number"):
            data[name] = text
            boxes.append(name)
        elif kind in ("radio", "checkbox"):
            if element.has_attr("checked") or (kind == "radio" and name not in data):
                data.setdefault(name, element.get("value"))
        elif element.name == "select":
            chosen = element.select_one("option[selected]") or element.select_one("option[value]:not([value=''])")
            data[name] = chosen.get("value") if chosen else ""
        else:
            data[name] = element.get("value", "")
    return data, boxes


@pytest.mark.parametrize("endpoint", FORMS)
def test_a_nul_character_in_any_text_box_is_refused_next_to_the_field_and_what_was_typed_is_kept(
    admin_client, endpoint
):
    with admin_client.application.test_request_context():
        url = url_for(endpoint, **_url_kwargs(endpoint))
    page = parse(admin_client.get(url))
    form = next(f for f in page.select("form") if (f.get("method") or "").lower() == "post" and f.select(TEXT_BOXES))
    data, boxes = _form_data(form, NUL_TEXT)
    before = _row_count()

    response = admin_client.post(url, data=data)

    assert response.status_code == 200, response.status_code
    answer = parse(response)
    assert answer.title.get_text().startswith("Error:")
    messages = [link.get_text(strip=True) for link in answer.select(".govuk-error-summary a")]
    assert any("NUL character" in message for message in messages), messages
    kept = [
        box.get("value") or box.get_text() for box in answer.select("input[type=text], input[type=email], textarea")
    ]
    assert all(value.startswith("a") and value.endswith("b") for value in kept if value), kept
    assert any(kept) or all("password" in name for name in boxes)
    assert _row_count() == before


def test_a_nul_character_in_the_public_response_is_refused_next_to_the_field(client):
    create_plan()
    consultation = create_consultation()
    response = fill_about_you(client, consultation, first_name=NUL_TEXT)
    assert response.status_code == 200
    page = parse(response)
    assert "First name must not include a NUL character" in page.select_one("#first_name-error").get_text()
    assert page.select_one("#first_name")["value"].startswith("a")
    assert db.session.scalar(select(func.count()).select_from(ResponseDraft)) == 0


def test_an_unreadable_character_in_an_upload_filename_is_refused_next_to_the_field(officer_client):
    response = officer_client.post(
        "/stakeholders/import",
        data={"file": (io.BytesIO(b"first_name,last_name\nAlex,Smith\n"), "people\x00.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    assert "must not include a NUL character" in parse(response).select_one(".govuk-error-summary").get_text()


@pytest.mark.parametrize("value", ["%00", "a%00b", "%EF%BF%BD"])
@pytest.mark.parametrize("path", ["/stakeholders/", "/engagements/", "/consult/", "/evidence/dtc-table", "/actions/"])
def test_an_unreadable_character_in_a_query_string_is_a_clear_400_page(officer_client, path, value):
    response = officer_client.get(f"{path}?q={value}")
    assert response.status_code == 400
    assert "could not be read in 'q'" in parse(response).get_text()


def test_an_unreadable_character_in_an_api_query_string_is_a_422_on_that_parameter(officer_client):
    response = officer_client.get("/api/v1/stakeholders?q=%00")
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert "could not be read" in response.get_json()["errors"]["q"][0]


@pytest.mark.parametrize(
    "path",
    ["/consult/%00", "/consult/%ED%A0%80/respond/about-you", "/api/v1/representations/%00", "/reset-password/%00"],
)
def test_an_unreadable_character_in_a_path_is_a_404(client, path):
    assert client.get(path).status_code == 404


def test_a_lone_surrogate_in_a_json_body_is_a_field_error(officer_client):
    response = officer_client.post(
        "/api/v1/strategic-matters", data=b'{"name": "Water \\ud800"}', content_type="application/json"
    )
    assert response.status_code == 422
    assert "name" in response.get_json()["errors"]


def test_every_form_is_built_on_the_base_forms_that_refuse_unreadable_text():
    import importlib
    import pkgutil

    from wtforms import Form

    import engage
    from engage.common.forms import BaseForm, QueryForm

    for module in pkgutil.walk_packages(engage.__path__, "engage."):
        if not module.name.startswith("engage.evidence.common_ground"):
            importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    forms = {c for c in subclasses(Form) if c.__module__.startswith("engage.") and c not in (BaseForm, QueryForm)}
    forms = {c for c in forms if not c.__module__.startswith("engage.evidence.common_ground")}
    assert len(forms) > 20
    assert [c.__qualname__ for c in forms if not issubclass(c, BaseForm | QueryForm)] == []


@pytest.fixture
def csrf_checked(app):
    app.config["WTF_CSRF_ENABLED"] = True
    yield
    app.config["WTF_CSRF_ENABLED"] = False


@pytest.mark.parametrize("endpoint", FORMS)
def test_after_a_csrf_failure_every_form_is_shown_again_with_what_was_typed(admin_client, csrf_checked, endpoint):
    with admin_client.application.test_request_context():
        url = url_for(endpoint, **_url_kwargs(endpoint))
    form = next(f for f in parse(admin_client.get(url)).select("form") if f.select(TEXT_BOXES))
    data, boxes = _form_data(form, "typed")
    data["csrf_token"] = "out-of-date"
    before = _row_count()

    response = admin_client.post(url, data=data)

    assert response.status_code == 400
    page = parse(response)
    assert "Your session timed out" in page.select_one(".govuk-error-summary").get_text()
    kept = [box.get("value") or box.get_text() for box in page.select("input[type=text], input[type=email], textarea")]
    assert "typed" in kept or all("password" in name for name in boxes)
    assert _row_count() == before


@pytest.mark.parametrize("value", HOSTILE_IDS)
def test_an_id_out_of_range_in_a_form_field_is_a_field_error_and_writes_nothing(officer_client, value):
    from tests.engagements.test_log_contact import _form

    create_plan()
    before = _row_count()
    page = parse(officer_client.post("/engagements/new", data=_form(stakeholders=[value])))
    assert "There is no stakeholder with record number" in page.select_one(".govuk-error-summary").get_text()
    assert _row_count() == before


@pytest.mark.parametrize("value", [0, -1, 2147483648, 99999999999999999999])
def test_an_id_out_of_range_in_an_api_body_is_a_422(officer_client, value):
    body = b'{"title": "Meeting", "stakeholders": [%d]}' % value
    response = officer_client.post("/api/v1/engagements", data=body, content_type="application/json")
    assert response.status_code == 422
    assert "stakeholders" in response.get_json()["errors"]


@pytest.mark.parametrize("value", HOSTILE_IDS)
def test_an_id_out_of_range_in_a_query_string_is_named_or_ignored_never_looked_up(viewer_client, statements, value):
    response = viewer_client.get(f"/engagements/?stakeholder={value}")
    assert response.status_code == 200
    assert "Stakeholder must be a stakeholder id" in parse(response).select_one(".govuk-error-summary").get_text()
    assert not any(value.lstrip("-") in parameters for parameters in statements if len(value) > 2)


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("POST", "/strategy/schedule", {"entry": "²"}),
        ("POST", "/strategy/schedule", {"entry": "2147483648"}),
        ("GET", "/evidence/consultation-statement?consultation=²", None),
        ("GET", "/evidence/dtc-table?body=²", None),
        ("GET", "/engagements/?stakeholder=²", None),
        ("GET", "/admin/audit?entity_id=²", None),
    ],
)
def test_digits_that_are_not_ascii_never_break_a_page(admin_client, method, url, data):
    create_plan()
    response = admin_client.open(url, method=method, data=data)
    assert response.status_code < 500
    if url.startswith("/strategy/"):
        assert response.status_code == 404  # never "schedule everything" for an entry that is not one
