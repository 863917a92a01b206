"""Demo consultations for the joint plan: the Regulation 18 "Issues and options" round (closed, with responses)
and the Regulation 19 publication (open, with the parts of the plan people can comment on). Idempotent."""

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from engage.common.dates import LONDON
from engage.consultations.services import create_consultation
from engage.extensions import db
from engage.models import Consultation, Plan, Question
from engage.representations.services import record_response

PRIVACY = (
    "The councils use your response to prepare the plan: the lawful basis is public task. Your name, organisation "
    "and response will be published and sent to the planning inspector. Your address, email and phone number will "
    "not be published.\n\nWe keep responses until 15 years after the plan is adopted."
)
PROCEDURE = (
    "The documents can be read online and at the main offices of the five councils during opening hours.\n\n"
    "Respond online, by email or by post. Responses must reach us by the closing time; late responses are not duly "
    "made. Anonymous responses cannot be accepted."
)
REG19_PARTS = [
    {"ref": "Chapter 1", "title": "Introduction", "kind": "chapter"},
    {"ref": "Chapter 2", "title": "Vision and objectives", "kind": "chapter"},
    {"ref": "Chapter 3", "title": "Spatial strategy", "kind": "chapter"},
    {"ref": "Policy SP1", "title": "Spatial strategy and distribution of growth", "kind": "policy"},
    {"ref": "Policy SP2", "title": "Housing requirement and supply", "kind": "policy"},
    {"ref": "Policy SP3", "title": "Green Belt", "kind": "policy"},
    {"ref": "Chapter 4", "title": "Infrastructure and transport", "kind": "chapter"},
    {"ref": "Policy IN1", "title": "Infrastructure delivery", "kind": "policy"},
    {"ref": "Policy TR1", "title": "Sustainable transport corridors", "kind": "policy"},
    {"ref": "Chapter 5", "title": "Strategic sites", "kind": "chapter"},
    {"ref": "Site HS1", "title": "Land north of Hemel Hempstead", "kind": "site"},
    {"ref": "Site HS2", "title": "Land east of Watford", "kind": "site"},
    {"ref": "Policies map", "title": "Policies map", "kind": "policies-map"},
]
REG18_QUESTIONS = [
    (
        "single-choice",
        "Do you agree with the draft vision for South West Hertfordshire?",
        ["Agree", "Disagree", "Not sure"],
    ),
    (
        "multiple-choice",
        "Which growth options should the plan consider?",
        ["Urban intensification", "Growth around towns", "New settlements", "Transport corridors"],
    ),
    ("free-text", "What infrastructure is most needed in your area?", []),
]
NAMES = [
    "Ali Khan",
    "Beth Morgan",
    "Chris Patel",
    "Dee O'Neill",
    "Evan Hughes",
    "Fay Ahmed",
    "Gus Lee",
    "Hana Novak",
    "Ian Price",
    "Jas Kaur",
    "Kim Lowe",
    "Lou Grant",
]
COMMENTS = [
    "Growth should go where there is good rail access.",
    "The Green Belt around our village must be protected.",
    "Roads are already congested at peak times; new homes need new infrastructure first.",
    "More affordable homes are needed for young people.",
    "Please plan for new GP surgeries and school places.",
]


def _london(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=LONDON).astimezone(UTC)


def load_demo_consultations() -> None:
    plan = db.session.scalar(select(Plan).where(Plan.slug == "swh-jsp"))
    if db.session.scalar(select(Consultation.id).where(Consultation.slug == "issues-and-options")) is None:
        _issues_and_options(plan)
    if db.session.scalar(select(Consultation.id).where(Consultation.slug == "publication-plan")) is None:
        _publication(plan)


def _issues_and_options(plan) -> None:
    consultation = create_consultation(
        {
            "plan_id": plan.id if plan else None,
            "slug": "issues-and-options",
            "stage": "reg-18",
            "published": True,
            "title": "Joint Strategic Plan: issues and options",
            "summary": "The first stage of the joint plan: the issues it should tackle and the options for growth.",
            "opens_at": _london(date(2026, 1, 12), time(9)),
            "closes_at": _london(date(2026, 3, 9), time(23, 59)),
            "form_type": "questionnaire",
            "privacy_notice": PRIVACY,
            "procedure_statement": PROCEDURE,
        }
    )
    consultation.questions = [
        Question(kind=k, text=t, options=o, position=i) for i, (k, t, o) in enumerate(REG18_QUESTIONS)
    ]
    db.session.commit()
    chooser = random.Random(18)
    for number, name in enumerate(NAMES):
        first, last = name.split(" ", 1)
        answers = {str(q.id): _answer(chooser, q) for q in consultation.questions}
        item = {
            "part_id": None,
            "nature": "comment",
            "legally_compliant": "not-specified",
            "sound": "not-specified",
            "dtc_compliant": "not-specified",
            "unsound_tests": [],
            "comment": chooser.choice(COMMENTS),
            "modification": "",
            "wishes_to_be_heard": False,
            "heard_reason": "",
            "notify": [],
            "answers": answers,
        }
        person = {
            "title": "",
            "first_name": first,
            "last_name": last,
            "organisation": "",
            "job_title": "",
            "email": f"{first.lower()}.{last.lower().replace(chr(39), '')}@example.com",
            "phone": "",
            "address": "",
            "postcode": "",
        }
        received = consultation.opens_at + timedelta(days=3 + number * 4, hours=number)
        record_response(
            consultation, person, None, [item], channel="online" if number % 4 else "email", received_at=received
        )


def _answer(chooser: random.Random, question: Question):
    if question.kind == "single-choice":
        return chooser.choice(question.options)
    if question.kind == "multiple-choice":
        return chooser.sample(question.options, 2)
    return chooser.choice(COMMENTS)


def _publication(plan) -> None:
    today = datetime.now(LONDON).date()
    opens = today - timedelta(days=7)
    create_consultation(
        {
            "plan_id": plan.id if plan else None,
            "slug": "publication-plan",
            "stage": "reg-19",
            "published": True,
            "title": "Joint Strategic Plan: publication draft",
            "summary": "The plan the councils intend to submit for examination. Tell us whether you think it is "
            "legally compliant and sound, and whether the councils met the duty to co-operate.",
            "opens_at": _london(opens, time(9)),
            "closes_at": _london(opens + timedelta(weeks=6), time(23, 59)),
            "form_type": "model-representation-form",
            "privacy_notice": PRIVACY,
            "procedure_statement": PROCEDURE,
            "parts": REG19_PARTS,
        }
    )
