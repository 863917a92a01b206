"""Importing stakeholders from CSV and XLSX: upload, columns, preview, the all-or-nothing import, its progress."""

import codecs
import io

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from engage.common import tables as import_files
from engage.common.validation import EMAIL_MESSAGE
from engage.extensions import db
from engage.models import AuditEvent, Job, Stakeholder
from engage.stakeholders import import_rows, imports
from tests.factories import create_authority, create_stakeholder, create_user
from tests.pages import error_summary, get_page, parse

HEADINGS = "Title;First name;Surname;Organisation name;Email address;Registers;Categories;Authority"


def upload(client, data: bytes, filename: str = "people.csv"):
    return client.post(
        "/stakeholders/import",
        data={"file": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )


def csv_bytes(*lines: str, headings: str = HEADINGS, bom: bool = True, encoding: str = "utf-8") -> bytes:
    text = "\r\n".join([headings, *lines]) + "\r\n"
    return (codecs.BOM_UTF8 if bom else b"") + text.encode(encoding)


def xlsx_bytes(rows: list[dict]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def latest_job() -> Job:
    return db.session.scalar(select(Job).order_by(Job.id.desc()))


def uploaded(client, data: bytes, filename: str = "people.csv") -> Job:
    response = upload(client, data, filename)
    assert response.status_code == 302, response.get_data(as_text=True)[:1000]
    return latest_job()


def mapped_and_previewed(client, data: bytes, filename: str = "people.csv"):
    job = uploaded(client, data, filename)
    form = {f"column_{i}": target for i, target in enumerate(job.params["mapping"].values())}
    response = client.post(f"/stakeholders/import/{job.id}/columns", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return job, parse(client.get(f"/stakeholders/import/{job.id}/preview"))


def stakeholder_count() -> int:
    return db.session.scalar(select(func.count(Stakeholder.id)))


def preview_problems(page) -> dict[str, list[str]]:
    """{row number: [problems]} from the preview table."""
    problems = {}
    for tr in page.select("table.app-import-preview tbody tr"):
        cells = tr.find_all(["th", "td"])
        problems[cells[0].get_text(strip=True)] = [li.get_text(strip=True) for li in cells[-1].select("li")]
    return problems


# Upload --------------------------------------------------------------------------------------------------------


def test_upload_page_shows_a_file_field(officer_client):
    page = get_page(officer_client, "stakeholders.import_upload")
    assert page.select_one("input[type=file][name=file]") is not None
    assert page.h1.get_text(strip=True) == "Import stakeholders"


def test_csv_with_bom_and_semicolons_is_read_and_its_columns_matched(officer_client):
    create_authority("WBC")
    data = csv_bytes("Ms;Ada;Lovelace;Analytical Society;ada@example.com;general-consultees;resident;wbc")

    job = uploaded(officer_client, data)

    assert job.status == "draft" and job.total_rows == 1 and job.user_id == officer_client.user.id
    assert job.params["columns"] == HEADINGS.split(";")
    assert list(job.params["mapping"].values()) == [
        "title",
        "first_name",
        "last_name",
        "organisation",
        "email",
        "registers",
        "categories",
        "authority",
    ]
    page = get_page(officer_client, "stakeholders.import_columns", job_id=job.id)
    select_surname = page.select_one("select[name=column_2]")
    assert select_surname.find("option", selected=True)["value"] == "last_name"
    assert "Lovelace" in page.get_text()


def test_windows_1252_csv_with_commas_keeps_its_accents(officer_client):
    data = csv_bytes("Zoë,Brontë,zoe@example.com", headings="Forename,Last name,E-mail", bom=False, encoding="cp1252")

    job = uploaded(officer_client, data)

    _, rows = imports.load_table(job)
    assert rows == [[2, "Zoë", "Brontë", "zoe@example.com"]]
    assert list(job.params["mapping"].values()) == ["first_name", "last_name", "email"]


def test_xlsx_is_read_with_row_numbers_and_blank_rows_left_out(officer_client):
    data = xlsx_bytes(
        [
            {"Organisation": "Canal & River Trust", "Email": "plans@canal.example", "Phone": "01923 000000"},
            {"Organisation": "", "Email": "", "Phone": ""},
            {"Organisation": "Natural England", "Email": "", "Phone": ""},
        ]
    )

    job = uploaded(officer_client, data, "bodies.xlsx")

    _, rows = imports.load_table(job)
    assert rows == [[2, "Canal & River Trust", "plans@canal.example", "01923 000000"], [4, "Natural England", "", ""]]
    assert list(job.params["mapping"].values()) == ["organisation", "email", "phone"]


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("notes.pdf", b"%PDF-1.4 not a spreadsheet", import_files.WRONG_TYPE),
        ("people.csv", b"%PDF-1.4\x00\x01 a pdf renamed", import_files.WRONG_TYPE),
        ("people.xlsx", b"Name,Email\nA,a@example.com\n", import_files.WRONG_TYPE),
        ("people.xlsx", b"PK\x03\x04 truncated zip", import_files.WRONG_TYPE),
        ("people.csv", b"", import_files.EMPTY),
        ("people.csv", b"First name,Last name\r\n", import_files.NO_ROWS),
        (
            "people.csv",
            b"Name,Email\nAda,a@example.com\nBob,b@example.com,extra,cells\n",
            "Row 3 of the selected file has 4 cells but there are 2 column headings",
        ),
    ],
)
def test_unusable_file_is_refused_next_to_the_field_and_nothing_is_written(officer_client, filename, data, message):
    response = upload(officer_client, data, filename)

    assert response.status_code == 200
    page = parse(response)
    assert error_summary(page) == [message]
    assert message in page.select_one(".govuk-error-message").get_text()
    assert page.title.get_text().startswith("Error: ")
    assert db.session.scalar(select(func.count(Job.id))) == 0


def test_file_over_100000_rows_is_refused(officer_client):
    data = b"Last name\n" + b"Smith\n" * 100_001

    response = upload(officer_client, data)

    assert error_summary(parse(response)) == ["The selected file must have 100,000 rows or fewer"]
    assert db.session.scalar(select(func.count(Job.id))) == 0


def test_upload_without_a_file_asks_for_one(officer_client):
    response = officer_client.post("/stakeholders/import", data={}, content_type="multipart/form-data")
    assert error_summary(parse(response)) == ["Select a CSV or XLSX file"]


# Columns -------------------------------------------------------------------------------------------------------


def test_choosing_columns_saves_the_mapping(officer_client):
    job = uploaded(officer_client, csv_bytes("Mr;Tom;Jones;;tom@example.com;;;"))
    form = {f"column_{i}": "" for i in range(8)} | {"column_2": "last_name", "column_4": "email"}

    response = officer_client.post(f"/stakeholders/import/{job.id}/columns", data=form)

    assert response.headers["Location"].endswith(f"/stakeholders/import/{job.id}/preview")
    db.session.refresh(job)
    assert job.params["mapping"]["Surname"] == "last_name" and job.params["mapping"]["First name"] == ""


def test_a_field_chosen_twice_or_no_name_column_is_an_error_and_choices_are_kept(officer_client):
    job = uploaded(officer_client, csv_bytes("Mr;Tom;Jones;;tom@example.com;;;"))
    twice = {f"column_{i}": "" for i in range(8)} | {"column_2": "email", "column_4": "email"}

    page = parse(officer_client.post(f"/stakeholders/import/{job.id}/columns", data=twice))

    assert error_summary(page) == [
        "Choose a column for the first name, last name or organisation",
        "‘Email address’ is already chosen for ‘Surname’ – choose it once",
    ]
    assert page.select_one("select[name=column_4]").find("option", selected=True)["value"] == "email"
    db.session.refresh(job)
    assert not job.params.get("mapped")


# Preview -------------------------------------------------------------------------------------------------------


def test_preview_lists_each_kind_of_problem_by_row_number(officer_client):
    create_stakeholder(first_name="Existing", last_name="Person", email="taken@example.com")
    create_stakeholder(kind="organisation", organisation="Old Club", email="")
    data = csv_bytes(
        "Ms;Ada;Lovelace;;ada@example.com;general-consultees;resident;",  # 2 ok
        "Mr;Bad;Email;;not-an-email;;;",  # 3
        "Dr;No;Register;;nor@example.com;no-such-register;;",  # 4
        ";;;;nobody@example.com;;;",  # 5 no name
        "Mrs;Ada;Again;;ADA@example.com;;;",  # 6 same email as row 2
        "Ms;Ada;Lovelace;;other@example.com;;;",  # 7 same name and organisation as row 2
        "Mx;New;Person;;taken@example.com;;;",  # 8 email already on the registers
        ";;;Old Club;;;;",  # 9 organisation already on the registers
    )

    job, page = mapped_and_previewed(officer_client, data)

    problems = preview_problems(page)
    assert problems["2"] == []
    assert problems["3"] == [EMAIL_MESSAGE]
    assert problems["4"] == ["There is no register called ‘no-such-register’"]
    assert problems["5"] == ["Enter a first name or last name"]
    assert problems["6"] == ["Same email address as row 2"]
    assert problems["7"] == ["Same name and organisation as row 2"]
    assert problems["8"][0].startswith("Already on the registers: same email address as record ")
    assert problems["9"][0].startswith("Already on the registers: same name and organisation as record ")
    keys, values = page.select("dt"), page.select("dd")
    summary = {dt.get_text(strip=True): dd.get_text(strip=True) for dt, dd in zip(keys, values, strict=True)}
    assert summary["Ready to import"] == "1" and summary["With problems (will be skipped)"] == "7"
    assert page.select_one("main form button").get_text(strip=True) == "Import 1 stakeholder"
    only_errors = parse(officer_client.get(f"/stakeholders/import/{job.id}/preview?show=errors"))
    assert "2" not in preview_problems(only_errors)


def test_bulk_duplicate_check_reads_the_database_once(officer_client, monkeypatch):
    calls = []
    original = import_rows.existing_keys
    monkeypatch.setattr(import_rows, "existing_keys", lambda: calls.append(1) or original())
    lines = [f"Ms;Person;Number{n};;p{n}@example.com;;;" for n in range(50)]

    mapped_and_previewed(officer_client, csv_bytes(*lines))

    assert calls == [1]


# Import --------------------------------------------------------------------------------------------------------


def test_import_adds_valid_rows_with_their_links_and_skips_the_rest(officer_client):
    authority = create_authority("WBC")
    data = csv_bytes(
        "Ms;Ada;Lovelace;Analytical Society;ada@example.com;general-consultees;resident;WBC",
        "Mr;Bad;Email;;not-an-email;;;",
        ";;;Canal & River Trust;plans@canal.example;statutory-consultees, general-consultees;;",
    )
    job, _ = mapped_and_previewed(officer_client, data)

    response = officer_client.post(f"/stakeholders/import/{job.id}/preview")

    assert response.headers["Location"].endswith(f"/stakeholders/import/{job.id}")
    ada = db.session.scalar(select(Stakeholder).where(Stakeholder.email == "ada@example.com"))
    assert ada.authority_id == authority.id and ada.organisation_name == "Analytical Society"
    assert [r.slug for r in ada.registers] == ["general-consultees"] and [c.slug for c in ada.categories] == [
        "resident"
    ]
    assert (ada.sort_name, ada.search_text) == ("lovelace ada", "ada lovelace analytical society ada@example.com")
    trust = db.session.scalar(select(Stakeholder).where(Stakeholder.email == "plans@canal.example"))
    assert trust.kind == "organisation" and len(trust.registers) == 2
    assert stakeholder_count() == 2
    events = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "import")).all()
    assert len(events) == 1 and events[0].user_id == officer_client.user.id
    assert events[0].changes == {"filename": "people.csv", "rows": 3, "imported": 2, "skipped": 1}
    page = parse(officer_client.get(response.headers["Location"]))
    assert "2 stakeholders added" in page.select_one(".govuk-panel").get_text(" ", strip=True)
    assert EMAIL_MESSAGE in page.get_text()
    assert page.find("a", string="Go to the stakeholder registers")["href"] == "/stakeholders/"
    assert page.find("meta", attrs={"http-equiv": "refresh"}) is None


