"""Demo content for the statement of consultation: the main issues of the closed Regulation 18 round with the
councils' responses, and a first handful of representations to the open Regulation 19 publication (with answers on
legal compliance and soundness, people who wish to be heard, an agent, and one withdrawn), all through the same
services officers and respondents use. Idempotent."""

from datetime import timedelta

from sqlalchemy import select

from engage.evidence.consultation_statement.services import add_main_issue
from engage.extensions import db
from engage.models import Consultation, MainIssue, Representation
from engage.representations.services import clean_item, record_response
from engage.representations.withdrawals import withdraw_representation

ISSUES = [
    ("Infrastructure before growth", "Roads, GP surgeries and school places are already stretched.",
     "The preferred options will be tested against an infrastructure delivery plan prepared with the county "
     "council and the Integrated Care Board.", "New policy IN1 on infrastructure delivery."),
    ("Protecting the Green Belt", "Many residents asked that the Green Belt around villages be kept.",
     "A joint Green Belt review will assess every option; exceptional circumstances must be shown for any release.",
     "Policy SP3 sets out the approach to the Green Belt."),
    ("Growth near rail stations", "Support for growth where there is good rail access.",
     "Transport corridors are one of the growth options taken forward.", ""),
]  # fmt: skip

PEOPLE = [
    # (first, last, organisation, agent organisation, part, nature, legal, sound, co-operation, tests, heard)
    ("Ruth", "Ellis", "", "", "Policy SP3", "object", "yes", "no", "yes", ["justified"], ""),
    ("Sam", "Obi", "Bloggs Homes Ltd", "Land Planning Partners", "Site HS1", "support", "yes", "yes", "yes", [],
     "To explain how the site will be delivered in the first five years."),
    ("Priya", "Shah", "Hertfordshire Wildlife Society", "", "Policy SP2", "object", "yes", "no", "not-specified",
     ["positively-prepared", "effective"], "The society has evidence on habitat loss to present."),
    ("Tom", "Reid", "", "", "Policy TR1", "comment", "not-specified", "not-specified", "not-specified", [], ""),
    ("Ann", "Lowe", "Kings Langley Parish Council", "", "Policy SP1", "object", "no", "no", "no",
     ["positively-prepared", "justified", "consistent-with-national-policy"],
     "The parish council wants to speak to the distribution of growth."),
    ("Joe", "King", "", "", "Chapter 2", "support", "yes", "yes", "yes", [], ""),
]  # fmt: skip


def load_demo_statement() -> None:
    reg18 = db.session.scalar(select(Consultation).where(Consultation.slug == "issues-and-options"))
    if (
        reg18 is not None
        and db.session.scalar(select(MainIssue.id).where(MainIssue.consultation_id == reg18.id)) is None
    ):
        for title, summary, response, change in ISSUES:
            add_main_issue(reg18, {"title": title, "summary": summary, "council_response": response,
                                   "proposed_change": change})  # fmt: skip
    reg19 = db.session.scalar(select(Consultation).where(Consultation.slug == "publication-plan"))
    if reg19 is not None and not db.session.scalar(
        select(Representation.id).where(Representation.consultation_id == reg19.id).limit(1)
    ):
        _representations(reg19)


def _representations(consultation: Consultation) -> None:
    for number, row in enumerate(PEOPLE):
        first, last, organisation, agent_organisation, part, nature, legal, sound, dtc, tests, heard = row
        item = clean_item(consultation, {
            "part": part, "nature": nature, "legally_compliant": legal, "sound": sound, "dtc_compliant": dtc,
            "unsound_tests": tests, "comment": f"Representation on {part} from {first} {last}.",
            "modification": "Amend the policy as set out in the attached statement." if nature == "object" else "",
            "wishes_to_be_heard": bool(heard), "heard_reason": heard,
        })  # fmt: skip
        person = {"title": "", "first_name": first, "last_name": last, "organisation": organisation, "job_title": "",
                  "email": f"{first.lower()}.{last.lower()}@example.com", "phone": "01923 000000",
                  "address": f"{number + 1} High Street, Watford", "postcode": "WD17 1AA"}  # fmt: skip
        agent = None
        if agent_organisation:
            agent = {"title": "", "first_name": "Alex", "last_name": "Agent", "organisation": agent_organisation,
                     "job_title": "Planning consultant", "email": "alex@example.com", "phone": "01727 000000",
                     "address": "1 Market Place, St Albans", "postcode": "AL3 5DR"}  # fmt: skip
        received = consultation.opens_at + timedelta(days=1, hours=number * 7)
        respondent = record_response(consultation, person, agent, [item], channel="online", received_at=received)
        if number == len(PEOPLE) - 1:
            withdraw_representation(
                respondent.representations[0], "Sent in error", moment=received + timedelta(hours=2)
            )
