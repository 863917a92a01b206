"""How far officers have got with a consultation's representations: how many are tagged, grouped into campaigns,
linked to a main issue, redacted and answered."""

from dataclasses import asdict, dataclass

from sqlalchemy import exists, func, or_, select

from engage.extensions import db
from engage.models import (
    MainIssue,
    Representation,
    RepresentationResponse,
    representation_matter,
    representation_theme,
)
from engage.models.evidence import main_issue_representation
from engage.redaction.queries import review_counts


@dataclass
class Progress:
    total: int
    tagged: int
    grouped: int
    linked: int
    answered: int
    redacted: int  # with at least one redaction (engage.redaction)

    def as_dict(self) -> dict:
        return asdict(self)


def _tagged():
    theme = exists().where(representation_theme.c.representation_id == Representation.id)
    matter = exists().where(representation_matter.c.representation_id == Representation.id)
    return or_(theme, matter)


def _linked():
    return exists().where(main_issue_representation.c.representation_id == Representation.id)


def _answered():
    """Linked to a main issue the council has responded to, or answered on its own."""
    issue = exists().where(
        main_issue_representation.c.representation_id == Representation.id,
        MainIssue.id == main_issue_representation.c.main_issue_id,
        MainIssue.council_response != "",
    )
    own = exists().where(RepresentationResponse.representation_id == Representation.id)
    return or_(issue, own)


def of(consultation_id: int) -> Progress:
    """Every count in one statement over the consultation's representations (the redaction review apart)."""
    counted = func.count(Representation.id)
    total, tagged, grouped, linked, answered = db.session.execute(
        select(
            counted,
            counted.filter(_tagged()),
            counted.filter(Representation.campaign_id.is_not(None)),
            counted.filter(_linked()),
            counted.filter(_answered()),
        ).where(Representation.consultation_id == consultation_id)
    ).one()
    return Progress(
        total=total,
        tagged=tagged,
        grouped=grouped,
        linked=linked,
        answered=answered,
        redacted=review_counts(consultation_id)["redacted"],
    )
