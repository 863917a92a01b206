"""What administrators change about officer accounts: name, role and authority; deactivating and reactivating.

A deactivated account cannot sign in, its open sessions end at once (engage.auth.sessions.load_user refuses an
inactive user on their next request) and its API tokens are revoked, so reactivating it brings none of them back.
Administrators cannot deactivate their own account or take away their own administrator role, so there is always
someone left to manage users.
"""

from sqlalchemy import select, update

from engage.common import audit
from engage.common.ids import parse_id
from engage.common.validation import ValidationError
from engage.extensions import db
from engage.models import ApiToken, Authority, User, utcnow


def find_user(user_id: int) -> User | None:
    return db.session.get(User, user_id) if parse_id(user_id) else None


def details(user: User) -> dict[str, str]:
    return {"name": user.name, "role": user.role, "authority": user.authority.code if user.authority else ""}


def update_user(admin: User, user: User, name: str, role: str, authority_code: str) -> None:
    """Change the account's name, role and authority, with what changed in the audit trail."""
    if user.id == admin.id and role != "admin":
        raise ValidationError({"role": ["You cannot remove your own administrator role. Ask another administrator"]})
    authority = db.session.scalar(select(Authority).where(Authority.code == authority_code))
    if authority is None:
        raise ValidationError({"authority": ["Select an authority"]})
    before = details(user)
    user.name, user.role, user.authority = name.strip(), role, authority
    changes = audit.diff(before, details(user))
    if changes:
        audit.record("update", "user", user.id, f"Changed {', '.join(changes)}", user=admin, changes=changes)
    db.session.commit()


def deactivate_user(admin: User, user: User) -> None:
    if user.id == admin.id:
        raise ValidationError({"user": ["You cannot deactivate your own account"]})
    if not user.active:
        return
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
