"""Every model, re-exported so Alembic and the app see the whole schema."""

from engage.models.audit import AuditEvent
from engage.models.authority import Authority
from engage.models.campaign import Campaign
from engage.models.consultation import Consultation, ConsultationDocument, Invitation, Part, Publicity, Question
from engage.models.engagement import (
    Action,
    CalendarFeed,
    Engagement,
    EngagementDocument,
    StrategyEntry,
    engagement_matter,
    engagement_stakeholder,
)
from engage.models.evidence import (
    CommonGround,
    CommonGroundMatter,
    CommonGroundParty,
    CommonGroundPosition,
    CommonGroundSignature,
    CommonGroundVersion,
    MainIssue,
)
from engage.models.idempotency import IdempotencyRecord
from engage.models.job import Job
from engage.models.notification import Notification, NotificationEvent
from engage.models.plan import Plan, PlanStage, Route, RouteStage, StrategicMatter
from engage.models.redaction import RedactedAttachment, Redaction, RedactionReview, RegisterPublication
from engage.models.representation import (
    AcknowledgementDue,
    Attachment,
    Representation,
    Respondent,
    ResponseDraft,
)
from engage.models.stakeholder import (
    BodyKind,
    Category,
    Register,
    Stakeholder,
    register_membership,
    stakeholder_category,
)
from engage.models.themes import (
    FeedbackPublication,
    RepresentationResponse,
    Theme,
    representation_matter,
    representation_theme,
)
from engage.models.types import utcnow
from engage.models.user import ApiToken, SignInAttempt, User
from engage.models.webhook import WebhookAttempt, WebhookDelivery, WebhookEvent, WebhookSubscription

__all__ = [
    "AcknowledgementDue",
    "CommonGround",
    "CommonGroundMatter",
    "CommonGroundParty",
    "CommonGroundPosition",
    "CommonGroundSignature",
    "CommonGroundVersion",
    "MainIssue",
    "Action",
    "CalendarFeed",
    "Engagement",
    "EngagementDocument",
    "StrategyEntry",
    "engagement_matter",
    "engagement_stakeholder",
    "Consultation",
    "ConsultationDocument",
    "Invitation",
    "Part",
    "Publicity",
    "Question",
    "Attachment",
    "Representation",
    "Respondent",
    "ResponseDraft",
    "RedactedAttachment",
    "Redaction",
    "RedactionReview",
    "RegisterPublication",
    "ApiToken",
    "AuditEvent",
    "Authority",
    "Campaign",
    "BodyKind",
    "Category",
    "IdempotencyRecord",
    "Job",
    "Notification",
    "NotificationEvent",
    "Plan",
    "PlanStage",
    "Register",
    "Route",
    "RouteStage",
    "SignInAttempt",
    "Stakeholder",
    "StrategicMatter",
    "User",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEvent",
    "WebhookSubscription",
    "register_membership",
    "stakeholder_category",
    "utcnow",
    "FeedbackPublication",
    "RepresentationResponse",
    "Theme",
    "representation_matter",
    "representation_theme",
]
