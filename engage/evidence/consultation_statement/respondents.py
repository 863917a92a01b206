"""The statement of consultation's breakdown of respondents by type (statutory bodies; councils; developers,
landowners and agents; groups; residents): from the categories of the stakeholder a respondent is linked to, else
from words in the organisation's name, else whether an agent acts for them."""

import re

from sqlalchemy import select

from engage.extensions import db
from engage.models import BodyKind, Category, stakeholder_category
from engage.models.stakeholder import stakeholder_body_kind

# A stakeholder's categories and kinds of body, in order of precedence, to a respondent type.
TYPE_BY_CATEGORY = (
    ("councils", {"neighbouring-authority", "elected-member", "relevant-authority"}),
    ("statutory-bodies", {"specific-consultation-body", "dtc-prescribed-body", "government-department", "mp"}),
    ("developers", {"developer-landowner", "agent", "business"}),
    ("groups", {"community-group", "general-consultation-body"}),
    ("residents", {"resident"}),
)
# Failing a linked stakeholder, words in the respondent's organisation name.
TYPE_BY_WORDS = (
    ("councils", re.compile(r"\bcouncil\b", re.I)),
    (
        "statutory-bodies",
        re.compile(
            r"\b(environment agency|historic england|natural england|national highways|network rail|homes england|"
            r"nhs|integrated care|coal authority|water|sport england|highways|department for|ministry)\b",
            re.I,
        ),
    ),
    (
        "developers",
        re.compile(r"\b(homes|developments?|estates?|land|planning|propert(y|ies)|ltd|limited|llp|plc)\b", re.I),
    ),
    (
        "groups",
        re.compile(
            r"\b(society|association|group|forum|trust|club|friends|residents|campaign|alliance|church)\b", re.I
        ),
    ),
)


def respondent_type(categories: set[str], organisation: str, has_agent: bool) -> str:
    for kind, slugs in TYPE_BY_CATEGORY:
        if categories & slugs:
            return kind
    organisation = (organisation or "").strip()
    for kind, pattern in TYPE_BY_WORDS:
        if organisation and pattern.search(organisation):
            return kind
    if has_agent:
        return "developers"
    return "other" if organisation else "residents"


def stakeholder_slugs(stakeholder_ids: set[int]) -> dict[int, set[str]]:
    """Each stakeholder's category and kind-of-body slugs."""
    slugs: dict[int, set[str]] = {}
    if not stakeholder_ids:
        return slugs
    rows = db.session.execute(
        select(stakeholder_category.c.stakeholder_id, Category.slug)
        .join(Category, Category.id == stakeholder_category.c.category_id)
        .where(stakeholder_category.c.stakeholder_id.in_(stakeholder_ids))
        .union_all(
            select(stakeholder_body_kind.c.stakeholder_id, BodyKind.slug)
            .join(BodyKind, BodyKind.id == stakeholder_body_kind.c.body_kind_id)
            .where(stakeholder_body_kind.c.stakeholder_id.in_(stakeholder_ids))
        )
    )
    for stakeholder_id, slug in rows:
        slugs.setdefault(stakeholder_id, set()).add(slug)
    return slugs
