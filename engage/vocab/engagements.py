"""Closed lists of engagements, actions and the communications strategy."""

from engage.vocab.base import Vocabulary, new_member


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
        member = new_member(cls, value, label)
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
