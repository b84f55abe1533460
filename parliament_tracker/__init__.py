"""parliament-tracker: the application factory and its register_* steps."""

import logging
import sys
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

from config import selected_config
from parliament_tracker.extensions import babel, bootstrap, cache, csrf, db, limiter, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(config_class=None) -> Flask:
    config_class = config_class or selected_config()
    config_class.check()
    app = Flask(__name__, template_folder=str(ROOT / "templates"), instance_path=str(ROOT / "instance"))
    app.config.from_object(config_class)
    app.url_map.converters["int"] = DatabaseIntConverter
    register_proxies(app)
    register_logging(app)
    register_extensions(app)
    register_blueprints(app)
    register_commands(app)
    register_errorhandlers(app)
    return app


class DatabaseIntConverter(IntegerConverter):
    """<int:...> in every route: a number beyond the database's integer range is a 404, not a 500."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(url_map, *args, **kwargs)


def register_proxies(app: Flask) -> None:
    """The client address (for throttling) and scheme come from X-Forwarded-* only when PROXY_HOPS trusted proxies
    set them: without a proxy, anyone could write the header and choose their own throttling bucket."""
    hops = app.config.get("PROXY_HOPS") or 0
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


def register_logging(app: Flask) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    app.logger.handlers[:] = [handler]
    app.logger.setLevel(app.config["LOG_LEVEL"])


def register_extensions(app: Flask) -> None:
    import parliament_tracker.dashboards.upkeep  # noqa: F401  (the session hooks that keep coverage numbers true)
    import parliament_tracker.data_version  # noqa: F401  (the session hooks that replace the data version)
    import parliament_tracker.models  # noqa: F401  (every table on the metadata)
    from parliament_tracker.auth.services import load_user
    from parliament_tracker.auth.tokens import load_user_from_request
    from parliament_tracker.database import sqlite_pragmas
    from parliament_tracker.i18n import install_template_gettext, remember_asked_language, select_locale
    from parliament_tracker.mail.outbox import register_delivery
    from parliament_tracker.navigation import register_template_globals
    from parliament_tracker.security import register_security

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        Path(app.instance_path).mkdir(exist_ok=True)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.request_loader(load_user_from_request)
    login_manager.login_view = "auth.login"
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale)
    install_template_gettext(app)
    app.after_request(remember_asked_language)
    bootstrap.init_app(app)
    cache.init_app(app)
    register_security(app)
    register_template_globals(app)
    register_delivery(app)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            event.listen(db.engine, "connect", sqlite_pragmas)


def register_blueprints(app: Flask) -> None:
    from parliament_tracker.activities.views import bp as activities_bp
    from parliament_tracker.api import bp as api_bp
    from parliament_tracker.api.docs import bp as apidocs_bp
    from parliament_tracker.api.spec import openapi
    from parliament_tracker.auth.views import bp as auth_bp
    from parliament_tracker.chambers.views import bp as chambers_bp
    from parliament_tracker.dashboards.views import bp as dashboards_bp
    from parliament_tracker.mail.views import bp as mail_bp
    from parliament_tracker.notices.views import bp as notices_bp
    from parliament_tracker.opendata.views import api_bp as opendata_api_bp
    from parliament_tracker.organisations.views import bp as organisations_bp
    from parliament_tracker.profiles.views import bp as profiles_bp

    for blueprint in (auth_bp, chambers_bp, activities_bp, dashboards_bp, profiles_bp, apidocs_bp, mail_bp,
                      notices_bp, organisations_bp):
        app.register_blueprint(blueprint)
    # the API's routes through flask-smorest, which puts each of them in the OpenAPI document (api/spec.py)
    openapi.init_app(app)
    openapi.register_blueprint(api_bp)
    openapi.register_blueprint(opendata_api_bp)


def register_commands(app: Flask) -> None:
    from parliament_tracker.activities.cli import activities_cli, aliases_cli
    from parliament_tracker.auth.cli import tokens_cli, users_cli
    from parliament_tracker.chambers.cli import registry_cli
    from parliament_tracker.dashboards.cli import coverage_cli
    from parliament_tracker.mail.cli import mail_cli
    from parliament_tracker.notices import cli as notices_cli  # noqa: F401  (adds flask mail send-digests)
    from parliament_tracker.organisations.cli import organisations_cli
    from parliament_tracker.profiles.cli import demo_cli

    for group in (registry_cli, users_cli, tokens_cli, activities_cli, demo_cli, coverage_cli, aliases_cli, mail_cli,
                  organisations_cli):
        app.cli.add_command(group)


def register_errorhandlers(app: Flask) -> None:
    from parliament_tracker.errors import register_errors

    register_errors(app)
