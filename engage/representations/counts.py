"""The three counts every output gives for a consultation's representations (good practice for campaigns):

- submissions: every representation counted;
- distinct arguments: a confirmed campaign counts once, however many sent it; every other representation once;
- distinct people: the same person counts once, however many representations they made: respondents linked to
  one stakeholder are one person, so are respondents giving one email address (in any case); a respondent with
  neither is a person of their own. Erasing a person's personal data keeps their records counted as one
  (Respondent.erased_person).

The statement of consultation (page and files), the dashboard, the consultation page and the API all count here.
"""

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from sqlalchemy import String, case, cast, func, literal, select

from engage.extensions import db
from engage.models import Campaign, Representation, Respondent
from engage.vocab import CampaignStatus

DULY_MADE = (Representation.late.is_(False), Representation.status != "withdrawn")  # conditions for counts()


@dataclass(frozen=True)
class Counts:
    submissions: int = 0
    arguments: int = 0
    people: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def _key(prefix: str, column):
    return literal(prefix) + cast(column, String)


def person_key():
    """Who a representation came from, as one value per person (needs Respondent joined)."""
    return case(
        (Respondent.erased_person.is_not(None), literal("x") + Respondent.erased_person),  # engage/personal_data
        (Respondent.stakeholder_id.is_not(None), _key("s", Respondent.stakeholder_id)),
        (func.coalesce(Respondent.email, "") != "", literal("e") + func.lower(Respondent.email)),
        else_=_key("r", Respondent.id),
    )


def argument_key():
    """The argument a representation makes, as one value per argument (needs Campaign outer-joined)."""
    return case(
        (Campaign.status == CampaignStatus.CONFIRMED, _key("c", Representation.campaign_id)),
        else_=_key("n", Representation.id),
    )


def _query(*columns):
    return (
        select(*columns)
        .select_from(Representation)
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .outerjoin(Campaign, Campaign.id == Representation.campaign_id)
    )


COLUMNS = (
    func.count(Representation.id),
    func.count(func.distinct(argument_key())),
    func.count(func.distinct(person_key())),
)


def counts(consultation_id: int, *conditions) -> Counts:
    """The three counts of a consultation's representations that meet the conditions (on Representation)."""
    row = db.session.execute(_query(*COLUMNS).where(Representation.consultation_id == consultation_id, *conditions))
    return Counts(*row.one())


def counts_by_consultation(consultation_ids: Iterable[int], *conditions) -> dict[int, Counts]:
    """The three counts for each consultation named (zeros for one without representations)."""
    ids = list(consultation_ids)
    found = {consultation_id: Counts() for consultation_id in ids}
    if ids:
        rows = db.session.execute(
            _query(Representation.consultation_id, *COLUMNS)
            .where(Representation.consultation_id.in_(ids), *conditions)
            .group_by(Representation.consultation_id)
        )
        for consultation_id, *numbers in rows:
            found[consultation_id] = Counts(*numbers)
    return found


def confirmed_campaigns(consultation_id: int, *conditions) -> list[tuple[str, Counts]]:
    """Each confirmed campaign of the consultation with the counts of its representations that meet the
    conditions, biggest first (campaigns none of whose representations meet them are left out)."""
    rows = db.session.execute(
        _query(Campaign.name, *COLUMNS)
        .where(
            Representation.consultation_id == consultation_id,
            Campaign.status == CampaignStatus.CONFIRMED,
            *conditions,
        )
        .group_by(Campaign.id, Campaign.name)
        .order_by(func.count(Representation.id).desc(), Campaign.name)
    )
    return [(name, Counts(*numbers)) for name, *numbers in rows]
