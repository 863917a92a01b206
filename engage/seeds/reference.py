"""Reference data every installation needs: registers, legal categories, strategic matters, the plan routes.

These are data, not code: `flask --app wsgi seed-reference` loads them once and officers may edit them later.
Loading is idempotent: rows are matched by slug or code and only missing ones are added.
"""

from sqlalchemy import select

from engage.extensions import db
from engage.models import Authority, BodyKind, Category, Register, StrategicMatter
from engage.seeds.routes import load_routes

REGISTERS = [
    ("members-forum", "Members’ forum", "Cross-party councillors from the partner authorities"),
    ("statutory-consultees", "Statutory consultees", "Specific consultation bodies and prescribed bodies"),
    ("mps", "Local MPs", "Members of Parliament for the constituencies in the area"),
    ("government-departments", "Government departments", "MHCLG, DfT, DfE, DHSC, Defra, HM Treasury and others"),
    ("neighbouring-authorities", "Neighbouring authorities", "Adjoining districts, counties and London boroughs"),
    ("strategic-stakeholders", "Strategic stakeholders", "Infrastructure and delivery bodies, utilities, the LEP"),
    ("general-consultees", "General consultees", "Residents, businesses, developers, landowners, agents and groups"),
]

CATEGORIES = [
    ("specific-consultation-body", "Specific consultation body", "Regulation 2 of the 2012 Regulations"),
    ("general-consultation-body", "General consultation body", "Regulation 2 of the 2012 Regulations"),
    ("dtc-prescribed-body", "Duty to co-operate prescribed body", "Regulation 4 of the 2012 Regulations"),
    ("elected-member", "Elected member", ""),
    ("mp", "Member of Parliament", ""),
    ("government-department", "Government department", ""),
    ("neighbouring-authority", "Neighbouring authority", ""),
    ("resident", "Resident", ""),
    ("business", "Business", ""),
    ("developer-landowner", "Developer or landowner", ""),
    ("agent", "Agent", ""),
    ("community-group", "Community group", ""),
]

# (category, slug, statutory name, current name)
BODY_KINDS = [
    ("specific-consultation-body", "coal-authority", "The Coal Authority", "The Coal Authority"),
    ("specific-consultation-body", "environment-agency", "The Environment Agency", "Environment Agency"),
    (
        "specific-consultation-body",
        "historic-england",
        "The Historic Buildings and Monuments Commission for England (English Heritage)",
        "Historic England",
    ),
    (
        "specific-consultation-body",
        "marine-management-organisation",
        "The Marine Management Organisation",
        "Marine Management Organisation",
    ),
    ("specific-consultation-body", "natural-england", "Natural England", "Natural England"),
    ("specific-consultation-body", "network-rail", "Network Rail Infrastructure Limited", "Network Rail"),
    ("specific-consultation-body", "national-highways", "The Highways Agency", "National Highways"),
    (
        "specific-consultation-body",
        "relevant-authority",
        "A relevant authority any part of whose area is in or adjoins the area",
        "Local authority, parish or town council, or police and crime commissioner in or adjoining the area",
    ),
    (
        "specific-consultation-body",
        "electronic-communications",
        "A person to whom the electronic communications code applies",
        "Electronic communications operator",
    ),
    (
        "specific-consultation-body",
        "health-and-utilities",
        "Primary Care Trust; electricity and gas licence holders; sewerage and water undertakers",
        "Integrated Care Board; electricity and gas licence holders; sewerage and water undertakers",
    ),
    ("specific-consultation-body", "homes-england", "The Homes and Communities Agency", "Homes England"),
    ("specific-consultation-body", "mayor-of-london", "The Mayor of London", "The Mayor of London (where relevant)"),
    (
        "general-consultation-body",
        "voluntary-bodies",
        "Voluntary bodies some or all of whose activities benefit any part of the area",
        "Voluntary bodies",
    ),
    (
        "general-consultation-body",
        "racial-ethnic-national",
        "Bodies which represent the interests of different racial, ethnic or national groups",
        "Racial, ethnic or national groups",
    ),
    (
        "general-consultation-body",
        "religious",
        "Bodies which represent the interests of different religious groups",
        "Religious groups",
    ),
    (
        "general-consultation-body",
        "disabled-persons",
        "Bodies which represent the interests of disabled persons",
        "Disabled persons",
    ),
    (
        "general-consultation-body",
        "businesses",
        "Bodies which represent the interests of persons carrying on business in the area",
        "Businesses",
    ),
    ("dtc-prescribed-body", "dtc-environment-agency", "The Environment Agency", "Environment Agency"),
    (
        "dtc-prescribed-body",
        "dtc-historic-england",
        "The Historic Buildings and Monuments Commission for England",
        "Historic England",
    ),
    ("dtc-prescribed-body", "dtc-natural-england", "Natural England", "Natural England"),
    ("dtc-prescribed-body", "dtc-mayor-of-london", "The Mayor of London", "The Mayor of London"),
    ("dtc-prescribed-body", "dtc-civil-aviation-authority", "The Civil Aviation Authority", "Civil Aviation Authority"),
    ("dtc-prescribed-body", "dtc-homes-england", "The Homes and Communities Agency", "Homes England"),
    (
        "dtc-prescribed-body",
        "dtc-nhs",
        "Primary Care Trusts and the National Health Service Commissioning Board",
        "NHS England and Integrated Care Boards",
    ),
    ("dtc-prescribed-body", "dtc-office-of-rail-and-road", "The Office of Rail Regulation", "Office of Rail and Road"),
    ("dtc-prescribed-body", "dtc-transport-for-london", "Transport for London", "Transport for London"),
    (
        "dtc-prescribed-body",
        "dtc-integrated-transport-authority",
        "Integrated transport authorities",
        "Integrated transport authorities",
    ),
    (
        "dtc-prescribed-body",
        "dtc-highway-authority",
        "Highway authorities (the Highways Agency; county councils)",
        "Highway authorities (National Highways; the county council)",
    ),
    (
        "dtc-prescribed-body",
        "dtc-marine-management-organisation",
        "The Marine Management Organisation",
        "Marine Management Organisation",
    ),
    (
        "dtc-prescribed-body",
        "dtc-local-enterprise-partnership",
        "Local enterprise partnerships (have regard to)",
        "Local enterprise partnerships (historic; have regard to)",
    ),
    (
        "dtc-prescribed-body",
        "dtc-local-nature-partnership",
        "Local nature partnerships (have regard to)",
        "Local nature partnerships (have regard to)",
    ),
]

