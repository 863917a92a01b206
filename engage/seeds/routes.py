"""The two routes through plan-making, as data: each stage's slug, name, role and national planning data event codes
(planning data `plan-event`: its start, and its end where the stage has one).

The 2012 route has no event codes of its own in the specification: its Regulation 18 and 19 consultations are
`additional-consultation-start/-end` (the regulation goes in the timetable's notes), and the events both routes share
(examination-submitted, main modifications, the examination's recommendations, adopted) keep their codes.
"""

from sqlalchemy import select

from engage.extensions import db
from engage.models import Route, RouteStage

# slug: (name, how statements name the co-operation test, [(stage slug, name, role, start event, end event)])
ROUTES = {
    "legacy": (
        "2012 regulations",
        "the duty to co-operate",
        [
            ("reg-18", "Regulation 18 consultation", "consultation", "additional-consultation-start",
             "additional-consultation-end"),
            ("reg-19", "Regulation 19 publication", "publication", "additional-consultation-start",
             "additional-consultation-end"),
            ("submission", "Submission (Regulation 22)", "submission", "examination-submitted", ""),
            ("examination", "Examination", "examination", "", "examination-recommendations-published"),
            ("main-modifications", "Main modifications consultation", "consultation",
             "main-modification-consultation-start", "main-modification-consultation-end"),
            ("adoption", "Adoption", "adoption", "adopted", ""),
        ],
    ),
    "2026": (
        "2026 regulations",
        "maintaining effective co-operation",
        [
            ("notice", "Notice of intention to commence", "commencement", "publish-notice-intention-commence", ""),
            ("scoping", "Scoping consultation", "consultation", "scoping-consultation-start",
             "scoping-consultation-end"),
            ("gateway-1", "Gateway 1", "gateway", "gateway-1-self-assessment", ""),
            ("proposed-content", "Consultation on proposed content", "consultation",
             "plan-content-evidence-consultation-start", "plan-content-evidence-consultation-end"),
            ("gateway-2", "Gateway 2", "gateway", "gateway-2-advice-sought", "gateway-2-advice-published"),
            ("proposed-plan", "Proposed plan consultation", "publication", "proposed-plan-consultation-start",
             "proposed-plan-consultation-end"),
            ("gateway-3", "Gateway 3", "gateway", "gateway-3-advice-sought", "gateway-3-advice-published"),
            ("examination", "Submission and examination", "submission", "examination-submitted",
             "examination-recommendations-published"),
            ("adoption", "Adoption", "adoption", "adopted", ""),
        ],
    ),
}  # fmt: skip


def load_routes() -> None:
    """Add the routes and stages that are missing (matched by slug); officers' plans copy them, so edits to a plan's
    stages never change the route."""
    routes = {route.slug: route for route in db.session.scalars(select(Route))}
    for slug, (name, co_operation, stages) in ROUTES.items():
        route = routes.get(slug) or Route(slug=slug, name=name, co_operation=co_operation)
        db.session.add(route)
        have = {stage.slug for stage in route.stages}
        for position, (stage_slug, stage_name, role, start, end) in enumerate(stages):
            if stage_slug not in have:
                route.stages.append(
                    RouteStage(
                        slug=stage_slug, name=stage_name, role=role, position=position, start_event=start, end_event=end
                    )
                )
    db.session.flush()
