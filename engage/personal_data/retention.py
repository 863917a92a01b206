"""Each plan's retention period, and erasing the respondents whose period has ended.

A plan keeps respondents' personal data for `Plan.retention_years` (15 by default) after the consultation they
responded to closed or, once the plan's adoption is recorded (the actual start of its adoption stage), after
adoption if that was later: the representations are the plan's evidence until then. When the period ends,
`flask apply-retention` erases them as an officer would, with the text deleted (the originals go, the counts and
answers stay: see engage.personal_data.services). Respondents of consultations that belong to no plan have no
period and are kept. Running it again erases nothing twice; `--dry-run` says what it would do and changes nothing.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from dateutil.relativedelta import relativedelta
from sqlalchemy import select

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Consultation, Plan, Respondent, utcnow
from engage.personal_data.services import erase_respondents

LONGEST = 100
BATCH = 500


@dataclass
class Outcome:
    plan: Plan
    years: int
    consultations: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)

    def summary(self, dry_run: bool) -> str:
        verb = "would erase" if dry_run else "erased"
        count = len(self.references)
        line = f"{self.plan.slug}: {verb} {count} {'respondent' if count == 1 else 'respondents'}"
        line += f" ({self.years} years)"
        if self.consultations:
            line += f" of {', '.join(self.consultations)}"
        return line


def clean_years(data: dict[str, Any]) -> int:
    years = data.get("retention_years")
    if isinstance(years, str) and re.fullmatch(r"[0-9]{1,3}", years.strip()):  # not "²", which isdigit() takes
        years = int(years.strip())
    if isinstance(years, bool) or not isinstance(years, int) or not 1 <= years <= LONGEST:
        raise ValidationError({"retention_years": [f"Enter a whole number of years from 1 to {LONGEST}"]})
    return years


def set_retention(plan: Plan, data: dict[str, Any], *, user=None) -> Plan:
    years = clean_years(data)
    if years != plan.retention_years:
        changes = {"retention_years": [plan.retention_years, years]}
        plan.retention_years = years
        audit.record("update", "plan", plan.id, f"Retention period set to {years} years", user=user, changes=changes)
    db.session.commit()
    return plan


def adopted_on(plan: Plan) -> date | None:
    stage = plan.stage_with_role("adoption")
    return stage.actual_starts_on if stage else None


def ends_at(plan: Plan, consultation: Consultation) -> datetime:
    """When the personal data of the consultation's respondents is no longer kept."""
    start = consultation.closes_at
    adopted = adopted_on(plan)
    if adopted is not None:
        start = max(start, datetime.combine(adopted, time(), UTC))
    return start + relativedelta(years=plan.retention_years)


def due(plan: Plan, moment: datetime) -> tuple[list[Consultation], list[Respondent]]:
    """The plan's consultations whose period has ended at `moment`, and their respondents not yet erased."""
    consultations = db.session.scalars(select(Consultation).where(Consultation.plan_id == plan.id)).all()
    ended = [c for c in consultations if ends_at(plan, c) <= moment]
    if not ended:
        return [], []
    query = (
        select(Respondent)
        .where(Respondent.consultation_id.in_([c.id for c in ended]), Respondent.erased_at.is_(None))
        .order_by(Respondent.id)
    )
    return ended, list(db.session.scalars(query))


def apply_retention(*, dry_run: bool = False, moment: datetime | None = None, user=None) -> list[Outcome]:
    """Erase, plan by plan, the respondents whose retention period has ended (or, with `dry_run`, only say who)."""
    moment = moment or utcnow()
    outcomes = []
    for plan in db.session.scalars(select(Plan).order_by(Plan.id)).all():
        ended, respondents = due(plan, moment)
        outcome = Outcome(plan, plan.retention_years, [c.slug for c in ended], [r.reference for r in respondents])
        outcomes.append(outcome)
        if dry_run:
            continue
        reason = f"Retention period of {plan.retention_years} years ended"
        for start in range(0, len(respondents), BATCH):
            erase_respondents(respondents[start : start + BATCH], {"reason": reason, "delete_text": True}, user=user)
    return outcomes
