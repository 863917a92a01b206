"""Rules the pages, the API and imports share: links to other records, duplicates, the export audit."""

import pytest
from sqlalchemy import func, select

from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import AuditEvent, Stakeholder
from engage.stakeholders import services
from tests.factories import create_stakeholder


def test_duplicates_are_refused_only_when_asked_to_check():
    existing = create_stakeholder(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    data = {"first_name": "Ada", "last_name": "Lovelace", "email": "ADA@example.com"}
    with pytest.raises(services.PossibleDuplicates) as found:
        services.create_stakeholder(data, check_duplicates=True)
    assert [s.id for s in found.value.stakeholders] == [existing.id]
    assert db.session.scalar(select(func.count(Stakeholder.id))) == 1
    services.create_stakeholder(data, check_duplicates=True, accepted_duplicates={existing.id})
    services.create_stakeholder(data)
    assert db.session.scalar(select(func.count(Stakeholder.id))) == 3


def test_validation_errors_come_before_the_duplicate_check():
    create_stakeholder(first_name="Ada", last_name="Lovelace", email="ada@example.com")
    with pytest.raises(ValidationError) as error:
        services.create_stakeholder(
            {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "postcode": "zzz"},
            check_duplicates=True,
        )
    assert list(error.value.errors) == ["postcode"]


def test_organisation_with_the_same_name_is_a_duplicate():
    existing = create_stakeholder(kind="organisation", organisation="Affinity Water", email="")
    with pytest.raises(services.PossibleDuplicates) as found:
        services.create_stakeholder({"kind": "organisation", "organisation": "affinity water"}, check_duplicates=True)
    assert [s.id for s in found.value.stakeholders] == [existing.id]


def test_update_checks_duplicates_only_when_identity_changes():
    create_stakeholder(first_name="Bea", last_name="Other", email="bea@example.com")
    twin = create_stakeholder(first_name="Bea", last_name="Other", email="bea@example.com")
    services.update_stakeholder(twin, {"phone": "01923 000000"}, check_duplicates=True)
    with pytest.raises(services.PossibleDuplicates):
        services.update_stakeholder(twin, {"first_name": "Beatrice", "email": "bea@example.com"}, check_duplicates=True)
    db.session.expire_all()
    assert db.session.get(Stakeholder, twin.id).first_name == "Bea"


def test_organisation_link_sets_the_organisation_and_search_text():
    organisation = create_stakeholder(kind="organisation", organisation="Thames Water")
    person = create_stakeholder(first_name="Wat", last_name="Er", organisation_id=str(organisation.id))
    assert person.organisation is organisation
    assert "thames water" in person.search_text
    services.update_stakeholder(person, {"organisation_id": ""})
    assert person.organisation_id is None


def test_stakeholder_cannot_be_its_own_agent_or_organisation():
    organisation = create_stakeholder(kind="organisation", organisation="Thames Water")
    with pytest.raises(ValidationError) as error:
        services.update_stakeholder(
            organisation, {"agent_id": organisation.id, "organisation_id": str(organisation.id)}
        )
    assert error.value.errors == {
        "organisation_id": ["An organisation cannot be a member of itself"],
        "agent_id": ["A stakeholder cannot be their own agent"],
    }


def test_erased_stakeholder_cannot_be_an_agent():
    agent = create_stakeholder()
    services.erase_stakeholder(agent)
    with pytest.raises(ValidationError) as error:
        services.create_stakeholder({"first_name": "A", "last_name": "B", "agent_id": agent.id})
    assert list(error.value.errors) == ["agent_id"]


def test_record_export_writes_an_audit_event_with_filters_and_rows():
    services.record_export({"register": "mps"}, 1234, "csv")
    event = db.session.scalar(select(AuditEvent))
    assert (event.action, event.entity_type) == ("export", "stakeholder")
    assert event.summary == "Exported 1,234 stakeholders as CSV"
    assert event.changes == {"filters": {"register": "mps"}, "rows": 1234, "format": "csv"}


def test_column_fields_are_the_plain_values_clean_gives_and_stakeholder_columns():
    data = {
        "kind": "person",
        "organisation": "Affinity Water",
        "email": "ada@example.com",
        "postcode": "al13je",
        "preferred_channel": "post",
        "authority": "",
        "registers": "",
        "categories": "",
        "body_kinds": "",
        "organisation_id": "",
        "agent_id": "",
        **dict.fromkeys(services.TEXT_FIELDS, "x"),
        **dict.fromkeys(services.BOOL_FIELDS, "yes"),
    }
    values = services.clean(data, services.Lookups())
    links = {"authority", "registers", "categories", "body_kinds", "organisation", "agent"}
    assert set(values) - links == set(services.COLUMN_FIELDS)
    assert set(services.COLUMN_FIELDS) <= set(Stakeholder.__table__.columns.keys())