STRATEGIC_MATTERS = [
    ("housing-need", "Housing need and distribution (including unmet need)"),
    ("green-belt", "Green Belt"),
    ("transport", "Transport and highways"),
    ("education", "Education"),
    ("health", "Health"),
    ("utilities", "Utilities (water supply, sewerage, energy)"),
    ("water-and-flood-risk", "Water quality and flood risk"),
    ("employment-and-economy", "Employment land and economy"),
    ("retail-and-town-centres", "Retail and town centres"),
    ("gypsies-and-travellers", "Gypsies, Travellers and Travelling Showpeople"),
    ("green-infrastructure", "Green infrastructure and biodiversity"),
    ("historic-environment", "Historic environment"),
    ("climate-and-air-quality", "Climate change and air quality"),
    ("minerals-and-waste", "Minerals and waste"),
    ("infrastructure-funding", "Infrastructure funding and viability"),
    ("affordable-housing", "Affordable housing and housing mix"),
]


def _upsert(model, key: str, rows: list[dict]) -> dict:
    existing = {getattr(obj, key): obj for obj in db.session.scalars(select(model))}
    for row in rows:
        if row[key] not in existing:
            obj = model(**row)
            db.session.add(obj)
            existing[row[key]] = obj
    db.session.flush()
    return existing


def load_reference() -> None:
    _upsert(
        Register, "slug", [dict(slug=s, name=n, description=d, position=i) for i, (s, n, d) in enumerate(REGISTERS)]
    )
    categories = _upsert(
        Category, "slug", [dict(slug=s, name=n, description=d, position=i) for i, (s, n, d) in enumerate(CATEGORIES)]
    )
    _upsert(
        BodyKind,
        "slug",
        [
            dict(category_id=categories[c].id, slug=s, statutory_name=st, current_name=cu, position=i)
            for i, (c, s, st, cu) in enumerate(BODY_KINDS)
        ],
    )
    _upsert(StrategicMatter, "slug", [dict(slug=s, name=n) for s, n in STRATEGIC_MATTERS])
    load_routes()
    db.session.commit()


def upsert_authorities(rows: list[tuple[str, str, str]]) -> dict[str, Authority]:
    return _upsert(Authority, "code", [dict(code=c, name=n, kind=k) for c, n, k in rows])
