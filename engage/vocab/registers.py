"""Closed lists of stakeholders, authorities, plans, jobs, webhooks and accounts."""

from engage.vocab.base import Vocabulary


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
