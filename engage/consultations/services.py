"""Setting up consultations: validate, create, update, publish, and the parts of the plan people comment on.

Input is a dict keyed by the API's field names (opens_at/closes_at as aware datetimes), so the pages and the API
share one set of rules.
"""

import re
from datetime import datetime
from typing import Any

import nh3
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from engage.common import audit
from engage.common.dates import YEARS_MESSAGE, govuk_datetime, in_accepted_years
from engage.common.ids import parse_id
from engage.common.pagination import Page, paginate
from engage.common.validation import ValidationError
from engage.consultations import parts as plan_parts
from engage.extensions import db
from engage.models import (
    Consultation,
    ConsultationDocument,
    Invitation,
    Part,
    Plan,
    Question,
    Stakeholder,
    utcnow,
)
from engage.plans import timeline
from engage.vocab import DocumentKind, FormType, QuestionKind
from engage.webhooks import events as webhook_events

MAX_PDF_BYTES = 50 * 1024 * 1024
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TEXT_LIMITS = {"title": 300, "stage": 50, "summary": 20000, "privacy_notice": 20000, "procedure_statement": 20000}
FIELDS = (
    "slug",
    "title",
    "stage",
    "summary",
    "opens_at",
    "closes_at",
    "form_type",
    "privacy_notice",
    "procedure_statement",
    "published",
)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:100]


def _clean_text(data: dict[str, Any], errors: dict) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for field, limit in TEXT_LIMITS.items():
        value = data.get(field)
        if value is None:
            continue
        value = str(value).strip()
        if len(value) > limit:
            errors[field] = [f"Enter {limit:,} characters or fewer"]
        cleaned[field] = value
    return cleaned


def clean(data: dict[str, Any], *, current: Consultation | None = None) -> dict[str, Any]:
    """The fields given, checked and tidied; raises ValidationError and writes nothing when any is wrong."""
    errors: dict[str, list[str]] = {}
    cleaned = _clean_text(data, errors)
    if (current is None or "title" in data) and not cleaned.get("title"):
        errors["title"] = ["Enter a title"]
    if current is None or "slug" in data:
        cleaned["slug"] = _clean_slug(data, cleaned, current, errors)
    _clean_dates(data, cleaned, current, errors)
    if "form_type" in data or current is None:
        form_type = data.get("form_type") or "model-representation-form"
        if form_type not in FormType.values():
            errors["form_type"] = ["Select the type of response form"]
        cleaned["form_type"] = form_type
    if "published" in data:
        cleaned["published"] = bool(data["published"])
    if "plan_id" in data or current is None:
        cleaned["plan_id"] = _clean_plan(data.get("plan_id"), errors)
    _check_stage(cleaned, current, errors)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_stage(cleaned: dict[str, Any], current: Consultation | None, errors: dict) -> None:
    """On a plan with stages, a consultation is at one of its consultation stages, and a published one does not
    overlap another published consultation at the same stage."""
    plan_id = cleaned.get("plan_id", current.plan_id if current else None)
    plan = db.session.get(Plan, plan_id) if plan_id and "plan_id" not in errors else None
    if plan is None or not plan.stages:
        return
    slug = cleaned.get("stage", current.stage if current else "")
    stage = timeline.consulting_stage(plan, slug)
    if stage is None:
        if "stage" in cleaned or current is None or "plan_id" in cleaned:
            names = ", ".join(s.slug for s in plan.stages if s.is_consultation)
            errors["stage"] = [f"Select a consultation stage of the {plan.name} ({names})"]
        return
    opens = cleaned.get("opens_at", current.opens_at if current else None)
    closes = cleaned.get("closes_at", current.closes_at if current else None)
    published = cleaned.get("published", current.published if current else False)
    if not (published and opens and closes) or "opens_at" in errors or "closes_at" in errors:
        return
    other = timeline.overlapping(plan.id, slug, opens, closes, other_than=current.id if current else None)
    if other is not None:
        errors["opens_at"] = [
            f"The dates overlap ‘{other.title}’ ({govuk_datetime(other.opens_at)} to {govuk_datetime(other.closes_at)})"
            f", a published consultation at the {stage.name}: change the dates so they follow one another"
        ]


def _clean_plan(value: Any, errors: dict) -> int | None:
    """The plan a consultation belongs to; when none is given and Engage holds exactly one plan, that one."""
    if value in (None, ""):
        only = db.session.scalars(select(Plan.id).limit(2)).all()
        return only[0] if len(only) == 1 else None
    number = parse_id(str(value))
    plan_id = db.session.scalar(select(Plan.id).where(Plan.id == number)) if number else None
    if plan_id is None:
        errors["plan_id"] = ["Select a plan"]
    return plan_id


