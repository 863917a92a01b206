"""Fingerprints of every file and JSON document Engage produces, so a refactor can prove they did not change.

    python -m benchmarks.export_snapshot DB OUT.json          # write the fingerprints
    python -m benchmarks.export_snapshot DB OUT.json --check  # compare with OUT.json, list what differs

It loads the demo into the SQLite file DB when the file does not exist yet (the demo's times follow the clock, so
keep the file and use it for both runs), signs in as the demo admin and fetches each export (CSV, XLSX, DOCX,
ICS), each JSON list of the API and the officer pages that show evidence. Word files are compared member by
member, leaving out docProps/core.xml (it holds the time the file was written); pages and calendars leave out the
CSRF token, nonces, DTSTAMP and "Generated on … at 10:41" (the time of the download).

Excel files are compared by what they hold, not by their bytes (the same workbook can be laid out in XML in more
than one way): the workbook's title and sheet names in order, and per sheet its frozen panes, filter range (and
the filter's defined name), column widths, header row height and every cell that has a value: its value and
type, number format, font (bold, size), fill colour and alignment (wrap, vertical). Columns' default formats
(what a cell typed in later gets) are not compared.
Run both on the same day: pages mark what is overdue by today's date.
"""

import hashlib
import io
import json
import re
import sys
import zipfile
from pathlib import Path

VOLATILE = [
    re.compile(rb'name="csrf_token" value="[^"]*"'),
    re.compile(rb'nonce="[^"]*"'),
    re.compile(rb"DTSTAMP:[0-9TZ]+"),
    re.compile(rb"Generated (on )?[0-9]{1,2} [A-Z][a-z]+ [0-9]{4} at [0-9]{1,2}:[0-9]{2}"),
]


def steady(body: bytes) -> bytes:
    for pattern in VOLATILE:
        body = pattern.sub(b"(volatile)", body)
    return body


VOLATILE_MEMBERS = {"docProps/core.xml"}


def xlsx_contents(body: bytes) -> dict:
    """What an Excel file holds, as compared (see the module docstring)."""
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(body))
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        workbook_xml = archive.read("xl/workbook.xml").decode("utf-8")
    contents = {
        "title": book.properties.title,
        "sheets": book.sheetnames,
        "filter names": sorted(re.findall(r"<definedName [^>]*>[^<]*</definedName>", workbook_xml)),
    }
    for sheet in book.worksheets:
        widths = {}
        for dimension in sheet.column_dimensions.values():
            if dimension.customWidth:
                widths.update(dict.fromkeys(range(dimension.min, dimension.max + 1), dimension.width))
        cells = [
            [cell.coordinate, repr(cell.value), cell.data_type, cell.number_format, cell.font.b, cell.font.sz,
             cell.fill.fgColor.rgb if cell.fill.fill_type else None, cell.alignment.wrap_text, cell.alignment.vertical]
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None
        ]  # fmt: skip
        contents[sheet.title] = {
            "freeze": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            "widths": sorted(widths.items()),
            "header height": sheet.row_dimensions[1].height,
            "cells": cells,
        }
    return contents


def fingerprint(body: bytes) -> dict[str, str] | str:
    if body[:2] == b"PK" and b"xl/workbook.xml" in body:
        return hashlib.sha1(steady(json.dumps(xlsx_contents(body), sort_keys=True).encode("utf-8"))).hexdigest()
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return {
                name: hashlib.sha1(steady(archive.read(name))).hexdigest()
                for name in sorted(archive.namelist())
                if name not in VOLATILE_MEMBERS
            }
    return hashlib.sha1(steady(body)).hexdigest()


