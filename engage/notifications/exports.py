"""The files officers download: the letter list of an event (name and postal address, for a mail merge) and who
asked to be notified of the plan's events. CSV and Excel, one row a person; contact details, so not for
publication."""

import csv
import io
from collections.abc import Iterable

from engage.common import office
from engage.extensions import db
from engage.models import NotificationEvent, Plan, utcnow
from engage.notifications import queries, services
from engage.stakeholders.exports import neutralise
from engage.vocab import NotificationChannel, NotifyEvent

LETTER_HEAD = ["Reference", "Title", "First name", "Last name", "Organisation", "Address", "Postcode", "On behalf of"]
WHO_ASKED_HEAD = [
    "Reference",
    "Name",
    "Organisation",
    "On behalf of",
    "Email",
    "Address",
    "Postcode",
    "Channel",
    *(event.label for event in NotifyEvent),
    "Consultations",
    "Representations",
]
NOT_FOR_PUBLICATION = "Contact details: not for publication"


def letter_rows(event: NotificationEvent) -> list[list[str]]:
    rows = []
    for notice in db.session.scalars(queries.notifications(event, NotificationChannel.LETTER)):
        contact, on_behalf_of = queries.contact_of(notice.respondent)
        rows.append(
            [
                notice.respondent.reference,
                contact["title"],
                contact["first_name"],
                contact["last_name"],
                contact["organisation"],
                contact["address"],
                contact["postcode"],
                on_behalf_of,
            ]
        )
    return rows


def who_asked_rows(plan: Plan, event: str | None = None) -> list[list[str]]:
    rows = []
    for asker in queries.askers(plan, event):
        contact = asker.contact
        rows.append(
            [
                asker.respondent.reference,
                asker.name,
                contact["organisation"],
                asker.on_behalf_of,
                contact["email"],
                contact["address"],
                contact["postcode"],
                NotificationChannel.label_of(asker.channel),
                *("Yes" if value in asker.events else "No" for value in NotifyEvent.values()),
                "; ".join(asker.consultations),
                ", ".join(asker.references),
            ]
        )
    return rows


def _csv(head: list[str], rows: Iterable[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(head)
    writer.writerows([neutralise(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8")


def letters_file(event: NotificationEvent, file_format: str) -> bytes:
    title = f"Letters: {NotifyEvent.label_of(event.event)}, {event.plan.name}"
    notes = [services.what_happened(event), NOT_FOR_PUBLICATION, office.generated_note(utcnow())]
    rows = letter_rows(event)
    if file_format == "csv":
        return _csv(LETTER_HEAD, rows)
    table = office.Table("Letters", title, LETTER_HEAD, rows, "Nobody is to be told by letter.")
    return office.xlsx_bytes(title, notes, [table])


def who_asked_file(plan: Plan, file_format: str) -> bytes:
    title = f"Who asked to be notified: {plan.name}"
    rows = who_asked_rows(plan)
    if file_format == "csv":
        return _csv(WHO_ASKED_HEAD, rows)
    notes = [
        "One row a person, reached at their agent when they have one; withdrawn representations and erased "
        "respondents are left out.",
        NOT_FOR_PUBLICATION,
        office.generated_note(utcnow()),
    ]
    table = office.Table("Who asked", title, WHO_ASKED_HEAD, rows, "Nobody has asked to be notified.")
    return office.xlsx_bytes(title, notes, [table])
