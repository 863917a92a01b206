"""Officers' decisions on campaigns: confirm a suggested group, name it and keep its template text, split members
out of it, merge two groups of one consultation, or dissolve a group that is no campaign. Each checks everything
before writing anything, records an audit event and commits last.

Members are named by their representation references (`R-00123-2`), as officers and the API know them."""

from collections.abc import Iterable

from sqlalchemy import select, update

from engage.common import audit
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Campaign, Representation, utcnow
from engage.models.representation import parse_reference, respondent_reference
from engage.vocab import CampaignStatus

NAME_LIMIT = 200
TEMPLATE_LIMIT = 50_000


def _text(value: str | None) -> str:
    return (value or "").strip()


def _checked(name: str | None, template_text: str | None) -> dict[str, str]:
    name, template_text = _text(name), _text(template_text)
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = ["Enter a name for the campaign"]
    elif len(name) > NAME_LIMIT:
        errors["name"] = [f"The name must be {NAME_LIMIT} characters or fewer"]
    if len(template_text) > TEMPLATE_LIMIT:
        errors["template_text"] = [f"The template text must be {TEMPLATE_LIMIT:,} characters or fewer"]
    if errors:
        raise ValidationError(errors)
    return {"name": name, "template_text": template_text}


def update_campaign(campaign: Campaign, changes: dict, *, user=None) -> Campaign:
    """Rename the campaign, set its template text and, with `confirmed`, confirm it (or put it back to suggested)."""
    values = _checked(changes.get("name", campaign.name), changes.get("template_text", campaign.template_text))
    if "confirmed" in changes:
        values["status"] = CampaignStatus.CONFIRMED if changes["confirmed"] else CampaignStatus.SUGGESTED
    before = {"name": campaign.name, "template_text": campaign.template_text, "status": campaign.status}
    if values.get("status") == CampaignStatus.CONFIRMED and not campaign.confirmed:
        campaign.confirmed_at = utcnow()
    elif values.get("status") == CampaignStatus.SUGGESTED:
        campaign.confirmed_at = None
    for key, value in values.items():
        setattr(campaign, key, value)
    changed = audit.diff(before, values)
    action = "confirm" if changed.get("status", [None, None])[1] == CampaignStatus.CONFIRMED else "update"
    audit.record(action, "campaign", campaign.id, f"Campaign {campaign.name}", user=user, changes=changed)
    db.session.commit()
    return campaign


def confirm_campaign(campaign: Campaign, *, user=None) -> Campaign:
    return update_campaign(campaign, {"confirmed": True}, user=user)


def members(campaign: Campaign) -> list[Representation]:
    return list(
        db.session.scalars(
            select(Representation)
            .where(Representation.campaign_id == campaign.id)
            .order_by(Representation.respondent_id, Representation.number)
        )
    )


def _normal(reference: str) -> str:
    """'r00123-2' and ' R-123-2 ' name R-00123-2; anything else is kept as typed, to be named as not found."""
    parsed = parse_reference(reference)
    if parsed is None or parsed[1] is None:
        return reference.strip()
    return f"{respondent_reference(parsed[0])}-{parsed[1]}"


def _chosen(campaign: Campaign, references: Iterable[str]) -> list[Representation]:
    """The members named, or a ValidationError on `representations` naming each reference that is not one."""
    wanted = [_normal(reference) for reference in references if reference and reference.strip()]
    if not wanted:
        raise ValidationError({"representations": ["Select the representations to split out of the group"]})
    by_reference = {member.reference: member for member in members(campaign)}
    unknown = [reference for reference in wanted if reference not in by_reference]
    if unknown:
        listed = ", ".join(sorted(set(unknown)))
        noun = "is not a representation" if len(set(unknown)) == 1 else "are not representations"
        raise ValidationError({"representations": [f"{listed} {noun} in this group"]})
    chosen = [by_reference[reference] for reference in dict.fromkeys(wanted)]
    if len(chosen) == len(by_reference):
        raise ValidationError({"representations": ["Leave at least one representation in the group"]})
    return chosen


def split_campaign(campaign: Campaign, references: Iterable[str], *, user=None) -> Campaign | None:
    """Take the representations named out of the group. Two or more form a new suggested group of their own (with
    the same template text, for the officer to correct); one alone is left ungrouped. Returns the new group."""
    chosen = _chosen(campaign, references)
    new = None
    if len(chosen) > 1:
        new = Campaign(
            consultation_id=campaign.consultation_id,
            name=f"{campaign.name} (split)"[:NAME_LIMIT],
            template_text=campaign.template_text,
            status=CampaignStatus.SUGGESTED,
        )
        db.session.add(new)
        db.session.flush()
    for member in chosen:
        member.campaign_id = new.id if new else None
    references = [member.reference for member in chosen]
    summary = f"{len(chosen)} split out of campaign {campaign.name}"
    changes = {"representations": references, "into": new.id if new else None}
    audit.record("split", "campaign", campaign.id, summary, user=user, changes=changes)
    db.session.commit()
    return new


def find_campaign(campaign_id: int | None) -> Campaign | None:
    return db.session.get(Campaign, campaign_id) if campaign_id else None


def merge_campaigns(campaign: Campaign, other_id: int | None, *, user=None) -> Campaign:
    """Move every member of the other group into this one and delete the other; both must belong to the same
    consultation. The merged group keeps this one's name, template text and status."""
    other = find_campaign(other_id)
    if other is None:
        raise ValidationError({"campaign": ["Select the group to merge into this one"]})
    if other.id == campaign.id:
        raise ValidationError({"campaign": ["Select a different group: a group cannot be merged with itself"]})
    if other.consultation_id != campaign.consultation_id:
        message = "That group belongs to another consultation: only groups of the same consultation can be merged"
        raise ValidationError({"campaign": [message]})
    moved = db.session.execute(
        update(Representation)
        .where(Representation.campaign_id == other.id)
        .values(campaign_id=campaign.id)
        .execution_options(synchronize_session="fetch")
    ).rowcount
    summary = f"Campaign {other.name} merged into {campaign.name}"
    changes = {"merged": other.id, "merged_name": other.name, "representations": moved}
    audit.record("merge", "campaign", campaign.id, summary, user=user, changes=changes)
    db.session.delete(other)
    db.session.commit()
    return campaign


def dissolve_campaign(campaign: Campaign, *, user=None) -> None:
    """The group is no campaign: its members are left ungrouped and the group is deleted."""
    count = db.session.execute(
        update(Representation)
        .where(Representation.campaign_id == campaign.id)
        .values(campaign_id=None)
        .execution_options(synchronize_session="fetch")
    ).rowcount
    changes = {"name": campaign.name, "representations": count}
    audit.record("dissolve", "campaign", campaign.id, f"Campaign {campaign.name} dissolved", user=user, changes=changes)
    db.session.delete(campaign)
    db.session.commit()
