"""The check-your-answers page: what was typed keeps its line breaks (escaped), and removing a representation asks
first."""

from sqlalchemy import select

from engage.extensions import db
from engage.models import ResponseDraft
from tests.factories import create_consultation
from tests.pages import get_page, parse
from tests.respond.helpers import fill_about_you, fill_item


def _row(page, key: str):
    for row in page.select(".govuk-summary-list__row"):
        if row.select_one(".govuk-summary-list__key").get_text(strip=True) == key:
            return row.select_one(".govuk-summary-list__value")
    raise AssertionError(f"No row {key!r}")


def test_comments_and_changes_keep_their_line_breaks_and_stay_escaped(client):
    consultation = create_consultation()
    fill_about_you(client, consultation, address="1 High Street\r\nWatford")
    fill_item(client, consultation, comment="First point.\r\n<b>Second</b> point.", modification="One\nTwo")

    page = get_page(client, "respond.check", slug=consultation.slug)

    comments = _row(page, "Your comments")
    assert comments.decode_contents().strip() == "First point.<br/>&lt;b&gt;Second&lt;/b&gt; point."
    assert comments.find("b") is None
    assert _row(page, "Changes sought").decode_contents().strip() == "One<br/>Two"
    assert _row(page, "Postal address").decode_contents().strip() == "1 High Street<br/>Watford"


def test_removing_a_representation_asks_first_and_keeps_it_until_confirmed(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)
    fill_item(client, consultation, number=2, part="Chapter 3", comment="Second one")
    check = get_page(client, "respond.check", slug=consultation.slug)
    remove_link = check.find(
        lambda tag: tag.name == "a" and tag.get_text(" ", strip=True) == "Remove (Representation 2)"
    )

    page = parse(client.get(remove_link["href"]))

    assert page.h1.text == "Are you sure you want to remove representation 2?"
    assert "Chapter 3" in page.text
    assert len(db.session.scalar(select(ResponseDraft)).data["items"]) == 2
    assert page.find("a", string="No, keep it")["href"].endswith("/respond/check")

    response = client.post(remove_link["href"])

    assert response.status_code == 302
    db.session.expire_all()
    items = db.session.scalar(select(ResponseDraft)).data["items"]
    assert [item["comment"] for item in items] == ["The housing figure is not justified."]


def test_the_confirmation_page_for_a_representation_that_does_not_exist_is_not_found(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    fill_item(client, consultation)

    get_page(client, "respond.remove", expected_status=404, slug=consultation.slug, number=2)


def test_the_co_operation_question_is_asked_in_the_words_of_the_plans_route(client):
    from tests.factories import create_plan

    plan = create_plan()
    plan.route = "2026"
    consultation = create_consultation(plan_id=plan.id, stage="reg-19")
    fill_about_you(client, consultation)

    item = get_page(client, "respond.representation", slug=consultation.slug, number=1)
    legend = item.select_one("#dtc_compliant").find_parent("fieldset").legend.get_text(strip=True)
    assert legend == "Do you think effective co-operation has been maintained in preparing the plan?"

    fill_item(client, consultation)
    check = get_page(client, "respond.check", slug=consultation.slug)
    assert _row(check, "Shows effective co-operation has been maintained").get_text(strip=True) == "Not specified"
    assert "duty to co-operate" not in check.text


def test_a_plan_on_the_2012_regulations_asks_about_the_duty_to_co_operate(client):
    consultation = create_consultation()
    fill_about_you(client, consultation)
    item = get_page(client, "respond.representation", slug=consultation.slug, number=1)
    assert "Do you think the plan complies with the duty to co-operate?" in item.text
