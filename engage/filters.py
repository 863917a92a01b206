"""Every Jinja filter and global, registered in one place (`register`): dates and times, the labels of the closed
lists (engage.vocab), the signed-in user's permissions, the current page's URL with changes, and the data a few pages
read."""

from flask import Flask, request, url_for
from flask_login import current_user
from markupsafe import Markup

from engage.common.dates import format_date, format_datetime, format_time, govuk_datetime
from engage.permissions import has_permission
from engage.vocab import VOCABULARIES, ConsultationStatus, Vocabulary

CONSULTATION_TAGS = {"draft": "grey", "scheduled": "blue", "open": "green", "closed": "red"}


def url_with(**changes) -> str:
    """The current page's URL with some query arguments changed (None removes one)."""
    args = request.args.to_dict(flat=False)
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = [value]
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def multiline(text: str) -> Markup:
    """Text someone typed, escaped, with its line breaks kept as <br>."""
    return Markup("<br>").join((text or "").splitlines())


def label(value: str | None, vocabulary: type[Vocabulary], default: str | None = None) -> str:
    """`{{ item.nature | label(Nature) }}`: the words for a stored value of a closed list."""
    return vocabulary.label_of(value, default)


def status_tag(status: str) -> dict[str, str]:
    """govukTag's parameters for a consultation's status."""
    return {"text": ConsultationStatus.label_of(status), "classes": f"govuk-tag--{CONSULTATION_TAGS[status]}"}


def register(app: Flask) -> None:
    app.add_template_filter(multiline, "multiline")
    app.add_template_filter(format_datetime, "datetime")
    app.add_template_filter(format_date, "date")
    app.add_template_filter(format_time, "time")
    app.add_template_filter(govuk_datetime, "govuk_datetime")
    app.add_template_filter(label, "label")
    app.add_template_global(url_with)
    app.add_template_global(status_tag)
    for vocabulary in VOCABULARIES:
        app.add_template_global(vocabulary, vocabulary.__name__)

    @app.context_processor
    def inject_permissions():
        return {
            "can": lambda permission: has_permission(current_user, permission),
            "service_name": app.config["SERVICE_NAME"],
        }
