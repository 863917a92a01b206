"""Configuration from the environment. The app factory picks a class by name."""

import os
from datetime import timedelta
from pathlib import Path

# The project folder: templates, static and instance sit beside the package.
BASE_DIR = Path(__file__).resolve().parent.parent
INSTANCE_DIR = BASE_DIR / "instance"


def _database_url(default: str) -> str:
    url = os.environ.get("DATABASE_URL", default)
    # Heroku-style URLs name the old driver; psycopg 3 is the one installed.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgres://")
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _count(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip() or str(default)
    if not value.isdigit():
        raise RuntimeError(f"{name} must be a whole number, like {default}, not {value!r}")
    return int(value)


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    SQLALCHEMY_DATABASE_URI = _database_url(f"sqlite:///{INSTANCE_DIR / 'engage.sqlite'}")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    REDIS_URL = os.environ.get("REDIS_URL") or None
    JOBS_QUEUE = os.environ.get("JOBS_QUEUE", "engage")  # the RQ queue `flask worker` serves
    SERVICE_NAME = "Engage"
    BASE_URL = os.environ.get("BASE_URL", "")  # Engage's own address (engage.engagements.links, reminder emails)
    TIMEZONE = "Europe/London"
    OWNER_CACHE_SECONDS = 60  # how long a process keeps who runs the public pages (engage.plans.queries.owner)
    PUBLIC_PAGE_CACHE_SECONDS = 10  # how long it keeps a consultation's page as most visitors see it (respond.show)

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)
    WTF_CSRF_TIME_LIMIT = None
    HSTS_SECONDS = 0  # Strict-Transport-Security is sent only when this is set (production: a year)

    MAX_CONTENT_LENGTH = 64 * 1024 * 1024
    IMPORT_MAX_ROWS = 100_000
    # Failed sign-ins in the window before more are refused (429): per account, and from one address (an office's
    # officers share one, so it allows more: one person's mistakes lock out only their own account).
    SIGN_IN_MAX_FAILURES = 10
    SIGN_IN_MAX_FAILURES_PER_ADDRESS = 100
    SIGN_IN_WINDOW_MINUTES = 15
    PASSWORD_RESET_LINK_MINUTES = _count("PASSWORD_RESET_LINK_MINUTES", 60)  # how long an emailed reset link works
    PASSWORD_RESET_RATE_LIMIT = os.environ.get("PASSWORD_RESET_RATE_LIMIT", "5 per minute")  # emails, per address

    # Final submissions of online responses from one address (Flask-Limiter syntax).
    CONSULT_SUBMIT_RATE_LIMIT = os.environ.get("CONSULT_SUBMIT_RATE_LIMIT", "20 per minute")
    # Saves of the about-you and representation pages (each can store a draft or a file) from one address.
    CONSULT_SAVE_RATE_LIMIT = os.environ.get("CONSULT_SAVE_RATE_LIMIT", "60 per minute")
    # How many reverse proxies in front of the app set X-Forwarded-For and X-Forwarded-Proto; 0 = trust neither.
    TRUSTED_PROXIES = _count("TRUSTED_PROXIES", 0)
    # Unsent online responses are deleted this many days after their consultation closes (`flask purge-drafts`).
    DRAFT_RETENTION_DAYS = _count("DRAFT_RETENTION_DAYS", 30)

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME") or None
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD") or None
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "false").lower() == "true"
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "engage@example.gov.uk")
    MAIL_SUPPRESS_SEND = os.environ.get("MAIL_SUPPRESS_SEND", "false").lower() == "true"
    # With Redis, an acknowledgement the mail server refuses is tried again after each of these (seconds), then
    # recorded as failed in the audit trail; inline it is tried once.
    ACKNOWLEDGEMENT_RETRY_AFTER = (60, 600, 3600)
    ACKNOWLEDGEMENT_BATCH_SECONDS = 1  # the worker's run starts this long after the response that wakes it
    # Webhooks: seconds to wait for an endpoint to answer, and (with Redis) the waits before each further attempt.
    WEBHOOK_TIMEOUT = 5
    WEBHOOK_RETRY_AFTER = (30, 300, 1800, 7200, 21600)
    # Without Redis, committed deliveries are sent by a thread of the serving process, so no answer waits for an
    # endpoint; tests turn this off to see the attempts as soon as the request returns.
    WEBHOOK_SEND_IN_BACKGROUND = True
    # Plain http and private or loopback addresses for webhook endpoints: honoured only with TESTING, for a test
    # receiver on 127.0.0.1 (engage.webhooks.addresses.allow_local); every other config refuses them.
    WEBHOOKS_ALLOW_LOCAL = False

    # Rate limits fail open: when their storage (Redis) cannot be reached, Flask-Limiter logs a warning and each
    # process counts in its own memory until Redis answers again; an error in the limiter never refuses a request.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    RATELIMIT_SWALLOW_ERRORS = True


class DevelopmentConfig(Config):
    DEBUG = False


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret"
    SQLALCHEMY_DATABASE_URI = _database_url("sqlite://")
    WTF_CSRF_ENABLED = False
    MAIL_SUPPRESS_SEND = True
    REDIS_URL = None
    CONSULT_SUBMIT_RATE_LIMIT = "10000 per minute"  # tests/consult/test_abuse.py lowers it to test the limit
    CONSULT_SAVE_RATE_LIMIT = "10000 per minute"  # and this one
    PASSWORD_RESET_RATE_LIMIT = "10000 per minute"
    WEBHOOK_SEND_IN_BACKGROUND = False  # tests/webhooks/test_background.py turns it on
    OWNER_CACHE_SECONDS = 0  # tests/respond/test_owner.py turns it on
    PUBLIC_PAGE_CACHE_SECONDS = 0  # and tests/respond/test_kept_page.py this one
    ACKNOWLEDGEMENT_BATCH_SECONDS = 0  # queued at once, for a burst worker (tests/respond/test_acknowledgement_queue)


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    HSTS_SECONDS = 365 * 24 * 60 * 60

    @classmethod
    def check(cls) -> None:
        """Refuse to start without the settings production cannot guess."""
        if not os.environ.get("SECRET_KEY"):
            raise RuntimeError("SECRET_KEY must be set in production")
        if not os.environ.get("DATABASE_URL"):
            raise RuntimeError("DATABASE_URL must be set in production")


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