def urls(ids: dict) -> list[str]:
    consultation, stakeholder, statement = ids["consultation"], ids["stakeholder"], ids["statement"]
    found = [
        "/stakeholders/export.csv",
        "/stakeholders/export.xlsx",
        "/engagements/export.ics",
        f"/consultations/{consultation}/invitations/letters.csv",
        f"/consultations/{consultation}/invitations/letters.docx",
        "/evidence/dtc-table.csv",
        "/evidence/dtc-table.xlsx",
        "/evidence/dtc-table.docx",
        "/evidence/dtc-matrix.csv",
        "/evidence/dtc-matrix.xlsx",
        "/evidence/dtc-matrix.docx",
        "/evidence/chronology/housing-need.docx",
        "/evidence/consultation-statement.xlsx",
        "/evidence/consultation-statement.docx",
        f"/evidence/consultation-statement.xlsx?consultation={consultation}",
        f"/evidence/consultation-statement.docx?consultation={consultation}",
        f"/evidence/consultation-statement/hearing-list.csv?consultation={consultation}",
        f"/evidence/consultation-statement/hearing-list.xlsx?consultation={consultation}",
        f"/evidence/consultation-statement/hearing-list.docx?consultation={consultation}",
        f"/evidence/consultation-statement/hearing-list-contacts.csv?consultation={consultation}",
        f"/evidence/consultation-statement/hearing-list-contacts.xlsx?consultation={consultation}",
        f"/evidence/consultation-statement/hearing-list-contacts.docx?consultation={consultation}",
        f"/notifications/plans/{ids['plan']}/who-asked.csv",
        f"/notifications/plans/{ids['plan']}/who-asked.xlsx",
        f"/redaction/consultations/{consultation}/register.csv",
        f"/redaction/consultations/{consultation}/register.xlsx",
        f"/redaction/consultations/{consultation}/inspector.csv",
        f"/redaction/consultations/{consultation}/inspector.xlsx",
        f"/evidence/common-ground/{statement}/versions/1.docx",
        f"/evidence/common-ground/{statement}/versions/2.docx",
        "/evidence/summaries/authorities/WBC.csv",
        "/evidence/summaries/authorities/WBC.xlsx",
        "/evidence/summaries/authorities/WBC.docx",
        f"/evidence/summaries/stakeholders/{stakeholder}.csv",
        f"/evidence/summaries/stakeholders/{stakeholder}.xlsx",
        f"/evidence/summaries/stakeholders/{stakeholder}.docx",
        "/api/v1/authorities?per_page=500",
        "/api/v1/registers",
        "/api/v1/strategic-matters",
        "/api/v1/stakeholders?per_page=500",
        f"/api/v1/stakeholders/{stakeholder}",
        "/api/v1/engagements?per_page=500",
        "/api/v1/actions?per_page=500",
        "/api/v1/consultations",
        f"/api/v1/consultations/{consultation}/representations?per_page=500",
        f"/api/v1/consultations/{consultation}/publicity?per_page=500",
        f"/api/v1/evidence/hearing-list?consultation={consultation}&per_page=500",
        f"/api/v1/consultations/{consultation}/register",
        "/api/v1/evidence/dtc-table?per_page=500",
        "/evidence/dtc-table",
        "/evidence/dtc-matrix",
        "/evidence/dashboard",
        "/evidence/consultation-statement",
        f"/evidence/consultation-statement?consultation={consultation}",
        f"/evidence/common-ground/{statement}",
        "/evidence/warnings/",
        "/evidence/chronology/",
        "/evidence/chronology/housing-need",
        "/api/v1/evidence/chronology?per_page=500",
        "/api/v1/evidence/chronology/housing-need",
        "/evidence/summaries/authorities/WBC",
        f"/evidence/summaries/stakeholders/{stakeholder}",
        "/stakeholders/",
        f"/stakeholders/{stakeholder}",
        "/engagements/",
        "/consultations/",
        f"/consultations/{consultation}",
        f"/consultations/{consultation}/representations",
        "/consult/",
    ]
    return found


def snapshot(database: Path) -> dict:
    from sqlalchemy import select

    from engage import create_app
    from engage.extensions import db
    from engage.models import CommonGround, Consultation, Plan, Stakeholder, User
    from engage.seeds.demo import load_demo

    new = not database.exists()
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=f"sqlite:///{database.resolve()}")
    with app.app_context():
        if new:
            db.create_all()
            load_demo()
        ids = {
            "consultation": db.session.scalar(select(Consultation.id).order_by(Consultation.id)),
            "stakeholder": db.session.scalar(select(Stakeholder.id).order_by(Stakeholder.id)),
            "statement": db.session.scalar(select(CommonGround.id).order_by(CommonGround.id)),
            "plan": db.session.scalar(select(Plan.id).order_by(Plan.id)),
        }
        admin = db.session.scalar(select(User.id).where(User.email == "admin@engage.example"))
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = str(admin)
        session["_fresh"] = True
    result = {}
    for url in urls(ids):
        with app.app_context():
            response = client.get(url)
        result[url] = {"status": response.status_code, "body": fingerprint(response.get_data())}
    return result


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    path = Path(argv[1])
    current = snapshot(Path(argv[0]))
    if "--check" not in argv:
        path.write_text(json.dumps(current, indent=1, sort_keys=True))
        print(f"{len(current)} fingerprints written to {path}")
        return 0
    before = json.loads(path.read_text())
    differ = sorted(url for url in before.keys() | current.keys() if before.get(url) != current.get(url))
    for url in differ:
        print(f"differs: {url}")
    print(f"{len(before)} compared, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