def test_a_failure_mid_import_writes_nothing(officer_client, monkeypatch):
    lines = [f"Ms;Person;Number{n};;p{n}@example.com;general-consultees;resident;" for n in range(2500)]
    job, _ = mapped_and_previewed(officer_client, csv_bytes(*lines))
    calls = []
    original = import_rows.insert_chunk

    def fail_on_second_chunk(*args):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(*args)

    monkeypatch.setattr(import_rows, "insert_chunk", fail_on_second_chunk)

    response = officer_client.post(f"/stakeholders/import/{job.id}/preview", follow_redirects=True)

    assert len(calls) == 2
    assert stakeholder_count() == 0
    assert db.session.scalar(select(func.count()).select_from(Stakeholder.registers.property.secondary)) == 0
    assert db.session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "import")) == 0
    db.session.refresh(job)
    assert job.status == "failed" and job.payload is None
    assert "Nothing from people.csv was added" in parse(response).get_text()


def test_progress_json_and_page_follow_the_job(officer_client):
    job, _ = mapped_and_previewed(officer_client, csv_bytes("Ms;Ada;Lovelace;;ada@example.com;;;"))
    job.status, job.total_rows, job.processed_rows = "running", 30000, 12000
    db.session.commit()

    running = officer_client.get(f"/stakeholders/import/{job.id}/progress.json").get_json()
    page = get_page(officer_client, "stakeholders.import_show", job_id=job.id)

    assert running == {"status": "running", "processed_rows": 12000, "total_rows": 30000, "finished": False}
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "2"
    box = page.select_one("[data-import-progress]")
    assert box["data-import-progress"] == f"/stakeholders/import/{job.id}/progress.json"
    assert box.select_one("[data-progress-text]").get_text(strip=True) == "12,000 of 30,000 rows"
    assert box.select_one("progress")["value"] == "12000"
    job.status = "done"
    db.session.commit()
    assert officer_client.get(f"/stakeholders/import/{job.id}/progress.json").get_json()["finished"] is True


