"""A plan set up through the service, as a council would: on either route, with partners and predicted dates."""

from datetime import date

from engage.plans.services import create_plan
from tests.factories import create_authority


def set_up_plan(route: str = "2026", **overrides):
    create_authority("WBC", "Watford Borough Council")
    create_authority("TRDC", "Three Rivers District Council")
    stages = {
        "2026": [
            {"slug": "notice", "starts_on": date(2026, 4, 1)},
            {"slug": "scoping", "starts_on": date(2026, 5, 1), "ends_on": date(2026, 6, 12)},
            {"slug": "gateway-1", "starts_on": date(2026, 9, 1)},
            {"slug": "proposed-content", "starts_on": date(2027, 1, 4), "ends_on": date(2027, 2, 15)},
            {"slug": "examination", "starts_on": date(2028, 3, 1)},
            {"slug": "adoption", "starts_on": date(2028, 10, 1)},
        ],
        "legacy": [
            {"slug": "reg-18", "starts_on": date(2026, 1, 12)},
            {"slug": "reg-19", "starts_on": date(2027, 1, 11)},
            {"slug": "submission", "starts_on": date(2027, 6, 1)},
        ],
    }[route]
    data = {
        "name": "Watford Local Plan",
        "route": route,
        "partners": ["TRDC", "WBC"],
        "lead_authority": "WBC",
        "stages": stages,
    }
    data.update(overrides)
    return create_plan(data)
