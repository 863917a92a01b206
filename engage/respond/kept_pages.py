"""Public pages kept for the visitors they look the same to.

On deadline day most requests for a consultation's page and its first question page ("About you") come from people
who have not started a response, and every respondent opens a blank form for a new representation. Those pages are
the same for all of them but for the Content-Security-Policy nonce and the CSRF token, so each process keeps them
for PUBLIC_PAGE_CACHE_SECONDS (engage.common.kept; not in tests that do not turn it on), never past the moment the
consultation opens or closes, and puts each response's own nonce and token in. A visitor whose page would show
their own response in progress, who has a message waiting or who is signed in gets a page made for them. A commit
in this process that changes what the pages show forgets them at once; other processes' copies run out within the
time. The parts of the plan a respondent chooses from, and the words of its regulations, are kept the same way.
"""

from collections.abc import Callable
from datetime import datetime

from flask import g, session
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from engage.common.kept import Kept
from engage.consultations.parts import Outlined, outline
from engage.models import (
    Authority,
    Consultation,
    ConsultationDocument,
    FeedbackPublication,
    Part,
    Plan,
    PlanStage,
    Question,
    RegisterPublication,
    utcnow,
)
from engage.plans import wording
from engage.security import csp_nonce

# Stand for this response's nonce and token in a kept page: no page can hold a NUL (engage.common.validation).
NONCE, TOKEN = "\x00nonce\x00", "\x00token\x00"
_pages = Kept(
    "PUBLIC_PAGE_CACHE_SECONDS",
    (
        Consultation,
        Part,
        Question,
        ConsultationDocument,
        RegisterPublication,
        FeedbackPublication,
        Plan,
        PlanStage,
        Authority,
    ),
)


_parts = Kept("PUBLIC_PAGE_CACHE_SECONDS", (Part,))
_wordings = Kept("PUBLIC_PAGE_CACHE_SECONDS", (Plan,))


def parts(consultation: Consultation) -> tuple[Outlined, ...]:
    """The consultation's parts of the plan as the kept pages offer them, kept as long: what a respondent chooses
    from and sees named while they fill in their response. Sending it checks each choice against the parts as they
    are then (services.submit_draft), so a part removed meanwhile is reported, not recorded."""
    return _parts.get(consultation.id, lambda: outline(consultation.id))


def wording_of(consultation: Consultation) -> wording.Wording:
    """The words of the regulations the consultation's plan is prepared under (engage.plans.wording), kept like
    the pages: the form's co-operation question and the check page's name for it, without reading the plan."""
    if consultation.plan_id is None:
        return wording.for_plan(None)
    return _wordings.get(consultation.plan_id, lambda: wording.for_plan(consultation.plan))


def same_for_everyone(shows_their_draft: bool) -> bool:
    """Whether this visitor may be given the kept page: not when it would show their own response in progress,
    nor when a message waits for them or they are signed in."""
    return not shows_their_draft and "_flashes" not in session and not current_user.is_authenticated


def page(key: tuple, make: Callable[[], tuple[str, int, Consultation]]) -> tuple[str, int]:
    """The page `key` names as kept, or as `make()` renders it now (its HTML, status and consultation), with this
    response's nonce and CSRF token in it."""
    html, status, _ = _pages.get(key, lambda: _kept(*make()), until=lambda kept: kept[2])
    html = html.replace(NONCE, csp_nonce())
    return (html.replace(TOKEN, generate_csrf()) if TOKEN in html else html), status


def _kept(html: str, status: int, consultation: Consultation) -> tuple[str, int, datetime | None]:
    """The page with this request's nonce and token taken out, and when the consultation next opens or closes."""
    html = html.replace(csp_nonce(), NONCE)
    token = g.get("csrf_token")  # flask_wtf.csrf.generate_csrf keeps this request's token there
    if token:
        html = html.replace(token, TOKEN)
    moment = utcnow()
    changes = next((at for at in (consultation.opens_at, consultation.closes_at) if moment < at), None)
    return html, status, changes


def forget() -> None:
    _pages.forget()
    _parts.forget()
    _wordings.forget()
