"""Demo stakeholders: role-based or invented names, never the real people named in the source documents."""

import random
from collections.abc import Iterator

ORGANISATIONS = [
    ("Environment Agency", ["statutory-consultees"], ["specific-consultation-body", "dtc-prescribed-body"]),
    ("Historic England", ["statutory-consultees"], ["specific-consultation-body", "dtc-prescribed-body"]),
    ("Natural England", ["statutory-consultees"], ["specific-consultation-body", "dtc-prescribed-body"]),
    ("National Highways", ["statutory-consultees"], ["specific-consultation-body", "dtc-prescribed-body"]),
    ("Homes England", ["statutory-consultees"], ["specific-consultation-body", "dtc-prescribed-body"]),
    ("Network Rail", ["statutory-consultees", "strategic-stakeholders"], ["specific-consultation-body"]),
    (
        "Hertfordshire and West Essex Integrated Care Board",
        ["statutory-consultees"],
        ["specific-consultation-body", "dtc-prescribed-body"],
    ),
    ("Affinity Water", ["statutory-consultees", "strategic-stakeholders"], ["specific-consultation-body"]),
    ("Thames Water", ["statutory-consultees", "strategic-stakeholders"], ["specific-consultation-body"]),
    ("Ministry of Housing, Communities and Local Government", ["government-departments"], ["government-department"]),
    ("Department for Transport", ["government-departments"], ["government-department"]),
    ("Department for Education", ["government-departments"], ["government-department"]),
]

FIRST = ["Alex", "Sam", "Jordan", "Priya", "Tom", "Aisha", "Ben", "Chloe", "Dan", "Ella", "Farah", "George"]
LAST = ["Ashby", "Bennett", "Carter", "Desai", "Evans", "Fletcher", "Green", "Hughes", "Iqbal", "Jones", "Khan"]


def demo_stakeholders(rng: random.Random) -> Iterator[dict]:
    for name, registers, categories in ORGANISATIONS:
        slug = name.lower().replace(" ", "-").replace(",", "")
        yield {
            "kind": "organisation",
            "organisation": name,
            "email": f"planning@{slug[:30]}.example.org",
            "registers": registers,
            "categories": categories,
        }
    for index in range(300):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        yield {
            "kind": "person",
            "first_name": first,
            "last_name": last,
            "email": f"{first}.{last}.{index}@example.com".lower(),
            "registers": ["general-consultees"],
            "categories": ["resident"],
            "consent_to_notifications": True,
            "authority": rng.choice(["DBC", "HBC", "SADC", "TRDC", "WBC"]),
        }
