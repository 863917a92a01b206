"""Every closed list, once: a `StrEnum` whose values are what the database stores and the API sends, each with the
words people see.

A member is its value (`Nature.OBJECT == "object"`), so it can be stored, compared and sent as it is. `label` is the
word or phrase pages, exports and emails show; `option` is the wording of the choice on a form when that says more
(`Level.MEMBER`: "Member" in a table, "Member (councillor)" on the form). Templates reach the labels through the
`label` filter (`{{ item.nature | label(Nature) }}`), registered with the lists in engage/filters.py.
"""

from collections.abc import Iterable
from enum import StrEnum

from wtforms.fields.choices import SelectChoice


def _member(cls, value: str, label: str, option: str | None = None):
    member = str.__new__(cls, value)
    member._value_ = value
    member.label = label
    member.option = option or label
    return member


class Vocabulary(StrEnum):
    """A closed list. Members are written `NAME = "value", "Label"` or `NAME = "value", "Label", "Option"`."""

    label: str
    option: str

    def __new__(cls, value: str, label: str, option: str | None = None):
        return _member(cls, value, label, option)

    @classmethod
    def values(cls) -> tuple[str, ...]:
        """The stored values, in the list's order: `value in Nature.values()` checks one."""
        return tuple(cls._value2member_map_)

    @classmethod
    def find(cls, value: str | None):
        """The member for a stored value, or None for a value outside the list."""
        return cls._value2member_map_.get(value)

    @classmethod
    def label_of(cls, value: str | None, default: str | None = None) -> str:
        """The label of a stored value. A value outside the list gives `default` if there is one, else the value
        itself ("" for None), so an old or hand-edited row still shows something."""
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member.label
        return default if default is not None else (value or "")

    @classmethod
    def choices(cls, empty: str | None = None, only: Iterable | None = None, *, short: bool = False):
        """WTForms choices: each member's `option` (its `label` with `short`), in the list's order or in the order
        of `only`; `empty`, when given, first as the "" choice ("Any", "All levels")."""
        members = cls if only is None else (cls(value) for value in only)
        first = [SelectChoice("", empty)] if empty is not None else []
        return first + [SelectChoice(m.value, m.label if short else m.option) for m in members]


# Representations ----------------------------------------------------------------------------------------------------


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


# Consultations ------------------------------------------------------------------------------------------------------


class ConsultationStatus(Vocabulary):
    """Derived from the dates and the published flag, never stored."""

    DRAFT = "draft", "Draft"
    SCHEDULED = "scheduled", "Scheduled"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class ConsultationStage(Vocabulary):
    """The stages a consultation can be at when there is no plan whose stages to offer."""

    REG_18 = "reg-18", "Regulation 18"
    REG_19 = "reg-19", "Regulation 19 publication"
    MAIN_MODIFICATIONS = "main-modifications", "Main modifications"
    SCOPING = "scoping", "Scoping"
    PROPOSED_CONTENT = "proposed-content", "Proposed content"
    PROPOSED_PLAN = "proposed-plan", "Proposed plan"


class FormType(Vocabulary):
    MODEL_REPRESENTATION_FORM = (
        "model-representation-form",
        "Model representation form",
        "Model representation form (publication stages)",
    )
    QUESTIONNAIRE = "questionnaire", "Questionnaire", "Questionnaire of free-text and choice questions (earlier stages)"


class PartKind(Vocabulary):
    CHAPTER = "chapter", "Chapter"
    POLICY = "policy", "Policy"
    PARAGRAPH = "paragraph", "Paragraph"
    SITE = "site", "Site"
    POLICIES_MAP = "policies-map", "Policies map"


class DocumentKind(Vocabulary):
    HTML = "html", "Web page", "Web page (best for accessibility)"
    LINK = "link", "Link", "Link to a page or document elsewhere"
    FILE = "file", "PDF", "Uploaded PDF"


class QuestionKind(Vocabulary):
    FREE_TEXT = "free-text", "Free text"
    SINGLE_CHOICE = "single-choice", "Choose one option"
    MULTIPLE_CHOICE = "multiple-choice", "Choose any number of options"


class InvitationMethod(Vocabulary):
    EMAIL = "email", "Email", "Email (people without an email address get a letter)"
    LETTER = "letter", "Letter", "Letter (mail-merge file)"
    PUBLIC_NOTICE = "public-notice", "Public notice"
    NEWSLETTER = "newsletter", "Newsletter"
    SOCIAL_MEDIA = "social-media", "Social media"
    EXHIBITION = "exhibition", "Exhibition"
    DEPOSIT_POINT = "deposit-point", "Deposit point"


class PublicityMethod(Vocabulary):
    """How a consultation was made known, for the statement of consultation: recorded with dates, and attendance
    for exhibitions and events."""

    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    PUBLIC_NOTICE = "public-notice", "Public notice"
    PRESS = "press", "Press", "Press release or article"
    WEBSITE = "website", "Website"
    SOCIAL_MEDIA = "social-media", "Social media"
    NEWSLETTER = "newsletter", "Newsletter"
    EXHIBITION = "exhibition", "Exhibition", "Exhibition (with attendance)"
    EVENT = "event", "Event", "Event, meeting or webinar (with attendance)"
    DEPOSIT_POINT = "deposit-point", "Deposit point", "Deposit point (library, council office)"

    @property
    def has_attendance(self) -> bool:
        return self in (PublicityMethod.EXHIBITION, PublicityMethod.EVENT)


