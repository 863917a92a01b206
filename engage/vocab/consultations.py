"""Closed lists of consultations, their documents, invitations and publicity."""

from engage.vocab.base import Vocabulary


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
