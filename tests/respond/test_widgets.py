"""The respondent pages' widgets call the GOV.UK macros directly (engage/common/widgets.py): same HTML as
govuk-frontend-wtf's own path, and nothing a respondent typed is kept between requests."""

import pytest
from govuk_frontend_wtf import wtforms_widgets as gov
from werkzeug.datastructures import MultiDict

from engage.common import widgets
from engage.representations.forms import AboutYouForm, representation_form
from tests.factories import create_consultation

TYPED = MultiDict(
    {
        "is_agent": "yes",
        "first_name": "Priya",
        "email": "priya.secret@example.com",
        "address": "1 High Street\nWatford",
        "nature": "object",
        "unsound_tests": "justified",
        "comment": "A <b>bold</b> comment & more",
        "part": "Policy SP1",
    }
)


def _original(widget):
    """The govuk-frontend-wtf widget our subclass extends, rendering through its own template."""
    return next(base for base in type(widget).__mro__ if base.__module__ == gov.__name__)()


def _forms(consultation, formdata):
    return [AboutYouForm(formdata=formdata), representation_form(consultation, formdata=formdata)]


@pytest.mark.parametrize("typed", [False, True], ids=["blank", "typed"])
def test_every_field_renders_the_same_html_as_govuk_frontend_wtf(app, typed):
    consultation = create_consultation()
    with app.test_request_context(method="POST" if typed else "GET", data=TYPED if typed else None):
        for form in _forms(consultation, TYPED if typed else None):
            if "first_name" in form:
                form.first_name.errors = ["Enter a first name"]
            for field in form:
                if not isinstance(field.widget, widgets.DirectMacro):
                    continue
                ours = field(params={"classes": "app-extra"})
                field.widget, own = _original(field.widget), field.widget
                assert field(params={"classes": "app-extra"}) == ours, field.name
                field.widget = own


def test_what_a_respondent_typed_or_an_error_is_never_kept(app):
    consultation = create_consultation()
    widgets._rendered.clear()
    with app.test_request_context(method="POST", data=TYPED):
        for form in _forms(consultation, TYPED):
            if "last_name" in form:
                form.last_name.errors = ["Enter a last name"]
            for field in form:
                field()
    kept = " ".join(key for _, key in widgets._rendered)
    assert kept, "blank fields and fixed choices are kept"
    for typed in ("Priya", "priya.secret", "High Street", "bold", "Enter a last name"):
        assert typed not in kept


def test_templates_get_every_global_in_a_plain_dict(app, client):
    """engage.setup.Environment: no ChainMap for Jinja to walk on every import; nothing missing from it."""
    template = app.jinja_env.get_template("respond/check.html")

    assert type(template.globals) is dict
    assert app.jinja_env.globals.items() <= template.globals.items()
    assert {"csrf_token", "url_with", "status_tag"} <= template.globals.keys()
    assert client.get("/consult/").status_code == 200  # context processors still reach the page
