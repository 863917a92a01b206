"""Your own API tokens: list them and revoke one, as on the account page (engage.auth.services). A token is made on
the account page or with `flask create-token`, not here: a token that leaked must not be able to make more."""

from flask import jsonify
from flask_login import current_user
from sqlalchemy import select

from engage.api import bp, spec
from engage.api.http import Problem, paginated_response
from engage.api.idempotency import idempotent
from engage.auth import services as accounts
from engage.auth.schemas import ApiToken
from engage.common.schemas import MAX_ID
from engage.extensions import db
from engage.models import ApiToken as TokenRow
from engage.permissions import VIEW, require_permission


def _own(token_id: int) -> TokenRow:
    token = db.session.scalar(
        select(TokenRow).where(TokenRow.id == token_id, TokenRow.user_id == current_user.id)
    ) if token_id <= MAX_ID else None  # fmt: skip
    if token is None:
        raise Problem(404, f"You have no API token with the id {token_id}")
    return token


@bp.get("/tokens")
@require_permission(VIEW)
def list_tokens():
    query = select(TokenRow).where(TokenRow.user_id == current_user.id).order_by(TokenRow.id.desc())
    return paginated_response(query, ApiToken)


@bp.delete("/tokens/<int:token_id>")
@require_permission(VIEW)
@idempotent
def revoke_token(token_id: int):
    token = _own(token_id)
    accounts.revoke_token(current_user, token.id)
    return jsonify(ApiToken.serialise(token))


spec.document(
    tag=("API tokens", "Your own tokens: see them and revoke one"),
    paths={
        "/tokens": {
            "get": {
                "summary": "List your API tokens, newest first",
                "description": "Never the tokens themselves: make one on the account page or with"
                " `flask create-token EMAIL`.",
                "parameters": spec.PAGE_PARAMETERS,
                "responses": spec.page_of(ApiToken),
            },
        },
        "/tokens/{token_id}": {
            "delete": {
                "summary": "Revoke one of your API tokens",
                "description": "It stops working at once (revoking the token this request uses is allowed)."
                " Revoking a revoked token changes nothing.",
                "responses": spec.responds(ApiToken, 200, "Revoked"),
            },
        },
    },
)
