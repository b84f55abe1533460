"""Forgotten passwords and invitations: the pages that send a link, and the pages the link opens."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth import recovery
from parliament_tracker.auth.forms import ForgotPasswordForm, InvitationForm, NewPasswordForm
from parliament_tracker.auth.permissions import public, role_required
from parliament_tracker.auth.services import AccountError
from parliament_tracker.auth.views import bp
from parliament_tracker.chambers.services import chamber_choices, get_chambers_by_ids
from parliament_tracker.extensions import limiter


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
    if form.validate_on_submit():
        recovery.request_password_reset(form.email.data)
        flash(_("If an account uses %(email)s, a link to set a new password is on its way there. It works once "
                "and for a limited time.", email=form.email.data), "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot.html", form=form), 400 if form.errors else 200


def _set_password_page(purpose: str, token: str, use, done_message: str):
    form = NewPasswordForm()
    try:
        user = recovery.user_for_token(token, purpose)
    except recovery.LinkRefused as error:
        return render_template("auth/link_refused.html", message=str(error)), 400
    if form.validate_on_submit():
        try:
            use(token, form.password.data)
        except AccountError as error:
            form.add_error(error.field or "password", str(error))
        else:
            flash(done_message, "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/set_password.html", form=form, user=user, purpose=purpose), \
        400 if form.errors else 200


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
                              _("Your password is set. Sign in to see your chamber's records."))


@bp.route("/invitations/new", methods=["GET", "POST"])
@role_required("admin", "staff")
def invite():
    form = InvitationForm()
    form.chambers.choices = chamber_choices()
    if form.validate_on_submit():
        try:
            user = recovery.invite_correspondent(form.email.data, get_chambers_by_ids(form.chambers.data),
                                                 name=form.name.data or "", by=current_user)
        except AccountError as error:
            form.add_error(error.field, str(error))
        else:
            flash(_("Invitation sent to %(email)s.", email=user.email), "success")
            return redirect(url_for("auth.invite"))
    return render_template("auth/invite.html", form=form), 400 if form.errors else 200