def _clean_slug(data: dict[str, Any], cleaned: dict[str, Any], current: Consultation | None, errors: dict) -> str:
    given = str(data.get("slug") or "").strip().lower()
    if not given and not cleaned.get("title"):
        return ""  # made from the title: the missing title's own message says what to do
    slug = given or slugify(cleaned["title"])
    if not SLUG_PATTERN.match(slug or "-"):
        errors["slug"] = ["Enter a web address using lowercase letters, numbers and hyphens, like reg-19-2027"]
    elif _slug_taken(slug, current):
        errors["slug"] = ["Another consultation already uses this web address"]
    return slug


def _clean_dates(data: dict[str, Any], cleaned: dict[str, Any], current: Consultation | None, errors: dict) -> None:
    for field in ("opens_at", "closes_at"):
        if field in data or current is None:
            value = data.get(field)
            if not isinstance(value, datetime) or value.tzinfo is None:
                label = "opening" if field == "opens_at" else "closing"
                errors.setdefault(field, [f"Enter the {label} date and time"])
            elif not in_accepted_years(value):
                errors.setdefault(field, [YEARS_MESSAGE])
            else:
                cleaned[field] = value.replace(second=0, microsecond=0)
    opens = cleaned.get("opens_at", current.opens_at if current else None)
    closes = cleaned.get("closes_at", current.closes_at if current else None)
    if opens and closes and closes <= opens and "closes_at" not in errors:
        errors["closes_at"] = ["The closing date and time must be after the opening date and time"]


def _slug_taken(slug: str, current: Consultation | None) -> bool:
    query = select(Consultation.id).where(Consultation.slug == slug)
    if current is not None:
        query = query.where(Consultation.id != current.id)
    return db.session.scalar(query) is not None


def create_consultation(data: dict[str, Any], *, user=None) -> Consultation:
    parts = plan_parts.clean_parts(data.get("parts") or [])
    consultation = Consultation(**clean(data))
    consultation.parts = plan_parts.nest([Part(**part) for part in parts], data.get("parts") or [])
    db.session.add(consultation)
    db.session.flush()
    timeline.sync_consultation_dates(consultation.plan, consultation.stage)
    audit.record("create", "consultation", consultation.id, consultation.title, user=user)
    db.session.commit()
    return consultation


def update_consultation(consultation: Consultation, data: dict[str, Any], *, user=None) -> Consultation:
    cleaned = clean(data, current=consultation)
    before = {field: _plain(getattr(consultation, field)) for field in cleaned}
    old_plan, old_stage = consultation.plan, consultation.stage
    for field, value in cleaned.items():
        setattr(consultation, field, value)
    db.session.flush()
    timeline.sync_consultation_dates(old_plan, old_stage)
    timeline.sync_consultation_dates(consultation.plan, consultation.stage)
    changes = audit.diff(before, {field: _plain(value) for field, value in cleaned.items()})
    audit.record("update", "consultation", consultation.id, consultation.title, user=user, changes=changes)
    db.session.commit()
    return consultation


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def set_published(consultation: Consultation, published: bool, *, user=None) -> None:
    if published and not consultation.published:
        clean({"published": True}, current=consultation)
    consultation.published = published
    timeline.sync_consultation_dates(consultation.plan, consultation.stage)
    audit.record(
        "publish" if published else "unpublish", "consultation", consultation.id, consultation.title, user=user
    )
    webhook_events.consultation_published(consultation, published)
    db.session.commit()


def close_consultation(consultation: Consultation, *, user=None, moment: datetime | None = None) -> Consultation:
    """Close an open consultation now, ahead of its closing date: the closing time becomes this minute, so anything
    received from now on is late."""
    moment = moment or utcnow()
    status = consultation.status_at(moment)
    if status == "draft":
        raise ValidationError(
            {"closes_at": ["Publish the consultation first: only an open consultation can be closed"]}
        )
    if status == "scheduled":
        message = "The consultation has not opened yet: change its dates instead of closing it"
        raise ValidationError({"closes_at": [message]})
    if status == "closed":
        raise ValidationError({"closes_at": ["The consultation has already closed"]})
    return update_consultation(consultation, {"closes_at": moment}, user=user)


