"""Demo stakeholders: the registers of the South West Hertfordshire plan, filled with invented people.

Every person is invented; organisations that are public bodies keep their own names with invented contact
details. Rows use the API's field names, plus `_member_of` (the name of an organisation in the demo they belong
to) and `_agent` (the email of the demo agent acting for them), which the loader links after inserting.
Generation is seeded, so every run produces the same rows in the same order.
"""

import random
from collections.abc import Iterator

from engage.seeds.demo_bodies import organisations
from engage.seeds.demo_people import people

# (town, authority, postcode districts)
TOWNS = [
    ("Watford", "WBC", ["WD17", "WD18", "WD19", "WD24", "WD25"]),
    ("Bushey", "HBC", ["WD23"]),
    ("Borehamwood", "HBC", ["WD6"]),
    ("Radlett", "HBC", ["WD7"]),
    ("Potters Bar", "HBC", ["EN6"]),
    ("St Albans", "SADC", ["AL1", "AL3", "AL4"]),
    ("Harpenden", "SADC", ["AL5"]),
    ("London Colney", "SADC", ["AL2"]),
    ("Hemel Hempstead", "DBC", ["HP1", "HP2", "HP3"]),
    ("Berkhamsted", "DBC", ["HP4"]),
    ("Tring", "DBC", ["HP23"]),
    ("Kings Langley", "DBC", ["WD4"]),
    ("Rickmansworth", "TRDC", ["WD3"]),
    ("Abbots Langley", "TRDC", ["WD5"]),
    ("South Oxhey", "TRDC", ["WD19"]),
]
# fmt: off
STREETS = [
    "Beech Grove", "Mill Lane", "Church Street", "Orchard Close", "Meadow Way", "Station Road", "The Avenue",
    "Chestnut Drive", "Kingsfield Road", "Hazel Crescent", "Park View", "Willow Walk", "Bridge Street", "Elm Rise",
    "Manor Road", "Copse Hill", "Riverside Mews", "Heath Lane", "Farm Close", "Canal View",
]
FIRST_NAMES = [
    "Amelia", "Oliver", "Priya", "Tom", "Aisha", "Ben", "Chloe", "Daniel", "Ella", "Farah", "George", "Hannah",
    "Isaac", "Jasmine", "Kieran", "Leila", "Marcus", "Nadia", "Oscar", "Poppy", "Qasim", "Rosa", "Samuel", "Tanvi",
    "Uchenna", "Violet", "William", "Xin", "Yusuf", "Zara", "Agnieszka", "Bogdan", "Ciara", "Dev", "Eilidh", "Fatima",
    "Grace", "Hamza", "Ioana", "Jake", "Kemi", "Liam", "Mei", "Niamh", "Olu", "Pedro",
]
LAST_NAMES = [
    "Ashby", "Bennett", "Carter", "Desai", "Evans", "Fletcher", "Green", "Hughes", "Iqbal", "Jones", "Khan", "Lawson",
    "Mensah", "Nowak", "O'Brien", "Patel", "Quinn", "Rahman", "Shah", "Thompson", "Underwood", "Vaughan", "Walsh",
    "Yilmaz", "Zielinski", "Adebayo", "Brennan", "Chen", "Dimitrov", "Edwards", "Forsyth", "Gallagher", "Hollis",
    "Ibrahim", "Jenkins", "Kowalski", "Li", "Murphy", "Nakamura", "Osei",
]
# fmt: on
ACCESSIBILITY_NEEDS = [
    "Large print (at least 18 point), please.",
    "Uses a screen reader: send accessible Word documents or plain text, not scanned PDFs.",
    "Easy Read versions of consultation documents.",
    "British Sign Language interpreter needed at exhibitions and events.",
    "Please telephone rather than write; has difficulty reading small text.",
]
LANGUAGES = ["Polish", "Urdu", "Bengali", "Romanian", "Gujarati", "Tamil"]
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


