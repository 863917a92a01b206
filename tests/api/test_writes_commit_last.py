"""An API write commits last: a failure while the answer is built writes nothing, and a clash with a record saved
a moment before is a 409 problem that writes nothing."""

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from engage import models
from engage.consultations import services as consultation_services
from engage.extensions import db
from engage.stakeholders.schemas import Stakeholder
from tests.api.conftest import assert_matches_schema
from tests.api.test_stakeholders import NEW
from tests.factories import create_authority, create_consultation, create_plan


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_failure_while_the_answer_is_built_writes_nothing(officer_api, monkeypatch):
    create_authority()
    audit_before = _count(models.AuditEvent)

    def lost(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection unexpectedly"))

    monkeypatch.setattr(Stakeholder, "serialise", classmethod(lost))
    response = officer_api.post("/api/v1/stakeholders", json=NEW)

    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert _count(models.Stakeholder) == 0
    assert _count(models.AuditEvent) == audit_before


def test_the_write_is_committed_once_the_answer_is_built(officer_api):
    create_authority()
    response = officer_api.post("/api/v1/stakeholders", json=NEW)
    assert response.status_code == 201
    db.session.remove()
    assert _count(models.Stakeholder) == 1


def test_a_slug_taken_a_moment_before_is_a_409_problem_and_writes_nothing(officer_api, monkeypatch):
    create_plan()
    taken = create_consultation(slug="local-plan")
    monkeypatch.setattr(consultation_services, "_slug_taken", lambda slug, current: False)
    body = {
        "title": "Local plan",
        "slug": taken.slug,
        "stage": "reg-19",
        "opens_at": "2027-09-01T09:00:00+01:00",
        "closes_at": "2027-10-13T23:59:00+01:00",
        "parts": [{"ref": "MM1", "title": "Policy SP1"}],
    }
    audit_before = _count(models.AuditEvent)

    response = officer_api.post("/api/v1/consultations", json=body)

    assert response.status_code == 409
    assert response.mimetype == "application/problem+json"
    assert "Nothing was saved" in response.get_json()["detail"]
    assert_matches_schema(response, "Problem")
    assert _count(models.Consultation) == 1
    assert _count(models.Part) == 2
    assert _count(models.AuditEvent) == audit_before
