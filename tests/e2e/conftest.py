"""Browser tests: one headless Chromium (Debian's, via Playwright) and one live server for the session.

Without Chromium they are skipped with a visible reason; under CI=true they are required.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from parliament_tracker import create_app
from parliament_tracker.extensions import db
from tests import factories
from tests.databases import SqliteTemplate, config_for, make_template

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def _browser_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (make test installs it)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _browser_missing()
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.e2e)
            if reason and os.environ.get("CI") != "true":
                item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """An app on its own database (separate from the per-test databases), served on a free local port."""
    template = make_template(tmp_path_factory.mktemp("e2e-db"))
    url = template.fresh_url()
    app = create_app(config_for(url))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.config["LIVE_URL"] = f"http://127.0.0.1:{server.server_port}"
    yield app
    server.shutdown()
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
    template.reset(url)
    template.close()


@pytest.fixture(scope="session")
def live_url(live_app) -> str:
    return live_app.config["LIVE_URL"]


@pytest.fixture
def live_db(live_app):
    """An app context on the live server's database, for arranging rows with the factories."""
    with live_app.app_context():
        yield live_app
        db.session.remove()


@pytest.fixture(scope="session")
def demo_app(tmp_path_factory):
    """A server on its own SQLite database holding the registry and the demo history (2005-2015), shared by the
    layout and the language tests (loading the demo costs seconds)."""
    from parliament_tracker.activities.demo import load_demo
    from parliament_tracker.chambers.income_history import load_income_history
    from parliament_tracker.chambers.loader import load_registry
    from parliament_tracker.profiles.demo import load_demo_assessments

    url = SqliteTemplate(tmp_path_factory.mktemp("demo-db")).fresh_url()
    app = create_app(config_for(url))
    with app.app_context():
        load_registry()
        load_income_history()
        load_demo()
        load_demo_assessments()
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    app.config["LIVE_URL"] = f"http://127.0.0.1:{server.server_port}"
    yield app
    server.shutdown()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def demo_url(demo_app) -> str:
    return demo_app.config["LIVE_URL"]


@pytest.fixture(scope="session")
def browser():
    reason = _browser_missing()
    if reason:
        pytest.fail(f"browser tests are required under CI=true: {reason}")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def page(browser, live_url):
    """A fresh browser context per test; fails the test on console errors or any request to another origin."""
    context = browser.new_context(base_url=live_url)
    page = context.new_page()
    errors, foreign = watch(page, live_url)
    yield page
    context.close()
    assert not foreign, f"requests left the server: {foreign}"
    assert not errors, f"console errors: {errors}"


def watch(page, base_url: str) -> tuple[list, list]:
    """(errors, foreign): filled as the page logs console errors or fails sub-resources, and as it asks for anything
    not served by base_url. The caller asserts both are empty when it is done."""
    page.set_default_timeout(15000)
    errors, foreign = [], []
    # A deliberate 4xx page logs "Failed to load resource"; failed sub-resources are caught by status below.
    page.on("console", lambda msg: errors.append(msg.text)
            if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
    page.on("response", lambda res: errors.append(f"{res.status} {res.url}")
            if res.status >= 400 and res.request.resource_type != "document" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: foreign.append(req.url)
            if not req.url.startswith((base_url, "data:", "blob:", "about:")) else None)
    return errors, foreign


@pytest.fixture
def axe_check():
    """Run axe-core on the page; fail on any serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def _check(page, label: str = ""):
        results = axe.run(page)
        bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
        details = "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — "
                            f"{[n['target'] for n in v['nodes']][:5]}" for v in bad)
        assert not bad, f"axe violations on {label or page.url}:\n{details}"
        return results

    return _check


@pytest.fixture
def sign_in(live_db):
    """Create an account on the live database and sign in through the login form."""

    def _sign_in(page, role: str, chambers=None, donor=None, email=None):
        user = factories.make_user(role, chambers=chambers, donor=donor, email=email)
        page.goto("/login")
        page.get_by_label("E-mail").fill(user.email)
        page.get_by_label("Password").fill(factories.PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
        return user

    return _sign_in
