"""Every user-facing string in the templates goes through gettext: no bare words in text or in the
attributes a person reads (aria-label, title, placeholder, alt)."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
READ_ATTRS = re.compile(r'\b(aria-label|title|placeholder|alt)="([^"]*)"', re.I)
TAG = re.compile(r"<[^>]*>", re.S)
ENTITY = re.compile(r"&[a-z#0-9]+;", re.I)
WORD = re.compile(r"[A-Za-z]{2,}")


def _bare_words(source: str) -> list[str]:
    found = []
    without_jinja = JINJA.sub(" ", SCRIPT_OR_STYLE.sub(" ", source))
    for _attr, value in READ_ATTRS.findall(without_jinja):
        found += WORD.findall(value)
    text = ENTITY.sub(" ", TAG.sub(" ", without_jinja))
    found += WORD.findall(text)
    return found


def test_no_bare_user_facing_words_in_templates():
    offenders = {}
    for path in sorted(TEMPLATES.rglob("*.html")):
        words = _bare_words(path.read_text(encoding="utf-8"))
        if words:
            offenders[str(path.relative_to(TEMPLATES))] = words[:8]
    assert not offenders, f"wrap these in {{{{ _('...') }}}}: {offenders}"


def test_the_checker_catches_bare_text():
    assert _bare_words("<p>Hello world</p>") == ["Hello", "world"]
    assert _bare_words('<a aria-label="Close">{{ _("x") }}</a>') == ["Close"]
    assert _bare_words("<p>{{ _('Hello') }} · {{ n }}</p>") == []
