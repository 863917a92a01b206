"""Administrators' webhook pages: the endpoints, add one (its secret shown once), one endpoint's deliveries, a
delivery's attempts, send a delivery again, remove an endpoint."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.common.pagination import paginate, parse_int
from engage.common.validation import ValidationError
from engage.models import WebhookDelivery, WebhookSubscription
from engage.permissions import ADMIN, require_permission
from engage.webhooks import bp, services
from engage.webhooks.forms import ConfirmForm, WebhookForm


def _subscription_or_404(subscription_id: int) -> WebhookSubscription:
    return services.find_subscription(subscription_id) or abort(404)


def _delivery_or_404(delivery_id: int) -> WebhookDelivery:
    return services.find_delivery(delivery_id) or abort(404)


@bp.route("")
@require_permission(ADMIN)
def index():
    return render_template(
        "webhooks/index.html", subscriptions=services.subscriptions(), failed=services.failed_counts()
    )


@bp.route("/new", methods=["GET", "POST"])
@require_permission(ADMIN)
def new():
    form = WebhookForm()
    if form.validate_on_submit():
        data = {"url": form.url.data, "events": form.events.data, "description": form.description.data}
        try:
            subscription, secret = services.create_subscription(data, user=current_user)
        except ValidationError as error:
            form.add_errors(error.errors)
        else:
            response = render_template("webhooks/created.html", subscription=subscription, secret=secret)
            return response, 201, {"Cache-Control": "no-store"}
    return render_template("webhooks/new.html", form=form)


@bp.route("/<int:subscription_id>")
@require_permission(ADMIN)
def show(subscription_id: int):
    subscription = _subscription_or_404(subscription_id)
    page = paginate(services.deliveries_query(subscription), parse_int(request.args.get("page"), 1), 50)
    return render_template("webhooks/show.html", subscription=subscription, page=page, form=ConfirmForm())


@bp.route("/<int:subscription_id>/delete", methods=["GET", "POST"])
@require_permission(ADMIN)
def delete(subscription_id: int):
    subscription = _subscription_or_404(subscription_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.delete_subscription(subscription, user=current_user)
        flash(f"The endpoint {subscription.url} is removed", "success")
        return redirect(url_for("webhooks.index"))
    return render_template("webhooks/delete.html", form=form, subscription=subscription)


@bp.route("/deliveries/<int:delivery_id>")
@require_permission(ADMIN)
def delivery(delivery_id: int):
    found = _delivery_or_404(delivery_id)
    return render_template("webhooks/delivery.html", delivery=found, form=ConfirmForm())


@bp.route("/deliveries/<int:delivery_id>/replay", methods=["POST"])
@require_permission(ADMIN)
def replay(delivery_id: int):
    found = _delivery_or_404(delivery_id)
    if ConfirmForm().validate_on_submit():
        try:
            services.replay_delivery(found, user=current_user)
        except ValidationError as error:
            flash(str(error), "error")
        else:
            flash("The delivery is being sent again", "success")
    return redirect(url_for("webhooks.delivery", delivery_id=found.id))
