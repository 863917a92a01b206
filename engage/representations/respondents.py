"""One respondent per person in a consultation: when a letter is keyed in, respondents already on record who may be
the same person (same email address, or same name and postcode) are found, and the officer says whether the new
representation is theirs (it is added to that respondent, under their reference) or a new person's.

`matching_respondents` finds them; `choose_respondent` applies the officer's answer, raising `SamePersonQuestion`
(a ValidationError on the field `respondent_reference`, carrying the candidates) when there are candidates and no
answer was given."""

from typing import Any

from sqlalchemy import func, or_, select

from engage.common import audit
from engage.common.validation import ValidationError, normalise_email, normalise_postcode
from engage.extensions import db
from engage.models import Consultation, Representation, Respondent
from engage.models.representation import PERSON_FIELDS, parse_reference

MAX_CANDIDATES = 10
QUESTION = "Say whether this is the same person as a respondent already on record, or a new respondent"


class SamePersonQuestion(ValidationError):
    """Respondents already on record may be this person: the officer must say which, or that it is someone new."""

    def __init__(self, candidates: list[Respondent]):
        super().__init__({"respondent_reference": [QUESTION]})
        self.candidates = candidates


def _compact(postcode: Any) -> str:
    return "".join(str(postcode or "").split()).upper()


def matching_respondents(
    consultation: Consultation, person: dict[str, Any], *, exclude_id: int | None = None
) -> list[Respondent]:
    """Respondents in the consultation with the same email address (any case), or the same first and last name (or,
    for an organisation without a name, the same organisation) and the same postcode (any spacing or case). Typed
    values are accepted as they come, so the page can ask the question again beside other errors."""
    email = normalise_email(str(person.get("email") or "")) or ""
    postcode = _compact(normalise_postcode(str(person.get("postcode") or "")))
    first, last, organisation = (str(person.get(field) or "").strip().lower() for field in PERSON_FIELDS[1:4])
    conditions = []
    if email:
        conditions.append(func.lower(Respondent.email) == email.lower())
    same_postcode = func.upper(func.replace(Respondent.postcode, " ", "")) == postcode
    if postcode and first and last:
        same_name = (func.lower(Respondent.first_name) == first) & (func.lower(Respondent.last_name) == last)
        conditions.append(same_name & same_postcode)
    elif postcode and organisation and not first:
        conditions.append((func.lower(Respondent.organisation) == organisation) & same_postcode)
    if not conditions:
        return []
    query = select(Respondent).where(
        Respondent.consultation_id == consultation.id, Respondent.erased_at.is_(None), or_(*conditions)
    )
    if exclude_id is not None:
        query = query.where(Respondent.id != exclude_id)
    return list(db.session.scalars(query.order_by(Respondent.id).limit(MAX_CANDIDATES)))


def choose_respondent(
    consultation: Consultation,
    person: dict[str, Any],
    *,
    respondent_reference: str | None = None,
    new_respondent: bool = False,
) -> Respondent | None:
    """The respondent already on record the officer chose (by reference), or None for a new respondent: chosen, or
    because nobody on record matches. Raises SamePersonQuestion when someone matches and nobody was chosen."""
    reference = str(respondent_reference or "").strip()
    if reference:
        respondent = _in_consultation(consultation, reference)
        if respondent is None:
            message = f"There is no respondent {reference[:40]} in this consultation"
            raise ValidationError({"respondent_reference": [message]})
        if respondent.erased_at is not None:
            message = f"The personal data of {respondent.reference} has been erased: record a new respondent"
            raise ValidationError({"respondent_reference": [message]})
        return respondent
    if new_respondent:
        return None
    candidates = matching_respondents(consultation, person)
    if candidates:
        raise SamePersonQuestion(candidates)
    return None


def agent_of(consultation: Consultation, reference: str) -> dict[str, str]:
    """The agent's details of a respondent in the consultation (empty when there is none), to key in the agent's
    next client without typing them again."""
    respondent = _in_consultation(consultation, reference) if reference else None
    return dict(respondent.agent or {}) if respondent is not None else {}


def _in_consultation(consultation: Consultation, reference: str) -> Respondent | None:
    parsed = parse_reference(reference)
    if parsed is None or parsed[1] is not None or parsed[0] > 2**31 - 1:
        return None
    respondent = db.session.get(Respondent, parsed[0])
    return respondent if respondent is not None and respondent.consultation_id == consultation.id else None


def next_number(respondent: Respondent) -> int:
    latest = db.session.scalar(
        select(func.max(Representation.number)).where(Representation.respondent_id == respondent.id)
    )
    return (latest or 0) + 1


def complete_details(respondent: Respondent, person: dict[str, str], agent: dict[str, str] | None, *, user=None):
    """Another letter from a respondent on record: the details already recorded are kept (an officer corrects them
    on purpose), the ones the record lacks are added, and the agent named in the letter, if any, acts for them
    from now on. Audited when anything changed."""
    before = {**respondent.person(), "agent": respondent.agent}
    for field in PERSON_FIELDS:
        if person.get(field) and not getattr(respondent, field):
            setattr(respondent, field, person[field])
    if agent:
        respondent.agent = agent
    changes = audit.diff(before, {**respondent.person(), "agent": respondent.agent})
    if changes:
        summary = f"{respondent.reference}: details added from another representation"
        audit.record("update", "respondent", respondent.id, summary, user=user, changes=changes)


def describe(respondent: Respondent) -> str:
    """One line an officer can recognise someone by: name, organisation, email, postcode, how many so far."""
    count = len(respondent.representations)
    parts = [respondent.name, respondent.organisation, respondent.email, respondent.postcode]
    details = ", ".join(part for part in parts if part)
    return f"{details} ({count} representation{'' if count == 1 else 's'} so far)"
