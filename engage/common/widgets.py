"""govuk-frontend-wtf widgets for the respondent pages, calling the GOV.UK macro directly.

govuk-frontend-wtf maps a field to the GOV.UK macro's params, then renders a one-line template
(`{% from ... import govukInput %}{{ govukInput(params) }}`) with `render_template`: for every field, Flask runs
the context processors and template signals and Jinja makes a fresh context and import. The about-you page has
about 30 fields, so that was a large part of its cost. These subclasses keep govuk-frontend-wtf's mapping and
call the same govuk-frontend-jinja macro from its template's cached module, so the HTML is the same (checked in
tests/consult/test_widgets.py).

The macros are still the larger cost (about 0.4 ms a field), and most fields are rendered blank: the about-you and
representation forms a respondent first opens, every honeypot and button. So a field's HTML is kept per process,
keyed on its complete params, unless the params hold something the respondent typed (a text value) or an error
message: what people type is never kept. Radios, checkboxes and selects hold only their fixed choices. The store
is bounded; once full, further fields are rendered as they come.
"""

from flask import current_app
from govuk_frontend_wtf import wtforms_widgets as gov
from markupsafe import Markup

# govuk-frontend-wtf's template -> the govuk-frontend-jinja component and macro it calls
MACROS = {
    "govuk_frontend_wtf/button.html": ("button", "govukButton"),
    "govuk_frontend_wtf/charactercount.html": ("character-count", "govukCharacterCount"),
    "govuk_frontend_wtf/checkboxes.html": ("checkboxes", "govukCheckboxes"),
    "govuk_frontend_wtf/file-upload.html": ("file-upload", "govukFileUpload"),
    "govuk_frontend_wtf/input.html": ("input", "govukInput"),
    "govuk_frontend_wtf/radios.html": ("radios", "govukRadios"),
    "govuk_frontend_wtf/select.html": ("select", "govukSelect"),
    "govuk_frontend_wtf/textarea.html": ("textarea", "govukTextarea"),
}


def govuk_macro(template: str):
    """The govuk-frontend-jinja macro behind a govuk-frontend-wtf template (Jinja caches the template's module)."""
    component, name = MACROS[template]
    module = current_app.jinja_env.get_template(f"govuk_frontend_jinja/components/{component}/macro.html").module
    return getattr(module, name)


CACHE_SIZE = 2048
_rendered: dict[tuple[str, str], Markup] = {}


def render_field(template: str, params: dict) -> Markup:
    """The macro's HTML for these params, from the per-process store when nothing in them was typed."""
    if params.get("value") or params.get("errorMessage"):
        return Markup(govuk_macro(template)(params))
    key = (template, repr(params))  # repr tells Markup from str, which the macro treats differently
    html = _rendered.get(key)
    if html is None:
        html = Markup(govuk_macro(template)(params))
        if len(_rendered) < CACHE_SIZE:
            _rendered[key] = html
    return html


class DirectMacro:
    """Mixed in before a govuk-frontend-wtf widget: render its params with the macro itself."""

    template: str

    def render(self, params) -> Markup:
        return render_field(self.template, params)


class GovCharacterCount(DirectMacro, gov.GovCharacterCount):
    pass


class GovCheckboxesInput(DirectMacro, gov.GovCheckboxesInput):
    pass


class GovFileInput(DirectMacro, gov.GovFileInput):
    pass


class GovRadioInput(DirectMacro, gov.GovRadioInput):
    pass


class GovSelect(DirectMacro, gov.GovSelect):
    pass


class GovSubmitInput(DirectMacro, gov.GovSubmitInput):
    pass


class GovTextArea(DirectMacro, gov.GovTextArea):
    pass


class GovTextInput(DirectMacro, gov.GovTextInput):
    pass
