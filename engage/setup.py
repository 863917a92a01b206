"""The small register_* helpers create_app() calls."""

import logging

from flask import Flask
from flask.logging import default_handler
from flask.templating import Environment as FlaskEnvironment
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from werkzeug.middleware.proxy_fix import ProxyFix

from engage.extensions import csrf, db, limiter, login_manager, migrate


class Environment(FlaskEnvironment):
    """Flask's Jinja environment, except that each template's globals are a plain dict (the environment's globals
    as they are when the template loads, plus its own) instead of Jinja's ChainMap over the two. On every
    `{% from ... import ... %}` (26 on the check-your-answers page) Jinja compares the importing context's global
    names with the imported template's, and over a ChainMap that is a Python-level lookup per name; with a dict it
    is one C set operation (Python function calls on that page: 18,440 -> 15,506). Every global is registered while
    create_app() runs, before any template loads; Jinja's documentation already says not to change globals after."""

    def make_globals(self, d):
        return {**self.globals, **(d or {})}


def register_extensions(app: Flask) -> None:
    from engage import models  # noqa: F401  (the whole schema, for Alembic)
    from engage.auth.services import load_user_from_request
    from engage.auth.sessions import load_user

    app.jinja_environment = Environment  # before csrf.init_app creates app.jinja_env to add its globals
    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.root_path + "/../migrations"), render_as_batch=True)
    csrf.init_app(app)
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    if app.config["RATELIMIT_STORAGE_URI"].startswith(("redis://", "rediss://")):  # a Redis that does not answer
        app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"socket_connect_timeout": 1, "socket_timeout": 1})
    limiter.init_app(app)
    show_rate_limit_warnings()
    warn_if_rate_limits_are_per_process(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to see this page"
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)
    login_manager.request_loader(load_user_from_request)
    WTFormsHelpers(app)


def show_rate_limit_warnings() -> None:
    """Flask-Limiter says on its own logger when its storage (Redis) cannot be reached and it counts in memory
    instead, but that logger only has a NullHandler, so nothing shows unless logging is configured. When it is not,
    show those warnings where Flask shows the app's own."""
    limiter_log = logging.getLogger("flask-limiter")
    if not logging.getLogger().handlers and default_handler not in limiter_log.handlers:
        limiter_log.addHandler(default_handler)


def warn_if_rate_limits_are_per_process(app: Flask) -> None:
    """In production (secure cookies, not testing) with the limiter counting in memory, each gunicorn worker keeps
    its own counts, so one address may send the limit times the number of workers. Say so once, at startup."""
    per_process = app.config["RATELIMIT_STORAGE_URI"].startswith("memory://")
    if per_process and app.config.get("SESSION_COOKIE_SECURE") and not app.testing:
        app.logger.warning(
            "Rate limits are counted per process (REDIS_URL is not set): each gunicorn worker allows the full "
            "limit, so one address can send %s times the number of workers. Set REDIS_URL (or "
            "RATELIMIT_STORAGE_URI) so that every worker shares one count.",
            app.config.get("CONSULT_SUBMIT_RATE_LIMIT"),
        )


def register_proxy_fix(app: Flask) -> None:
    """Behind TRUSTED_PROXIES reverse proxies, take the client's address (so each visitor has a rate-limit count of
    their own, not the proxy's) and scheme from the X-Forwarded-For and X-Forwarded-Proto they set. With 0 the
    headers are ignored, as anyone could send them."""
    proxies = app.config.get("TRUSTED_PROXIES", 0)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)


def register_security_headers(app: Flask) -> None:
    from engage import security

    security.register(app)


def register_templates(app: Flask) -> None:
    from engage import filters

    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(app.template_folder),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    filters.register(app)


def compile_templates(app: Flask) -> int:
    """Compile every template into the Jinja cache now; returns how many. gunicorn calls it in the master process
    (gunicorn.conf.py, with preload_app), so each forked worker starts with about 150 compiled templates instead
    of spending seconds of CPU compiling them on its first requests."""
    names = app.jinja_env.list_templates()
    for name in names:
        app.jinja_env.get_template(name)
    return len(names)


def register_converters(app: Flask) -> None:
    """Every `<int:...>` in a route is a row id from 1 to 2^31 - 1 (engage.common.ids): a larger, zero or negative
    number is a 404 before any view runs. Registered before the blueprints, whose rules look the converter up."""
    from engage.common.ids import IdConverter

    app.url_map.converters["int"] = IdConverter


def register_input_guards(app: Flask) -> None:
    """Unreadable characters in a web address are refused before any view runs (engage.common.forms)."""
    from engage.common.forms import refuse_unreadable_address

    app.before_request(refuse_unreadable_address)


def register_blueprints(app: Flask) -> None:
    from engage.actions import bp as actions_bp
    from engage.admin import bp as admin_bp
    from engage.api import bp as api_bp
    from engage.auth import bp as auth_bp
    from engage.campaigns import bp as campaigns_bp
    from engage.consultations import bp as consultations_bp
    from engage.engagements import bp as engagements_bp
    from engage.evidence import bp as evidence_bp
    from engage.main import bp as main_bp
    from engage.notifications import bp as notifications_bp
    from engage.personal_data import bp as personal_data_bp
    from engage.plans import bp as plans_bp
    from engage.redaction import bp as redaction_bp
    from engage.respond import bp as respond_bp
    from engage.stakeholders import bp as stakeholders_bp
    from engage.strategy import bp as strategy_bp
    from engage.themes import bp as themes_bp
    from engage.webhooks import bp as webhooks_bp

    for blueprint in (main_bp, auth_bp, stakeholders_bp, admin_bp, consultations_bp, respond_bp, evidence_bp):
        app.register_blueprint(blueprint)
    for blueprint in (engagements_bp, actions_bp, strategy_bp, plans_bp, webhooks_bp, themes_bp, redaction_bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(campaigns_bp)
    app.register_blueprint(notifications_bp)
    app.register_blueprint(personal_data_bp)
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)


def register_errors(app: Flask) -> None:
    from engage.errors import register

    register(app)


def register_commands(app: Flask) -> None:
    from engage.cli import register

    register(app)


def register_outbox(app: Flask) -> None:
    """Queue the webhook deliveries a request or command committed when its app context ends. Called last: teardown
    functions run in reverse order, so this runs before the session is removed."""
    from engage.webhooks import outbox

    outbox.register(app)
