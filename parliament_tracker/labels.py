"""Translatable labels for the codes stored in the database (types, statuses, income groups, roles)."""

from flask_babel import lazy_gettext as _l

LABELS = {
    "chamber_type": {"unicameral": _l("Unicameral"), "lower": _l("Lower chamber"), "upper": _l("Upper chamber")},
    "status": {"active": _l("Active"), "suspended": _l("Suspended"), "dissolved": _l("Dissolved"),
               "transitional": _l("Transitional")},
    "income_group": {"low": _l("Low income"), "lower_middle": _l("Lower-middle income"),
                     "upper_middle": _l("Upper-middle income"), "high": _l("High income"),
                     None: _l("Not classified"), "": _l("Not classified")},
    "ipu_group": {"african": _l("African Group"), "arab": _l("Arab Group"), "asia_pacific": _l("Asia-Pacific Group"),
                  "eurasia": _l("Eurasia Group"),
                  "grulac": _l("Group of Latin America and the Caribbean (GRULAC)"),
                  "twelve_plus": _l("Twelve Plus Group")},
    "role": {"admin": _l("Administrator"), "staff": _l("Centre staff"), "parliament": _l("Parliament"),
             "donor": _l("Donor")},
    "activity_type": {"workshop": _l("Workshop"), "training": _l("Training course"),
                      "conference": _l("Conference or meeting"), "research": _l("Research study or publication"),
                      "mission": _l("Advisory or assessment mission"), "study_visit": _l("Study visit or peer exchange"),
                      "webinar": _l("Webinar"), "information_service": _l("Information service")},
    "participation_role": {"beneficiary": _l("Beneficiary"), "expert": _l("Expert supplier")},
    "participation_status": {"claimed": _l("Claimed by the centre"), "confirmed": _l("Confirmed by the parliament"),
                             "disputed": _l("Disputed by the parliament")},
    "mail_status": {"queued": _l("queued"), "sending": _l("sending"), "sent": _l("sent"), "failed": _l("failed")},
    "org_type": {"un_agency": _l("UN agency"), "inter_parliamentary": _l("Inter-parliamentary organisation"),
                 "parliament": _l("Parliament"), "ngo": _l("Non-governmental organisation"),
                 "donor_agency": _l("Donor agency"), "private_sector": _l("Private sector"),
                 "academic": _l("Academic institution")},
    "mail_kind": {"password_reset": _l("Password reset"), "invitation": _l("Invitation"), "digest": _l("Digest"), "test": _l("Test message")},
}


def label(kind: str, code) -> str:
    """The translated label of a stored code, or the code itself when it has none."""
    return str(LABELS.get(kind, {}).get(code, code if code is not None else ""))


def choices(kind: str) -> list[tuple[str, str]]:
    """(code, label) pairs for a select field, in the order above."""
    return [(code, text) for code, text in LABELS[kind].items() if code]


# The IPU geopolitical groups by the English name the registry stores (chambers/loader.py), for the rows that
# carry the name rather than the code.
IPU_GROUP_CODES = {"African Group": "african", "Arab Group": "arab", "Asia-Pacific Group": "asia_pacific",
                   "Eurasia Group": "eurasia", "Group of Latin America and the Caribbean (GRULAC)": "grulac",
                   "Twelve Plus Group": "twelve_plus"}


def ipu_group_label(english_name: str | None) -> str:
    """An IPU geopolitical group, stored by its English name, in the request's language."""
    return label("ipu_group", IPU_GROUP_CODES[english_name]) if english_name in IPU_GROUP_CODES else english_name or ""
