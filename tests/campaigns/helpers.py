"""Representations to group, made the way officers key them in."""

from engage.models import utcnow
from engage.representations.services import key_in

LETTER = (
    "I object to the release of Green Belt land at Bricket Wood. The roads cannot cope with the traffic at peak "
    "times, the primary school is full and the GP surgery has no appointments. The site should be removed from "
    "the plan."
)
OTHER_LETTER = (
    "We support the new station at Radlett but the car park must be built first. Commuters already park on every "
    "residential street and the bus service has been cut twice this year."
)


def add(consultation, text: str, *, email: str = "", first_name: str = "Sam", stakeholder_id=None):
    person = {"first_name": first_name, "last_name": "Example", "email": email}
    item = {"part": "Policy SP1", "nature": "object", "comment": text}
    respondent = key_in(
        consultation, person, None, item, channel="email", received_at=utcnow(), stakeholder_id=stakeholder_id
    )
    return respondent.representations[0]


def campaign_of_copies(consultation, copies: int = 3, letter: str = LETTER):
    """`copies` representations of the letter, each with a personal touch and its own email address."""
    return [
        add(consultation, f"{letter} Sent by resident number {n}.", email=f"resident{n}@example.com")
        for n in range(copies)
    ]
