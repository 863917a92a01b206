"""API tokens as the API shows them to their owner: never the token itself, which is shown once when made."""

from pydantic import Field

from engage.common.schemas import LondonDateTime, Output


class ApiToken(Output):
    """One of your API tokens."""

    id: int
    name: str
    prefix: str = Field(description="The token's first characters, to tell it apart")
    created_at: LondonDateTime
    last_used_at: LondonDateTime | None
    revoked_at: LondonDateTime | None = Field(description="When it stopped working; null while it works")
