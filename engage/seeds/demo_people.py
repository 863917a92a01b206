"""Demo people in the governance groups, the members' forum and the local MPs.

Councillors and officers have invented names; MPs are named by role ("MP for Watford"), never as real people.
"""

AUTHORITY_DOMAINS = {
    "DBC": "dacorum",
    "HBC": "hertsmere",
    "SADC": "stalbans",
    "TRDC": "threerivers",
    "WBC": "watford",
    "HCC": "hertfordshire",
}

# (authority, first name, last name, party, ward, role)
PORTFOLIO_HOLDERS = [
    ("DBC", "Helen", "Marchant", "Liberal Democrats", "Berkhamsted Castle", "Portfolio Holder for Planning"),
    ("HBC", "Rajesh", "Okafor-Lane", "Conservative", "Radlett", "Portfolio Holder for Planning and Localism"),
    ("SADC", "Fiona", "Cartwright", "Liberal Democrats", "Verulam", "Portfolio Holder for Planning"),
    ("TRDC", "Martin", "Ellwood", "Liberal Democrats", "Chorleywood North and Sarratt", "Leader of the Council"),
    ("WBC", "Yasmin", "Parekh", "Liberal Democrats", "Nascot", "Portfolio Holder for Regeneration and Development"),
    ("HCC", "Graham", "Whitlock", "Conservative", "Three Rivers Rural", "Executive Member for Growth"),
]

# (authority, first name, last name, role)
LEAD_OFFICERS = [
    ("DBC", "Naomi", "Pritchard", "Strategic Planning Manager"),
    ("HBC", "Owen", "Delacroix", "Head of Planning Policy"),
    ("SADC", "Bethany", "Sandhu", "Spatial Planning Manager"),
    ("TRDC", "Callum", "Reddy", "Head of Planning Policy and Projects"),
    ("WBC", "Imogen", "Faulkner", "Head of Planning Policy"),
    ("HCC", "Kwame", "Ashworth", "Head of Spatial Planning and Economy"),
]

# Members' forum: a small cross-party sounding board. (authority, first, last, party, ward)
FORUM_MEMBERS = [
    ("DBC", "Patricia", "Goodwin", "Conservative", "Tring Central"),
    ("DBC", "Sunil", "Varma", "Liberal Democrats", "Hemel Hempstead Town"),
    ("DBC", "Rachel", "Oyelaran", "Labour", "Leverstock Green"),
    ("DBC", "Dominic", "Hale", "Independent", "Kings Langley"),
    ("HBC", "Gillian", "Moreau", "Conservative", "Bushey North"),
    ("HBC", "Tariq", "Bashir", "Labour", "Borehamwood Cowley Hill"),
    ("HBC", "Eleanor", "Stroud", "Liberal Democrats", "Potters Bar Furzefield"),
    ("HBC", "Keith", "Amberley", "Conservative", "Elstree"),
    ("SADC", "Anjali", "Menon", "Liberal Democrats", "Harpenden North and Rural"),
    ("SADC", "Robert", "Fairclough", "Conservative", "Marshalswick West"),
    ("SADC", "Siobhan", "Kerrigan", "Labour", "London Colney"),
    ("SADC", "Lewis", "Ambrose", "Green Party", "Clarence"),
    ("TRDC", "Margaret", "Ilsley", "Liberal Democrats", "Rickmansworth Town"),
    ("TRDC", "Deepak", "Chaudhry", "Conservative", "Moor Park and Eastbury"),
    ("TRDC", "Joanne", "Whitfield", "Labour", "South Oxhey and Eastbury"),
    ("TRDC", "Peter", "Lindqvist", "Liberal Democrats", "Abbots Langley and Bedmond"),
    ("WBC", "Abimbola", "Adeyemi", "Labour", "Central"),
    ("WBC", "Catherine", "Rowntree", "Liberal Democrats", "Callowland"),
    ("WBC", "Mohammed", "Haider", "Liberal Democrats", "Oxhey"),
    ("WBC", "Simon", "Trevelyan", "Green Party", "Holywell"),
    ("HCC", "Judith", "Penhaligon", "Conservative", "Watford North"),
    ("HCC", "Arun", "Krishnan", "Liberal Democrats", "St Albans South"),
    ("HCC", "Colin", "Featherstone", "Labour", "Hemel Hempstead East"),
]

CONSTITUENCIES = [
    ("Watford", "WBC"),
    ("Hertsmere", "HBC"),
    ("St Albans", "SADC"),
    ("Harpenden and Berkhamsted", "DBC"),
    ("Hemel Hempstead", "DBC"),
    ("South West Hertfordshire", "TRDC"),
]


def _email(first: str, last: str, code: str) -> str:
    local = f"cllr.{first}.{last}" if first else last
    return f"{local.lower().replace(' ', '.').replace('-', '')}@{AUTHORITY_DOMAINS.get(code, 'council')}.example.gov.uk"


def _councillor(code, first, last, party, ward, registers, **extra) -> dict:
    row = {
        "kind": "person",
        "title": "Cllr",
        "first_name": first,
        "last_name": last,
        "email": _email(first, last, code),
        "authority": code,
        "party": party,
        "ward": ward,
        "registers": registers,
        "categories": ["elected-member"],
    }
    row.update(extra)
    return row


SPMG = "Strategic Planning Members Group"


def governance_members() -> list[dict]:
    rows = [
        _councillor(code, first, last, party, ward, ["members-forum"], job_title=role, _member_of=SPMG)
        for code, first, last, party, ward, role in PORTFOLIO_HOLDERS
    ]
    for code, first, last, role in LEAD_OFFICERS:
        rows.append(
            {
                "kind": "person",
                "first_name": first,
                "last_name": last,
                "job_title": role,
                "email": f"{first}.{last}@{AUTHORITY_DOMAINS[code]}.example.gov.uk".lower(),
                "phone": f"01632 960{len(rows):03d}",
                "authority": code,
                "registers": ["strategic-stakeholders"],
                "_member_of": "Strategic Planning Officers Group",
            }
        )
    rows.append(
        {
            "kind": "person",
            "first_name": "Harriet",
            "last_name": "Lomax",
            "job_title": "Joint Strategic Plan Project Manager",
            "email": "project.manager@swh-jsp.example.gov.uk",
            "phone": "01632 960100",
            "authority": "SADC",
            "registers": ["strategic-stakeholders"],
            "_member_of": "Strategic Planning Officers Group",
            "notes": "Accountable to the Members Group; hosted by one partner authority.",
        }
    )
    return rows


def members_forum() -> list[dict]:
    return [
        _councillor(code, first, last, party, ward, ["members-forum"], preferred_channel="email")
        for code, first, last, party, ward in FORUM_MEMBERS
    ]


def local_mps() -> list[dict]:
    rows = []
    for constituency, code in CONSTITUENCIES:
        slug = constituency.lower().replace(" ", "-")
        rows.append(
            {
                "kind": "person",
                "last_name": f"MP for {constituency}",
                "job_title": "Member of Parliament",
                "constituency": constituency,
                "email": f"mp.{slug}@parliament.example.org",
                "phone": f"07700 900{len(rows) + 10:03d}",
                "authority": code,
                "registers": ["mps"],
                "categories": ["mp"],
                "notes": "Constituency office. Brief at each plan stage.",
            }
        )
    return rows


def people() -> list[dict]:
    return governance_members() + members_forum() + local_mps()
