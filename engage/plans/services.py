"""Setting up plans: create and edit a plan, its partner authorities (one leads) and its stages' dates.

Input is a dict keyed by the API's field names (dates as `date`), so the pages, the API, the setup-plan command
and the demo seed share one set of rules. A plan's stages are copied from its route (engage/seeds/routes.py); the
route can change only while no consultation or engagement belongs to the plan.
"""

import re
from datetime import date
from typing import Any

from sqlalchemy import func, select

from engage.common import audit
from engage.common.validation import EARLIEST_YEAR, LATEST_YEAR, ValidationError
from engage.extensions import db
from engage.models import Authority, Consultation, Engagement, Plan, PlanStage
from engage.models.engagement import strategy_entry_stage
from engage.plans import queries
from engage.plans.timeline import check_timeline, sync_consultation_dates
from engage.vocab import AuthorityKind, PlanRoute

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CODE_PATTERN = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,15}$")
TEXT_LIMITS = {"name": 200, "description": 20000, "reference": 100, "documentation_url": 1000, "document_url": 1000}
DATE_FIELDS = ("period_start", "period_end")

__all__ = ["add_authority", "create_plan", "set_up_plan", "sync_consultation_dates", "update_plan", "update_stages"]


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:100].strip("-")


def in_range(day: date) -> bool:
    return EARLIEST_YEAR <= day.year <= LATEST_YEAR


def _clean_text(data: dict[str, Any], cleaned: dict[str, Any], errors: dict) -> None:
    for field, limit in TEXT_LIMITS.items():
        if data.get(field) is None:
            continue
        value = str(data[field]).strip()
        if len(value) > limit:
            errors[field] = [f"Enter {limit:,} characters or fewer"]
        elif field.endswith("url") and value and not re.match(r"^https?://\S+$", value):
            errors[field] = ["Enter a web address starting with https://"]
        cleaned[field] = value


def _clean_slug(data: dict[str, Any], cleaned: dict[str, Any], current: Plan | None, errors: dict) -> None:
    if current is not None and "slug" not in data:
        return
    given = str(data.get("slug") or "").strip().lower()
    slug = given or slugify(cleaned.get("name") or "")
    if not slug:
        if cleaned.get("name"):
            errors["slug"] = ["Enter a web address using lowercase letters, numbers and hyphens, like local-plan"]
        return
    if not SLUG_PATTERN.match(slug) or len(slug) > 100:
        errors["slug"] = ["Enter a web address using lowercase letters, numbers and hyphens, like local-plan"]
    elif db.session.scalar(select(Plan.id).where(Plan.slug == slug, Plan.id != (current.id if current else 0))):
        errors["slug"] = ["Another plan already uses this web address"]
    cleaned["slug"] = slug


def _clean_dates(data: dict[str, Any], cleaned: dict[str, Any], current: Plan | None, errors: dict) -> None:
    for field in DATE_FIELDS:
        if field in data:
            value = data[field]
            if value is not None and (not isinstance(value, date) or not in_range(value)):
                errors[field] = [f"Enter a real date between {EARLIEST_YEAR} and {LATEST_YEAR}"]
            cleaned[field] = value
    start = cleaned.get("period_start", current.period_start if current else None)
    end = cleaned.get("period_end", current.period_end if current else None)
    if isinstance(start, date) and isinstance(end, date) and end <= start and not errors.get("period_end"):
        errors["period_end"] = ["The end of the plan period must be after its start"]


def _clean_route(data: dict[str, Any], cleaned: dict[str, Any], current: Plan | None, errors: dict) -> None:
    if current is not None and "route" not in data:
        return
    route = str(data.get("route") or "").strip().lower()
    if route not in PlanRoute.values():
        errors["route"] = ["Select the regulations the plan is prepared under"]
    elif current is not None and route != current.route and _route_locked(current):
        errors["route"] = [
            "You cannot change the route once the plan has consultations, engagements or strategy entries at its "
            "stages: they would lose their stage"
        ]
    cleaned["route"] = route


def _route_locked(plan: Plan) -> bool:
    """Whether anything sits at the plan's stages: consultations, engagements or the strategy's entries."""
    stage_ids = [stage.id for stage in plan.stages]
    consultations = db.session.scalar(select(func.count(Consultation.id)).where(Consultation.plan_id == plan.id))
    if consultations or not stage_ids:
        return bool(consultations)
    engagements = db.session.scalar(select(func.count(Engagement.id)).where(Engagement.plan_stage_id.in_(stage_ids)))
    entries = db.session.scalar(
        select(func.count())
        .select_from(strategy_entry_stage)
        .where(strategy_entry_stage.c.plan_stage_id.in_(stage_ids))
    )
    return bool(engagements or entries)


