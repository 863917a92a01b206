"""The text of a Statement of Common Ground, laid out on the five parts of the Annex 4 template: the heading of
each part, the fields in it, and each field's label and hint, shared by the form, the page and the Word file."""

TEXT_LABELS = {
    "area_description": ("Area covered", "The geographical extent, why it is the right area, and wider relationships"),
    "strategic_context": ("Strategic context", "Ambitions and priorities, key metrics, main delivery mechanisms"),
    "housing_requirement": ("Housing requirement", "The overall housing target and how it was worked out"),
    "housing_distribution": ("Distribution of housing need", "Anticipated distribution, including any unmet need"),
    "evidence_base": ("Evidence base", "The main evidence the parties rely on"),
    "governance": ("Governance and working arrangements", "Who decides, how the parties work together, resources"),
    "timetable": ("Key timescales and milestones", "When key decisions are likely to be made"),
    "risks": ("Risks and how they will be managed", "For example infrastructure or housing not delivered as expected"),
    "monitoring_indicators": ("Monitoring indicators", "Key indicators and milestones, and monitoring of co-operation"),
    "review_arrangements": ("Timetable for review", "When the statement will be reviewed and what triggers a review"),
    "other_agreements": ("Other agreements", "Memorandums of understanding, deals and other agreements (an annex)"),
}

PARTS = (
    ("Part 1: Strategic context", ("area_description", "strategic_context")),
    ("Part 2: Policy scope and evidence base", ("housing_requirement", "housing_distribution", "evidence_base")),
    ("Part 3: Decision-making and project management", ("governance", "timetable")),
    ("Part 4: Risk assessment and management", ("risks",)),
    ("Part 5: Monitoring and review", ("monitoring_indicators", "review_arrangements")),
)


def label(name: str) -> str:
    return TEXT_LABELS[name][0]
