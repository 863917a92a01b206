"""Demo organisations: statutory consultees, government, neighbours, strategic stakeholders and governance groups.

Public bodies appear under their own names; every contact detail is invented (example domains, Ofcom drama
telephone numbers) and no real person is named.
"""

SPECIFIC = "specific-consultation-body"
GENERAL = "general-consultation-body"
DTC = "dtc-prescribed-body"
STATUTORY = "statutory-consultees"
STRATEGIC = "strategic-stakeholders"


def _org(name: str, domain: str, registers, categories=(), body_kinds=(), **extra) -> dict:
    row = {
        "kind": "organisation",
        "organisation": name,
        "email": extra.pop("email", f"planning@{domain}.example.org"),
        "registers": list(registers),
        "categories": list(categories),
        "body_kinds": list(body_kinds),
    }
    row.update(extra)
    return row


def _utility(name: str, domain: str, notes: str) -> dict:
    return _org(name, domain, [STATUTORY, STRATEGIC], [SPECIFIC], ["health-and-utilities"], notes=notes)


def statutory_consultees() -> list[dict]:
    both = [SPECIFIC, DTC]
    return [
        _org(
            "Environment Agency",
            "environment-agency",
            [STATUTORY],
            both,
            ["environment-agency", "dtc-environment-agency"],
            notes="Hertfordshire and North London area sustainable places team.",
        ),
        _org(
            "Historic England",
            "historic-england",
            [STATUTORY],
            both,
            ["historic-england", "dtc-historic-england"],
            notes="East of England planning team.",
        ),
        _org(
            "Natural England",
            "natural-england",
            [STATUTORY],
            both,
            ["natural-england", "dtc-natural-england"],
            notes="Consultation service; Chilterns Beechwoods SAC mitigation.",
        ),
        _org(
            "National Highways",
            "national-highways",
            [STATUTORY, STRATEGIC],
            both,
            ["national-highways", "dtc-highway-authority"],
            notes="M1, M25 and A41 spatial planning team.",
        ),
        _org("Homes England", "homes-england", [STATUTORY, STRATEGIC], both, ["homes-england", "dtc-homes-england"]),
        _org(
            "Network Rail",
            "network-rail",
            [STATUTORY, STRATEGIC],
            [SPECIFIC],
            ["network-rail"],
            notes="West Coast Main Line and Abbey Line town planning team.",
        ),
        _org(
            "The Coal Authority",
            "coal-authority",
            [STATUTORY],
            [SPECIFIC],
            ["coal-authority"],
            notes="No coalfield in the plan area; notify of each stage only.",
        ),
        _org(
            "Marine Management Organisation",
            "marine-management",
            [STATUTORY],
            both,
            ["marine-management-organisation", "dtc-marine-management-organisation"],
            notes="Inland area: notify of each stage only.",
        ),
        _org(
            "Hertfordshire and West Essex Integrated Care Board",
            "hwe-icb",
            [STATUTORY, STRATEGIC],
            both,
            ["health-and-utilities", "dtc-nhs"],
            notes="Estates and primary care planning.",
        ),
        _org("NHS England – East of England", "nhs-england-east", [STATUTORY], [DTC], ["dtc-nhs"]),
        _org(
            "Civil Aviation Authority",
            "caa",
            [STATUTORY],
            [DTC],
            ["dtc-civil-aviation-authority"],
            notes="Aerodrome safeguarding near Elstree Aerodrome.",
        ),
        _org("Office of Rail and Road", "orr", [STATUTORY], [DTC], ["dtc-office-of-rail-and-road"]),
        _org(
            "Transport for London",
            "tfl",
            [STATUTORY, STRATEGIC],
            [DTC],
            ["dtc-transport-for-london"],
            notes="Metropolitan line and cross-boundary bus services.",
        ),
        _org(
            "Office of the Hertfordshire Police and Crime Commissioner",
            "herts-pcc",
            [STATUTORY],
            [SPECIFIC],
            ["relevant-authority"],
        ),
        _org(
            "Hertfordshire Constabulary – Designing Out Crime",
            "herts-police",
            [STRATEGIC],
            [],
            notes="Comments on crime prevention in site allocations.",
        ),
        _utility("Affinity Water", "affinity-water", "Water supply; Water Resources Management Plan."),
        _utility("Thames Water", "thames-water", "Sewerage undertaker; Maple Lodge and Blackbirds treatment works."),
        _utility("UK Power Networks", "ukpn", "Electricity distribution; primary substation capacity."),
        _utility("National Grid Electricity Transmission", "national-grid", "Overhead lines and substations."),
        _utility("Cadent Gas", "cadent", "Gas distribution; high-pressure pipelines."),
        _org("Openreach", "openreach", [STATUTORY], [SPECIFIC], ["electronic-communications"]),
        _org(
            "Mobile UK",
            "mobile-uk",
            [STATUTORY],
            [SPECIFIC],
            ["electronic-communications"],
            notes="Represents the mobile network operators.",
        ),
    ]


