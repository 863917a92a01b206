import re
from datetime import timedelta

from sqlalchemy import func, select

from engage.extensions import db
from engage.mail import outbox
from engage.models import Representation, utcnow
from tests.factories import create_consultation
from tests.pages import error_summary, parse, post_form
from tests.respond.helpers import fill_about_you, fill_item, submit


def _save(client, consultation, email="alex@example.com"):
    return post_form(client, "respond.save", {"email": email}, {"slug": consultation.slug})


def _link():
    text = outbox[-1].get_body(("plain",)).get_content()
    return re.search(r"http://localhost(/consult/\S+)", text).group(1)


def test_an_emailed_link_lets_a_respondent_finish_on_another_device(client, app):
    outbox.clear()
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)

    response = _save(client, consultation)

    assert "We have sent you a link" in parse(response).h1.text
    other_device = app.test_client()
    assert other_device.get(_link()).status_code == 302
    assert "Check your answers" in parse(other_device.get(f"/consult/{consultation.slug}/respond/check")).h1.text
    submit(other_device, consultation)
    assert db.session.scalar(select(func.count()).select_from(Representation)) == 1


def test_the_link_stops_working_at_the_deadline(client, app):
    outbox.clear()
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    _save(client, consultation)
    consultation.closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()

    response = app.test_client().get(_link())

    assert "This consultation has closed" in parse(response).h1.text


def test_saving_needs_a_valid_email(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)

    response = _save(client, consultation, email="nope")

    assert error_summary(parse(response)) == ["Enter an email address in the correct format, like name@example.com"]
