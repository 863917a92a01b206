"""The plan milestones the evidence outputs test timing against, found in one place: when the plan was (or is
to be) submitted for examination, and when the proposed plan was published (Regulation 19 on the 2012 route, the
proposed plan consultation on the 2026 route). Both come from the stages' roles (engage.vocab.StageRole), never
their names, so either route works."""

from datetime import date

from engage.models import Plan
from engage.vocab import StageRole


def submission_date(plan: Plan | None) -> date | None:
    """The day the plan goes to examination (its `submission` stage's actual, else predicted, start); anything
    after it is flagged."""
    return plan.submission_date if plan is not None else None


def publication_date(plan: Plan | None) -> date | None:
    """The day the proposed plan was published for representations (its `publication` stage's start): engaging
    on a matter for the first time after it is engaging too late to shape the plan."""
    stage = plan.stage_with_role(StageRole.PUBLICATION) if plan is not None else None
    return stage.begins_on if stage else None


def after_submission(plan: Plan | None, day: date | None) -> bool:
    submitted = submission_date(plan)
    return bool(submitted and day and day > submitted)
