"""Closed lists of the evidence: statements of common ground and the duty-to-co-operate table."""

from engage.vocab.base import Vocabulary


class ScgStatus(Vocabulary):
    """A Statement of Common Ground version: draft → agreed → signed → superseded."""

    DRAFT = "draft", "Draft"
    AGREED = "agreed", "Agreed"
    SIGNED = "signed", "Signed"
    SUPERSEDED = "superseded", "Superseded"


class MatterPosition(Vocabulary):
    """Where the parties to a Statement of Common Ground stand on a strategic matter."""

    AGREED = "agreed", "Agreed"
    NOT_AGREED = "not-agreed", "Not agreed"
    ONGOING = "ongoing", "Ongoing", "Ongoing (still being discussed)"


class DtcSource(Vocabulary):
    """The records a row of the co-operation table comes from."""

    ENGAGEMENTS = "engagements", "Engagements"
    INVITATIONS = "invitations", "Consultation invitations"
    REPRESENTATIONS = "representations", "Representations"


class DtcScope(Vocabulary):
    COOPERATION = "cooperation", "Co-operation bodies"
    ALL = "all", "All stakeholders"
