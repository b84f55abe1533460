"""Choosing the language: Accept-Language on a first visit, ?lang= for a shared link (remembered in a cookie),
the switcher (a signed-in user's choice kept in the account), right to left for Arabic; the API stays English."""

import re

import pytest
from flask_babel import get_locale

from parliament_tracker.auth.models import User
from parliament_tracker.extensions import db
from parliament_tracker.mail.render import recipient_locale
from tests.conftest import read_csrf_token

HTML = re.compile(r'<html lang="([a-z]+)" dir="(ltr|rtl)"[ >]')


def _lang(response) -> tuple[str, str]:
    return HTML.search(response.get_data(as_text=True)).groups()


@pytest.mark.parametrize(("header", "expected"), [
    ("fr-FR,fr;q=0.9,en;q=0.5", ("fr", "ltr")), ("es-419,es;q=0.9", ("es", "ltr")), ("ar-EG,ar;q=0.9", ("ar", "rtl")),
    ("de-DE,de;q=0.9", ("en", "ltr")), ("", ("en", "ltr")),
])
def test_a_first_visit_follows_the_browsers_languages(client, header, expected):
    response = client.get("/chambers/", headers={"Accept-Language": header})
    assert _lang(response) == expected
    assert response.headers["Content-Language"] == expected[0]


def test_arabic_pages_load_bootstraps_right_to_left_stylesheet(client):
    arabic = client.get("/chambers/?lang=ar").get_data(as_text=True)
    english = client.get("/chambers/?lang=en").get_data(as_text=True)
    assert "bootstrap.rtl.min.css" in arabic and "bootstrap.rtl.min.css" not in english
    link = re.search(r'href="([^"]*bootstrap\.rtl\.min\.css)"', arabic).group(1)
    css = client.get(link)
    assert css.status_code == 200 and b"Bootstrap  v5.3.8" in css.get_data()


def test_lang_in_the_address_wins_and_is_remembered_in_a_cookie(client):
    response = client.get("/chambers/?lang=es", headers={"Accept-Language": "fr"})
    assert _lang(response)[0] == "es"
    assert "lang=es" in response.headers["Set-Cookie"] and "HttpOnly" in response.headers["Set-Cookie"]
    # the next page, without ?lang=, is still in Spanish whatever the browser says
    assert _lang(client.get("/chambers/", headers={"Accept-Language": "fr"}))[0] == "es"


def test_an_unknown_lang_is_ignored(client):
    response = client.get("/chambers/?lang=xx", headers={"Accept-Language": "fr"})
    assert _lang(response)[0] == "fr"
    assert "lang=" not in response.headers.get("Set-Cookie", "")


def test_the_switcher_names_each_language_in_itself_and_keeps_the_query(client):
    page = client.get("/chambers/?region=Africa").get_data(as_text=True)
    for code, name in (("en", "English"), ("fr", "Français"), ("es", "Español"), ("ar", "العربية")):
        assert f'lang="{code}"' in page and f">{name}<" in page
    assert 'href="/chambers/?region=Africa&amp;lang=fr"' in page
    assert 'aria-current="true">English<' in page


def _locale_of(app, user_id):
    with app.app_context():
        return db.session.get(User, user_id).locale


def test_a_signed_in_users_choice_is_kept_in_the_account(own_app, client, login_as):
    user = login_as("staff")
    response = client.post("/language", data={"lang": "ar", "next": "/chambers/?region=Asia",
                                              "csrf_token": read_csrf_token(client, "/chambers/")})
    assert response.status_code == 303 and response.headers["Location"] == "/chambers/?region=Asia"
    assert _locale_of(own_app, user) == "ar"
    client.delete_cookie("lang")  # another browser: the account's choice still holds, over Accept-Language
    assert _lang(client.get("/chambers/", headers={"Accept-Language": "fr"})) == ("ar", "rtl")
    # a shared link shows its page in its language, and leaves the account's choice alone
    assert _lang(client.get("/chambers/?lang=es"))[0] == "es"
    assert _lang(client.get("/chambers/"))[0] == "ar"
    assert _locale_of(own_app, user) == "ar"


def test_the_switcher_refuses_a_language_not_offered_and_an_outside_next(client, login_as):
    login_as("staff")
    token = read_csrf_token(client, "/chambers/")
    assert client.post("/language", data={"lang": "de", "csrf_token": token}).status_code == 400
    response = client.post("/language", data={"lang": "fr", "next": "//evil.example/", "csrf_token": token})
    assert response.status_code == 303 and response.headers["Location"] == "/"


def test_an_anonymous_switch_by_form_sets_only_the_cookie(client):
    token = read_csrf_token(client, "/login")
    response = client.post("/language", data={"lang": "fr", "next": "/login", "csrf_token": token})
    assert response.status_code == 303 and "lang=fr" in response.headers["Set-Cookie"]


def test_the_api_answers_in_english_whatever_the_browser_asks(client):
    response = client.get("/api/v1/chambers/XX-LC", headers={"Accept-Language": "fr"})
    assert response.status_code == 404
    assert response.headers.get("Content-Language") in (None, "en")


def test_mail_goes_out_in_the_recipients_language(own_app):
    with own_app.test_request_context("/"):
        with recipient_locale("fr"):
            assert str(get_locale()) == "fr"
        with recipient_locale("de"):  # not offered: the default
            assert str(get_locale()) == "en"


def test_chart_axes_and_labels_write_numbers_in_the_readers_locale(app, client):
    from parliament_tracker.dashboards import charts
    from parliament_tracker.localised import number, percent

    assert 'data-separators=",\u202f"' in client.get("/?lang=fr").get_data(as_text=True)  # plotly's axes
    assert 'data-separators=".,"' in client.get("/?lang=en").get_data(as_text=True)
    with app.test_request_context("/?lang=fr"):
        share = lambda part, whole: percent(part / whole)  # noqa: E731
        line = charts.cumulative_line([2010], [1234], 2468, "t", "n", number=number, share=share)
        bars = charts.count_bars(["a"], [1234], "t", "n", number=number)
    assert line["data"][0]["text"] == ["1\u202f234 / 2\u202f468 (50\u00a0%)"]
    assert bars["data"][0]["text"] == ["1\u202f234"]
