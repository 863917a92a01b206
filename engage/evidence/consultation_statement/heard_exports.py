"""The programme officer's list of those who wish to take part in the hearings, as Word, Excel and CSV files: the
public version, and the contact version marked "not for publication" in its title, its first lines and its file
name."""

import csv
import io
from collections.abc import Iterator
from datetime import datetime

from engage.common import office
from engage.common.office import Table
from engage.evidence.consultation_statement import heard
from engage.evidence.consultation_statement.queries import Scope
from engage.stakeholders.exports import neutralise

TITLE = "Those who wish to take part in the hearing sessions"
PROVISIONAL = "Provisional: a consultation in this list is not closed yet, so the list will change."
NOTE = (
    "Representations whose makers said they wish to take part in the hearing sessions, by part of the plan, with "
    "the main issues each raises and the representation's and the respondent's references. Withdrawn "
    "representations are left out; late ones are marked."
)


def title(scope: Scope, *, contacts: bool) -> str:
    name = f"{TITLE}: {scope.title}"
    if scope.provisional:
        name += " (provisional)"
    return f"{name} (NOT FOR PUBLICATION)" if contacts else name


def file_name(now: datetime, file_format: str, *, contacts: bool) -> str:
    kind = "hearing-list-contacts-not-for-publication" if contacts else "hearing-list"
    return f"{kind}-{now:%Y-%m-%d}.{file_format}"


def _table(scope: Scope, contacts: bool) -> Table:
    head, widths = (heard.CONTACT_HEAD, heard.CONTACT_WIDTHS) if contacts else (heard.HEAD, heard.WIDTHS)
    return Table("Hearing list", TITLE, head, list(heard.rows(scope.ids, contacts=contacts)), heard.NOBODY, widths)


def _notes(scope: Scope, contacts: bool, now: datetime) -> list[str]:
    provisional = [PROVISIONAL] if scope.provisional else []
    return [*([heard.NOT_FOR_PUBLICATION] if contacts else []), *provisional, NOTE, office.generated_note(now)]


def docx_bytes(scope: Scope, now: datetime, *, contacts: bool = False) -> bytes:
    masthead = office.Masthead.of(scope.the_plan)
    document = office.new_document(title(scope, contacts=contacts), masthead, now, landscape=True)
    if contacts:
        document.add_paragraph().add_run(heard.NOT_FOR_PUBLICATION).bold = True
        document.sections[0].header.paragraphs[0].add_run(heard.NOT_FOR_PUBLICATION).bold = True
    table = _table(scope, contacts)
    if contacts:  # Word pages are too narrow for every contact column: the address fields go together
        table = _contact_columns_joined(table)
    office.add_notes(document, "About this list", _notes(scope, contacts, now)[1 if contacts else 0 :])  # [0]: bold
    office.add_table(document, table)
    return office.docx_bytes(document)


def _contact_columns_joined(table: Table) -> Table:
    public = len(heard.HEAD)
    names = heard.PUBLIC_NAMES
    head = [*heard.HEAD[:names], "Late", "Contact details", "Agent’s contact details"]
    rows = []
    for row in table.rows:
        own = "\n".join(str(value) for value in row[public : public + 4] if value)
        agent = "\n".join(str(value) for value in row[public + 4 :] if value)
        rows.append([*row[:names], row[public - 1], own, agent])
    return Table(table.sheet, table.title, head, rows, table.empty, [*heard.WIDTHS[: heard.PUBLIC_NAMES], 7, 34, 34])


def xlsx_bytes(scope: Scope, now: datetime, *, contacts: bool = False) -> bytes:
    return office.xlsx_bytes(title(scope, contacts=contacts), _notes(scope, contacts, now), [_table(scope, contacts)])


def csv_lines(scope: Scope, *, contacts: bool = False) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    head = heard.CONTACT_HEAD if contacts else heard.HEAD
    writer.writerow(head)
    for row in heard.rows(scope.ids, contacts=contacts):
        writer.writerow([neutralise("Yes" if value is True else "No" if value is False else value) for value in row])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
