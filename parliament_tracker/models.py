"""Imports every model so that the metadata (and so Alembic) knows all tables."""

from parliament_tracker.activities.models import Activity, ActivityArea, Participation  # noqa: F401
from parliament_tracker.audit import AuditRecord  # noqa: F401
from parliament_tracker.auth.models import ApiToken, User  # noqa: F401
from parliament_tracker.chambers.models import Chamber, Country, GeopoliticalGroup  # noqa: F401
from parliament_tracker.dashboards.models import CoverageActivityCount, CoverageFact  # noqa: F401
from parliament_tracker.mail.models import OutboxMessage  # noqa: F401
from parliament_tracker.notices.models import NoticePreference  # noqa: F401
from parliament_tracker.organisations.models import Organisation  # noqa: F401
from parliament_tracker.profiles.models import (  # noqa: F401
    Assessment,
    AssessmentAnswer,
    AssessmentCategory,
    AssessmentQuestion,
    ChamberContact,
    Feedback,
    ParticipationReport,
)
from parliament_tracker.settings import Setting  # noqa: F401
from parliament_tracker.translated import ContentTranslation  # noqa: F401
