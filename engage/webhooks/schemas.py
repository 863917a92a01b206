"""Webhooks in the API: endpoints (subscriptions), their deliveries and each delivery's attempts."""

from typing import Literal

from pydantic import AliasPath, Field

from engage.common.schemas import Input, LondonDateTime, Output, Text, texts_of
from engage.vocab import DeliveryStatus, WebhookEventType

EVENT_TYPE = "representation.created, consultation.published, consultation.closed, engagement.held or scg.signed"


class WebhookSubscription(Output):
    """An HTTPS endpoint that is sent the events it asked for, signed with its secret."""

    id: int
    url: str = Field(examples=["https://example.org/engage-events"])
    description: str
    events: list[Literal[WebhookEventType.values()]]
    created_at: LondonDateTime


class NewWebhookSubscription(WebhookSubscription):
    """The endpoint just added, with its signing secret: the only time the secret is shown."""

    secret: str = Field(
        description=(
            "Signs every delivery: the header Engage-Signature is t=<unix time>,v1=<hex HMAC-SHA256 with this secret"
            " over '<unix time>.<body>'>"
        )
    )


class WebhookSubscriptionInput(Input):
    """A new endpoint: an https:// address on the public internet and the events to send it."""

    output = WebhookSubscription
    required = ("url", "events")

    url: Text | None = Field(None, json_schema_extra={"maxLength": 2000, "format": "uri"})
    events: texts_of(WebhookEventType.values()) | None = None
    description: Text | None = Field(None, json_schema_extra={"maxLength": 200})


class WebhookAttempt(Output):
    """One try at sending a delivery."""

    attempted_at: LondonDateTime
    status_code: int | None = Field(description="The endpoint's answer; null when it could not be reached")
    error: str = Field(description="Why the attempt failed; empty when the endpoint accepted it")
    duration_ms: int


class WebhookDelivery(Output):
    """One event sent to one endpoint, with every attempt."""

    id: int
    subscription: int = Field(validation_alias="subscription_id")
    event: Literal[WebhookEventType.values()] = Field(validation_alias=AliasPath("event", "type"))
    event_id: str = Field(validation_alias=AliasPath("event", "uid"), description="Sent as Engage-Event-Id")
    status: Literal[DeliveryStatus.values()]
    attempt_count: int
    created_at: LondonDateTime
    last_attempt_at: LondonDateTime | None
    delivered_at: LondonDateTime | None
    attempts: list[WebhookAttempt]
