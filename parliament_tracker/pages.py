"""The form-page pattern every form view follows, written once: validate, call the service, put a domain error
next to its field, flash and redirect, else render the page again with 400."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, flash, redirect, render_template

from parliament_tracker.domain import DomainError, StaleEdit

Saved = tuple[str | None, str]


def form_page(form, save: Callable[[], Any], template: str, /, *, saved: Saved | Callable[[Any], Saved],
              stale: Callable[[StaleEdit], None] | None = None, **context):
    """Answer a GET or POST of a page holding one form.

    - A valid POST calls save() (the service; no arguments, so a lambda or a local function). When it returns,
      saved gives (message, url): the message is flashed as "success" (None: nothing flashed) and the browser is
      redirected to url. saved is that pair, or a function of save()'s result returning it.
    - When save() raises a DomainError, its message goes next to its field (error.field; None: above the form)
      and the page is rendered again: 400.
    - stale, when given, handles a StaleEdit apart: stale(error) refreshes the form (e.g. the version it
      carries), the answer is 409 and the template gets stale=True (without it a StaleEdit is like any other
      domain error).
    - Otherwise (a GET, an invalid POST) the template is rendered with form=form and context: 200, or 400
      when the form has errors. context may name another form "form" (the form then travels under its own
      name in context).
    """
    status = 200
    if form.validate_on_submit():
        try:
            result = save()
        except DomainError as error:
            form.add_error(error.field, str(error))
            if stale is not None and isinstance(error, StaleEdit):
                stale(error)
                status = 409
        else:
            message, url = saved(result) if callable(saved) else saved
            if message is not None:
                flash(message, "success")
            return redirect(url)
    if stale is not None:
        context["stale"] = status == 409
    context.setdefault("form", form)
    return render_template(template, **context), 400 if status == 200 and form.errors else status


def form_action(form, save: Callable[[], Any], /, *, saved: Saved):
    """Answer the POST of a button form that has no page of its own (confirm, delete): an invalid form (a
    forged or expired post) is 400; otherwise save() runs, its DomainError is flashed as an error or
    saved's message as a success, and the browser goes back to saved's url either way."""
    if not form.validate_on_submit():
        abort(400)
    message, url = saved
    try:
        save()
    except DomainError as error:
        flash(str(error), "error")
    else:
        if message is not None:
            flash(message, "success")
    return redirect(url)