def add_document(consultation: Consultation, data: dict[str, Any], *, user=None) -> ConsultationDocument:
    errors: dict[str, list[str]] = {}
    title = str(data.get("title") or "").strip()
    if not title:
        errors["title"] = ["Enter the document title"]
    kind = data.get("kind") or "link"
    if kind not in DocumentKind.values():
        errors["kind"] = ["Select the type of document: a link, a web page or a PDF file"]
    if kind == "link" and not re.match(r"^https?://\S+$", str(data.get("url") or "")):
        errors["url"] = ["Enter a web address starting with https://"]
    if kind == "html" and not str(data.get("body_html") or "").strip():
        errors["body_html"] = ["Enter the text of the document"]
    content = data.get("content") if kind == "file" else None
    if kind == "file" and not content:
        errors["file"] = ["Select a PDF file"]
    elif content and not content.startswith(b"%PDF"):
        errors["file"] = ["The selected file must be a PDF"]
    elif content and len(content) > MAX_PDF_BYTES:
        errors["file"] = [f"The selected file must be smaller than {MAX_PDF_BYTES // 2**20} MB"]
    if kind not in DocumentKind.values():
        errors["kind"] = ["Select a web page, a link or a PDF"]
    if errors:
        raise ValidationError(errors)
    document = ConsultationDocument(
        consultation=consultation,
        kind=kind,
        title=title[:300],
        url=str(data.get("url") or "")[:2000],
        body_html=nh3.clean(str(data.get("body_html") or "")),
        filename=str(data.get("filename") or "")[:300],
        content_type="application/pdf" if content else "",
        size=len(content or b""),
        content=content,
        position=len(consultation.documents),
    )
    db.session.add(document)
    db.session.flush()
    audit.record("create", "consultation_document", document.id, title, user=user)
    db.session.commit()
    return document


def remove_document(document: ConsultationDocument, *, user=None) -> None:
    audit.record("delete", "consultation_document", document.id, document.title, user=user)
    db.session.delete(document)
    db.session.commit()


def add_question(consultation: Consultation, data: dict[str, Any], *, user=None) -> Question:
    errors: dict[str, list[str]] = {}
    text = str(data.get("text") or "").strip()
    kind = data.get("kind") or "free-text"
    options = [line.strip() for line in str(data.get("options") or "").splitlines() if line.strip()]
    if not text:
        errors["text"] = ["Enter the question"]
    if kind not in QuestionKind.values():
        errors["kind"] = ["Select the type of question"]
    elif kind != "free-text" and len(options) < 2:
        errors["options"] = ["Enter at least 2 options, one a line"]
    if errors:
        raise ValidationError(errors)
    question = Question(
        consultation=consultation,
        kind=kind,
        text=text[:2000],
        hint=str(data.get("hint") or "")[:2000],
        options=options if kind != "free-text" else [],
        required=bool(data.get("required")),
        position=len(consultation.questions),
    )
    db.session.add(question)
    db.session.flush()
    audit.record("create", "consultation_question", question.id, text[:100], user=user)
    db.session.commit()
    return question


def remove_question(question: Question, *, user=None) -> None:
    audit.record("delete", "consultation_question", question.id, question.text[:100], user=user)
    db.session.delete(question)
    db.session.commit()


def status_filter(query, status: str, moment: datetime | None = None):
    """Restrict a Select over Consultation to one derived status."""
    moment = moment or utcnow()
    if status == "draft":
        return query.where(Consultation.published.is_(False))
    published = query.where(Consultation.published.is_(True))
    if status == "scheduled":
        return published.where(Consultation.opens_at > moment)
    if status == "open":
        return published.where(Consultation.opens_at <= moment, Consultation.closes_at > moment)
    if status == "closed":
        return published.where(Consultation.closes_at <= moment)
    return query


def list_consultations(status: str = "") -> list[Consultation]:
    query = select(Consultation).options(selectinload(Consultation.parts)).order_by(Consultation.opens_at.desc())
    return list(db.session.scalars(status_filter(query, status)))


def by_slug(slug: str) -> Consultation | None:
    return db.session.scalar(select(Consultation).where(Consultation.slug == slug))


def invitations_for(stakeholder_id: int) -> list[Invitation]:
    """Every invitation a stakeholder was sent, newest first: for their engagement history."""
    query = (
        select(Invitation)
        .where(Invitation.stakeholder_id == stakeholder_id)
        .options(selectinload(Invitation.consultation))
        .order_by(Invitation.created_at.desc(), Invitation.id.desc())
    )
    return list(db.session.scalars(query))


def invitations_page(consultation_id: int, page: int, per_page: int = 100) -> Page:
    """Who was invited to a consultation and how, a page at a time."""
    query = (
        select(Invitation)
        .where(Invitation.consultation_id == consultation_id)
        .options(selectinload(Invitation.stakeholder))
        .order_by(Invitation.method, Invitation.id)
    )
    return paginate(query, page, per_page, _count_invitations(consultation_id))


def count_invitations(consultation_id: int) -> int:
    return db.session.scalar(_count_invitations(consultation_id))


def _count_invitations(consultation_id: int):
    return select(func.count(Invitation.id)).where(Invitation.consultation_id == consultation_id)


def count_letters_without_address(consultation_id: int) -> int:
    """People to write to who have neither a postal address nor a postcode in the registers."""
    return db.session.scalar(
        select(func.count(Invitation.id))
        .join(Stakeholder, Stakeholder.id == Invitation.stakeholder_id)
        .where(
            Invitation.consultation_id == consultation_id,
            Invitation.method == "letter",
            func.coalesce(Stakeholder.address, "") == "",
            func.coalesce(Stakeholder.postcode, "") == "",
        )
    )
