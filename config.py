"""Configuration classes, chosen by APP_CONFIG and read from environment variables."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
DEV_SECRET = "dev-only-secret-change-me"  # noqa: S105 - the placeholder production refuses


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _count(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()) or int(value) > 10:
        raise RuntimeError(f"{name} must be a whole number from 0 to 10, not {value!r}.")
    return int(value)


def database_url(value: str | None, default: str) -> str:
    """Accept the postgres:// spelling of hosting providers and pin the psycopg 3 driver."""
    url = value or default
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _languages(name: str, default: list[str]) -> list[str]:
    """A comma-separated list of language codes (English first whatever the order: it is the catalogue's source)."""
    raw = os.environ.get(name)
    codes = [c.strip() for c in raw.split(",") if c.strip()] if raw else default
    return ["en", *[c for c in codes if c != "en"]]


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET)
    SQLALCHEMY_DATABASE_URI = database_url(
        os.environ.get("DATABASE_URL"),
        f"sqlite:///{BASE_DIR / 'instance' / 'parliament_tracker.db'}",
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    BOOTSTRAP_SERVE_LOCAL = True
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "parliament_tracker" / "translations")
    # The languages offered (README "Languages"): each needs a catalogue in parliament_tracker/translations.
    LANGUAGES = _languages("LANGUAGES", ["en", "fr", "es", "ar"])
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_ENABLED = _bool("RATELIMIT_ENABLED", True)
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute")
    # Coordination questions paired per request and the overlaps' downloads, per client address
    # (dashboards/throttle.py): each costs up to seconds at ten times today's data.
    COORDINATION_RATE_LIMIT = os.environ.get("COORDINATION_RATE_LIMIT", "30 per minute")
    # Failed sign-ins to one account, from whatever address: slowed after 5 in a minute, held after 10 in a
    # quarter of an hour (README, "Sign-in throttling", says why these numbers).
    ACCOUNT_LOGIN_RATE_LIMIT = os.environ.get("ACCOUNT_LOGIN_RATE_LIMIT", "5 per minute; 10 per 15 minutes")
    # Reverse proxies in front that are trusted to set X-Forwarded-For/-Proto; 0: the headers are ignored.
    PROXY_HOPS = _count("PROXY_HOPS", 0)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # Uploaded spreadsheets above this size are refused with a 413 before they are read.
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_UPLOAD_MB", "25")) * 1024 * 1024
    # The spreadsheet import (activities/import_limits.py): data rows of one file (a ten-year history fits), a run
    # of empty rows after which a sheet is refused, and an XLSX's bounds checked before openpyxl parses it: the
    # unpacked size of its worksheet and of any other part (shared strings are held whole), and the packing ratio.
    IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "1000000"))
    IMPORT_MAX_EMPTY_ROWS = int(os.environ.get("IMPORT_MAX_EMPTY_ROWS", "1000"))
    IMPORT_XLSX_MAX_SHEET_MB = float(os.environ.get("IMPORT_XLSX_MAX_SHEET_MB", "600"))
    IMPORT_XLSX_MAX_PART_MB = float(os.environ.get("IMPORT_XLSX_MAX_PART_MB", "50"))
    IMPORT_XLSX_MAX_RATIO = float(os.environ.get("IMPORT_XLSX_MAX_RATIO", "100"))
    # Files of more rows than this are previewed and committed as background jobs (activities/import_jobs.py):
    # on RQ when IMPORT_QUEUE_URL names a Redis (production runs `rq worker imports`), else in a thread.
    IMPORT_BACKGROUND_ROWS = int(os.environ.get("IMPORT_BACKGROUND_ROWS", "5000"))
    IMPORT_QUEUE_URL = os.environ.get("IMPORT_QUEUE_URL") or None
    IMPORT_JOB_TIMEOUT = int(os.environ.get("IMPORT_JOB_TIMEOUT", "3600"))
    # Uploads, their previews' rows and their jobs' progress; the web and the worker processes must share it.
    IMPORT_DIR = os.environ.get("IMPORT_DIR") or None  # None: instance/imports
    # argon2id parameters (OWASP minimums are time_cost=2, memory_cost=19 MiB).
    PASSWORD_HASH = {"time_cost": 3, "memory_cost": 65536, "parallelism": 2}
    # The World Bank classification the registry's income groups come from.
    INCOME_GROUP_REFERENCE = "World Bank FY2026 (July 2025)"
    PAGE_SIZE = 50
    # The licence of the public data, stated in every export, the API's Link header and the data package.
    DATA_LICENCE = os.environ.get("DATA_LICENCE", "CC-BY-4.0")
    DATA_LICENCE_TITLE = os.environ.get("DATA_LICENCE_TITLE", "Creative Commons Attribution 4.0 International")
    DATA_LICENCE_URL = os.environ.get("DATA_LICENCE_URL", "https://creativecommons.org/licenses/by/4.0/")
    # The centre as an IATI publisher (reporting and implementing organisation of the IATI export). The default
    # identifier is a placeholder: set the one the centre registered with IATI (IATI organisation identifier).
    IATI_ORG_REF = os.environ.get("IATI_ORG_REF", "XI-IATI-GCICTP")
    IATI_ORG_NAME = os.environ.get("IATI_ORG_NAME", "Global Centre for ICT in Parliament")
    # IATI OrganisationType code: 40 is "Multilateral".
    IATI_ORG_TYPE = os.environ.get("IATI_ORG_TYPE", "40")
    # The coverage report cache (dashboards/cache.py): Redis when a URL is given, so that every worker and host
    # shares one cache; otherwise in-process. Entries are keyed by the data version, so they are never stale.
    CACHE_REDIS_URL = os.environ.get("CACHE_REDIS_URL") or os.environ.get("REDIS_URL")
    CACHE_TYPE = "RedisCache" if CACHE_REDIS_URL else "SimpleCache"
    CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "pt-coverage:")
    CACHE_DEFAULT_TIMEOUT = 24 * 3600
    CACHE_THRESHOLD = 512  # entries of the in-process cache
    LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
    # Outgoing mail. Without MAIL_SERVER every message is logged and written to MAIL_FILE_DIR as an .eml file.
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
    MAIL_USE_TLS = _bool("MAIL_USE_TLS", True)  # STARTTLS after connecting
    MAIL_USE_SSL = _bool("MAIL_USE_SSL", False)  # TLS from the first byte (port 465)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "parliament-tracker <no-reply@localhost>")
    MAIL_TIMEOUT = float(os.environ.get("MAIL_TIMEOUT", "10"))
    MAIL_MAX_ATTEMPTS = int(os.environ.get("MAIL_MAX_ATTEMPTS", "12"))
    # The name given in EHLO; without it smtplib asks DNS for this machine's name on every message, which can
    # outlast MAIL_TIMEOUT where reverse lookups are slow. Empty: the host of PUBLIC_URL.
    MAIL_EHLO_NAME = os.environ.get("MAIL_EHLO_NAME", "")
    MAIL_FILE_DIR = os.environ.get("MAIL_FILE_DIR", str(BASE_DIR / "instance" / "mail"))
    # Links in mail are built on this address, never on the Host header a request claims.
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:5000")
    PASSWORD_RESET_MAX_AGE = int(os.environ.get("PASSWORD_RESET_MAX_AGE", str(60 * 60)))
    INVITATION_MAX_AGE = int(os.environ.get("INVITATION_MAX_AGE", str(7 * 24 * 60 * 60)))
    PASSWORD_RESET_RATE_LIMIT = os.environ.get("PASSWORD_RESET_RATE_LIMIT", "5 per 15 minutes")

    @classmethod
    def check(cls) -> None:
        """Raise when the configuration is unsafe to run with."""