def _clean_partners(data: dict[str, Any], cleaned: dict[str, Any], current: Plan | None, errors: dict) -> None:
    if current is not None and "partners" not in data and "lead_authority" not in data:
        return
    codes = data.get("partners")
    codes = [str(code).strip().upper() for code in codes] if codes is not None else None
    lead_code = str(data.get("lead_authority") or "").strip().upper()
    if codes is None:
        codes = [a.code for a in current.partners_lead_first] if current else []
    if lead_code and lead_code not in codes:
        codes.insert(0, lead_code)
    found = queries.authorities_by_code(codes)
    missing = [code for code in codes if code not in found]
    if missing:
        errors["partners"] = [f"There is no authority with the code {', '.join(missing)}"]
    elif not codes:
        errors["partners"] = ["Select at least one partner authority"]
    lead_code = lead_code or (current.lead_authority.code if current and current.lead_authority else "")
    lead_code = lead_code if lead_code in codes else (codes[0] if codes else "")
    cleaned["partners"] = [found[code] for code in dict.fromkeys(codes) if code in found]
    cleaned["lead_authority"] = found.get(lead_code)


def clean_plan(data: dict[str, Any], *, current: Plan | None = None) -> dict[str, Any]:
    """The fields given, checked and tidied; raises ValidationError and writes nothing when any is wrong."""
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, Any] = {}
    _clean_text(data, cleaned, errors)
    if (current is None or "name" in data) and not cleaned.get("name"):
        errors["name"] = ["Enter the name of the plan"]
    _clean_slug(data, cleaned, current, errors)
    _clean_route(data, cleaned, current, errors)
    _clean_dates(data, cleaned, current, errors)
    _clean_partners(data, cleaned, current, errors)
    if errors:
        raise ValidationError(errors)
    return cleaned


def _stages_of_route(route: str) -> list[PlanStage]:
    template = queries.route_template(route)
    return [
        PlanStage(
            slug=s.slug,
            name=s.name,
            role=s.role,
            position=s.position,
            start_event=s.start_event,
            end_event=s.end_event,
        )
        for s in (template.stages if template else [])
    ]


def create_plan(data: dict[str, Any], *, user=None) -> Plan:
    """A plan on its route, with its partners (the lead first) and the predicted dates given in `stages`."""
    cleaned = clean_plan(data)
    cleaned.setdefault("reference", "")
    cleaned["reference"] = cleaned["reference"] or cleaned["slug"]
    plan = Plan(**cleaned)
    plan.stages = _stages_of_route(plan.route)
    _set_stage_dates(plan, data.get("stages") or [])
    db.session.add(plan)
    db.session.flush()
    audit.record("create", "plan", plan.id, plan.name, user=user)
    db.session.commit()
    return plan


def update_plan(plan: Plan, data: dict[str, Any], *, user=None) -> Plan:
    """Change the plan's details, partners or route; a new route brings its own stages."""
    cleaned = clean_plan(data, current=plan)
    before = {field: _plain(getattr(plan, field)) for field in cleaned}
    new_route = cleaned.get("route") not in (None, plan.route)
    for field, value in cleaned.items():
        setattr(plan, field, value)
    if new_route:
        plan.stages = []
        db.session.flush()  # the old stages go before the new route's, which may share their slugs
        plan.stages = _stages_of_route(plan.route)
    try:
        _set_stage_dates(plan, data.get("stages") or [])
    except ValidationError:
        db.session.rollback()
        raise
    changes = audit.diff(before, {field: _plain(value) for field, value in cleaned.items()})
    audit.record("update", "plan", plan.id, plan.name, user=user, changes=changes)
    db.session.commit()
    return plan


def _plain(value: Any) -> Any:
    if isinstance(value, Authority):
        return value.code
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value.isoformat() if isinstance(value, date) else value


def _set_stage_dates(plan: Plan, changes: list[dict[str, Any]]) -> None:
    """Apply stage changes ({slug, name, starts_on, ends_on, actual_starts_on, actual_ends_on}) after checking them
    all; raises ValidationError (keys `<slug>.<field>`) and changes nothing when any is wrong."""
    by_slug = {stage.slug: stage for stage in plan.stages}
    errors: dict[str, list[str]] = {}
    proposed = {stage.slug: _values(stage) for stage in plan.stages}
    changed = set()
    for change in changes:
        slug = str(change.get("slug") or "").strip().lower()
        changed.add(slug)
        stage = by_slug.get(slug)
        if stage is None:
            errors[f"{slug or 'stage'}.slug"] = [f"There is no stage ‘{slug[:50]}’ in the {plan.name}"]
            continue
        _check_change(stage, change, proposed[slug], errors)
    if not errors:
        errors = check_timeline([(stage, proposed[stage.slug]) for stage in plan.stages], frozenset(changed))
    if errors:
        raise ValidationError(errors)
    for stage in plan.stages:
        for field, value in proposed[stage.slug].items():
            setattr(stage, field, value)


