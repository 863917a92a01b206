"""Every route of the URL map, signed in as an administrator with a token for the API, sent what a hostile visitor
might: a query string of unreadable characters, empty posts, uploads with unreadable file names, and every form of
every page filled with a NUL character, U+FFFD, a digit that is not ASCII or nothing (the date boxes emptied too).
None may answer a 5xx."""

import io
import re

from engage.auth.services import create_token
from engage.extensions import db
from tests.evidence.common_ground.scg_data import two_party_statement
from tests.factories import (
    create_action,
    create_consultation,
    create_engagement,
    create_plan,
    create_stakeholder,
    create_webhook,
    create_webhook_delivery,
)
from tests.pages import parse

NAMES = "q page status from to consultation plan stakeholder kind nature entity_id part sort scope matter authority"
VALUES = ["%00", "%ED%A0%80", "%EF%BF%BD", "%C2%B2", "zz"]
QUERY = "?" + "&".join(f"{name}={VALUES[index % len(VALUES)]}" for index, name in enumerate(NAMES.split()))
TEXTS = ["a\x00b", "", "\ufffd", "²"]
DATE_BOX = re.compile(r"-(day|month|year)$|date|_on$|_at$")
SIGN_OUT = "/sign-out"


def _filled(form, text: str) -> dict:
    """What a browser would send from `form`, with `text` in every text box."""
    data = {}
    for element in form.select("input, textarea, select"):
        name, kind = element.get("name"), (element.get("type") or "text").lower()
        if not name or kind in ("submit", "button", "file"):
            continue
        if element.name == "textarea" or kind in ("text", "email", "tel", "password", "search", "url", "number"):
            data[name] = text
        elif kind in ("radio", "checkbox"):
            if element.has_attr("checked") or (kind == "radio" and name not in data):
                data.setdefault(name, element.get("value"))
        elif element.name == "select":
            chosen = element.select_one("option[selected]") or element.select_one("option[value]:not([value=''])")
            data[name] = chosen.get("value") if chosen else ""
        else:
            data[name] = element.get("value", "")
    return data


def _address(rule, consultation_slug: str) -> str:
    def fill(match):
        converter = match.group(1)
        if converter and converter.startswith("any("):
            return converter[4:].split(",")[0].strip().strip("'\"")
        if converter == "int":
            return "1"
        return consultation_slug if "consult" in rule.rule else "swh-jsp"

    return re.sub(r"<(?:([^:>]+):)?([a-z_]+)>", fill, rule.rule)


def _requests(client, address: str, method: str):
    """(method, address, keyword arguments) for each hostile request to one route."""
    if method == "GET":
        yield method, address + QUERY, {}
        return
    for text in TEXTS:
        if address.startswith("/api/"):
            fields = (
                "name",
                "title",
                "date",
                "signed_on",
                "consultation_id",
                "stakeholder_id",
                "text",
                "url",
                "status",
            )
            yield method, address, {"json": dict.fromkeys(fields, text)}
            upload = {"title": "Plan", "start": "false", "file": (io.BytesIO(b"%PDF-1.4 a,b\n1,2\n"), f"{text}.pdf")}
            yield method, address, {"data": upload, "content_type": "multipart/form-data"}
        else:
            yield method, address, {"data": {}}
    if address.startswith("/api/"):
        return
    page = client.get(address)
    if page.status_code != 200 or "html" not in page.mimetype:
        return
    for form in parse(page).select("form"):
        action = form.get("action") or address
        if (form.get("method") or "get").lower() != "post" or SIGN_OUT in action:
            continue
        for text in TEXTS:
            data = _filled(form, text)
            yield "POST", action, {"data": data}
            yield "POST", action, {"data": {k: "" if DATE_BOX.search(k) else v for k, v in data.items()}}


def test_no_route_answers_a_hostile_request_with_a_server_error(admin_client, app):
    create_plan()
    consultation = create_consultation()
    create_stakeholder()
    create_action(create_engagement())
    create_webhook_delivery(create_webhook())
    two_party_statement()
    admin_client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {create_token(admin_client.user, 'tests')}"
    failures, sent = [], 0
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.rule == SIGN_OUT:
            continue
        with admin_client.session_transaction() as session:  # a route may have signed the administrator out
            session["_user_id"] = str(admin_client.user.id)
            session["_fresh"] = True
        address = _address(rule, consultation.slug)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for verb, path, sent_with in list(_requests(admin_client, address, method)):
                sent += 1
                try:  # the test client raises what a server would answer with a 500
                    status = str(admin_client.open(path, method=verb, **sent_with).status_code)
                except Exception as error:  # noqa: BLE001 (every failure is listed, not only the first)
                    status = f"{type(error).__name__}: {str(error)[:200]}"
                if not status.isdigit() or int(status) >= 500:
                    failures.append(f"{verb} {path} {str(sent_with)[:200]} -> {status}")
                    db.session.rollback()
    assert sent > 900  # the forms of the pages were found and posted
    assert not failures, "\n".join(failures)
