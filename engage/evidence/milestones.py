"""The plan milestones the evidence outputs test timing against, found in one place: when the plan was (or is
to be) submitted for examination, and when the proposed plan was published (Regulation 19, or the proposed plan
consultation on the 2026 route). Every evidence check asks these functions, so how a stage is recognised is
decided here alone."""

from datetime import date

from engage.models import Plan

SUBMISSION_STAGES = ("submission",)
PUBLICATION_STAGES = ("reg-19", "proposed-plan")


def _first_start(plan: Plan | None, slugs: tuple[str, ...]) -> date | None:
    if plan is None:
        return None
    return next((s.starts_on for s in plan.stages if s.slug in slugs and s.starts_on), None)


def submission_date(plan: Plan | None) -> date | None:
    """The day the plan goes to examination; anything after it is flagged."""
    return _first_start(plan, SUBMISSION_STAGES)


def publication_date(plan: Plan | None) -> date | None:
    """The day the proposed plan was published for representations: engaging on a matter for the first time
    after it is engaging too late to shape the plan."""
    return _first_start(plan, PUBLICATION_STAGES)


def after_submission(plan: Plan | None, day: date | None) -> bool:
    submitted = submission_date(plan)
    return bool(submitted and day and day > submitted)
