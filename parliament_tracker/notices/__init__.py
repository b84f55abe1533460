"""Notices by e-mail: what changed that concerns each user, as a daily digest they can switch per kind."""
