"""Reading the setup-plan command's answers: partner authorities as `CODE` or `CODE=Name`, and stage dates as
`slug=YYYY-MM-DD` or `slug=YYYY-MM-DD..YYYY-MM-DD` (predicted start and end)."""

from datetime import date
from typing import Any

from engage.common.validation import parse_day
from engage.models import Route


class AnswerError(ValueError):
    """An answer the command cannot read; the message says how to write it."""


def parse_partners(answers: list[str], known: set[str]) -> tuple[list[str], list[dict[str, Any]]]:
    """The partner codes in order (the lead first) and the authorities to add, from answers like `WBC=Watford
    Borough Council` or, for an authority already known, `WBC`. Several may be given in one answer, comma-separated."""
    codes: list[str] = []
    new: list[dict[str, Any]] = []
    for answer in answers:
        for part in (p.strip() for p in answer.split(",")):
            if not part:
                continue
            code, _, name = (x.strip() for x in part.partition("="))
            code = code.upper()
            if not name and code not in known:
                raise AnswerError(f"{code} is not a known authority: give its name too, like {code}=Its Council")
            if name and code not in known and code not in codes:
                new.append({"code": code, "name": name, "kind": "partner"})
            codes.append(code)
    return list(dict.fromkeys(codes)), new


def parse_stage(answer: str) -> dict[str, Any]:
    """{"slug", "starts_on", "ends_on"} from `reg-18=2027-01-11` or `reg-18=2027-01-11..2027-02-22`."""
    slug, _, dates = (x.strip() for x in answer.partition("="))
    start_text, _, end_text = (x.strip() for x in dates.partition(".."))
    starts_on, ends_on = _day(start_text, answer), _day(end_text, answer) if end_text else None
    if not slug or starts_on is None:
        raise AnswerError(
            f"Write a stage's dates like reg-18=2027-01-11 or reg-18=2027-01-11..2027-02-22, not {answer}"
        )
    return {"slug": slug.lower(), "starts_on": starts_on, "ends_on": ends_on}


def _day(text: str, answer: str) -> date | None:
    if not text:
        return None
    day = parse_day(text)
    if day is None:
        raise AnswerError(f"{text} is not a date like 2027-01-11 (in {answer})")
    return day


def stage_questions(route: Route) -> list[tuple[str, str]]:
    """(slug, question) for each stage of the route, asking for its predicted dates."""
    return [
        (stage.slug, f"Predicted dates of the {stage.name} (YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD; empty to skip)")
        for stage in route.stages
    ]
