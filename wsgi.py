"""WSGI entry point: gunicorn wsgi:app."""

from parliament_tracker import create_app

app = create_app()