def _values(stage: PlanStage) -> dict[str, Any]:
    fields = ("name", "starts_on", "ends_on", "actual_starts_on", "actual_ends_on")
    return {field: getattr(stage, field) for field in fields}


def _check_change(stage: PlanStage, change: dict[str, Any], values: dict[str, Any], errors: dict) -> None:
    key = stage.slug
    if "name" in change:
        name = str(change.get("name") or "").strip()
        if not name or len(name) > 200:
            errors[f"{key}.name"] = ["Enter the name of the stage, 200 characters or fewer"]
        values["name"] = name
    for field in ("starts_on", "ends_on", "actual_starts_on", "actual_ends_on"):
        if field not in change:
            continue
        value = change[field]
        if value is not None and (not isinstance(value, date) or not in_range(value)):
            errors[f"{key}.{field}"] = [f"Enter a real date between {EARLIEST_YEAR} and {LATEST_YEAR}"]
        elif field.startswith("actual") and stage.is_consultation and value != getattr(stage, field):
            errors[f"{key}.{field}"] = [
                f"The actual dates of the {stage.name} come from its consultations: change the consultations instead"
            ]
        else:
            values[field] = value


def update_stages(plan: Plan, changes: list[dict[str, Any]], *, user=None) -> Plan:
    """Change the names and dates of some of the plan's stages, all or nothing."""
    before = {stage.slug: {f: _plain(v) for f, v in _values(stage).items()} for stage in plan.stages}
    _set_stage_dates(plan, changes)
    after = {stage.slug: {f: _plain(v) for f, v in _values(stage).items()} for stage in plan.stages}
    changed = {slug: audit.diff(before[slug], after[slug]) for slug in after if before[slug] != after[slug]}
    audit.record("update", "plan_stages", plan.id, plan.name, user=user, changes=changed)
    db.session.commit()
    return plan


def add_authority(data: dict[str, Any], *, user=None) -> Authority:
    """A council or other authority that can be a plan's partner; `code` is its short code, like WBC."""
    authority = _new_authority(data, user=user)
    db.session.commit()
    return authority


def set_up_plan(data: dict[str, Any], authorities: list[dict[str, Any]], *, user=None) -> Plan:
    """The first run: the authorities not yet known (code, name, kind), then the plan with them as partners. All or
    nothing: an authority's errors are keyed `partners`."""
    try:
        for row in authorities:
            try:
                _new_authority(row, user=user)
            except ValidationError as error:
                messages = [f"{row.get('code') or 'Authority'}: {m}" for ms in error.errors.values() for m in ms]
                raise ValidationError({"partners": messages}) from error
        return create_plan(data, user=user)
    except ValidationError:
        db.session.rollback()
        raise


def _new_authority(data: dict[str, Any], *, user=None) -> Authority:
    errors: dict[str, list[str]] = {}
    code = str(data.get("code") or "").strip().upper()
    name = str(data.get("name") or "").strip()
    kind = str(data.get("kind") or "partner").strip().lower()
    organisation = str(data.get("organisation") or "").strip()
    if not CODE_PATTERN.match(code):
        errors["code"] = ["Enter a code of up to 16 capital letters, numbers and hyphens, like WBC"]
    elif db.session.scalar(select(Authority.id).where(Authority.code == code)):
        errors["code"] = [f"There is already an authority with the code {code}"]
    if not name or len(name) > 200:
        errors["name"] = ["Enter the name of the authority, 200 characters or fewer"]
    if kind not in AuthorityKind.values():
        errors["kind"] = ["Select the kind of authority"]
    if len(organisation) > 64 or (organisation and not re.match(r"^[a-z-]+:[A-Za-z0-9-]+$", organisation)):
        errors["organisation"] = ["Enter the planning data organisation, like local-authority:WAT"]
    if errors:
        raise ValidationError(errors)
    authority = Authority(code=code, name=name, kind=kind, organisation=organisation)
    db.session.add(authority)
    db.session.flush()
    audit.record("create", "authority", authority.id, name, user=user)
    return authority
