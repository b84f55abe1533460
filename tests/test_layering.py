"""The house style's import rules, checked on the source: the whole feature graph (which feature may import
which) from one table, views and forms never touch the database session, forms never import models, and the
shared modules import no feature."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "parliament_tracker"

# The feature graph: each feature and the features it may import. ARCHITECTURE.md shows the same table; a new
# arrow is a change to both. Besides these, any feature may import the shared modules (parliament_tracker/*.py)
# and auth.permissions (every route says who may use it).
ARROWS = {
    "chambers": set(),
    "organisations": {"chambers"},  # a parliament organisation's chambers; the admin form's country and chambers
    "mail": set(),
    "auth": {"chambers", "organisations", "mail"},  # mail: reset and invitation links are queued with their write
    "activities": {"chambers", "organisations", "auth"},  # auth: demo donors an account uses; an import job acts as its
    # user
    "dashboards": {"activities", "chambers", "organisations"},
    "profiles": {"activities", "chambers", "organisations"},
    "api": {"activities", "chambers", "dashboards", "profiles", "auth"},  # auth: refusing unusable API tokens
    "opendata": {"activities", "chambers", "dashboards", "api"},  # api: its routes (IATI, /data/) in the OpenAPI document
    "notices": {"activities", "auth", "mail"},  # read-only: digests read the audit trail and activity titles
}
FEATURES = tuple(ARROWS)
EVERYONE_MAY_IMPORT = ("parliament_tracker.auth.permissions",)
# The application factory and the model registry assemble every feature.
ASSEMBLY = ("__init__.py", "models.py")


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


def _feature_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "parliament_tracker" and parts[1] in FEATURES else None


def _arrows() -> dict[str, dict[str, list[str]]]:
    """Each feature's imports of other features, with the modules that make each arrow."""
    found: dict[str, dict[str, list[str]]] = {feature: {} for feature in FEATURES}
    for feature in FEATURES:
        for path in _modules(f"{feature}/**/*.py"):
            for name in _imports(path):
                target = _feature_of(name)
                if target and target != feature and not name.startswith(EVERYONE_MAY_IMPORT):
                    found[feature].setdefault(target, []).append(f"{path.relative_to(PACKAGE)} imports {name}")
    return found


def test_every_feature_package_is_in_the_table():
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages == set(FEATURES), f"add the new feature (and its arrows) to ARROWS: {packages ^ set(FEATURES)}"


def test_features_import_only_what_the_table_allows():
    offenders = [line for feature, targets in _arrows().items() for target, lines in targets.items()
                 if target not in ARROWS[feature] for line in lines]
    assert not offenders, f"a new arrow in the feature graph: add it to ARROWS deliberately, or remove it: {offenders}"


def test_every_arrow_in_the_table_is_used():
    found = _arrows()
    unused = [f"{feature} -> {target}" for feature, targets in ARROWS.items() for target in targets
              if target not in found[feature]]
    assert not unused, f"the table allows arrows nothing uses; remove them: {unused}"


def test_the_feature_graph_has_no_cycle():
    def reaches(start: str, goal: str, seen=()) -> bool:
        return any(t == goal or (t not in seen and reaches(t, goal, (*seen, t))) for t in ARROWS[start])

    assert not [f for f in FEATURES if reaches(f, f)]


def test_chambers_imports_no_other_feature():
    assert ARROWS["chambers"] == set() and not _arrows()["chambers"]


def test_shared_modules_import_no_feature():
    offenders = [f"{path.name} imports {name}" for path in _modules("*.py") if path.name not in ASSEMBLY
                 for name in _imports(path) if _feature_of(name)]
    assert not offenders, offenders


def test_charts_import_nothing_from_the_package():
    for path in _modules("**/charts.py"):
        assert not [n for n in _imports(path) if n.startswith("parliament_tracker")], path
