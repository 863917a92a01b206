"""What the Statement of Common Ground pages share: finding a version by its statement and number, its address,
and today's date in the plan's zone."""

from datetime import date, datetime

from flask import url_for
from sqlalchemy import select

from engage.common.dates import LONDON
from engage.extensions import db
from engage.models import CommonGroundVersion


def today() -> date:
    return datetime.now(LONDON).date()


def version_or_404(statement_id: int, number: int) -> CommonGroundVersion:
    query = select(CommonGroundVersion).where(
        CommonGroundVersion.statement_id == statement_id, CommonGroundVersion.number == number
    )
    return db.first_or_404(query)


def show_url(version: CommonGroundVersion, anchor: str = "") -> str:
    url = url_for("evidence.common_ground.version", statement_id=version.statement_id, number=version.number)
    return url + (f"#{anchor}" if anchor else "")
