"""Model objects as the JSON the API contract (shared/API.md) names. One function per resource."""

from typing import Any

from engage.common.dates import iso_datetime
from engage.models import Authority, Register, Stakeholder, StrategicMatter


def authority(item: Authority) -> dict[str, Any]:
    return {"id": item.id, "code": item.code, "name": item.name, "kind": item.kind}


def register(item: Register, stakeholder_count: int) -> dict[str, Any]:
    return {"id": item.id, "slug": item.slug, "name": item.name, "stakeholder_count": stakeholder_count}


def strategic_matter(item: StrategicMatter) -> dict[str, Any]:
    return {"id": item.id, "slug": item.slug, "name": item.name}


def stakeholder(item: Stakeholder) -> dict[str, Any]:
    """For an organisation, `organisation` is its own name (as sent); for a person, the body they work for."""
    return {
        "id": item.id,
        "kind": item.kind,
        "title": item.title,
        "first_name": item.first_name,
        "last_name": item.last_name,
        "name": item.name,
        "job_title": item.job_title,
        "organisation": item.organisation_name if item.kind == "organisation" else item.organisation_label,
        "organisation_id": item.organisation_id,
        "email": item.email,
        "phone": item.phone,
        "address": item.address,
        "postcode": item.postcode,
        "authority": item.authority.code if item.authority else None,
        "registers": [r.slug for r in item.registers],
        "categories": [c.slug for c in item.categories],
        "body_kinds": [b.slug for b in item.body_kinds],
        "party": item.party,
        "ward": item.ward,
        "constituency": item.constituency,
        "preferred_channel": item.preferred_channel,
        "accessibility_needs": item.accessibility_needs,
        "language": item.language,
        "agent_id": item.agent_id,
        "do_not_contact": item.do_not_contact,
        "consent_to_notifications": item.consent_to_notifications,
        "notes": item.notes,
        "erased_at": iso_datetime(item.erased_at),
        "created_at": iso_datetime(item.created_at),
        "updated_at": iso_datetime(item.updated_at),
    }
