"""Webhooks: administrators list, add and remove endpoints, see their deliveries and send one again."""

from flask import jsonify
from flask_login import current_user

from engage import models
from engage.api import bp, spec
from engage.api.http import find_or_404, paginated_response, parse_json_body
from engage.api.idempotency import idempotent
from engage.permissions import ADMIN, require_permission
from engage.webhooks import services
from engage.webhooks.schemas import (
    NewWebhookSubscription,
    WebhookDelivery,
    WebhookSubscription,
    WebhookSubscriptionInput,
)


@bp.get("/webhooks")
@require_permission(ADMIN)
def list_webhooks():
    return paginated_response(services.subscriptions_query(), WebhookSubscription)


@bp.post("/webhooks")
@require_permission(ADMIN)
@idempotent
def create_webhook():
    subscription, secret = services.create_subscription(parse_json_body(WebhookSubscriptionInput), user=current_user)
    return jsonify(NewWebhookSubscription.of(subscription, secret=secret).model_dump(mode="json")), 201


@bp.delete("/webhooks/<int:subscription_id>")
@require_permission(ADMIN)
@idempotent
def delete_webhook(subscription_id: int):
    subscription = find_or_404(models.WebhookSubscription, subscription_id, "webhook")
    services.delete_subscription(subscription, user=current_user)
    return "", 204


@bp.get("/webhooks/<int:subscription_id>/deliveries")
@require_permission(ADMIN)
def list_webhook_deliveries(subscription_id: int):
    subscription = find_or_404(models.WebhookSubscription, subscription_id, "webhook")
    return paginated_response(services.deliveries_query(subscription), WebhookDelivery)


@bp.post("/webhook-deliveries/<int:delivery_id>/replay")
@require_permission(ADMIN)
@idempotent
def replay_webhook_delivery(delivery_id: int):
    delivery = find_or_404(models.WebhookDelivery, delivery_id, "webhook delivery")
    services.replay_delivery(delivery, user=current_user)
    return jsonify(WebhookDelivery.serialise(delivery)), 202


SIGNING = (
    " Each delivery is a POST of the event as JSON ({id, type, created_at, data}) with the headers Engage-Event,"
    " Engage-Event-Id and Engage-Signature: t=<unix time>,v1=<hex HMAC-SHA256 with the secret over"
    " '<unix time>.<body>'>."
)

spec.document(
    tag=("Webhooks", "Endpoints that are sent signed events, and their deliveries (administrators only)"),
    paths={
        "/webhooks": {
            "get": {
                "summary": "List webhook endpoints",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(WebhookSubscription),
            },
            "post": {
                "summary": "Add a webhook endpoint",
                "description": (
                    "The address must start with https:// and its host must resolve only to public addresses (not"
                    " private, loopback, link-local or reserved); otherwise a 422 and nothing is saved. The answer"
                    " holds the signing secret, which is never shown again." + SIGNING
                ),
                "requestBody": spec.json_body(WebhookSubscriptionInput),
                "responses": spec.responds(NewWebhookSubscription, 201, "Added"),
            },
        },
        "/webhooks/{subscription_id}": {
            "delete": {
                "summary": "Remove a webhook endpoint",
                "description": "Its deliveries and their log are removed with it.",
                "responses": {"204": {"description": "Removed"}},
            },
        },
        "/webhooks/{subscription_id}/deliveries": {
            "get": {
                "summary": "List an endpoint's deliveries, newest first, with every attempt",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(WebhookDelivery),
            },
        },
        "/webhook-deliveries/{delivery_id}/replay": {
            "post": {
                "summary": "Send a delivery again",
                "description": "With the same event id and body, and a new signature; the attempt is logged.",
                "responses": spec.responds(WebhookDelivery, 202, "Queued"),
            },
        },
    },
)
