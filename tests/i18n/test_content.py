"""Content in the reader's language: country, region and chamber names (CLDR, the registry's official names),
numbers and dates by locale, area labels and the questionnaire from their translations, dashboard downloads'
headers; the API keeps English names and codes."""

import csv
import datetime as dt
import io
import json
import re

from flask_babel import force_locale, gettext

from parliament_tracker.extensions import db
from parliament_tracker.profiles.models import AssessmentQuestion
from tests import factories
from tests.conftest import read_csrf_token
from tests.profiles.factories import make_assessment


def _text(client, path, **headers) -> str:
    return client.get(path, headers=headers).get_data(as_text=True)


def _arrange(app, build):
    with app.app_context():
        result = build()
        db.session.commit()
        return result


def test_country_and_region_names_follow_the_language(own_app, client):
    _arrange(own_app, lambda: factories.make_chamber("KE-LC", "lower"))
    french, spanish, arabic = (_text(client, f"/chambers/KE-LC?lang={code}") for code in ("fr", "es", "ar"))
    assert "Kenya" in french and "Afrique subsaharienne" in french
    assert "Kenia" in spanish and "África subsahariana" in spanish
    assert "كينيا" in arabic and "أفريقيا جنوب الصحراء الكبرى" in arabic
    _arrange(own_app, lambda: factories.make_chamber("BR-LC", "lower"))
    assert "Amérique latine et Caraïbes" in _text(client, "/chambers/BR-LC?lang=fr")  # the UN's M49 name


def test_a_chamber_is_named_in_the_language_where_the_registry_knows_it_else_english_marked(own_app, client):
    def build():
        factories.make_chamber("FR-LC", "lower", official_names="Assemblée nationale")
        factories.make_chamber("KE-LC", "lower")
    _arrange(own_app, build)
    french = _text(client, "/chambers/?lang=fr")
    assert '<span lang="fr">Assemblée nationale</span>' in french
    assert '<span lang="en">National Assembly</span> <abbr class="name-fallback"' in french  # Kenya's, in English
    english = _text(client, "/chambers/?lang=en")
    assert "name-fallback" not in english


def test_numbers_and_dates_by_locale(own_app, client):
    def build():
        chamber = factories.make_chamber("FR-LC", "lower", established=dt.date(1958, 10, 4))
        chamber.seats = 11203
    _arrange(own_app, build)
    assert "11\u202f203" in _text(client, "/chambers/FR-LC?lang=fr") and "4 oct. 1958" in _text(
        client, "/chambers/FR-LC?lang=fr")
    spanish = _text(client, "/chambers/FR-LC?lang=es")
    assert "11.203" in spanish and "4 oct 1958" in spanish
    english = _text(client, "/chambers/FR-LC?lang=en")
    assert "11,203" in english and "1958-10-04" in english
    arabic = _text(client, "/chambers/FR-LC?lang=ar")
    assert "11,203" in arabic  # Latin digits in Arabic (parliament_tracker/localised.py says why)
    assert '<bdi dir="ltr">FR-LC</bdi>' in arabic


def test_dashboard_areas_charts_and_percentages_in_the_language(own_app, client):
    def build():
        kenya = factories.make_chamber("KE-LC", "lower")
        factories.make_chamber("ML-LC", "lower")
        factories.make_activity(chambers=[kenya])
    _arrange(own_app, build)
    french = _text(client, "/?lang=fr&from=2010&to=2010")
    assert "Sensibilisation et coordination" in french  # the migration's translation of the shipped area
    assert "50\u00a0%" in french
    arabic = _text(client, "/?lang=ar&from=2010&to=2010")
    figures = [json.loads(m) for m in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', arabic, re.S)]
    bars = [f for f in figures if isinstance(f, dict) and "layout" in f and "xaxis" in f["layout"]]
    assert bars and all(f["layout"]["yaxis"].get("side") == "right" for f in bars)  # mirrored for RTL


def test_dashboard_downloads_name_their_columns_in_the_language(own_app, client):
    _arrange(own_app, lambda: factories.make_activity(chambers=[factories.make_chamber("KE-LC", "lower")]))
    english = list(csv.reader(io.StringIO(_text(client, "/coverage/area.csv?lang=en"))))
    french = list(csv.reader(io.StringIO(_text(client, "/coverage/area.csv?lang=fr"))))
    assert english[0][:2] == ["area", "chambers_reached"]  # English keeps the keys scripts read
    with own_app.test_request_context("/?lang=fr"), force_locale("fr"):
        assert french[0][:2] == [gettext("Area"), gettext("Chambers reached")]
    assert "Sensibilisation et coordination" in [row[0] for row in french]
    tagged = list(csv.reader(io.StringIO(_text(client, "/coverage/area.csv?lang=fr&hxl=1"))))
    assert tagged[1][0].startswith("#")


def test_the_api_stays_english_and_coded(own_app, client):
    _arrange(own_app, lambda: factories.make_chamber("KE-LC", "lower"))
    body = client.get("/api/v1/chambers?lang=fr", headers={"Accept-Language": "fr"}).get_json()
    assert "Kenya" in json.dumps(body) and "Afrique" not in json.dumps(body, ensure_ascii=False)


def test_admins_translate_the_questionnaire_and_parliaments_read_it(own_app, client, login_as):
    question_id = _arrange(own_app, lambda: db.session.scalars(
        db.select(AssessmentQuestion).order_by(AssessmentQuestion.id)).first().id)
    login_as("admin")
    path = f"/profiles/questions/{question_id}/translations"
    page = _text(client, path)
    assert 'lang="ar" dir="rtl"' in page and 'name="text_fr"' in page
    token = read_csrf_token(client, path)
    bad = client.post(path, data={"csrf_token": token, "text_fr": "Question ?", "scale_fr": "0 = rien | 9 = tout"})
    assert bad.status_code == 400 and "0 = …" in bad.get_data(as_text=True)
    saved = client.post(path, data={"csrf_token": token, "text_fr": "Une question en français ?",
                                    "scale_fr": "0 = rien | 1 = prévu | 2 = en cours | 3 = en place | 4 = avancé",
                                    "text_es": "", "scale_es": "", "text_ar": "", "scale_ar": ""})
    assert saved.status_code == 302
    with own_app.app_context():
        from parliament_tracker.translated import translations_for
        # the migration's Spanish and Arabic were emptied: their readers get the English again
        assert translations_for("assessment_questions.text", question_id) == {"fr": "Une question en français ?"}
        chamber = factories.make_chamber("FR-LC", "lower")
        make_assessment(chamber, 2024, status="submitted", score=2)
        db.session.commit()
    french = _text(client, "/profiles/FR-LC/assessments/2024?lang=fr")
    assert '<strong lang="fr">Une question en français ?</strong>' in french and "2 = en cours" in french
    spanish = _text(client, "/profiles/FR-LC/assessments/2024?lang=es")
    assert '<strong lang="en">' in spanish and "Supervisión y gestión de las TIC" in spanish
