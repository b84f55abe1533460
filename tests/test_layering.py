"""The house style's import rules, checked on the source: views and forms never touch the database session,
forms never import models, and the chambers feature imports no other feature."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "parliament_tracker"
FEATURES = ("auth", "activities", "dashboards", "profiles", "api")


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def _modules(pattern: str):
    return sorted(PACKAGE.glob(pattern))


def test_views_and_forms_never_import_db_or_touch_the_session():
    offenders = []
    for path in _modules("**/views.py") + _modules("**/forms.py") + _modules("**/views_*.py"):
        text = path.read_text(encoding="utf-8")
        if "parliament_tracker.extensions.db" in _imports(path) or "db.session" in text:
            offenders.append(str(path.relative_to(PACKAGE)))
    assert not offenders, f"move database work into a service or query: {offenders}"


def test_forms_never_import_models():
    offenders = [str(p.relative_to(PACKAGE)) for p in _modules("**/forms.py")
                 if any(".models." in name for name in _imports(p))]
    assert not offenders, offenders


def test_chambers_imports_no_other_feature():
    offenders = []
    for path in _modules("chambers/**/*.py"):
        for name in _imports(path):
            if name.startswith("parliament_tracker.auth.permissions"):
                continue  # every view may ask who is allowed
            if any(name.startswith(f"parliament_tracker.{feature}") for feature in FEATURES):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not offenders, offenders


def test_charts_import_nothing_from_the_package():
    for path in _modules("**/charts.py"):
        assert not [n for n in _imports(path) if n.startswith("parliament_tracker")], path
