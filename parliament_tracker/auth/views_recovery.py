"""Forgotten passwords and invitations: the pages that send a link, and the pages the link opens."""

from flask import current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth import recovery
from parliament_tracker.auth.forms import ForgotPasswordForm, InvitationForm, NewPasswordForm
from parliament_tracker.auth.permissions import public, role_required
from parliament_tracker.auth.views import bp
from parliament_tracker.chambers.services import chamber_choices, get_chambers_by_ids
from parliament_tracker.extensions import limiter
from parliament_tracker.i18n import current_locale, language_choices
from parliament_tracker.pages import form_page


def _reset_limit() -> str:
    return current_app.config["PASSWORD_RESET_RATE_LIMIT"]


def _address_asked_for() -> str:
    # Counted per address asked for as well, so nobody floods one mailbox from many clients.
    return "reset:" + (request.form.get("email") or "").strip().lower()[:254]


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"])
@limiter.limit(_reset_limit, methods=["POST"], key_func=_address_asked_for)
@public
def forgot_password():
    form = ForgotPasswordForm()
    return form_page(form, lambda: recovery.request_password_reset(form.email.data), "auth/forgot.html",
                     saved=lambda _none: (_("If an account uses %(email)s, a link to set a new password is on its "
                                            "way there. It works once and for a limited time.",
                                            email=form.email.data), url_for("auth.login")))


def _set_password_page(purpose: str, token: str, use, done_message: str):
    try:
        user = recovery.user_for_token(token, purpose)
    except recovery.LinkRefused as error:
        return render_template("auth/link_refused.html", message=str(error)), 400
    form = NewPasswordForm()
    return form_page(form, lambda: use(token, form.password.data), "auth/set_password.html",
                     saved=(done_message(user) if callable(done_message) else done_message, url_for("auth.login")),
                     user=user, purpose=purpose)


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@public
def reset_password(token: str):
    return _set_password_page(recovery.RESET, token, recovery.reset_password,
                              _("Your password was changed and every session of the account ended. Sign in "
                                "with the new password."))


@bp.route("/invitations/<token>", methods=["GET", "POST"])
@public
def accept_invitation(token: str):
    return _set_password_page(recovery.INVITATION, token, recovery.accept_invitation,
                              lambda user: _("Your password is set. Sign in to see your chamber's records.")
                              if user.role == "parliament" else _("Your password is set. Sign in to start."))


@bp.route("/invitations/new", methods=["GET", "POST"])
@role_required("admin", "staff")
def invite():
    form = InvitationForm(locale=current_locale())
    form.chambers.choices = chamber_choices()
    form.locale.choices = language_choices()
    return form_page(form, lambda: recovery.invite_correspondent(form.email.data,
                                                                 get_chambers_by_ids(form.chambers.data),
                                                                 name=form.name.data or "", by=current_user,
                                                                 locale=form.locale.data),
                     "auth/invite.html",
                     saved=lambda user: (_("Invitation sent to %(email)s.", email=user.email), url_for("auth.invite")))
