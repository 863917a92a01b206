"""Finding representations: the officers' inbox, the API listing and the evidence outputs share these filters."""

from dataclasses import dataclass, fields

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from engage.common.ids import parse_id
from engage.extensions import db
from engage.models import Part, Representation, Respondent

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