class InvitationStatus(Vocabulary):
    PENDING = "pending", "Pending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    RECORDED = "recorded", "Recorded"


# Engagements and the communications strategy ------------------------------------------------------------------------


class EngagementKind(Vocabulary):
    MEETING = "meeting", "Meeting"
    WORKSHOP = "workshop", "Workshop"
    BRIEFING = "briefing", "Briefing"
    FORUM = "forum", "Forum"
    CALL = "call", "Call"
    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    EVENT = "event", "Event"
    PRESS = "press", "Press"
    CONSULTATION_NOTICE = "consultation-notice", "Consultation notice"
    OTHER = "other", "Other"


class EngagementStatus(Vocabulary):
    PLANNED = "planned", "Planned"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class Level(Vocabulary):
    OFFICER = "officer", "Officer"
    SENIOR_OFFICER = "senior-officer", "Senior officer"
    MEMBER = "member", "Member", "Member (councillor)"


class Agreement(Vocabulary):
    AGREED = "agreed", "Agreed"
    NOT_AGREED = "not-agreed", "Not agreed"
    ONGOING = "ongoing", "Ongoing"
    NO_RESPONSE = "no-response", "No response"
    NOT_APPLICABLE = "n-a", "Not applicable"


class ActionStatus(Vocabulary):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    CANCELLED = "cancelled", "Cancelled"


class Mechanism(Vocabulary):
    """How the strategy reaches an audience, and the kind of engagement each one it plans is."""

    kind: EngagementKind

    def __new__(cls, value: str, label: str, kind: EngagementKind):
        member = _member(cls, value, label)
        member.kind = kind
        return member

    MEMBERS_FORUM_MEETING = "members-forum-meeting", "Members’ forum meeting", EngagementKind.FORUM
    MEMBER_UPDATE = "member-update", "Member update", EngagementKind.BRIEFING
    MEMBER_WORKSHOP = "member-workshop", "Member workshop", EngagementKind.WORKSHOP
    MP_BRIEFING = "mp-briefing", "MP briefing", EngagementKind.BRIEFING
    GOVERNMENT_MEETING = "government-meeting", "Government department meeting", EngagementKind.MEETING
    OFFICER_LIAISON = "officer-liaison", "Officer liaison meeting", EngagementKind.MEETING
    PRESS_RELEASE = "press-release", "Press release", EngagementKind.PRESS
    NEWSLETTER = "newsletter", "Newsletter", EngagementKind.EMAIL
    EXHIBITION = "exhibition", "Exhibition", EngagementKind.EVENT
    WEBINAR = "webinar", "Webinar", EngagementKind.EVENT
    OTHER = "other", "Other", EngagementKind.OTHER


class Cadence(Vocabulary):
    ONE_OFF = "one-off", "One-off"
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    PER_STAGE = "per-stage", "At each plan stage"


# Evidence -----------------------------------------------------------------------------------------------------------


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


# Stakeholders, authorities, plans and accounts ----------------------------------------------------------------------


class StakeholderKind(Vocabulary):
    PERSON = "person", "Person", "A person"
    ORGANISATION = "organisation", "Organisation", "An organisation"


class PreferredChannel(Vocabulary):
    """How a stakeholder wants to be contacted."""

    EMAIL = "email", "Email"
    POST = "post", "Post"


class LawfulBasis(Vocabulary):
    PUBLIC_TASK = "public-task", "Public task"
    LEGAL_OBLIGATION = "legal-obligation", "Legal obligation"
    CONSENT = "consent", "Consent"


class AuthorityKind(Vocabulary):
    PARTNER = "partner", "Partner"
    NEIGHBOUR = "neighbour", "Neighbour"
    COUNTY = "county", "County"
    OTHER = "other", "Other"


class PlanRoute(Vocabulary):
    """The regulations a plan is prepared under; each route's stages are data (engage.seeds.routes)."""

    LEGACY = "legacy", "2012 regulations"
    NEW = "2026", "2026 regulations"


class StageRole(Vocabulary):
    """What a plan stage is for. Rules read roles, never stage names: the after-submission flags look for the
    `submission` stage, and consultations belong to `consultation` or `publication` stages."""

    COMMENCEMENT = "commencement", "Commencement"
    CONSULTATION = "consultation", "Consultation"
    PUBLICATION = "publication", "Publication"
    GATEWAY = "gateway", "Gateway"
    SUBMISSION = "submission", "Submission"
    EXAMINATION = "examination", "Examination"
    ADOPTION = "adoption", "Adoption"


class JobStatus(Vocabulary):
    PENDING = "pending", "Pending"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class WebhookEventType(Vocabulary):
    REPRESENTATION_CREATED = "representation.created", "A representation is recorded"
    CONSULTATION_PUBLISHED = "consultation.published", "A consultation is published"
    CONSULTATION_CLOSED = "consultation.closed", "A consultation closes"
    ENGAGEMENT_HELD = "engagement.held", "An engagement is marked held"
    SCG_SIGNED = "scg.signed", "A Statement of Common Ground version is signed"


class DeliveryStatus(Vocabulary):
    PENDING = "pending", "Not delivered yet"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed"


class Role(Vocabulary):
    ADMIN = "admin", "Admin", "Administrator: manages users and settings"
    OFFICER = "officer", "Officer", "Officer: edits everything in the plan"
    VIEWER = "viewer", "Viewer", "Viewer: reads only"


VOCABULARIES: tuple[type[Vocabulary], ...] = tuple(Vocabulary.__subclasses__())