class DevelopmentConfig(Config):
    DEBUG = False


class TestingConfig(Config):
    TESTING = True
    SQLALCHEMY_DATABASE_URI = database_url(os.environ.get("TEST_DATABASE_URL"), "sqlite://")
    RATELIMIT_ENABLED = False
    RATELIMIT_STORAGE_URI = "memory://"
    # Cheap hashing keeps the suite fast; production keeps the slow parameters above.
    PASSWORD_HASH = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}
    SERVER_NAME = None
    MAIL_SERVER = ""
    MAIL_USE_TLS = False
    MAIL_TIMEOUT = 5.0
    MAIL_FILE_DIR = None  # a test that wants the files sets a folder of its own
    PUBLIC_URL = "http://localhost"
    CACHE_REDIS_URL, CACHE_TYPE = None, "SimpleCache"  # a test that needs Redis asks for it
    IMPORT_QUEUE_URL = None  # the same: tests/activities/test_import_jobs.py starts a worker


class ProductionConfig(Config):
    # Several gunicorn workers must share one count of sign-in attempts.
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6379/0")
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"

    @classmethod
    def check(cls) -> None:
        if not cls.SECRET_KEY or cls.SECRET_KEY == DEV_SECRET or len(cls.SECRET_KEY) < 32:
            raise RuntimeError("SECRET_KEY must be set to a random value of at least 32 characters in production.")
        if "DATABASE_URL" not in os.environ:
            raise RuntimeError("DATABASE_URL must be set in production.")


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def selected_config():
    """The configuration class named by APP_CONFIG (development by default)."""
    name = os.environ.get("APP_CONFIG", "development").strip().lower()
    if name not in CONFIGS:
        raise RuntimeError(f"APP_CONFIG must be one of {', '.join(CONFIGS)}, not {name!r}.")
    return CONFIGS[name]
