"""Every closed list, once: a `StrEnum` whose values are what the database stores and the API sends, each with the
words people see.

A member is its value (`Nature.OBJECT == "object"`), so it can be stored, compared and sent as it is. `label` is the
word or phrase pages, exports and emails show; `option` is the wording of the choice on a form when that says more
(`Level.MEMBER`: "Member" in a table, "Member (councillor)" on the form). Templates reach the labels through the
`label` filter (`{{ item.nature | label(Nature) }}`), registered with the lists in engage/filters.py.

The lists are written in modules by subject under engage/vocab/; everything is imported from `engage.vocab`.
"""

from engage.vocab.base import Vocabulary
from engage.vocab.campaigns import CampaignStatus
from engage.vocab.consultations import (
    ConsultationStage,
    ConsultationStatus,
    DocumentKind,
    FormType,
    InvitationMethod,
    InvitationStatus,
    PartKind,
    PublicityMethod,
    QuestionKind,
)
from engage.vocab.engagements import (
    ActionStatus,
    Agreement,
    Cadence,
    EngagementKind,
    EngagementStatus,
    Level,
    Mechanism,
)
from engage.vocab.evidence import DtcScope, DtcSource, MatterPosition, ScgStatus
from engage.vocab.redaction import RedactedField, RedactionReason, ReviewState
from engage.vocab.registers import (
    AuthorityKind,
    DeliveryStatus,
    JobStatus,
    LawfulBasis,
    PlanRoute,
    PreferredChannel,
    Role,
    StageRole,
    StakeholderKind,
    WebhookEventType,
)
from engage.vocab.representations import (
    Answer,
    Channel,
    Nature,
    NotifyEvent,
    RepresentationStatus,
    RespondentType,
    SoundnessTest,
)
from engage.vocab.rights import ErasedText, NotificationChannel, NotificationStatus
from engage.vocab.themes import SelectionScope, TagAction

VOCABULARIES: tuple[type[Vocabulary], ...] = tuple(Vocabulary.__subclasses__())

__all__ = [
    "VOCABULARIES",
    "Vocabulary",
    "CampaignStatus",
    "Nature",
    "Answer",
    "SoundnessTest",
    "NotifyEvent",
    "Channel",
    "RepresentationStatus",
    "RespondentType",
    "ConsultationStatus",
    "ConsultationStage",
    "FormType",
    "PartKind",
    "DocumentKind",
    "QuestionKind",
    "InvitationMethod",
    "PublicityMethod",
    "InvitationStatus",
    "EngagementKind",
    "EngagementStatus",
    "Level",
    "Agreement",
    "ActionStatus",
    "Mechanism",
    "Cadence",
    "ScgStatus",
    "MatterPosition",
    "DtcSource",
    "DtcScope",
    "StakeholderKind",
    "PreferredChannel",
    "LawfulBasis",
    "AuthorityKind",
    "PlanRoute",
    "StageRole",
    "JobStatus",
    "WebhookEventType",
    "DeliveryStatus",
    "Role",
    "SelectionScope",
    "TagAction",
    "RedactedField",
    "RedactionReason",
    "ReviewState",
    "NotificationChannel",
    "NotificationStatus",
    "ErasedText",
]
