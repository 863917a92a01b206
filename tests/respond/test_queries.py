"""What a complete online response costs the database, and the idempotent send when two requests race."""

from contextlib import contextmanager

from sqlalchemy import event, func, select

from engage.extensions import db
from engage.models import Representation, Respondent, ResponseDraft
from engage.respond import kept_pages, services
from tests.factories import create_consultation
from tests.pages import get_page
from tests.respond.helpers import fill_about_you, fill_item, submit

STATEMENT_BUDGET = 24  # see docs/performance.md (consult_submit, third pass): it was 35; each public page
# now also reads its plan and partners (one statement) to name them in the header and footer; the
# acknowledgement's outbox row is written and deleted (two); a response without files no longer looks for them (two
# fewer), and the confirmation page reads the respondent with their consultation (one fewer). Sending reads whether
# any webhook endpoint is registered with the response (one fewer), and the parts of the plan as plain rows, so the
# acknowledgement sent inline here reads its representation's part (one more)
KEPT_BUDGET = 16  # the same journey as production runs it, pages, parts and owner kept (engage.respond.kept_pages)


@contextmanager
def counted_statements():
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_a_complete_response_takes_no_more_statements_than_its_budget(client):
    consultation = create_consultation()
    db.session.refresh(consultation)  # loaded before counting: only the pages' statements are counted
    with counted_statements() as statements:
        page = _respond(client, consultation, from_start=False)

    respondent = db.session.scalar(select(Respondent))
    assert respondent.reference in page.text
    assert len(statements) <= STATEMENT_BUDGET, "\n".join(s.split("\n")[0][:100] for s in statements)


def test_a_response_as_production_serves_it_reads_the_kept_pages_and_parts(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_PAGE_CACHE_SECONDS", 10)
    monkeypatch.setitem(app.config, "OWNER_CACHE_SECONDS", 60)
    kept_pages.forget()
    consultation = create_consultation()
    _respond(app.test_client(), consultation)  # the first respondent's pages are made and kept
    with counted_statements() as statements:
        page = _respond(client, consultation)
    kept_pages.forget()

    assert "R-00002" in page.text
    outlines = [s for s in statements if s.startswith("SELECT consultation_part.id, consultation_part.ref")]
    assert len(outlines) == 1  # to check the response as it is sent; the form and the check page use the kept parts
    assert len(statements) <= KEPT_BUDGET, "\n".join(s.split("\n")[0][:100] for s in statements)


def _respond(client, consultation, *, from_start: bool = True):
    """A whole response, page by page (from the consultation's page unless not `from_start`); the confirmation."""
    slug = consultation.slug
    if from_start:
        get_page(client, "respond.show", slug=slug)
    get_page(client, "respond.about_you", slug=slug)
    assert fill_about_you(client, consultation).status_code == 302
    get_page(client, "respond.representation", slug=slug, number=1)
    assert fill_item(client, consultation).status_code == 302
    get_page(client, "respond.check", slug=slug)
    assert submit(client, consultation).status_code == 302
    return get_page(client, "respond.confirmation", slug=slug)


def test_the_pages_that_only_read_read_outside_a_transaction(client):
    """A GET of the journey needs no BEGIN and ROLLBACK (queries.only_reading); a POST writes in one."""
    consultation = create_consultation()
    slug = consultation.slug
    seen: list[tuple[str, str]] = []

    def note(conn, cursor, statement, parameters, context, executemany):
        seen.append((request_method(), conn.get_execution_options().get("isolation_level", "")))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        fill_about_you(client, consultation)
        get_page(client, "respond.representation", slug=slug, number=1)
        fill_item(client, consultation)
        get_page(client, "respond.check", slug=slug)
        submit(client, consultation)
        get_page(client, "respond.confirmation", slug=slug)
    finally:
        event.remove(db.engine, "before_cursor_execute", note)

    assert {level for method, level in seen if method == "GET"} == {"AUTOCOMMIT"}
    assert "AUTOCOMMIT" not in {level for method, level in seen if method == "POST"}
    assert {"GET", "POST"} <= {method for method, _ in seen}


def request_method() -> str:
    from flask import has_request_context, request

    return request.method if has_request_context() else ""


def test_a_draft_sent_meanwhile_by_another_request_keeps_one_respondent(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    stale = db.session.scalar(select(ResponseDraft))  # loaded before the other request sends it
    assert stale.respondent_id is None

    assert submit(client, consultation).status_code == 302
    respondent = services.submit_draft(consultation, stale)

    assert db.session.scalar(select(func.count()).select_from(Respondent)) == 1
    assert db.session.scalar(select(func.count()).select_from(Representation)) == 1
    assert respondent.id == db.session.scalar(select(Respondent.id))
