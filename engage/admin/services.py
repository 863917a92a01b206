"""What administrators do with officer accounts: add one, change its name, role and authority, deactivate and
reactivate it, and turn off its two-factor authentication. The pages and the API call these, so one rule gives one
message everywhere.

A deactivated account cannot sign in, its open sessions end at once (engage.auth.sessions.load_user refuses an
inactive user on their next request) and its API tokens are revoked, so reactivating it brings none of them back.
Administrators cannot deactivate their own account or take away their own administrator role, and nobody can
deactivate or demote the last active administrator (two administrators removing each other at the same moment
included), so there is always someone left to manage users.
"""

import re

from sqlalchemy import select, update

from engage.auth import passwords, two_factor
from engage.auth import services as accounts
from engage.common import audit
from engage.common.ids import parse_id
from engage.common.schemas import is_storable
from engage.common.validation import EMAIL_MESSAGE, ValidationError, normalise_email
from engage.extensions import db
from engage.models import ApiToken, Authority, User, utcnow
from engage.vocab import Role

MAX_NAME = 200
MAX_EMAIL = 320
# Authorities an officer can belong to: the plan's partners and the county.
ASSIGNABLE_KINDS = ("partner", "county")
# Names are shown on pages and in the audit log: no NUL or other control characters (PostgreSQL refuses NUL).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
NAME_MESSAGE = "Full name must not include tabs, line breaks or other invisible characters"
LAST_ADMIN_MESSAGE = "There must be at least one active administrator. Make someone else an administrator first"


def find_user(user_id: int) -> User | None:
    return db.session.get(User, user_id) if parse_id(user_id) else None


def assignable_authorities() -> list[Authority]:
    query = select(Authority).where(Authority.kind.in_(ASSIGNABLE_KINDS)).order_by(Authority.name)
    return list(db.session.scalars(query))


def details(user: User) -> dict[str, str]:
    return {"name": user.name, "role": user.role, "authority": user.authority.code if user.authority else ""}


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _name_errors(name: str) -> list[str]:
    if not is_storable(name) or CONTROL_CHARACTERS.search(name):
        return [NAME_MESSAGE]
    return [f"Full name must be {MAX_NAME} characters or fewer"] if len(name) > MAX_NAME else []


def _account_errors(name, role, authority_code) -> tuple[dict[str, list[str]], Authority | None]:
    """What is wrong with a name, role and authority code, by field, and the authority when it is one to choose."""
    errors: dict[str, list[str]] = {}
    if message := _name_errors(name if isinstance(name, str) else ""):
        errors["name"] = message
    if _text(role).lower() not in Role.values():
        errors["role"] = ["Select a role"]
    code, authority = _text(authority_code).upper(), None
    if not code:
        errors["authority"] = ["Select an authority"]
    elif is_storable(code):
        authority = db.session.scalar(
            select(Authority).where(Authority.code == code, Authority.kind.in_(ASSIGNABLE_KINDS))
        )
    if code and authority is None:
        errors["authority"] = ["Select an authority from the list"]
    return errors, authority


def _email(value) -> tuple[str, list[str]]:
    email = _text(value)
    if not email:
        return "", ["Enter an email address"]
    normalised = normalise_email(email) if is_storable(email) and len(email) <= MAX_EMAIL else None
    if normalised is None:
        return "", [EMAIL_MESSAGE]
    if accounts.find_user(normalised.lower()) is not None:
        return "", [f"A user with the email {normalised.lower()} already exists"]
    return normalised.lower(), []


def add_user_from_command(email, name, role, authority_code, password) -> tuple[User, str]:
    """`flask create-user`: the same checks as the pages, except that the authority may be left out (the first
    administrator is made before any authority exists) and the password may be given, in which case it must meet
    the password rules and is not temporary."""
    address, email_errors = _email(email)
    errors, authority = _account_errors(name, role, authority_code or "-")
    if not authority_code:
        errors.pop("authority", None)
    if email_errors:
        errors = {"email": email_errors, **errors}
    if password and (problems := passwords.password_errors(address, password)):
        errors["password"] = [message for messages in problems.values() for message in messages]
    if errors:
        raise ValidationError(errors)
    code = authority.code if authority else None
    try:
        return accounts.create_user(address, _text(role).lower(), code, password, name=_text(name))
    except accounts.AccountError as error:
        raise ValidationError({"email": [str(error)]}) from error


def add_user(admin: User, email, name, role, authority_code) -> tuple[User, str]:
    """A new officer account with a temporary password, which they must change when they first sign in; returns
    (user, password). The password is for the administrator to hand over once: it is never stored or logged."""
    address, email_errors = _email(email)
    errors, authority = _account_errors(name, role, authority_code)
    if email_errors:
        errors = {"email": email_errors, **errors}
    if errors:
        raise ValidationError(errors)
    try:
        return accounts.create_user(address, _text(role).lower(), authority.code, name=_text(name), by=admin)
    except accounts.AccountError as error:  # another request added the address a moment ago
        raise ValidationError({"email": [str(error)]}) from error


def _another_admin_stays(user: User) -> bool:
    """Whether an active administrator other than `user` remains. The administrators' rows stay locked until the
    commit (on PostgreSQL; SQLite lets one transaction write at a time), so two removals cannot both pass."""
    admins = select(User.id).where(User.role == Role.ADMIN, User.active.is_(True)).order_by(User.id).with_for_update()
    return any(admin_id != user.id for admin_id in db.session.scalars(admins))


def update_user(admin: User, user: User, name, role, authority_code) -> None:
    """Change the account's name, role and authority, with what changed in the audit trail."""
    errors, authority = _account_errors(name, role, authority_code)
    role = _text(role).lower()
    if "role" not in errors and user.id == admin.id and role != Role.ADMIN:
        errors["role"] = ["You cannot remove your own administrator role. Ask another administrator"]
    demoted = user.role == Role.ADMIN and user.active and role != Role.ADMIN
    if not errors and demoted and not _another_admin_stays(user):
        errors["role"] = [LAST_ADMIN_MESSAGE]
    if errors:
        raise ValidationError(errors)
    before = details(user)
    user.name, user.role, user.authority = _text(name), role, authority
    changes = audit.diff(before, details(user))
    if changes:
        audit.record("update", "user", user.id, f"Changed {', '.join(changes)}", user=admin, changes=changes)
    db.session.commit()


def deactivate_user(admin: User, user: User) -> None:
    if user.id == admin.id:
        raise ValidationError({"user": ["You cannot deactivate your own account"]})
    if not user.active:
        return
    if user.role == Role.ADMIN and not _another_admin_stays(user):
        raise ValidationError({"user": [LAST_ADMIN_MESSAGE]})
    now = utcnow()
    revoked = db.session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    user.active = False
    summary = "Deactivated the account"
    if revoked:
        summary += f" and revoked {revoked} API token{'' if revoked == 1 else 's'}"
    audit.record("deactivate", "user", user.id, summary, user=admin)
    db.session.commit()


def reactivate_user(admin: User, user: User) -> None:
    if user.active:
        return
    user.active = True
    audit.record("reactivate", "user", user.id, "Reactivated the account", user=admin)
    db.session.commit()


def turn_off_two_factor(admin: User, user: User) -> None:
    """For a user who lost the phone with their authenticator app; they can set it up again from their account."""
    if user.two_factor:
        two_factor.turn_off(user, None, by=admin)
