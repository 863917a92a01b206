"""What a complete online response costs the database, and the idempotent send when two requests race."""

from contextlib import contextmanager

from sqlalchemy import event, func, select

from engage.extensions import db
from engage.models import Representation, Respondent, ResponseDraft
from engage.respond import services
from tests.factories import create_consultation
from tests.pages import get_page
from tests.respond.helpers import fill_about_you, fill_item, submit

STATEMENT_BUDGET = 24  # see docs/performance.md (consult_submit, third pass): it was 35; each public page
# now also reads its plan and partners (one statement) to name them in the header and footer, and sending the
# response reads which webhook endpoints want representation.created (one statement, however many items); the
# acknowledgement's outbox row is written and deleted (two); a response without files no longer looks for them (two
# fewer), and the confirmation page reads the respondent with their consultation (one fewer)


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
    slug = consultation.slug
    with counted_statements() as statements:
        get_page(client, "respond.about_you", slug=slug)
        assert fill_about_you(client, consultation).status_code == 302
        get_page(client, "respond.representation", slug=slug, number=1)
        assert fill_item(client, consultation).status_code == 302
        get_page(client, "respond.check", slug=slug)
        assert submit(client, consultation).status_code == 302
        page = get_page(client, "respond.confirmation", slug=slug)

    respondent = db.session.scalar(select(Respondent))
    assert respondent.reference in page.text
    assert len(statements) <= STATEMENT_BUDGET, "\n".join(s.split("\n")[0][:100] for s in statements)


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
