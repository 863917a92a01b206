"""The demo's planning agent: Hannah Reeve of Reeve Planning sends representations to the Regulation 19 publication
for four clients in one spreadsheet (a landowner with two sites, a housebuilder, a parish meeting and a resident),
saved through the same upload as the officers' page, so each client has one respondent reference with the agent
recorded on it. Idempotent."""

import csv
import io
from datetime import timedelta

from sqlalchemy import select

from engage.extensions import db
from engage.models import Consultation, Respondent
from engage.representations import upload_rows, uploads

AGENT = {
    "title": "Ms",
    "first_name": "Hannah",
    "last_name": "Reeve",
    "organisation": "Reeve Planning",
    "job_title": "Director",
    "email": "hannah.reeve@reeveplanning.example",
    "phone": "01442 000000",
    "address": "4 Marlowes, Hemel Hempstead",
    "postcode": "HP1 1BB",
}
ROWS = [
    # first, last, organisation, postcode, part, nature, sound, tests, comment, heard
    (
        "Giles",
        "Ashdown",
        "Ashdown Estates",
        "HP2 7AA",
        "Site HS1",
        "support",
        "yes",
        "",
        "Land north of Hemel Hempstead is available now and can deliver homes in the first five years.",
        "",
    ),
    (
        "Giles",
        "Ashdown",
        "Ashdown Estates",
        "HP2 7AA",
        "Policy SP3",
        "object",
        "no",
        "justified; effective",
        "The Green Belt review should release the land at Bunkers Lane, which serves no Green Belt purpose.",
        "To explain the site's evidence to the Inspector.",
    ),
    (
        "Priya",
        "Shah",
        "Chiltern Homes",
        "WD18 8AB",
        "Policy SP2",
        "object",
        "no",
        "positively prepared",
        "The housing requirement does not meet the unmet need from neighbouring authorities.",
        "The housing requirement is a main matter for the examination.",
    ),
    (
        "",
        "",
        "Bovingdon Parish Meeting",
        "HP3 0LL",
        "Policy TR1",
        "comment",
        "not specified",
        "",
        "The transport corridor must include a safe cycle route to the village school.",
        "",
    ),
    (
        "Margaret",
        "Doyle",
        "",
        "AL2 3DD",
        "Site HS2",
        "object",
        "no",
        "effective",
        "The site floods every winter; the plan does not show how drainage will be funded.",
        "",
    ),
]


def load_demo_agents() -> None:
    consultation = db.session.scalar(select(Consultation).where(Consultation.slug == "publication-plan"))
    if consultation is None or _loaded(consultation):
        return
    received = consultation.opens_at + timedelta(days=3, hours=2)
    uploads.upload(consultation, AGENT, "email", received, "reeve-planning-clients.csv", _spreadsheet())


def _loaded(consultation: Consultation) -> bool:
    found = db.session.scalars(select(Respondent.agent).where(Respondent.consultation_id == consultation.id))
    return any((agent or {}).get("email") == AGENT["email"] for agent in found)


def _spreadsheet() -> bytes:
    fields = ("first_name", "last_name", "organisation", "postcode", "part", "nature", "sound", "unsound_tests",
              "comment", "heard_reason")  # fmt: skip
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([upload_rows.COLUMNS[name] for name in (*fields, "wishes_to_be_heard")])
    for row in ROWS:
        writer.writerow([*row, "yes" if row[-1] else "no"])
    return buffer.getvalue().encode()