PARISHES = [
    ("Berkhamsted Town Council", "DBC"),
    ("Tring Town Council", "DBC"),
    ("Kings Langley Parish Council", "DBC"),
    ("Markyate Parish Council", "DBC"),
    ("Elstree and Borehamwood Town Council", "HBC"),
    ("Aldenham Parish Council", "HBC"),
    ("Shenley Parish Council", "HBC"),
    ("Harpenden Town Council", "SADC"),
    ("London Colney Parish Council", "SADC"),
    ("Redbourn Parish Council", "SADC"),
    ("Wheathampstead Parish Council", "SADC"),
    ("Colney Heath Parish Council", "SADC"),
    ("Abbots Langley Parish Council", "TRDC"),
    ("Chorleywood Parish Council", "TRDC"),
    ("Croxley Green Parish Council", "TRDC"),
    ("Sarratt Parish Council", "TRDC"),
    ("Watford Rural Parish Council", "TRDC"),
]


def parish_councils() -> list[dict]:
    rows = []
    for name, code in PARISHES:
        domain = name.lower().replace(" council", "").replace(" and ", "-").replace(" ", "-")
        rows.append(
            _org(
                name,
                domain,
                [STATUTORY],
                [SPECIFIC],
                ["relevant-authority"],
                authority=code,
                email=f"clerk@{domain}.example.org",
                job_title="",
                notes="Contact the clerk.",
            )
        )
    return rows


NEIGHBOUR_BODIES = [
    ("BUCKS", "Buckinghamshire Council", "bucks"),
    ("CBC", "Central Bedfordshire Council", "central-beds"),
    ("LBC", "Luton Borough Council", "luton"),
    ("NHDC", "North Hertfordshire District Council", "north-herts"),
    ("WHBC", "Welwyn Hatfield Borough Council", "welwyn-hatfield"),
    ("LBB", "London Borough of Barnet", "barnet"),
    ("LBE", "London Borough of Enfield", "enfield"),
    ("LBH", "London Borough of Harrow", "harrow"),
    ("LBHI", "London Borough of Hillingdon", "hillingdon"),
]


def neighbouring_authorities() -> list[dict]:
    rows = [
        _org(
            name,
            domain,
            ["neighbouring-authorities", STATUTORY],
            [SPECIFIC, "neighbouring-authority"],
            ["relevant-authority"],
            authority=code,
            email=f"planning.policy@{domain}.example.gov.uk",
        )
        for code, name, domain in NEIGHBOUR_BODIES
    ]
    rows.append(
        _org(
            "Greater London Authority (Mayor of London)",
            "gla",
            ["neighbouring-authorities", STATUTORY],
            [SPECIFIC, DTC, "neighbouring-authority"],
            ["mayor-of-london", "dtc-mayor-of-london"],
            authority="GLA",
            email="londonplan@gla.example.gov.uk",
            notes="London Plan team; unmet need and Green Belt.",
        ),
    )
    return rows


DEPARTMENTS = [
    ("Ministry of Housing, Communities and Local Government", "mhclg", "Planning casework and plan-making support."),
    ("Department for Transport", "dft", ""),
    ("Department for Education", "dfe", "School place planning and developer contributions."),
    ("Department of Health and Social Care", "dhsc", ""),
    ("Department for Environment, Food and Rural Affairs", "defra", ""),
    ("HM Treasury", "hmt", "Infrastructure funding."),
    ("Department for Energy Security and Net Zero", "desnz", ""),
    ("Department for Business and Trade", "dbt", ""),
]


def government_departments() -> list[dict]:
    return [
        _org(
            name,
            code,
            ["government-departments"],
            ["government-department"],
            email=f"planning@{code}.example.gov.uk",
            notes=notes,
        )
        for name, code, notes in DEPARTMENTS
    ]


