import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from engage.api import idempotency
from engage.extensions import db
from engage.models import IdempotencyRecord, Stakeholder, StrategicMatter, utcnow
from tests import database
from tests.api.conftest import assert_matches_schema

URL = "/api/v1/stakeholders"
PERSON = {"first_name": "Ada", "last_name": "Jones", "registers": ["general-consultees"]}


def count(model) -> int:
    return db.session.scalar(select(func.count(model.id)))


def post(client, body, key="key-1", url=URL):
    return client.post(url, json=body, headers={"Idempotency-Key": key})


def test_same_key_and_body_returns_the_first_answer_and_creates_one(officer_api):
    first = post(officer_api, PERSON)
    again = post(officer_api, {"registers": ["general-consultees"], "last_name": "Jones", "first_name": "Ada"})
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.get_json() == first.get_json()
    assert_matches_schema(again, "Stakeholder")
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert count(Stakeholder) == 1


def test_same_key_with_a_different_body_is_refused(officer_api):
    post(officer_api, PERSON)
    response = post(officer_api, {**PERSON, "first_name": "Bea"})
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["errors"] == {"Idempotency-Key": ["Already used for a different request"]}
    assert_matches_schema(response, "Problem")
    assert count(Stakeholder) == 1


def test_same_key_on_another_endpoint_is_refused(officer_api):
    post(officer_api, PERSON)
    assert post(officer_api, {"name": "Ports"}, url="/api/v1/strategic-matters").status_code == 422
    assert db.session.scalar(select(StrategicMatter).where(StrategicMatter.name == "Ports")) is None


def test_without_a_key_each_request_creates(officer_api):
    officer_api.post(URL, json=PERSON)
    officer_api.post(URL, json=PERSON)
    assert count(Stakeholder) == 2


def test_a_failed_request_does_not_use_up_its_key(officer_api):
    refused = post(officer_api, {**PERSON, "email": "not an email"})
    assert refused.status_code == 422
    assert count(IdempotencyRecord) == 0
    corrected = post(officer_api, {**PERSON, "email": "ada@example.com"})
    assert corrected.status_code == 201
    assert count(Stakeholder) == 1


def test_keys_belong_to_their_user(officer_api, admin_api):
    post(officer_api, PERSON)
    assert post(admin_api, PERSON).headers.get("Idempotent-Replayed") is None
    assert count(Stakeholder) == 2


def test_keys_expire_after_24_hours(officer_api):
    post(officer_api, PERSON)
    record = db.session.scalar(select(IdempotencyRecord))
    record.created_at = utcnow() - timedelta(hours=25)
    db.session.commit()
    assert post(officer_api, PERSON).status_code == 201
    assert count(Stakeholder) == 2
    assert count(IdempotencyRecord) == 1


def test_patch_and_delete_replay_too(officer_api):
    created = post(officer_api, PERSON, key="create").get_json()
    url = f"{URL}/{created['id']}"
    first = officer_api.patch(url, json={"ward": "Oxhey"}, headers={"Idempotency-Key": "patch"})
    again = officer_api.patch(url, json={"ward": "Oxhey"}, headers={"Idempotency-Key": "patch"})
    assert again.get_json() == first.get_json()
    assert_matches_schema(again, "Stakeholder")
    erased = officer_api.delete(url, headers={"Idempotency-Key": "erase"})
    replayed = officer_api.delete(url, headers={"Idempotency-Key": "erase"})
    assert replayed.get_json() == erased.get_json()
    assert_matches_schema(replayed, "Stakeholder")
    assert count(IdempotencyRecord) == 3


def test_a_key_still_in_progress_is_a_409(officer_api):
    post(officer_api, PERSON)
    record = db.session.scalar(select(IdempotencyRecord))
    record.status = 0
    db.session.commit()
    response = post(officer_api, PERSON)
    assert response.status_code == 409
    assert_matches_schema(response, "Problem")
    assert count(Stakeholder) == 1


def test_a_connection_lost_before_the_answer_is_stored_keeps_neither_and_the_retry_writes_once(
    officer_api, monkeypatch
):
    """The write and the key's answer are committed together: never a write whose key is "in progress" for ever."""
    settle = idempotency._settle

    def lost(reservation, response, *_):
        monkeypatch.setattr(idempotency, "_settle", settle)
        raise OperationalError("COMMIT", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(idempotency, "_settle", lost)

    assert post(officer_api, PERSON).status_code == 503
    db.session.expire_all()
    assert (count(Stakeholder), count(IdempotencyRecord)) == (0, 0)
    assert post(officer_api, PERSON).status_code == 201
    assert post(officer_api, PERSON).headers["Idempotent-Replayed"] == "true"
    assert (count(Stakeholder), count(IdempotencyRecord)) == (1, 1)


def test_an_unusable_key_is_a_422(officer_api):
    for key in ("", "x" * 201):
        response = post(officer_api, PERSON, key=key)
        assert response.status_code == 422
        assert_matches_schema(response, "Problem")
    assert count(Stakeholder) == 0


@pytest.mark.postgres
def test_concurrent_requests_with_one_key_create_one_stakeholder(officer_api):
    if not database.postgres_url():
        pytest.skip("needs PostgreSQL: concurrent writers")
    barrier = threading.Barrier(4)

    def send(_):
        barrier.wait()
        return post(officer_api, PERSON, key="race").status_code

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(send, range(4)))
    assert count(Stakeholder) == 1
    assert statuses.count(201) >= 1
    assert set(statuses) <= {201, 409}


def test_every_api_write_commits_last_and_honours_a_key(app):
    unguarded = [
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.") and rule.methods & {"POST", "PUT", "PATCH", "DELETE"}
        if not getattr(app.view_functions[rule.endpoint], "idempotent", False)
    ]
    assert unguarded == []
