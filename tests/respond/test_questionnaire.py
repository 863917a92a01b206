from sqlalchemy import select

from engage.extensions import db
from engage.models import Question, Representation
from tests.factories import create_consultation
from tests.pages import error_summary, get_page, parse, post_form
from tests.respond.helpers import fill_about_you, fill_item, submit


def _questionnaire():
    consultation = create_consultation(form_type="questionnaire", stage="reg-18", parts=[])
    consultation.questions = [
        Question(
            kind="single-choice",
            text="Do you agree with the vision?",
            options=["Agree", "Disagree"],
            required=True,
            position=0,
        ),
        Question(
            kind="multiple-choice", text="Which options?", options=["Towns", "New settlements", "Corridors"], position=1
        ),
        Question(kind="free-text", text="What infrastructure is needed?", position=2),
    ]
    db.session.commit()
    return consultation


def test_a_questionnaire_is_answered_and_the_answers_are_kept(client):
    consultation = _questionnaire()
    single, multiple, free = consultation.questions
    fill_about_you(client, consultation)
    page = get_page(client, "respond.representation", slug=consultation.slug, number=1)
    assert "Do you agree with the vision?" in page.text and page.select_one("#sound") is None

    data = {
        f"question_{single.id}": "Disagree",
        f"question_{multiple.id}": ["Towns", "Corridors"],
        f"question_{free.id}": "A new school",
        "comment": "",
    }
    response = post_form(client, "respond.representation", data, {"slug": consultation.slug, "number": 1})
    assert response.status_code == 302
    submit(client, consultation)

    answers = db.session.scalar(select(Representation.answers))
    assert answers == {
        str(single.id): "Disagree",
        str(multiple.id): ["Towns", "Corridors"],
        str(free.id): "A new school",
    }


def test_a_required_question_left_unanswered_shows_an_error_on_it(client):
    consultation = _questionnaire()
    single, _, free = consultation.questions
    fill_about_you(client, consultation)

    response = post_form(
        client, "respond.representation", {f"question_{free.id}": "Roads"}, {"slug": consultation.slug, "number": 1}
    )

    page = parse(response)
    assert error_summary(page) == ["Answer this question"]
    assert page.select_one(".govuk-error-summary a")["href"] == f"#question_{single.id}"
    assert page.select_one(f"#question_{free.id}").text == "Roads"


def test_an_optional_choice_left_unanswered_shows_not_answered_on_the_check_page(client):
    consultation = _questionnaire()
    single, multiple, free = consultation.questions
    single.required = False
    db.session.commit()
    fill_about_you(client, consultation)
    # A browser sends nothing for radios and checkboxes left alone, and always sends the text area
    data = {f"question_{free.id}": "", "comment": "We need a new school."}
    response = post_form(client, "respond.representation", data, {"slug": consultation.slug, "number": 1})
    assert response.status_code == 302

    page = get_page(client, "respond.check", slug=consultation.slug)

    rows = {row.dt.get_text(strip=True): row.dd.get_text(strip=True) for row in page.select(".govuk-summary-list__row")}
    assert rows[single.text] == rows[multiple.text] == rows[free.text] == "Not answered"


def test_questions_left_on_a_standard_form_are_neither_asked_nor_required(client):
    consultation = create_consultation()  # the standard form (support, object or comment; soundness)
    consultation.questions = [Question(kind="free-text", text="Left from a questionnaire draft", required=True)]
    db.session.commit()
    fill_about_you(client, consultation)

    page = get_page(client, "respond.representation", slug=consultation.slug, number=1)
    assert "Left from a questionnaire draft" not in page.text

    assert fill_item(client, consultation).status_code == 302
    submit(client, consultation)
    assert db.session.scalar(select(Representation.answers)) == {}