def strategic_stakeholders() -> list[dict]:
    return [
        _org(
            "Hertfordshire Local Enterprise Partnership",
            "herts-lep",
            [STRATEGIC],
            [DTC],
            ["dtc-local-enterprise-partnership"],
            notes="Functions now with the county council; have regard to.",
        ),
        _org(
            "Hertfordshire Local Nature Partnership",
            "herts-lnp",
            [STRATEGIC],
            [DTC],
            ["dtc-local-nature-partnership"],
            notes="Local Nature Recovery Strategy.",
        ),
        _org(
            "Hertfordshire Infrastructure and Planning Partnership",
            "hipp",
            [STRATEGIC],
            notes="County-wide officer partnership; links to the Members Group set out in the MoU.",
        ),
        _org(
            "East of England Local Government Association",
            "eelga",
            [STRATEGIC],
            notes="Possible support for the plan process.",
        ),
        _org("Hertfordshire Growth Board", "herts-growth", [STRATEGIC]),
        _org(
            "Chilterns National Landscape Board",
            "chilterns",
            [STRATEGIC, STATUTORY],
            [GENERAL],
            ["voluntary-bodies"],
            notes="Chilterns National Landscape in Dacorum.",
        ),
        _org(
            "Canal & River Trust",
            "canal-river",
            [STRATEGIC],
            [GENERAL],
            ["voluntary-bodies"],
            notes="Grand Union Canal through Dacorum, Three Rivers and Watford.",
        ),
        _org("Sport England", "sport-england", [STRATEGIC], notes="Playing pitch strategy."),
        _org("Hertfordshire Fire and Rescue Service", "herts-fire", [STRATEGIC]),
        _org("London Luton Airport Operations", "luton-airport", [STRATEGIC], [GENERAL], ["businesses"]),
        _org(
            "Hertfordshire Chamber of Commerce",
            "herts-chamber",
            [STRATEGIC, "general-consultees"],
            [GENERAL],
            ["businesses"],
        ),
        _org(
            "Federation of Small Businesses – Hertfordshire",
            "fsb-herts",
            ["general-consultees"],
            [GENERAL],
            ["businesses"],
        ),
        _org(
            "Herts and Middlesex Wildlife Trust",
            "hmwt",
            [STRATEGIC, "general-consultees"],
            [GENERAL],
            ["voluntary-bodies"],
        ),
        _org("CPRE Hertfordshire", "cpre-herts", ["general-consultees"], [GENERAL], ["voluntary-bodies"]),
        _org("Hertfordshire Interfaith Network", "herts-interfaith", ["general-consultees"], [GENERAL], ["religious"]),
        _org(
            "South West Herts Multicultural Forum",
            "swh-multicultural",
            ["general-consultees"],
            [GENERAL],
            ["racial-ethnic-national"],
        ),
        _org(
            "Hertfordshire Disability Access Forum",
            "herts-access",
            ["general-consultees"],
            [GENERAL],
            ["disabled-persons"],
            accessibility_needs="Send documents as accessible Word or plain text.",
        ),
        _org(
            "Hertfordshire Gypsy and Traveller Liaison Group",
            "herts-gtlg",
            ["general-consultees"],
            [GENERAL],
            ["racial-ethnic-national"],
            preferred_channel="post",
            address="c/o Community Centre\nLeavesden Road\nWatford",
            postcode="WD24 5EY",
        ),
    ]


GOVERNANCE_NOTES = {
    "Strategic Planning Members Group": "Political leadership of the Joint Strategic Plan: one portfolio holder or "
    "leader from each partner authority. Terms of reference in the Memorandum of Understanding.",
    "Strategic Planning Officers Group": "Lead officers from each partner authority; steers the work programme and "
    "supports the Members Group.",
}


def governance_groups() -> list[dict]:
    return [
        _org(
            "Strategic Planning Members Group",
            "swh-jsp",
            ["members-forum"],
            email="spmg@swh-jsp.example.gov.uk",
            notes=GOVERNANCE_NOTES["Strategic Planning Members Group"],
        ),
        _org(
            "Strategic Planning Officers Group",
            "swh-jsp",
            [STRATEGIC],
            email="spog@swh-jsp.example.gov.uk",
            notes=GOVERNANCE_NOTES["Strategic Planning Officers Group"],
        ),
    ]


def organisations() -> list[dict]:
    return (
        governance_groups()
        + statutory_consultees()
        + parish_councils()
        + neighbouring_authorities()
        + government_departments()
        + strategic_stakeholders()
    )
