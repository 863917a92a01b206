"""Consultations and the parts of the plan people comment on, as the API reads and writes them (shared/API.md)."""

from typing import Annotated, Any, Literal, Self

from flask import url_for
from pydantic import AliasPath, Field

from engage.common.schemas import (
    DateTimeText,
    Flag,
    Ids,
    Input,
    LondonDateTime,
    Output,
    Text,
    Texts,
    objects,
    one_of,
)
from engage.vocab import (
    ConsultationStatus,
    DocumentKind,
    FormType,
    InvitationMethod,
    InvitationStatus,
    JobStatus,
    PartKind,
    QuestionKind,
)


class Part(Output):
    """A part of the plan people can comment on: a chapter, or a policy, paragraph or site within one."""

    ref: str
    title: str
    kind: Literal[PartKind.values()]


class Consultation(Output):
    """A consultation on the plan. Published ones are public; `status` follows from the dates."""

    id: int
    slug: str
    title: str
    stage: str = Field(description="Plan stage slug, e.g. reg-19")
    summary: str
    opens_at: LondonDateTime
    closes_at: LondonDateTime
    status: Literal[ConsultationStatus.values()]
    form_type: Literal[FormType.values()]
    published: bool
    parts: list[Part]


class PartInput(Input):
    """A part of the plan; policies, paragraphs and sites belong to the chapter above them unless `child` says."""

    ref: Text | None = Field(None, examples=["Policy SP1"])
    title: Text | None = None
    kind: one_of(PartKind.values(), default="policy") | None = None
    child: Flag | None = Field(None, description="Belongs to the chapter above")


class ConsultationChanges(Input):
    """Changes to a consultation: only the fields sent change. Publish, unpublish and close have endpoints of
    their own, and the parts are replaced with PUT …/parts."""

    output = Consultation

    slug: Text | None = Field(None, description="The web address; another consultation's is a 422")
    title: Text = None
    stage: Text | None = Field(None, description="Plan stage slug, e.g. reg-19")
    summary: Text | None = None
    opens_at: DateTimeText = None
    closes_at: DateTimeText = None
    form_type: one_of(FormType.values()) | None = None
    privacy_notice: Text | None = None
    procedure_statement: Text | None = None


class PartsInput(Input):
    """Every part of the plan, in order: the list replaces the parts there are. A part that already has
    representations keeps them when its `ref` is sent again."""

    required = ("parts",)

    parts: Annotated[list[PartInput], objects('[{"ref": "Policy SP1", "title": "Growth"}]')] = None


class ConsultationInput(Input):
    """A new consultation, as a draft unless `published`."""

    output = Consultation
    required = ("title", "opens_at", "closes_at")

    slug: Text | None = Field(None, description="Derived from the title when not given")
    title: Text = None
    stage: Text | None = Field(None, description="Plan stage slug, e.g. reg-19")
    summary: Text | None = None
    opens_at: DateTimeText = None
    closes_at: DateTimeText = None
    form_type: one_of(FormType.values()) | None = None
    privacy_notice: Text | None = None
    procedure_statement: Text | None = None
    published: Flag = Field(None, json_schema_extra={"default": False})
    parts: Annotated[list[PartInput], objects('[{"ref": "Policy SP1", "title": "Growth"}]')] = None


class Invitation(Output):
    """Who was invited to a consultation, how, and whether the email went."""

    id: int
    stakeholder: int = Field(validation_alias="stakeholder_id", description="Stakeholder id")
    name: str = Field(validation_alias=AliasPath("stakeholder", "name"), description="The stakeholder's name")
    method: Literal[InvitationMethod.values()]
    status: Literal[InvitationStatus.values()] = Field(
        description="pending (email waiting to be sent), sent, failed (see `error`) or recorded (a letter)"
    )
    error: str | None = Field(description="Why the email could not be sent")
    created_at: LondonDateTime
    sent_at: LondonDateTime | None
    sending: int | None = Field(validation_alias="job_id", description="The id of the sending that sent the email")

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        return super().of(record, error=(record.details or {}).get("error"), **values)


class InvitationSending(Output):
    """The sending of a batch of email invitations, in the background: how far it has gone."""

    id: int
    status: Literal[JobStatus.values()]
    total_rows: int = Field(description="Emails to send")
    processed_rows: int = Field(description="Emails tried so far")
    finished: bool
    sent: int | None = Field(description="Emails sent, when finished")
    failed: int | None = Field(description="Emails that could not be sent, when finished: see each invitation's error")

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        result = record.result or {}
        return super().of(record, sent=result.get("sent"), failed=result.get("failed"), **values)


class InvitationsRecorded(Output):
    """What inviting did: every invitation of the consultation counted, and the emails' sending (null for letters)."""

    consultation: int = Field(description="Consultation id")
    method: Literal[InvitationMethod.values()]
    invitations: int = Field(description="Invitations the consultation now has, by every method")
    sending: InvitationSending | None


class InvitationInput(Input):
    """Invite everyone on the registers named and the stakeholders listed (each once per method). With `email`,
    people without an email address get a letter; an email that failed before is sent again. People marked do not
    contact, and erased records, are left out."""

    required = ("method",)

    method: one_of((InvitationMethod.EMAIL, InvitationMethod.LETTER)) = Field(None, description="email or letter")
    registers: Texts = Field(None, description="Register slugs, e.g. statutory-consultees")
    stakeholders: Ids = Field(None, description="Stakeholder ids")


class ConsultationDocument(Output):
    """A document people read before they comment: a web page written in Engage, a link, or an uploaded PDF."""

    id: int
    kind: Literal[DocumentKind.values()]
    title: str
    url: str = Field(description="Where it is: the link given, or the public page or file in Engage")
    body_html: str = Field(description="A web page's text (HTML); empty for links and PDFs")
    filename: str
    size: int = Field(description="A PDF's size in bytes")

    @classmethod
    def of(cls, record: Any, **values: Any) -> Self:
        if record.kind == "link":
            url = record.url
        else:
            url = url_for("respond.document", slug=record.consultation.slug, document_id=record.id, _external=True)
        return super().of(record, url=url, **values)


class DocumentInput(Input):
    """A web page (`html`, with `body_html`) or a link (`link`, with `url`). A PDF is uploaded as
    multipart/form-data instead: `title` and `file`."""

    required = ("title", "kind")

    title: Text = None
    kind: one_of((DocumentKind.HTML, DocumentKind.LINK)) = None
    url: Text | None = Field(None, description="For a link: starting with https://")
    body_html: Text | None = Field(None, description="For a web page: HTML (cleaned of scripts and styles)")


class Question(Output):
    """A question of a questionnaire consultation."""

    id: int
    kind: Literal[QuestionKind.values()]
    text: str
    hint: str
    options: list[str] = Field(description="The choices of a single- or multiple-choice question")
    required: bool


class QuestionInput(Input):
    """A question: free text, or a choice of at least 2 options."""

    required = ("text",)

    text: Text = None
    hint: Text | None = None
    kind: one_of(QuestionKind.values(), default="free-text") | None = None
    options: Texts = Field(None, description="For a choice question: 2 or more")
    # Sent as `required`; named otherwise here because Input.required lists the fields a body needs.
    answer_required: Flag = Field(
        None, alias="required", description="An answer is needed", json_schema_extra={"default": False}
    )
