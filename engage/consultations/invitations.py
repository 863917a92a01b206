"""Inviting stakeholders to a consultation: record every invitation (who, how, when), send the emails in a
background job with progress, and make a mail-merge file for letters. An email that could not be sent is marked
failed with the reason (details["error"], shown on the invitations page); inviting by email again sends it again."""

import csv
import io
import logging

from flask import render_template
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage.common import audit
from engage.common.dates import format_date, format_datetime
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.jobs import enqueue_after_commit, send_each
from engage.mail import failure_reason, is_unexpected, send_email
from engage.models import Consultation, Invitation, Job, Register, Stakeholder, register_membership, utcnow
from engage.stakeholders.exports import neutralise
from engage.vocab import InvitationMethod

log = logging.getLogger(__name__)
JOB_KIND = "consultation-invitations"
LETTER_COLUMNS = ("reference", "title", "first_name", "last_name", "organisation", "address", "postcode")
CONSULTATION_COLUMNS = ("consultation", "web_address", "closes")


def _stakeholders(register_slugs: list[str], stakeholder_ids: list[int]) -> list[Stakeholder]:
    query = select(Stakeholder).where(Stakeholder.erased_at.is_(None), Stakeholder.do_not_contact.is_(False))
    members = select(register_membership.c.stakeholder_id).join(Register).where(Register.slug.in_(register_slugs))
    query = query.where(Stakeholder.id.in_(members) | Stakeholder.id.in_(stakeholder_ids or [-1]))
    return list(db.session.scalars(query.order_by(Stakeholder.sort_name)))


def invite(
    consultation: Consultation,
    register_slugs: list[str],
    stakeholder_ids: list[int],
    method: str,
    *,
    web_address: str = "",
    user=None,
) -> Job | None:
    """Record invitations for everyone chosen (once per method) and, for email, start the sending job.
    People without an email address are invited by letter. Emails that failed
    before are sent again."""
    if method not in (InvitationMethod.EMAIL, InvitationMethod.LETTER):
        raise ValidationError({"method": ["Select email or letter"]})
    if not consultation.published:
        message = "Publish the consultation before inviting people: until then its web address does not work"
        raise ValidationError({"registers": [message]})
    chosen = _stakeholders(register_slugs, stakeholder_ids)
    if not chosen:
        raise ValidationError({"registers": ["Select at least one register or stakeholder with someone to invite"]})
    failed_before = select(Invitation).where(
        Invitation.consultation_id == consultation.id, Invitation.method == "email", Invitation.status == "failed"
    )
    failed = {invitation.stakeholder_id: invitation for invitation in db.session.scalars(failed_before)}
    existing = set(
        db.session.execute(
            select(Invitation.stakeholder_id, Invitation.method).where(Invitation.consultation_id == consultation.id)
        ).all()
    )
    job = None
    if method == "email":
        params = {"consultation_id": consultation.id, "web_address": web_address}  # a worker has no request to ask
        job = Job(kind=JOB_KIND, user_id=getattr(user, "id", None), params=params)
        db.session.add(job)
        db.session.flush()
    count = 0
    for stakeholder in chosen:
        how = "email" if method == "email" and stakeholder.email else "letter"
        if how == "email" and stakeholder.id in failed:
            _send_again(failed[stakeholder.id], job)
            count += 1
            continue
        if (stakeholder.id, how) in existing:
            continue
        db.session.add(
            Invitation(
                consultation_id=consultation.id,
                stakeholder_id=stakeholder.id,
                method=how,
                created_by_id=getattr(user, "id", None),
                status="pending" if how == "email" else "recorded",
                sent_at=None if how == "email" else utcnow(),
                job_id=job.id if job and how == "email" else None,
            )
        )
        count += 1
    if job:
        job.total_rows = sum(1 for s in chosen if s.email and ((s.id, "email") not in existing or s.id in failed))
    audit.record("invite", "consultation", consultation.id, f"{count} invitations ({method})", user=user)
    if job:
        enqueue_after_commit("engage.consultations.invitations.send_invitation_emails", job.id)
    db.session.commit()
    return job


def _send_again(invitation: Invitation, job: Job) -> None:
    invitation.status, invitation.job_id = "pending", job.id
    invitation.details = {key: value for key, value in (invitation.details or {}).items() if key != "error"}


