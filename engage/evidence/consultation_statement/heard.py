"""The programme officer's list of those who wish to take part in the hearing sessions: by part of the plan, with
the main issues (matters) each representation raises, and the representation's and the respondent's references.
Withdrawn representations are left out; late ones are listed and marked, for the Inspector to decide.

The public version names people and organisations only. The contact version adds the email and postal addresses
and phone numbers of respondents and agents, for the programme officer alone: it is marked "not for publication"
and only officers can download it."""

from collections.abc import Iterator

from sqlalchemy import func, select

from engage.evidence.consultation_statement.figures import WHOLE_PLAN
from engage.evidence.dtc.text import person_name
from engage.extensions import db
from engage.models import Consultation, MainIssue, Part, Representation, Respondent
from engage.models.evidence import main_issue_representation
from engage.models.representation import respondent_reference
from engage.redaction.queries import PublicTexts

HEAD = [
    "Part of the plan", "Main issues", "Representation", "Respondent reference", "Respondent", "Organisation", "Agent",
    "Why they wish to take part", "Late",
]  # fmt: skip
WIDTHS = [30, 30, 14, 12, 22, 26, 26, 50, 7]
PUBLIC_NAMES = 7  # the columns up to the agent, which the Word contact version keeps
CONTACT_HEAD = [
    *HEAD, "Email", "Phone", "Address", "Postcode", "Agent’s email", "Agent’s phone", "Agent’s address",
    "Agent’s postcode",
]  # fmt: skip
CONTACT_WIDTHS = [*WIDTHS, 28, 16, 36, 10, 28, 16, 36, 10]
NOT_FOR_PUBLICATION = "NOT FOR PUBLICATION: contains personal contact details for the programme officer only"
NOBODY = "Nobody has asked to take part in the hearing sessions."


def _agent_text(agent, key: str) -> str:
    return str(agent.get(key) or "") if isinstance(agent, dict) else ""


def _agent_name(agent) -> str:
    name = person_name(_agent_text(agent, "first_name"), _agent_text(agent, "last_name"), "")
    return ", ".join(part for part in (name, _agent_text(agent, "organisation")) if part)


def _main_issues(consultation_ids: list[int]) -> dict[int, list[str]]:
    """The titles of the main issues (the matters) each representation raises."""
    found: dict[int, list[str]] = {}
    for representation_id, title in db.session.execute(
        select(main_issue_representation.c.representation_id, MainIssue.title)
        .join(MainIssue, MainIssue.id == main_issue_representation.c.main_issue_id)
        .where(MainIssue.consultation_id.in_(consultation_ids))
        .order_by(MainIssue.position, MainIssue.id)
    ):
        found.setdefault(representation_id, []).append(title)
    return found


def rows(consultation_ids: list[int], *, contacts: bool = False) -> Iterator[list]:
    """The list's rows in HEAD's order (CONTACT_HEAD's with `contacts`), by part of the plan then reference. The
    public list gives the reason as redacted; the contact version, for the programme officer, as it was written."""
    if not consultation_ids:
        return
    query = (
        select(Representation.id, Representation.respondent_id, Representation.number, Representation.heard_reason,
               Representation.late, Part.ref, Part.title, Respondent.first_name, Respondent.last_name,
               Respondent.organisation, Respondent.agent, Respondent.email, Respondent.phone, Respondent.address,
               Respondent.postcode)
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .join(Consultation, Consultation.id == Representation.consultation_id)
        .outerjoin(Part, Part.id == Representation.part_id)
        .where(Representation.consultation_id.in_(consultation_ids), Representation.wishes_to_be_heard.is_(True),
               Representation.status != "withdrawn")
        .order_by(Consultation.opens_at, Consultation.id, Part.position.is_(None), Part.position,
                  Representation.respondent_id, Representation.number)
    )  # fmt: skip
    issues = _main_issues(consultation_ids)
    texts = None if contacts else PublicTexts(consultation_ids)
    for row in db.session.execute(query):
        part = (f"{row.ref}: {row.title}" if row.title else row.ref) if row.ref else WHOLE_PLAN
        reference = respondent_reference(row.respondent_id)
        found = [
            part, "; ".join(issues.get(row.id, [])), f"{reference}-{row.number}", reference,
            person_name(row.first_name, row.last_name, ""), row.organisation or "", _agent_name(row.agent),
            texts.text(row.id, "heard-reason", row.heard_reason) if texts else row.heard_reason or "", bool(row.late),
        ]  # fmt: skip
        if contacts:
            found += [row.email, row.phone, row.address, row.postcode]
            found += [_agent_text(row.agent, key) for key in ("email", "phone", "address", "postcode")]
        yield found


def count(consultation_ids: list[int]) -> int:
    return (
        db.session.scalar(
            select(func.count(Representation.id)).where(
                Representation.consultation_id.in_(consultation_ids or [-1]),
                Representation.wishes_to_be_heard.is_(True),
                Representation.status != "withdrawn",
            )
        )
        or 0
    )


def entries(consultation_ids: list[int]) -> list[dict]:
    """The public list's rows as records (the API's HearingListEntry)."""
    names = ("part", "main_issues", "representation", "respondent_reference", "respondent", "organisation", "agent",
             "reason", "late")  # fmt: skip
    found = [dict(zip(names, row, strict=True)) for row in rows(consultation_ids)]
    for entry in found:
        entry["main_issues"] = [title for title in entry["main_issues"].split("; ") if title]
    return found
