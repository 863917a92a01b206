"""Finding campaigns in a consultation's representations, as a background job (engage.jobs).

`find_campaigns` records the job and queues it; `run_grouping` does the work: it takes every representation of the
consultation that is not in a confirmed campaign, groups the near-identical ones (engage.campaigns.similarity)
and saves each group of two or more as a suggested campaign. Suggestions from an earlier run are replaced, so
running it twice gives the same groups; confirmed campaigns are never touched.
"""

from sqlalchemy import delete, select, update

from engage.campaigns.similarity import group_texts, most_common
from engage.common import audit
from engage.extensions import db
from engage.jobs import enqueue_after_commit, record_progress
from engage.models import Campaign, Consultation, Job, Representation
from engage.vocab import CampaignStatus

JOB_KIND = "campaign-grouping"
NAME_WORDS = 8


def representation_text(comment: str | None, modification: str | None) -> str:
    """What is compared: the representation's reasons and the change it asks for."""
    return "\n".join(part for part in (comment, modification) if part)


def find_campaigns(consultation: Consultation, *, user=None) -> Job:
    """Start looking for campaigns in the consultation's representations."""
    job = Job(kind=JOB_KIND, user_id=getattr(user, "id", None), params={"consultation_id": consultation.id})
    db.session.add(job)
    db.session.flush()
    audit.record("find-campaigns", "consultation", consultation.id, "Looking for campaigns", user=user)
    enqueue_after_commit("engage.campaigns.grouping.run_grouping", job.id)
    db.session.commit()
    return job


def latest_job(consultation_id: int) -> Job | None:
    """The consultation's most recent grouping job, to say whether one is running and what it found."""
    recent = db.session.scalars(select(Job).where(Job.kind == JOB_KIND).order_by(Job.id.desc()).limit(50))
    return next((job for job in recent if (job.params or {}).get("consultation_id") == consultation_id), None)


def _suggested_name(template: str, number: int) -> str:
    words = template.split()
    opening = " ".join(words[:NAME_WORDS]) + ("…" if len(words) > NAME_WORDS else "")
    return f"Suggested group {number}: {opening}"[:200]


def run_grouping(job_id: int) -> dict:
    """The job: replace the consultation's suggested campaigns with the groups found now."""
    job = db.session.get(Job, job_id)
    return group_consultation(job.params["consultation_id"], job_id=job_id)


def group_consultation(consultation_id: int, *, job_id: int | None = None) -> dict:
    """What the job does, for the job or (the demo data) at once: group, save the suggestions and commit."""
    confirmed = select(Campaign.id).where(
        Campaign.consultation_id == consultation_id, Campaign.status == CampaignStatus.CONFIRMED
    )
    rows = db.session.execute(
        select(Representation.id, Representation.comment, Representation.modification).where(
            Representation.consultation_id == consultation_id,
            Representation.campaign_id.is_(None) | Representation.campaign_id.not_in(confirmed),
        )
    ).all()
    if job_id:
        record_progress(job_id, 0, len(rows))
    texts = {row.id: representation_text(row.comment, row.modification) for row in rows}
    groups = group_texts(texts.items())
    suggested = select(Campaign.id).where(
        Campaign.consultation_id == consultation_id, Campaign.status == CampaignStatus.SUGGESTED
    )
    db.session.execute(
        update(Representation)
        .where(Representation.campaign_id.in_(suggested))
        .values(campaign_id=None)
        .execution_options(synchronize_session=False)
    )
    db.session.execute(delete(Campaign).where(Campaign.id.in_(suggested)).execution_options(synchronize_session=False))
    memberships = []
    for number, members in enumerate(groups, start=1):
        template = most_common(texts[member] for member in members)
        campaign = Campaign(
            consultation_id=consultation_id,
            name=_suggested_name(template, number),
            template_text=template,
            status=CampaignStatus.SUGGESTED,
        )
        db.session.add(campaign)
        db.session.flush()
        memberships += [{"id": member, "campaign_id": campaign.id} for member in members]
    if memberships:
        db.session.execute(update(Representation), memberships)
    grouped = len(memberships)
    summary = f"{len(groups)} suggested campaigns of {grouped} representations, from {len(rows)} compared"
    audit.record("group", "consultation", consultation_id, summary, changes={"job": job_id})
    db.session.commit()
    if job_id:
        record_progress(job_id, len(rows))
    return {"groups": len(groups), "grouped": grouped, "compared": len(rows)}
