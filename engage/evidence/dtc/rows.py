"""The co-operation (duty to co-operate) activity table: who the councils engaged, when, on which strategic
matters, at which plan stage, with what outcome: one row per held engagement and body, per consultation
invitation and per representation, ordered by date.

Co-operation bodies (the default scope; `scope=all` lifts it) are stakeholders that are
- in the category dtc-prescribed-body, specific-consultation-body or neighbouring-authority, or
- organisations on the neighbouring-authorities or statutory-consultees register.
A person who belongs to an organisation (Stakeholder.organisation_id) is counted under that organisation: the
"body" of a row is the organisation, so two officers of one body at one meeting make one row. Everything about
being a co-operation body is decided on the body, not on the person.

Rows and their stable references:
- `E{engagement id}-S{body id}`: a held engagement with a body (planned and cancelled ones are not activity).
- `I{invitation id}`: an invitation to comment on a consultation that was sent or recorded.
- the representation's own reference (`R-00123-2`): a representation whose respondent is linked to a body
  (with `scope=all`, every representation, the respondent's organisation or name standing for the body).
Filters for matter, lead authority, level and kind only exist on engagements, so setting one keeps engagement rows only.

How it stays fast over tens of thousands of rows: a single "spine" query (UNION ALL of the three sources, sorted
by date) names the rows; it is streamed (`yield_per`, a server-side cursor on PostgreSQL) and, a chunk at a time,
engage.evidence.dtc.details loads the details with one query per table for the whole chunk (never one per row).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import islice

from sqlalchemy import Select, exists, false, func, literal, or_, select, type_coerce, union_all
from sqlalchemy.orm import aliased

from engage.common import audit
from engage.common.dates import LONDON
from engage.common.ids import parse_id
from engage.common.validation import parse_day
from engage.extensions import db
from engage.models import (
    Authority,
    Category,
    Consultation,
    Engagement,
    Invitation,
    PlanStage,
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
from engage.models.types import UTCDateTime
from engage.vocab import Level

COOPERATION_CATEGORIES = ("dtc-prescribed-body", "specific-consultation-body", "neighbouring-authority")
COOPERATION_REGISTERS = ("neighbouring-authorities", "statutory-consultees")
SOURCE_RANK = {"engagements": 0, "invitations": 1, "representations": 2}
CHUNK_ROWS = 2000
# The columns of every output: the API field name and the heading of the printed table.
COLUMNS = [
    ("ref", "Ref"),
    ("date", "Date"),
    ("body", "Body"),
    ("body_category", "Body category"),
    ("matters", "Strategic matter(s)"),
    ("plan_stage", "Plan stage"),
    ("form", "Form of engagement"),
    ("level", "Level"),
    ("attendees", "Attendees"),
    ("summary", "Summary"),
    ("outcome", "Outcome / agreement status"),
    ("actions", "Actions and owner"),
    ("influence_on_plan", "Influence on the plan"),
    ("evidence_url", "Evidence link"),
    ("examination_library_reference", "Examination library reference"),
]


@dataclass
class DtcFilters:
    date_from: date | None = None
    date_to: date | None = None
    stage: str = ""
    body: int | None = None
    category: str = ""
    register: str = ""
    matter: str = ""
    authority: str = ""
    level: str = ""
    kind: str = ""
    source: str = ""
    scope: str = "cooperation"
    errors: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args) -> "DtcFilters":
        """Filters from a query string. Bad dates and an end before the start are kept as `errors` (the table is
        then empty); values that name nothing simply match nothing."""

        def arg(name: str, limit: int = 100) -> str:
            return (args.get(name) or "").strip()[:limit]

        filters = cls(
            stage=arg("stage").lower(),
            category=arg("category").lower(),
            register=arg("register").lower(),
            matter=arg("matter").lower(),
            authority=arg("authority", 16).upper(),
            level=arg("level").lower(),
            kind=arg("kind").lower(),
            source=arg("source").lower(),
            scope="all" if arg("scope").lower() == "all" else "cooperation",
        )
        body = arg("body")
        if body:
            filters.body = parse_id(body) or 0
        filters._read_period(arg("from", 40), arg("to", 40))
        return filters

    def _read_period(self, raw_from: str, raw_to: str) -> None:
        for raw, name, label in ((raw_from, "from", "Start date"), (raw_to, "to", "End date")):
            if not raw:
                continue
            day = parse_day(raw)
            if day is None:
                self.errors[name] = [f"{label} must be a real date, like 2026-03-01"]
            else:
                setattr(self, "date_from" if name == "from" else "date_to", day)
        if self.date_from and self.date_to and self.date_to < self.date_from:
            self.errors["to"] = ["End date must be the same as or after the start date"]

    def as_args(self) -> dict[str, str]:
        args = {
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "stage": self.stage,
            "body": str(self.body) if self.body is not None else "",
            "category": self.category,
            "register": self.register,
            "matter": self.matter,
            "authority": self.authority,
            "level": self.level,
            "kind": self.kind,
            "source": self.source,
            "scope": "all" if self.scope == "all" else "",
        }
        return {key: value for key, value in args.items() if value}

    def wants(self, source: str) -> bool:
        if self.errors or (self.source and self.source != source):
            return False
        engagement_only = self.matter or self.authority or self.level or self.kind
        return source == "engagements" or not engagement_only


def _ids(model, column, values) -> list[int]:
    return list(db.session.scalars(select(model.id).where(column.in_(values))))


def body_conditions(body_id, filters: DtcFilters) -> list:
    """Conditions on the body (a stakeholder id expression): scope, body, category and register."""
    conditions = []
    if filters.scope == "cooperation":
        org = aliased(Stakeholder)
        in_category = exists().where(
            stakeholder_category.c.stakeholder_id == body_id,
            stakeholder_category.c.category_id.in_(_ids(Category, Category.slug, COOPERATION_CATEGORIES)),
        )
        on_register = exists().where(
            register_membership.c.stakeholder_id == body_id,
            register_membership.c.register_id.in_(_ids(Register, Register.slug, COOPERATION_REGISTERS)),
            org.id == body_id,
            org.kind == "organisation",
        )
        conditions.append(or_(in_category, on_register))
    if filters.body is not None:
        conditions.append(body_id == filters.body)
    if filters.category:
        conditions.append(
            exists().where(
                stakeholder_category.c.stakeholder_id == body_id,
                stakeholder_category.c.category_id.in_(_ids(Category, Category.slug, [filters.category])),
            )
        )
    if filters.register:
        conditions.append(
            exists().where(
                register_membership.c.stakeholder_id == body_id,
                register_membership.c.register_id.in_(_ids(Register, Register.slug, [filters.register])),
            )
        )
    return conditions


def _period(column, filters: DtcFilters) -> list:
    conditions = []
    if filters.date_from:
        conditions.append(column >= datetime.combine(filters.date_from, time(0), LONDON))
    if filters.date_to:
        conditions.append(column < datetime.combine(filters.date_to + timedelta(days=1), time(0), LONDON))
    return conditions


def _spine_columns(at, source: str, record_id, body_id) -> tuple:
    return (
        type_coerce(at, UTCDateTime).label("at"),
        literal(SOURCE_RANK[source]).label("source"),
        record_id.label("record_id"),
        body_id.label("body_id"),
    )


def engagement_spine(filters: DtcFilters) -> Select:
    attendee = aliased(Stakeholder)
    body_id = func.coalesce(attendee.organisation_id, attendee.id)
    query = (
        select(*_spine_columns(Engagement.starts_at, "engagements", Engagement.id, body_id))
        .select_from(Engagement)
        .join(engagement_stakeholder, engagement_stakeholder.c.engagement_id == Engagement.id)
        .join(attendee, attendee.id == engagement_stakeholder.c.stakeholder_id)
        .where(Engagement.status == "held", *_period(Engagement.starts_at, filters), *body_conditions(body_id, filters))
        .group_by(Engagement.id, Engagement.starts_at, body_id)
    )
    if filters.stage:
        query = query.where(Engagement.plan_stage_id.in_(_ids(PlanStage, PlanStage.slug, [filters.stage])))
    if filters.matter:
        matter_ids = _ids(StrategicMatter, StrategicMatter.slug, [filters.matter])
        query = query.where(
            exists().where(
                engagement_matter.c.engagement_id == Engagement.id, engagement_matter.c.matter_id.in_(matter_ids)
            )
        )
    if filters.authority:
        query = query.where(Engagement.lead_authority_id.in_(_ids(Authority, Authority.code, [filters.authority])))
    if filters.level:
        query = query.where(Engagement.level == filters.level if filters.level in Level.values() else false())
    if filters.kind:
        query = query.where(Engagement.kind == filters.kind)
    return query


def _invitation_spine(filters: DtcFilters) -> Select:
    invitee = aliased(Stakeholder)
    body_id = func.coalesce(invitee.organisation_id, invitee.id)
    at = func.coalesce(Invitation.sent_at, Invitation.created_at)
    query = (
        select(*_spine_columns(at, "invitations", Invitation.id, body_id))
        .select_from(Invitation)
        .join(invitee, invitee.id == Invitation.stakeholder_id)
        .where(Invitation.status.in_(("sent", "recorded")), *_period(at, filters), *body_conditions(body_id, filters))
    )
    if filters.stage:
        query = query.join(Consultation, Consultation.id == Invitation.consultation_id).where(
            Consultation.stage == filters.stage
        )
    return query


def _representation_spine(filters: DtcFilters) -> Select:
    linked = aliased(Stakeholder)
    body_id = func.coalesce(linked.organisation_id, linked.id)
    query = (
        select(*_spine_columns(Representation.received_at, "representations", Representation.id, body_id))
        .select_from(Representation)
        .join(Respondent, Respondent.id == Representation.respondent_id)
        .outerjoin(linked, linked.id == Respondent.stakeholder_id)
        .where(*_period(Representation.received_at, filters), *body_conditions(body_id, filters))
    )
    if filters.stage:
        query = query.join(Consultation, Consultation.id == Representation.consultation_id).where(
            Consultation.stage == filters.stage
        )
    return query


def spine(filters: DtcFilters) -> Select | None:
    """(source, record_id, body_id) of every row, in table order (by date); None when nothing can match."""
    parts = [
        build(filters)
        for source, build in (
            ("engagements", engagement_spine),
            ("invitations", _invitation_spine),
            ("representations", _representation_spine),
        )
        if filters.wants(source)
    ]
    if not parts:
        return None
    rows = union_all(*parts).subquery("dtc_rows")
    columns = (rows.c.source, rows.c.record_id, rows.c.body_id)  # not `at`: 100,000 datetimes cost 0.5 s to read
    return select(*columns).order_by(rows.c.at, *columns)


def count_rows(filters: DtcFilters) -> int:
    query = spine(filters)
    if query is None:
        return 0
    return db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def dtc_rows(filters: DtcFilters, base_url: str = "", offset: int = 0, limit: int | None = None) -> Iterator:
    """The table's rows (engage.evidence.dtc.details.DtcRow), streamed in order; `base_url` makes links absolute."""
    from engage.evidence.dtc.details import RowBuilder

    query = spine(filters)
    if query is None:
        return
    if limit is not None:
        query = query.limit(limit).offset(offset)
    builder = RowBuilder(base_url)
    # Core, not the ORM session: plain rows, no ORM processing; on PostgreSQL a server-side cursor.
    result = db.session.connection().execute(query.execution_options(yield_per=CHUNK_ROWS))
    for chunk in result.partitions():
        yield from builder.build(chunk)


def page_of_rows(filters: DtcFilters, page: int, per_page: int, base_url: str = ""):
    from engage.common.pagination import Page

    total = count_rows(filters)
    rows = list(islice(dtc_rows(filters, base_url, (page - 1) * per_page, per_page), per_page))
    return Page(items=rows, page=page, per_page=per_page, total=total)


def record_export(filters: dict[str, str], row_count: int, file_format: str, user=None) -> None:
    """Audit a download of the table (it names people who attended): who, which filters, how many rows."""
    audit.record(
        "export",
        "dtc_table",
        None,
        f"Downloaded the co-operation table ({row_count:,} rows) as {file_format.upper()}",
        user=user,
        changes={"filters": filters, "rows": row_count, "format": file_format},
    )
    db.session.commit()
