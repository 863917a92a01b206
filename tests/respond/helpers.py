"""Filling in the online response, page by page."""

from tests.pages import post_form

ABOUT_YOU = {
    "is_agent": "no",
    "first_name": "Alex",
    "last_name": "Resident",
    "email": "alex@example.com",
    "postcode": "wd17 1ab",
}
ITEM = {
    "part": "Policy SP1",
    "nature": "object",
    "legally_compliant": "yes",
    "sound": "no",
    "dtc_compliant": "not-specified",
    "unsound_tests": ["justified", "effective"],
    "comment": "The housing figure is not justified.",
    "modification": "Reduce the figure.",
    "wishes_to_be_heard": "no",
    "notify": ["adoption"],
}


def fill_about_you(client, consultation, **changes):
    return post_form(client, "respond.about_you", {**ABOUT_YOU, **changes}, {"slug": consultation.slug})


def fill_item(client, consultation, number=1, **changes):
    return post_form(
        client, "respond.representation", {**ITEM, **changes}, {"slug": consultation.slug, "number": number}
    )


def submit(client, consultation, follow_redirects=False, **data):
    return post_form(client, "respond.check", data, {"slug": consultation.slug}, follow_redirects=follow_redirects)
