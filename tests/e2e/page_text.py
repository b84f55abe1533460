"""What a page says and where it reaches, read in the browser: its text nodes and accessible-name attributes (for the
"no English left" comparison), and the elements that stick out of the viewport (for the RTL layout checks)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pycountry
from babel import Locale
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parents[2] / "parliament_tracker" / "translations"

# Every text node of the body and every attribute read aloud or shown as a hint, each with whether the page itself
# declares it to be in another language (an ancestor's lang differs from <html lang>: a chamber name shown in English
# because no translated one is known, a language named in itself in the switcher) or a proper name (data-proper-name:
# a person's, an activity's or a file's name, which no translation changes; on a select, its options but the empty one) or code (<code>, <kbd>, <samp>: a file's
# column names, a command).
TEXTS_JS = r"""() => {
  const page = document.documentElement.lang;
  const exempt = (el) => {
    const declared = el.closest('[lang]');
    const named = el.closest('[data-proper-name],code,kbd,samp');  // (a select's: its options with a value)
    if (named && !(named.tagName === 'SELECT' && (el.closest('option') || {}).value === '')) return true;
    return !!(declared && declared.lang.split('-')[0] !== page.split('-')[0]);
  };
  const walkFirst = (label) => document.createTreeWalker(label, NodeFilter.SHOW_TEXT).nextNode();
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest('script,style,template,noscript')) continue;
    const label = el.closest('svg text');  // a chart's label wrapped over lines (tspans) is read as one text
    if (label && node !== walkFirst(label)) continue;
    out.push({text: label ? label.textContent : node.nodeValue, exempt: exempt(el), where: el.tagName.toLowerCase()});
  }
  for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt],input[type=submit][value]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'value']) {
      if (name === 'value' && el.type !== 'submit') continue;
      const value = el.getAttribute(name);
      if (value) out.push({text: value, exempt: exempt(el), where: `${el.tagName.toLowerCase()}[${name}]`});
    }
  }
  return out;
}"""

# Elements drawn outside the viewport's width, unless an ancestor clips or scrolls them (a table in its own
# scrolling box, a chart's clip path) or they are visually hidden on purpose (Bootstrap's visually-hidden is 1 px
# clipped; a skip link waits off-screen until focused).
OVERFLOW_JS = r"""() => {
  const width = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX !== 'visible' || style.clipPath !== 'none') return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || (box.right <= width + 1 && box.left >= -1)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.clip !== 'auto' || style.clipPath !== 'none') continue;
    // parked wholly off-screen on purpose, out of the flow (plotly's text measurer at -10000 px): never seen
    const parked = box.right < 0 || box.left > width;
    if (parked && ['absolute', 'fixed'].includes(style.position)) continue;
    if (el.matches('.visually-hidden, .visually-hidden-focusable, .visually-hidden *') || clipped(el)) continue;
    out.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${[...el.classList].join('.')} ` +
             `[${Math.round(box.left)}, ${Math.round(box.right)}] "${(el.innerText || '').slice(0, 40)}"`);
  }
  return out;
}"""

CODE = re.compile(r"^[A-Z0-9]+(?:[-_./:][A-Z0-9]+)*$")  # KE-LC, KEN, ISO 3166-2, IATI identifiers
LETTER = re.compile(r"[^\W\d_]")


def normal(text: str) -> str:
    """Whitespace collapsed, and the punctuation around a text left out ("Kenya (" is "Kenya")."""
    return " ".join(text.split()).strip(" ()[]:;,·–-")


@functools.cache
def kept_as_is(locale: str) -> frozenset[str]:
    """English messages the language's catalogue translates by themselves (the translator's decision, e.g. "Total",
    "Minimum" in French), and the country and region names CLDR writes alike in English and in the language
    ("Kenya", "Europe", "Asia" in Spanish)."""
    with open(TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po", "rb") as po:
        catalogue = read_po(po, locale=locale)
    same = set()
    for message in catalogue:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        same.update(normal(i) for i in ids if i and normal(i) in {normal(s) for s in strings})
    there = Locale.parse(locale).territories
    same.update(name for code, name in Locale.parse("en").territories.items() if there.get(code) == name)
    for country in pycountry.countries:  # the registry's English names are ISO 3166's ("Cabo Verde", "Congo")
        names = {getattr(country, key, None) for key in ("name", "common_name", "official_name")}
        same.update(n for n in names if n and there.get(country.alpha_2) == n)
    return frozenset(same)


@functools.cache
def messages() -> frozenset[str]:
    """Every English message of the catalogue (a capitalised code such as "ICT" is a message, not a code)."""
    with open(TRANSLATIONS / "messages.pot", "rb") as pot:
        catalogue = read_po(pot)
    return frozenset(normal(i) for m in catalogue if m.id
                     for i in (m.id if isinstance(m.id, tuple) else (m.id,)))


def left_in_english(english: list[dict], localised: list[dict], locale: str) -> list[str]:
    """The texts of the localised page that are English texts of the English rendering of the same page: not numbers,
    dates or codes (no letter, or one code-like word that is not a message), not declared as another language, a
    proper name or code on either page, not e-mail addresses, not words this language writes as English does."""
    english_texts = {normal(t["text"]) for t in english if not t["exempt"]}  # (the switcher's "Français" is not)
    same = kept_as_is(locale)
    found = []
    for item in localised:
        text = normal(item["text"])
        if item["exempt"] or text not in english_texts or not LETTER.search(text) or "@" in text or text in same:
            continue
        if CODE.match(text) and text not in messages():
            continue
        found.append(f"{item['where']}: {text!r}")
    return sorted(set(found))
