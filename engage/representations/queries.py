"""Finding representations: the officers' inbox, the API listing and the evidence outputs share these filters."""

from dataclasses import dataclass, fields

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from engage.common.ids import parse_id
from engage.extensions import db
from engage.models import Part, Representation, Respondent
from engage.vocab import Answer, Channel, Nature, RepresentationStatus

TRUE = ("true", "yes", "1")
FALSE = ("false", "no", "0")


@dataclass
class RepresentationFilters:
    part: str = ""
    nature: str = ""
    channel: str = ""
    late: str = ""
    legally_compliant: str = ""
    sound: str = ""
    dtc_compliant: str = ""
    status: str = ""
    campaign: str = ""

    @classmethod
    def from_args(cls, args) -> "RepresentationFilters":
        return cls(**{f.name: (args.get(f.name) or "").strip()[:100] for f in fields(cls)})

    def as_args(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def representations_query(consultation_id: int, filters: RepresentationFilters) -> Select:
    """Representations of a consultation, oldest first, with respondent and part loaded."""
    query = select(Representation).where(Representation.consultation_id == consultation_id)
    query = _filtered(query, filters)
    return query.options(selectinload(Representation.respondent), selectinload(Representation.part)).order_by(
        Representation.received_at, Representation.respondent_id, Representation.number
    )


def ids_query(consultation_id: int, filters: RepresentationFilters) -> Select:
    """The ids of the representations the search finds, for actions on all of them at once."""
    query = select(Representation.id).where(Representation.consultation_id == consultation_id)
    return _filtered(query, filters)


def count_query(consultation_id: int, filters: RepresentationFilters) -> Select:
    query = select(func.count(Representation.id)).where(Representation.consultation_id == consultation_id)
    return _filtered(query, filters)


def _filtered(query: Select, filters: RepresentationFilters) -> Select:
    if filters.part:
        query = query.join(Part, Part.id == Representation.part_id).where(func.lower(Part.ref) == filters.part.lower())
    for name in ("nature", "channel", "legally_compliant", "sound", "dtc_compliant", "status"):
        if getattr(filters, name):
            query = query.where(getattr(Representation, name) == getattr(filters, name))
    if filters.late.lower() in TRUE:
        query = query.where(Representation.late.is_(True))
    elif filters.late.lower() in FALSE:
        query = query.where(Representation.late.is_(False))
    if parse_id(filters.campaign):
        query = query.where(Representation.campaign_id == parse_id(filters.campaign))
    elif filters.campaign.lower() in ("none", "null"):
        query = query.where(Representation.campaign_id.is_(None))
    return query


def counts_by_consultation() -> dict[int, int]:
    query = select(Representation.consultation_id, func.count()).group_by(Representation.consultation_id)
    return dict(db.session.execute(query).all())


def respondents_of(consultation_id: int) -> Select:
    return select(Respondent).where(Respondent.consultation_id == consultation_id).order_by(Respondent.id)


def filter_problems(part_refs: list[str], args) -> dict[str, list[str]]:
    """Unknown values in a representation list's query string, by parameter (`part_refs`: the consultation's
    parts), so the page can say so instead of showing an empty list as if nobody had responded."""
    filters = RepresentationFilters.from_args(args)
    problems: dict[str, list[str]] = {}
    closed = {
        "nature": Nature.values(),
        "channel": Channel.values(),
        "legally_compliant": Answer.values(),
        "sound": Answer.values(),
        "dtc_compliant": Answer.values(),
        "status": RepresentationStatus.values(),
    }
    for name, allowed in closed.items():
        value = getattr(filters, name)
        if value and value not in allowed:
            problems[name] = [f"{name.replace('_', ' ').capitalize()} must be one of: {', '.join(allowed)}"]
    if filters.late and filters.late.lower() not in TRUE + FALSE:
        problems["late"] = ["Late must be true or false"]
    if filters.campaign and not parse_id(filters.campaign) and filters.campaign.lower() not in ("none", "null"):
        problems["campaign"] = ["Campaign must be a campaign id, a whole number, or none"]
    if filters.part and filters.part.lower() not in {ref.lower() for ref in part_refs}:
        problems["part"] = [f"There is no part of the plan called ‘{filters.part}’ in this consultation"]
    return problems
