"""Officer accounts, for administrators: list, add, read and change them, deactivate and reactivate them, and turn
off their two-factor authentication, over engage.admin.services as the user pages."""

from flask import jsonify
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage.admin import services
from engage.admin.schemas import NewUser, User, UserChanges, UserInput
from engage.api import bp, spec
from engage.api.http import Problem, paginated_response, parse_json_body, query_arg
from engage.api.idempotency import idempotent
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import Authority
from engage.models import User as UserRow
from engage.permissions import ADMIN, require_permission
from engage.vocab import Role

ACTIVE = {"true": True, "false": False}


def _user(user_id: int) -> UserRow:
    user = services.find_user(user_id)
    if user is None:
        raise Problem(404, f"There is no user with the id {user_id}")
    return user


def _filtered(query):
    """The list's filters from the query string: role, authority (code) and active; anything unknown is a 422."""
    role, code, active = query_arg("role").lower(), query_arg("authority").upper(), query_arg("active").lower()
    errors: dict[str, list[str]] = {}
    if role and role not in Role.values():
        errors["role"] = [f"Role must be one of {', '.join(Role.values())}"]
    if code and db.session.scalar(select(Authority.id).where(Authority.code == code)) is None:
        errors["authority"] = [f"There is no authority with the code ‘{code}’"]
    if active and active not in ACTIVE:
        errors["active"] = ["Active must be true or false"]
    if errors:
        raise ValidationError(errors)
    if role:
        query = query.where(UserRow.role == role)
    if code:
        query = query.join(UserRow.authority).where(Authority.code == code)
    if active:
        query = query.where(UserRow.active.is_(ACTIVE[active]))
    return query


@bp.get("/users")
@require_permission(ADMIN)
def list_users():
    query = select(UserRow).options(selectinload(UserRow.authority)).order_by(UserRow.email, UserRow.id)
    return paginated_response(_filtered(query), User)


@bp.post("/users")
@require_permission(ADMIN)
@idempotent(not_kept=("temporary_password",))
def create_user():
    data = parse_json_body(UserInput)
    user, password = services.add_user(
        current_user, data.get("email"), data.get("name"), data.get("role"), data.get("authority")
    )
    response = jsonify(NewUser.of(user, temporary_password=password).model_dump(mode="json"))
    response.status_code = 201
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/users/<int:user_id>")
@require_permission(ADMIN)
def show_user(user_id: int):
    return jsonify(User.serialise(_user(user_id)))


@bp.patch("/users/<int:user_id>")
@require_permission(ADMIN)
@idempotent
def update_user(user_id: int):
    """The service takes the whole account: the fields sent over the account as it is."""
    user = _user(user_id)
    data = {**services.details(user), **parse_json_body(UserChanges)}
    services.update_user(current_user, user, data["name"], data["role"], data["authority"])
    return jsonify(User.serialise(user))


@bp.post("/users/<int:user_id>/deactivate")
@require_permission(ADMIN)
@idempotent
def deactivate_user(user_id: int):
    user = _user(user_id)
    services.deactivate_user(current_user, user)
    return jsonify(User.serialise(user))


@bp.post("/users/<int:user_id>/reactivate")
@require_permission(ADMIN)
@idempotent
def reactivate_user(user_id: int):
    user = _user(user_id)
    services.reactivate_user(current_user, user)
    return jsonify(User.serialise(user))


@bp.post("/users/<int:user_id>/two-factor/turn-off")
@require_permission(ADMIN)
@idempotent
def turn_off_two_factor(user_id: int):
    user = _user(user_id)
    services.turn_off_two_factor(current_user, user)
    return jsonify(User.serialise(user))


ONE = {"responses": spec.responds(User)}
RULES = (
    " A role (`admin`, `officer` or `viewer`) and the code of a partner authority or the county. You cannot take"
    " away your own administrator role."
)

spec.document(
    tag=("Users", "Officer accounts, for administrators"),
    paths={
        "/users": {
            "get": {
                "summary": "List officer accounts by email address",
                "description": "Administrators only.",
                "parameters": [
                    *spec.PAGE_PARAMETERS,
                    spec.query("role", "Only this role", {"type": "string", "enum": Role.values()}),
                    spec.query("authority", "Only this authority's officers (its code, e.g. WBC)"),
                    spec.query("active", "true or false", {"type": "string", "enum": ["true", "false"]}),
                ],
                "responses": spec.page_of(User),
            },
            "post": {
                "summary": "Add an officer account",
                "description": "An email address no other account has, in any case; a full name (the email's first"
                " part when not given);" + RULES + " The answer holds a temporary password to hand over to the"
                " user, once: it is not stored, and they must change it when they first sign in.",
                "requestBody": spec.json_body(UserInput),
                "responses": spec.responds(NewUser, 201, "Added"),
            },
        },
        "/users/{user_id}": {
            "get": {"summary": "Get an officer account", **ONE},
            "patch": {
                "summary": "Change an officer account's name, role or authority",
                "description": "Only the fields sent change; the email address cannot." + RULES,
                "requestBody": spec.json_body(UserChanges),
                **ONE,
            },
        },
        "/users/{user_id}/deactivate": {
            "post": {
                "summary": "Deactivate an officer account",
                "description": "They cannot sign in, their open sessions end at once and their API tokens are"
                " revoked (reactivating brings none back). Not your own account. Deactivating a deactivated account"
                " changes nothing. No body.",
                **ONE,
            },
        },
        "/users/{user_id}/reactivate": {
            "post": {
                "summary": "Reactivate an officer account",
                "description": "They can sign in again with their password; their old API tokens stay revoked."
                " Reactivating an active account changes nothing. No body.",
                **ONE,
            },
        },
        "/users/{user_id}/two-factor/turn-off": {
            "post": {
                "summary": "Turn off an officer's two-factor authentication",
                "description": "For someone who lost the phone with their authenticator app: they sign in with"
                " their password alone until they set it up again from their account page. No body.",
                **ONE,
            },
        },
    },
)
