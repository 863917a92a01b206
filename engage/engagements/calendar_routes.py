"""The month calendar, .ics downloads of any filtered list and the secret subscription feeds."""

import calendar as monthcal
from datetime import date, datetime, timedelta

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.common.dates import EARLIEST_YEAR, LATEST_YEAR, LONDON
from engage.engagements import bp, feeds, ics, queries
from engage.engagements.routes import filter_form
from engage.extensions import db
from engage.models import CalendarFeed
from engage.permissions import VIEW, public, require_permission

ICS_LIMIT = 5000
PER_DAY = 6  # engagements listed in a calendar day; the rest are a link to that day's list
FEED_PAST_DAYS = 90
FEED_FUTURE_DAYS = 400
ICS_MIMETYPE = "text/calendar; charset=utf-8"


def _month(value: str | None) -> date:
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        first = date(year, month, 1)
        if not EARLIEST_YEAR <= year < LATEST_YEAR:  # the month after it must be a date too
            raise ValueError(year)
        return first
    except ValueError:
        return datetime.now(LONDON).date().replace(day=1)


@bp.route("/calendar")
@require_permission(VIEW)
def calendar():
    first = _month(request.args.get("month"))
    filters = queries.EngagementFilters.from_args(request.args)
    days = queries.month_engagements(filters, first)
    form = filter_form(request.args)
    weeks = monthcal.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return render_template(
        "engagements/calendar.html",
        first=first,
        weeks=weeks,
        days=days,
        previous=previous,
        following=following,
        filters=filters,
        filter_form=form,
        error_list=form.show_problems(queries.filter_problems(request.args)),
        today=datetime.now(LONDON).date(),
        per_day=PER_DAY,
    )


def _ics_response(engagements, name: str, filename: str) -> Response:
    response = Response(ics.calendar_bytes(engagements, name, request.host.split(":")[0]), mimetype=ICS_MIMETYPE)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    return response


@bp.route("/export.ics")
@require_permission(VIEW)
def export_ics():
    filters = queries.EngagementFilters.from_args(request.args)
    engagements = db.session.scalars(queries.engagements_query(filters).limit(ICS_LIMIT))
    return _ics_response(engagements, "Engagements", "engagements.ics")


@bp.route("/feed/<token>.ics")
@public
def feed(token):
    """A calendar app fetches this without signing in: the secret in the URL is the credential."""
    found = feeds.feed_for_token(token)
    if found is None:
        abort(404)
    today = datetime.now(LONDON).date()
    filters = queries.EngagementFilters(
        date_from=today - timedelta(days=FEED_PAST_DAYS),
        date_to=today + timedelta(days=FEED_FUTURE_DAYS),
        authority=found.authority_code,
    )
    engagements = db.session.scalars(queries.engagements_query(filters).limit(ICS_LIMIT))
    response = _ics_response(
        engagements, "Engagements" + (f" ({found.authority_code})" if found.authority_code else ""), "engage.ics"
    )
    response.headers["Cache-Control"] = "private, max-age=300"
    return response


@bp.route("/calendar-feeds", methods=["GET", "POST"])
@require_permission(VIEW)
def calendar_feeds():
    new_url = None
    if request.method == "POST":
        scope = request.form.get("scope", "")
        code = current_user.authority.code if scope == "authority" and current_user.authority else ""
        _, token = feeds.create_feed(current_user, code)
        new_url = url_for("engagements.feed", token=token, _external=True)
    return render_template("engagements/calendar_feeds.html", feeds=feeds.feeds_of(current_user), new_url=new_url)


@bp.route("/calendar-feeds/<int:feed_id>/revoke", methods=["POST"])
@require_permission(VIEW)
def revoke_calendar_feed(feed_id):
    found = db.session.get(CalendarFeed, feed_id)
    if found is None or found.user_id != current_user.id:
        abort(404)
    feeds.revoke_feed(found, current_user)
    flash("Calendar feed turned off. Calendars using that address will stop updating.", "success")
    return redirect(url_for("engagements.calendar_feeds"))
