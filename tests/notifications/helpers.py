"""Respondents who asked to be notified, keyed in as officers do."""

from engage.models import utcnow
from engage.representations.services import key_in


def respond(consultation, *, notify=("submission",), part="Policy SP1", agent=None, channel="email", **person):
    person = {"first_name": "Sam", "last_name": "Example", "email": "sam@example.com", **person}
    item = {"part": part, "nature": "object", "comment": "Too many homes.", "notify": list(notify)}
    return key_in(consultation, person, agent, item, channel=channel, received_at=utcnow())
