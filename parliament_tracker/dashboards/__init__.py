"""Coverage dashboards: aggregates, charts and their pages."""
