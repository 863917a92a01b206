from sqlalchemy import func, select

from engage.extensions import db
from engage.models import Consultation, Invitation, Plan
from engage.seeds.demo import load_demo


def _invitations(slug: str) -> dict[str, int]:
    query = (
        select(Invitation.method, func.count(Invitation.id))
        .join(Consultation, Consultation.id == Invitation.consultation_id)
        .where(Consultation.slug == slug)
        .group_by(Invitation.method)
    )
    return dict(db.session.execute(query).all())


def test_demo_consultations_belong_to_the_plan_and_record_who_was_invited_once():
    load_demo()
    plan_id = db.session.scalar(select(Plan.id).where(Plan.slug == "swh-jsp"))
    assert set(db.session.scalars(select(Consultation.plan_id))) == {plan_id}
    first = _invitations("publication-plan")
    assert first.get("email", 0) > 20
    assert first.get("letter", 0) > 0
    assert _invitations("issues-and-options").get("email", 0) > 20

    load_demo()
    assert _invitations("publication-plan") == first
