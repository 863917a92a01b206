"""Roles, permissions and the decorators every route declares itself with."""

from collections.abc import Callable
from functools import wraps

from flask import abort, request
from flask_login import current_user

from engage.extensions import login_manager

VIEW = "view"
EDIT = "edit"
ADMIN = "admin"

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": frozenset({VIEW, EDIT, ADMIN}),
    "officer": frozenset({VIEW, EDIT}),
    "viewer": frozenset({VIEW}),
}


def has_permission(user, permission: str) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return permission in ROLE_PERMISSIONS.get(user.role, frozenset())


def sent_bearer_token() -> bool:
    """Whether the request tried a token: a download with a revoked one is refused (401), not sent to sign in."""
    credentials = request.authorization
    return credentials is not None and credentials.type == "bearer"


def public(view: Callable) -> Callable:
    """Open to anyone, signed in or not."""
    view.permission = "public"
    return view


def require_permission(permission: str) -> Callable[[Callable], Callable]:
    """Signed-in users whose role grants `permission`; others are sent to sign in (pages) or refused (the API, and
    any request with a bearer token that did not authenticate)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                if request.blueprint == "api" or sent_bearer_token():
                    abort(401)
                return login_manager.unauthorized()
            if not has_permission(current_user, permission):
                abort(403)
            return view(*args, **kwargs)

        wrapped.permission = permission
        return wrapped

    return decorator