def test_progress_is_reported_while_rows_are_checked(officer_client, monkeypatch):
    seen = []
    monkeypatch.setattr(imports.jobs, "record_progress", lambda job_id, n: seen.append(n))
    lines = [f"Ms;Person;Number{n};;p{n}@example.com;;;" for n in range(2100)]
    job, _ = mapped_and_previewed(officer_client, csv_bytes(*lines))

    officer_client.post(f"/stakeholders/import/{job.id}/preview")

    assert seen == [1000, 2000, 2100]
    assert stakeholder_count() == 2100


# Permissions ---------------------------------------------------------------------------------------------------


def test_viewers_cannot_import(viewer_client, app):
    with app.app_context():
        owner = create_user(role="viewer")
        job = Job(kind=imports.KIND, status="draft", user_id=owner.id, params={})
        db.session.add(job)
        db.session.commit()
        job_id = job.id
    for url in ("/stakeholders/import", f"/stakeholders/import/{job_id}/columns", f"/stakeholders/import/{job_id}"):
        assert viewer_client.get(url).status_code == 403
    assert upload(viewer_client, csv_bytes("Ms;Ada;Lovelace;;;;;")).status_code == 403
    assert viewer_client.post(f"/stakeholders/import/{job_id}/preview").status_code == 403
    assert viewer_client.get(f"/stakeholders/import/{job_id}/progress.json").status_code == 403


def test_someone_elses_import_is_not_found(officer_client, app):
    job = Job(kind=imports.KIND, status="done", user_id=create_user().id, params={})
    db.session.add(job)
    db.session.commit()
    assert officer_client.get(f"/stakeholders/import/{job.id}").status_code == 404
    assert officer_client.get(f"/stakeholders/import/{job.id}/progress.json").status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/stakeholders/import")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
