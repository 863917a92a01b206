"""Which representations a bulk action applies to: the ones an officer ticked, every one the representation search
finds, or a whole campaign. Shared by the themes page, the main issue pages and the API."""

from dataclasses import dataclass, field

from sqlalchemy import and_, exists, not_, select

from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation, Representation, representation_matter, representation_theme
from engage.models.representation import parse_reference
from engage.representations import queries
from engage.vocab import SelectionScope

NOTHING_SELECTED = "Select at least one representation"


@dataclass
class Selection:
    scope: str = SelectionScope.SELECTED
    ids: list[int] = field(default_factory=list)  # ticked representations (row ids)
    references: list[str] = field(default_factory=list)  # or their references (the API)
    filters: queries.RepresentationFilters = field(default_factory=queries.RepresentationFilters)
    campaign: str = ""  # a campaign id, as typed or sent
    tagged: str = ""  # with the search: a theme id (tagged with it) or "none" (no theme or matter yet)

    @classmethod
    def of(cls, scope: str, *, ids=(), references=(), filters=None, campaign="", tagged="") -> "Selection":
        return cls(
            scope=scope or SelectionScope.SELECTED,
            ids=[i for i in (parse_id(str(each)) for each in ids) if i],
            references=[str(each).strip() for each in references if str(each).strip()],
            filters=filters or queries.RepresentationFilters(),
            campaign=str(campaign or "").strip(),
            tagged=str(tagged or "").strip()[:20],
        )


def tagged_condition(tagged: str):
    """The search's `tagged`: a theme id, those tagged with it; "none", those with no theme or strategic matter;
    empty, no condition (None). A ValueError for anything else."""
    if not tagged:
        return None
    if tagged.lower() == "none":
        theme = exists().where(representation_theme.c.representation_id == Representation.id)
        matter = exists().where(representation_matter.c.representation_id == Representation.id)
        return and_(not_(theme), not_(matter))
    theme_id = parse_id(tagged)
    if theme_id is None:
        raise ValueError(tagged)
    return exists().where(
        representation_theme.c.representation_id == Representation.id, representation_theme.c.theme_id == theme_id
    )


def tagged_problems(tagged: str) -> dict[str, list[str]]:
    try:
        tagged_condition(tagged)
    except ValueError:
        return {"tagged": ["Tagged must be a theme id, or none"]}
    return {}


def representation_ids(consultation: Consultation, selection: Selection) -> list[int]:
    """The ids of the selected representations of this consultation; a ValidationError when there are none, or when
    a reference, id or campaign does not belong to it (nothing is written then)."""
    if selection.scope == SelectionScope.FILTERED:
        problems = queries.filter_problems([part.ref for part in consultation.parts], selection.filters.as_args())
        problems.update(tagged_problems(selection.tagged))
        if problems:
            raise ValidationError({f"search.{name}": messages for name, messages in problems.items()})
        query = queries.ids_query(consultation.id, selection.filters)
        condition = tagged_condition(selection.tagged)
        ids = list(db.session.scalars(query if condition is None else query.where(condition)))
        if not ids:
            raise ValidationError({"representations": ["No representations match the search"]})
        return ids
    if selection.scope == SelectionScope.CAMPAIGN:
        return _campaign_ids(consultation, selection.campaign)
    if selection.scope != SelectionScope.SELECTED:
        raise ValidationError({"scope": [f"Scope must be one of: {', '.join(SelectionScope.values())}"]})
    ids = _ticked_ids(consultation, selection.ids) + _referenced_ids(consultation, selection.references)
    if not ids:
        raise ValidationError({"representations": [NOTHING_SELECTED]})
    return sorted(set(ids))


def _campaign_ids(consultation: Consultation, campaign: str) -> list[int]:
    campaign_id = parse_id(campaign)
    if campaign_id is None:
        raise ValidationError({"campaign": ["Enter the campaign’s number, like 12"]})
    ids = list(
        db.session.scalars(
            select(Representation.id).where(
                Representation.consultation_id == consultation.id, Representation.campaign_id == campaign_id
            )
        )
    )
    if not ids:
        raise ValidationError({"campaign": [f"Campaign {campaign_id} has no representations in this consultation"]})
    return ids


def _ticked_ids(consultation: Consultation, ids: list[int]) -> list[int]:
    if not ids:
        return []
    found = list(
        db.session.scalars(
            select(Representation.id).where(
                Representation.consultation_id == consultation.id, Representation.id.in_(ids)
            )
        )
    )
    if len(found) != len(set(ids)):
        raise ValidationError({"representations": ["Select representations of this consultation"]})
    return found


def _referenced_ids(consultation: Consultation, references: list[str]) -> list[int]:
    found, unknown = [], []
    for reference in references:
        parsed = parse_reference(reference)
        found_id = None
        if parsed and parsed[1] is not None:
            found_id = db.session.scalar(
                select(Representation.id).where(
                    Representation.consultation_id == consultation.id,
                    Representation.respondent_id == parsed[0],
                    Representation.number == parsed[1],
                )
            )
        if found_id is None:
            unknown.append(reference[:30])
        else:
            found.append(found_id)
    if unknown:
        listed = ", ".join(unknown[:5]) + (" and others" if len(unknown) > 5 else "")
        raise ValidationError(
            {"representations": [f"Enter references of representations to this consultation (not found: {listed})"]}
        )
    return found
