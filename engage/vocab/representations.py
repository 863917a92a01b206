"""Closed lists of representations and respondents."""

from engage.vocab.base import Vocabulary


class Nature(Vocabulary):
    SUPPORT = "support", "Support"
    OBJECT = "object", "Object"
    COMMENT = "comment", "Comment"


class Answer(Vocabulary):
    """Legally compliant, sound, complies with the duty to co-operate; yes and no alone for the wish to be heard."""

    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_SPECIFIED = "not-specified", "Not specified"


class SoundnessTest(Vocabulary):
    POSITIVELY_PREPARED = "positively-prepared", "Positively prepared"
    JUSTIFIED = "justified", "Justified"
    EFFECTIVE = "effective", "Effective"
    CONSISTENT_WITH_NATIONAL_POLICY = "consistent-with-national-policy", "Consistent with national policy"


class NotifyEvent(Vocabulary):
    SUBMISSION = "submission", "Submission for examination", "When the plan is submitted for independent examination"
    INSPECTOR_REPORT = "inspector-report", "Inspector’s report", "When the Inspector’s report is published"
    ADOPTION = "adoption", "Adoption", "When the plan is adopted"


class Channel(Vocabulary):
    """How a representation arrived."""

    ONLINE = "online", "Online"
    EMAIL = "email", "Email"
    POST = "post", "Post"
    IN_PERSON = "in-person", "In person"


class RepresentationStatus(Vocabulary):
    SUBMITTED = "submitted", "Submitted"
    WITHDRAWN = "withdrawn", "Withdrawn"


class RespondentType(Vocabulary):
    """The statement of consultation's breakdown of respondents."""

    STATUTORY_BODIES = "statutory-bodies", "Statutory bodies"
    COUNCILS = "councils", "Councils"
    DEVELOPERS = "developers", "Developers, landowners and agents"
    GROUPS = "groups", "Groups"
    RESIDENTS = "residents", "Residents"
    OTHER = "other", "Other organisations"