class _Picker:
    """Invented names and addresses from a seeded random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used_names: set[tuple[str, str]] = set()

    def person_name(self) -> tuple[str, str]:
        while True:
            name = (self.rng.choice(FIRST_NAMES), self.rng.choice(LAST_NAMES))
            if name not in self.used_names:
                self.used_names.add(name)
                return name

    def address(self) -> dict:
        town, code, districts = self.rng.choice(TOWNS)
        inward = f"{self.rng.randint(1, 9)}{self.rng.choice(POSTCODE_LETTERS)}{self.rng.choice(POSTCODE_LETTERS)}"
        street = f"{self.rng.randint(1, 180)} {self.rng.choice(STREETS)}"
        return {
            "address": f"{street}\n{town}",
            "postcode": f"{self.rng.choice(districts)} {inward}",
            "authority": code,
            "_town": town,
        }


def residents(pick: _Picker, count: int = 230) -> Iterator[dict]:
    rng = pick.rng
    for index in range(count):
        first, last = pick.person_name()
        place = pick.address()
        row = {
            "kind": "person",
            "title": rng.choice(["", "", "Mr", "Mrs", "Ms", "Dr", "Mx"]),
            "first_name": first,
            "last_name": last,
            "email": f"{first}.{last}{index}@example.com".lower().replace("'", ""),
            "address": place["address"],
            "postcode": place["postcode"],
            "authority": place["authority"],
            "registers": ["general-consultees"],
            "categories": ["resident"],
            "consent_to_notifications": rng.random() < 0.75,
            "do_not_contact": rng.random() < 0.05,
        }
        if rng.random() < 0.12:
            row["preferred_channel"] = "post"
            if rng.random() < 0.5:
                row["email"] = ""
                row["phone"] = f"01632 96{rng.randint(1000, 9999)}"
        if rng.random() < 0.04:
            row["accessibility_needs"] = rng.choice(ACCESSIBILITY_NEEDS)
        if rng.random() < 0.03:
            row["language"] = rng.choice(LANGUAGES)
        yield row


BUSINESS_WORDS = ["Gade", "Colne", "Ver", "Chess", "Bulbourne", "Ashridge", "Leavesden", "Verulam", "Oxhey", "Bourne"]
# fmt: off
BUSINESS_KINDS = [
    "Engineering Ltd", "Bakery", "Logistics Ltd", "Garden Centre", "Dental Practice", "Print Works", "Motors",
    "Veterinary Surgery", "Brewery", "Studios Ltd", "Pharmacy", "Builders Merchants",
]
# fmt: on


def businesses(pick: _Picker, count: int = 25) -> Iterator[dict]:
    seen = set()
    while len(seen) < count:
        name = f"{pick.rng.choice(BUSINESS_WORDS)} {pick.rng.choice(BUSINESS_KINDS)}"
        if name in seen:
            continue
        seen.add(name)
        place = pick.address()
        domain = name.lower().replace(" ltd", "").replace(" ", "-")
        yield {
            "kind": "organisation",
            "organisation": name,
            "email": f"info@{domain}.example.co.uk",
            "address": f"Unit {pick.rng.randint(1, 30)}, {place['address']}",
            "postcode": place["postcode"],
            "authority": place["authority"],
            "registers": ["general-consultees"],
            "categories": ["business"],
            "consent_to_notifications": pick.rng.random() < 0.8,
        }


# fmt: off
AGENT_FIRMS = [
    "Ashridge Planning Associates", "Colne Valley Planning", "Hertford Lane Town Planning",
    "Mimram Development Consultancy", "Northway Planning LLP", "Verulam Planning Partnership",
]
DEVELOPERS = [
    "Chiltern Edge Homes Ltd", "Gadebridge Land LLP", "Leavesden Park Developments", "Colne Estates Ltd",
    "Redbourn Fields Partnership", "Three Rivers Housing Association", "Hertsmere Living Homes",
    "Bulbourne Strategic Land", "Ver Valley Homes", "Oxhey Park Regeneration Ltd", "Kingsway Retirement Living",
    "Watford Riverwell Partnership", "St Albans Diocesan Land Trust", "Harpenden Self-Build Group",
]
# fmt: on
LAND_PARCELS = ["north of", "east of", "south of", "west of", "adjoining"]


def agents(pick: _Picker) -> tuple[list[dict], list[str]]:
    rows, emails = [], []
    for firm in AGENT_FIRMS:
        domain = firm.lower().replace(" llp", "").replace(" ", "-")
        rows.append(
            {
                "kind": "organisation",
                "organisation": firm,
                "email": f"enquiries@{domain}.example.co.uk",
                "registers": ["general-consultees"],
                "categories": ["agent"],
                "consent_to_notifications": True,
            }
        )
        for _ in range(2):
            first, last = pick.person_name()
            email = f"{first[0]}.{last}@{domain}.example.co.uk".lower().replace("'", "")
            emails.append(email)
            rows.append(
                {
                    "kind": "person",
                    "first_name": first,
                    "last_name": last,
                    "job_title": pick.rng.choice(["Planning Director", "Associate Planner", "Senior Planner"]),
                    "email": email,
                    "phone": f"01632 96{pick.rng.randint(1000, 9999)}",
                    "registers": ["general-consultees"],
                    "categories": ["agent"],
                    "consent_to_notifications": True,
                    "_member_of": firm,
                }
            )
    return rows, emails


def developers_and_landowners(pick: _Picker, agent_emails: list[str]) -> Iterator[dict]:
    for name in DEVELOPERS:
        place = pick.address()
        domain = name.lower().replace(" ltd", "").replace(" llp", "").replace(" ", "-")
        yield {
            "kind": "organisation",
            "organisation": name,
            "email": f"land@{domain}.example.co.uk",
            "authority": place["authority"],
            "registers": ["general-consultees"],
            "categories": ["developer-landowner"],
            "consent_to_notifications": True,
            "notes": f"Promoting land {pick.rng.choice(LAND_PARCELS)} {place['_town']}.",
            "_agent": pick.rng.choice(agent_emails),
        }
    for _ in range(10):
        first, last = pick.person_name()
        place = pick.address()
        yield {
            "kind": "person",
            "first_name": first,
            "last_name": last,
            "address": place["address"],
            "postcode": place["postcode"],
            "authority": place["authority"],
            "preferred_channel": "post",
            "registers": ["general-consultees"],
            "categories": ["developer-landowner"],
            "notes": f"Owns farmland {pick.rng.choice(LAND_PARCELS)} {place['_town']}; correspond through the agent.",
            "_agent": pick.rng.choice(agent_emails),
        }


# fmt: off
GROUP_PATTERNS = [
    "{town} Residents’ Association", "{town} Society", "Friends of {town} Green Spaces", "{town} Cycling Campaign",
    "{town} Allotments Association", "{town} Youth Forum", "{town} Neighbourhood Plan Steering Group",
]
# fmt: on


def community_groups(pick: _Picker, count: int = 30) -> Iterator[dict]:
    seen = set()
    while len(seen) < count:
        place = pick.address()
        name = pick.rng.choice(GROUP_PATTERNS).format(town=place["_town"])
        if name in seen:
            continue
        seen.add(name)
        domain = name.lower().replace("’", "").replace(" ", "-")[:40].strip("-")
        voluntary = pick.rng.random() < 0.4
        yield {
            "kind": "organisation",
            "organisation": name,
            "email": f"secretary@{domain}.example.org",
            "postcode": place["postcode"],
            "authority": place["authority"],
            "registers": ["general-consultees"],
            "categories": ["community-group"] + (["general-consultation-body"] if voluntary else []),
            "body_kinds": ["voluntary-bodies"] if voluntary else [],
            "consent_to_notifications": True,
        }


def demo_stakeholders(rng: random.Random) -> Iterator[dict]:
    """Every demo stakeholder, organisations before the people who belong to them."""
    pick = _Picker(rng)
    yield from organisations()
    yield from people()
    agent_rows, agent_emails = agents(pick)
    yield from agent_rows
    yield from developers_and_landowners(pick, agent_emails)
    yield from businesses(pick)
    yield from community_groups(pick)
    yield from residents(pick)
