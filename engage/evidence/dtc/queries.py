"""The detail queries of the co-operation table (engage.evidence.dtc.details). Each is built once per export and run
once per chunk of the spine with all of the chunk's ids in one parameter, its rows fetched as plain tuples: building
and compiling a statement per chunk, or binding thousands of ids one by one, cost more than running the query."""

from sqlalchemy import Integer, Select, String, Text, any_, bindparam, cast, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import aliased

from engage.models import (
    Action,
    Authority,
    Category,
    Consultation,
    Engagement,
    Invitation,
    Part,
    Register,
    Representation,
    Respondent,
    Stakeholder,
    StrategicMatter,
    engagement_matter,
    engagement_stakeholder,
    register_membership,
    stakeholder_category,
)


class DetailQueries:
    """`run(name, ids)`: the rows of one of the statements below for those ids."""

    def __init__(self, connection):
        self.execute = connection.execute
        self.postgres = connection.dialect.name == "postgresql"
        self.statements: dict[str, Select] = {}

    def run(self, name: str, ids) -> list:
        statement = self.statements.get(name)
        if statement is None:
            statement = self.statements[name] = STATEMENTS[name](self.id_in)
        if self.postgres:  # one text parameter, '{1,2,3}', read as an array by PostgreSQL
            return self.execute(statement, {"ids": "{" + ",".join(map(str, ids)) + "}"}).all()
        return self.execute(statement, {"ids": list(ids)}).all()

    def id_in(self, column):
        """`column IN (ids)`; on PostgreSQL `= ANY(array)`, one parameter however many ids."""
        if self.postgres:
            return column == any_(cast(bindparam("ids", type_=String), ARRAY(Integer)))
        return column.in_(bindparam("ids", expanding=True))


def _body_categories(id_in) -> Select:
    return (
        select(stakeholder_category.c.stakeholder_id, Category.slug)
        .join(Category, Category.id == stakeholder_category.c.category_id)
        .where(id_in(stakeholder_category.c.stakeholder_id))
    )


def _body_registers(id_in) -> Select:
    return (
        select(register_membership.c.stakeholder_id, Register.name)
        .join(Register, Register.id == register_membership.c.register_id)
        .where(id_in(register_membership.c.stakeholder_id))
        .order_by(Register.position.desc())
    )


def _bodies(id_in) -> Select:
    columns = (Stakeholder.id, Stakeholder.kind, Stakeholder.first_name, Stakeholder.last_name)
    return select(*columns, Stakeholder.organisation_name).where(id_in(Stakeholder.id))


def _engagements(id_in) -> Select:
    """In the order engage.evidence.dtc.details unpacks them."""
    return select(
        Engagement.id,
        Engagement.starts_at,
        Engagement.plan_id,
        Engagement.plan_stage_id,
        Engagement.title,
        Engagement.kind,
        Engagement.level,
        Engagement.summary,
        Engagement.outcome,
        Engagement.agreement,
        Engagement.influence_on_plan,
        Engagement.evidence_url,
        Engagement.examination_library_reference,
    ).where(id_in(Engagement.id))


def _engagement_matters(id_in) -> Select:
    return (
        select(engagement_matter.c.engagement_id, StrategicMatter.slug, StrategicMatter.name)
        .join(StrategicMatter, StrategicMatter.id == engagement_matter.c.matter_id)
        .where(id_in(engagement_matter.c.engagement_id))
        .order_by(StrategicMatter.name)
    )


def _engagement_attendees(id_in) -> Select:
    """Not ordered: the caller sorts each engagement's few attendees by (sort_name, id). Ordered here, SQLite walks
    every stakeholder in name order and looks each up among the chunk's engagements (seconds, not milliseconds)."""
    org = aliased(Stakeholder)
    return (
        select(engagement_stakeholder.c.engagement_id, Stakeholder.sort_name, Stakeholder.id, Stakeholder.kind)
        .add_columns(Stakeholder.first_name, Stakeholder.last_name, Stakeholder.organisation_name)
        .add_columns(org.organisation_name.label("org"))
        .join(Stakeholder, Stakeholder.id == engagement_stakeholder.c.stakeholder_id)
        .outerjoin(org, org.id == Stakeholder.organisation_id)
        .where(id_in(engagement_stakeholder.c.engagement_id))
    )


def _engagement_actions(id_in) -> Select:
    return (
        select(Action.engagement_id, Action.description, Authority.code, Action.due_on, Action.status)
        .join(Authority, Authority.id == Action.owner_authority_id)
        .where(id_in(Action.engagement_id))
        .order_by(Action.due_on, Action.id)
    )


def _invitations(id_in) -> Select:
    return (
        select(
            Invitation.id,
            Invitation.consultation_id,
            Invitation.method,
            func.coalesce(Invitation.sent_at, Invitation.created_at).label("at"),
            Consultation.title,
            Consultation.stage,
            Consultation.plan_id,
        )
        .join(Consultation, Consultation.id == Invitation.consultation_id)
        .where(id_in(Invitation.id))
    )


def _representations(id_in) -> Select:
    """In the order engage.evidence.dtc.details unpacks them; the last six are the answers the outcome is made of."""
    return (
        select(
            Representation.id,
            Representation.respondent_id,
            Representation.number,
            Representation.received_at,
            Representation.channel,
            Representation.nature,
            Part.ref.label("part"),
            Consultation.title,
            Representation.comment,
            Representation.modification,
            Respondent.first_name,
            Respondent.last_name,
            Respondent.organisation,
            Consultation.stage,
            Consultation.plan_id,
            Representation.legally_compliant,
            Representation.sound,
            Representation.dtc_compliant,
            cast(Representation.unsound_tests, Text).label("unsound_tests"),
            Representation.late,
            Representation.status,
        )
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .join(Consultation, Consultation.id == Representation.consultation_id)
        .outerjoin(Part, Part.id == Representation.part_id)
        .where(id_in(Representation.id))
    )


STATEMENTS = {
    "body_categories": _body_categories,
    "body_registers": _body_registers,
    "bodies": _bodies,
    "engagements": _engagements,
    "engagement_matters": _engagement_matters,
    "engagement_attendees": _engagement_attendees,
    "engagement_actions": _engagement_actions,
    "invitations": _invitations,
    "representations": _representations,
}


def responses_query(consultations: set[int]) -> Select:
    """(consultation, body, its first respondent) for each body that responded to those consultations."""
    linked = aliased(Stakeholder)
    body_id = func.coalesce(linked.organisation_id, linked.id)
    return (
        select(Respondent.consultation_id, body_id, func.min(Respondent.id))
        .join(linked, linked.id == Respondent.stakeholder_id)
        .where(Respondent.consultation_id.in_(consultations))
        .group_by(Respondent.consultation_id, body_id)
    )
