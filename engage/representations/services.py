"""Representations: check them and record them (online, or keyed in by officers); withdrawals.py withdraws them.

One set of rules for the public form, officer intake and the API. Input dicts use the API's field names.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_, select

from engage.common import audit
from engage.common.ids import parse_id
from engage.common.validation import (
    EMAIL_MESSAGE,
    POSTCODE_MESSAGE,
    ValidationError,
    normalise_email,
    normalise_postcode,
)
from engage.extensions import db
from engage.models import Consultation, Representation, Respondent, Stakeholder, utcnow
from engage.models.representation import PERSON_FIELDS, parse_reference
from engage.representations import respondents
from engage.representations.attachments import add_attachment, check_upload
from engage.vocab import Answer, Channel, Nature, NotifyEvent, SoundnessTest
from engage.webhooks import events as webhook_events

COMMENT_LIMIT = 100_000
PERSON_LIMITS = {
    "title": 50,
    "first_name": 100,
    "last_name": 100,
    "organisation": 300,
    "job_title": 200,
    "email": 320,
    "phone": 50,
    "address": 2000,
    "postcode": 20,
}
LEGAL_FIELDS = ("legally_compliant", "sound", "dtc_compliant")


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def clean_person(data: dict[str, Any] | None, prefix: str = "", *, require_contact: bool = True) -> dict[str, str]:
    """Name and contact details; errors are keyed `<prefix><field>` so they land on the right form field."""
    data = data or {}
    errors: dict[str, list[str]] = {}
    person = {field: _text(data.get(field)) for field in PERSON_FIELDS}
    for field, limit in PERSON_LIMITS.items():
        if len(person[field]) > limit:
            errors[prefix + field] = [f"Enter {limit:,} characters or fewer"]
    whose = "the agent’s" if prefix == "agent_" else "a"  # an agent's errors say so: both sets are on one page
    if not person["first_name"] and not person["organisation"]:
        errors[prefix + "first_name"] = [f"Enter {whose} first name"]
    if person["first_name"] and not person["last_name"]:
        errors[prefix + "last_name"] = [f"Enter {whose} last name"]
    if person["email"]:
        email = normalise_email(person["email"])
        if email is None:
            errors[prefix + "email"] = [EMAIL_MESSAGE]
        person["email"] = email or person["email"]
    elif require_contact and not person["address"]:
        contact = "the agent’s email address or postal address" if prefix else "an email address or a postal address"
        errors[prefix + "email"] = [f"Enter {contact}, so we can contact {'them' if prefix else 'you'}"]
    if person["postcode"]:
        postcode = normalise_postcode(person["postcode"])
        if postcode is None:
            errors[prefix + "postcode"] = [POSTCODE_MESSAGE]
        person["postcode"] = postcode or person["postcode"]
    if errors:
        raise ValidationError(errors)
    return person


def _choice(data, field, allowed, default, errors, message):
    value = data.get(field)
    if value in (None, ""):
        return default
    if value not in allowed:
        errors[field] = [message]
    return value


def _choices(data, field, allowed, errors, message) -> list[str]:
    values = data.get(field) or []
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list) or any(value not in allowed for value in values):
        errors[field] = [message]
        return []
    return [value for value in allowed if value in values]


def clean_item(
    consultation: Consultation, data: dict[str, Any], *, online: bool = False, parts: Sequence | None = None
) -> dict[str, Any]:
    """One representation's content, checked against the consultation's parts and questions. `online`: the
    respondent's own form, which asks every question, so it must say whether they support, object or comment, and
    which tests of soundness the plan fails when they say it is not sound. `parts`: the parts to check against
    (anything with `id` and `ref`, as engage.consultations.parts.outline reads them), if not consultation.parts."""
    errors: dict[str, list[str]] = {}
    parts = consultation.parts if parts is None else parts
    item: dict[str, Any] = {"part_id": _clean_part(consultation, parts, data, errors)}
    item["nature"] = _choice(data, "nature", Nature.values(), "comment", errors, "Select support, object or comment")
    for field in LEGAL_FIELDS:
        item[field] = _choice(data, field, Answer.values(), "not-specified", errors, "Select yes, no or not specified")
    tests = SoundnessTest.values()
    item["unsound_tests"] = _choices(data, "unsound_tests", tests, errors, "Select the tests of soundness")
    item["notify"] = _choices(data, "notify", NotifyEvent.values(), errors, "Select when you want to be told")
    for field in ("comment", "modification", "heard_reason"):
        item[field] = _text(data.get(field))
        if len(item[field]) > COMMENT_LIMIT:
            errors[field] = [f"Enter {COMMENT_LIMIT:,} characters or fewer"]
    item["wishes_to_be_heard"] = data.get("wishes_to_be_heard") in (True, "yes", "true")
    item["answers"] = _clean_answers(consultation, data.get("answers") or {}, errors)
    if not consultation.is_questionnaire and not item["comment"] and "comment" not in errors:
        errors["comment"] = ["Enter your comments"]
    if consultation.is_questionnaire and not item["comment"] and not any(item["answers"].values()):
        errors.setdefault("comment", ["Answer at least one question or enter your comments"])
    if item["wishes_to_be_heard"] and not item["heard_reason"]:
        errors["heard_reason"] = ["Enter why you want to take part in the hearing sessions"]
    if online and not consultation.is_questionnaire:
        _answered_in_full(data, item, errors)
    if errors:
        raise ValidationError(errors)
    return item


def _answered_in_full(data: dict[str, Any], item: dict[str, Any], errors: dict) -> None:
    if data.get("nature") in (None, ""):
        errors["nature"] = ["Select whether you support, object or want to comment"]
    if item["sound"] == Answer.NO and not item["unsound_tests"] and "unsound_tests" not in errors:
        errors["unsound_tests"] = ["Select at least one test of soundness the plan fails, as you said it is not sound"]


def _clean_part(consultation: Consultation, parts: Sequence, data: dict[str, Any], errors: dict) -> int | None:
    ref = _text(data.get("part"))
    if not ref:
        if parts and not consultation.is_questionnaire:
            errors["part"] = ["Select the part of the plan you are commenting on"]
        return None
    for part in parts:
        if part.ref.lower() == ref.lower() or str(part.id) == ref:
            return part.id
    errors["part"] = [f"There is no part of the plan called ‘{ref[:100]}’ in this consultation"]
    return None


def _clean_answers(consultation: Consultation, answers: dict, errors: dict) -> dict[str, Any]:
    if not isinstance(answers, dict):
        errors["answers"] = ["Answers must be given for each question"]
        return {}
    cleaned: dict[str, Any] = {}
    for question in consultation.questions if consultation.is_questionnaire else []:  # only a questionnaire asks
        value = answers.get(str(question.id), answers.get(question.id))
        key = f"question_{question.id}"
        if question.kind == "free-text":
            value = _text(value)
            if len(value) > COMMENT_LIMIT:
                errors[key] = [f"Enter {COMMENT_LIMIT:,} characters or fewer"]
        elif question.kind == "single-choice":
            value = _text(value)
            if value and value not in question.options:
                errors[key] = ["Select one of the options"]
        else:
            value = [v for v in (value or []) if v in question.options] if isinstance(value, list) else []
        if question.required and not value:
            errors.setdefault(key, ["Answer this question"])
        cleaned[str(question.id)] = value
    return cleaned


def record_response(
    consultation: Consultation,
    person: dict[str, str],
    agent: dict[str, str] | None,
    items: list[dict[str, Any]],
    *,
    channel: str = "online",
    received_at: datetime | None = None,
    user=None,
    stakeholder_id: int | None = None,
    commit: bool = True,
) -> Respondent:
    """A respondent and their representations, numbered from 1. Late when received from the closing time on.
    Items must already be cleaned (clean_item)."""
    if channel not in Channel.values():
        raise ValidationError({"channel": ["Select online, email, post or in person"]})
    received_at = received_at or utcnow()
    respondent = Respondent(
        consultation_id=consultation.id, stakeholder_id=stakeholder_id, agent=agent or None, **person
    )
    late = received_at >= consultation.closes_at
    respondent.representations = [
        Representation(
            consultation_id=consultation.id,
            number=number,
            channel=channel,
            received_at=received_at,
            late=late,
            entered_by_id=getattr(user, "id", None),
            **item,
        )
        for number, item in enumerate(items, start=1)
    ]
    db.session.add(respondent)
    db.session.flush()
    audit.record(
        "create",
        "respondent",
        respondent.id,
        f"{respondent.reference}: {len(items)} representations ({channel})",
        user=user,
    )
    webhook_events.representations_created(respondent.representations)
    if commit:
        db.session.commit()
    return respondent


def key_in(consultation: Consultation, person, agent, item, **kwargs) -> Respondent:
    """A keyed-in representation from a new respondent, whoever else is on record (tests and seeds)."""
    return key_in_representation(consultation, person, agent, item, new_respondent=True, **kwargs).respondent


def key_in_representation(
    consultation: Consultation,
    person: dict[str, Any],
    agent: dict[str, Any] | None,
    item: dict[str, Any],
    *,
    channel: str,
    received_at: datetime | None,
    stakeholder_id: Any = None,
    upload: tuple[str, bytes] | None = None,
    user=None,
    respondent_reference: str | None = None,
    new_respondent: bool = False,
) -> Representation:
    """An email, post or in-person representation keyed in by an officer, with the file that came with it (if any:
    `upload` is (filename, bytes)); late ones are kept and flagged. When respondents on record may be the same
    person, the officer says so: `respondent_reference` adds it to that respondent, `new_respondent` makes a new
    one, and neither raises respondents.SamePersonQuestion (see engage.representations.respondents)."""
    errors: dict[str, list[str]] = {}
    checks = {
        "person": lambda: clean_person(person, require_contact=False),
        "agent": lambda: clean_person(agent, prefix="agent_") if agent else None,
        "item": lambda: clean_item(consultation, item),
        "file": lambda: check_upload(*upload) if upload else None,
    }
    cleaned: dict[str, Any] = {}
    for key, check in checks.items():
        try:
            cleaned[key] = check()
        except ValidationError as error:
            errors.update(error.errors)
    if received_at is None:
        errors["received_on"] = ["Enter the date the representation was received"]
    elif received_at > utcnow():
        errors["received_on"] = ["The date received must be today or in the past"]
    if channel not in Channel.values() or channel == Channel.ONLINE:
        errors["channel"] = ["Select email, post or in person"]
    stakeholder = _stakeholder_id(stakeholder_id, errors)
    if errors:
        raise ValidationError(errors)
    existing = respondents.choose_respondent(
        consultation, cleaned["person"], respondent_reference=respondent_reference, new_respondent=new_respondent
    )
    if existing is None:
        representation = record_response(
            consultation,
            cleaned["person"],
            cleaned["agent"],
            [cleaned["item"]],
            channel=channel,
            received_at=received_at,
            user=user,
            stakeholder_id=stakeholder,
            commit=False,
        ).representations[0]
    else:
        respondents.complete_details(existing, cleaned["person"], cleaned["agent"], user=user)
        existing.stakeholder_id = existing.stakeholder_id or stakeholder
        representation = _add(existing, cleaned["item"], channel=channel, received_at=received_at, user=user)
    if cleaned["file"]:
        add_attachment(cleaned["file"], representation_id=representation.id)
    db.session.commit()
    return representation


def _stakeholder_id(value: Any, errors: dict) -> int | None:
    raw = _text(value)
    if not raw:
        return None
    stakeholder_id = parse_id(raw)
    if stakeholder_id is None or db.session.get(Stakeholder, stakeholder_id) is None:
        errors["stakeholder_id"] = ["There is no stakeholder with this record number"]
        return None
    return stakeholder_id


def add_to_respondent(
    respondent: Respondent, item: dict[str, Any], *, channel: str, received_at: datetime, user=None, commit=True
) -> Representation:
    """Another representation from a respondent already on record (officer intake). Items must be cleaned."""
    representation = _add(respondent, item, channel=channel, received_at=received_at, user=user)
    if commit:
        db.session.commit()
    return representation


def _add(respondent: Respondent, item: dict[str, Any], *, channel: str, received_at: datetime, user=None):
    representation = Representation(
        consultation_id=respondent.consultation_id,
        respondent_id=respondent.id,
        number=respondents.next_number(respondent),
        channel=channel,
        received_at=received_at,
        late=received_at >= respondent.consultation.closes_at,
        entered_by_id=getattr(user, "id", None),
        **item,
    )
    db.session.add(representation)
    db.session.flush()
    audit.record("create", "representation", representation.id, representation.reference, user=user)
    webhook_events.representations_created([representation])
    return representation


def find_representation(reference: str) -> Representation | None:
    parsed = parse_reference(reference)
    if parsed is None or parsed[1] is None or parse_id(parsed[0]) is None or parse_id(parsed[1]) is None:
        return None
    return db.session.scalar(
        select(Representation).where(Representation.respondent_id == parsed[0], Representation.number == parsed[1])
    )


def find_respondent(reference: str) -> Respondent | None:
    parsed = parse_reference(reference)
    if parsed is None or parse_id(parsed[0]) is None:
        return None
    return db.session.get(Respondent, parsed[0])


def matching_stakeholders(person: dict[str, str], limit: int = 5) -> list[Stakeholder]:
    """Stakeholders who may be this respondent: same email, or same first and last name."""
    conditions = []
    if person.get("email"):
        conditions.append(func.lower(Stakeholder.email) == person["email"].lower())
    if person.get("first_name") and person.get("last_name"):
        conditions.append(
            (func.lower(Stakeholder.first_name) == person["first_name"].lower())
            & (func.lower(Stakeholder.last_name) == person["last_name"].lower())
        )
    if not conditions:
        return []
    query = select(Stakeholder).where(or_(*conditions), Stakeholder.erased_at.is_(None)).order_by(Stakeholder.sort_name)
    return list(db.session.scalars(query.limit(limit)))


def link_stakeholder(respondent: Respondent, stakeholder: Stakeholder | None, *, user=None) -> None:
    respondent.stakeholder_id = stakeholder.id if stakeholder else None
    audit.record(
        "update",
        "respondent",
        respondent.id,
        f"{respondent.reference} linked to a stakeholder",
        user=user,
        changes={"stakeholder_id": [None, respondent.stakeholder_id]},
    )
    db.session.commit()