def send_invitation_emails(job_id: int) -> dict:
    """The background job: send each pending email invitation of the job, recording how each went."""
    invitations = list(
        db.session.scalars(
            select(Invitation)
            .where(Invitation.job_id == job_id, Invitation.status == "pending")
            .options(selectinload(Invitation.stakeholder), selectinload(Invitation.consultation))
            .order_by(Invitation.id)
        )
    )
    web_address = (db.session.get(Job, job_id).params or {}).get("web_address", "")
    return send_each(job_id, invitations, lambda invitation: _send(invitation, web_address))


def _send(invitation: Invitation, web_address: str) -> bool:
    context = {
        "consultation": invitation.consultation,
        "stakeholder": invitation.stakeholder,
        "web_address": web_address,
    }
    try:
        send_email(
            invitation.stakeholder.email,
            f"Consultation: {invitation.consultation.title}",
            render_template("consultations/email/invitation.txt", **context),
            render_template("consultations/email/invitation.html", **context),
        )
    except Exception as error:
        reason = failure_reason(error)
        log.warning("Could not send invitation %s: %s", invitation.id, reason, exc_info=is_unexpected(error))
        invitation.status = "failed"
        invitation.details = {**(invitation.details or {}), "error": reason}
        return False
    invitation.status = "sent"
    invitation.sent_at = utcnow()
    return True


def letter_rows(consultation: Consultation) -> list[dict[str, str]]:
    query = (
        select(Invitation)
        .where(Invitation.consultation_id == consultation.id, Invitation.method == "letter")
        .options(selectinload(Invitation.stakeholder))
        .order_by(Invitation.id)
    )
    rows = []
    for invitation in db.session.scalars(query):
        person = invitation.stakeholder
        rows.append(
            {
                "reference": f"INV-{invitation.id}",
                "title": person.title,
                "first_name": person.first_name,
                "last_name": person.last_name,
                "organisation": person.organisation_label or person.organisation_name,
                "address": person.address,
                "postcode": person.postcode,
            }
        )
    return rows


def letters_csv(consultation: Consultation, web_address: str) -> str:
    """One row a letter, with the consultation's title, public web address and closing time for the mail merge."""
    about = {
        "consultation": consultation.title,
        "web_address": web_address,
        "closes": format_datetime(consultation.closes_at),
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=LETTER_COLUMNS + CONSULTATION_COLUMNS)
    writer.writeheader()
    for row in letter_rows(consultation):
        writer.writerow({key: neutralise(value) for key, value in {**row, **about}.items()})
    return out.getvalue()


def letters_docx(consultation: Consultation, web_address: str) -> bytes:
    """One letter a page on A4, ready to print, with the web address (a link) to read the documents and respond
    at."""
    from docx import Document  # here, not at the top, so the app starts without it

    from engage.common import docx_layout, office

    sender = office.Masthead.of(consultation.plan).lines()
    today = format_date(utcnow())
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    docx_layout.page_setup(document.sections[0])
    docx_layout.footer(document.sections[0], consultation.title, total="SECTIONPAGES")
    rows = letter_rows(consultation)
    if not rows:
        document.add_paragraph(f"Nobody is to be invited to comment on {consultation.title} by letter.")
    for number, row in enumerate(rows):
        name = " ".join(part for part in (row["title"], row["first_name"], row["last_name"]) if part)
        if sender:
            document.add_paragraph().add_run("\n".join(sender)).bold = True
        address = [name, row["organisation"], *row["address"].splitlines(), row["postcode"]]
        document.add_paragraph("\n".join(line for line in address if line))
        document.add_paragraph(f"Our reference: {row['reference']}\nDate: {today}")
        document.add_paragraph(f"Dear {name or 'Sir or Madam'},")
        paragraph = document.add_paragraph(
            f"The councils are consulting on {consultation.title}. You can read the documents and respond at "
        )
        docx_layout.add_hyperlink(paragraph, web_address)
        paragraph.add_run(f" until {format_datetime(consultation.closes_at)}.")
        if consultation.procedure_statement:
            document.add_paragraph(consultation.procedure_statement)
        if number < len(rows) - 1:  # each letter a section of its own, its pages numbered from 1
            docx_layout.number_from_one(document.add_section())
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
