"""Sign in and out, change password, and the admin's user and settings screens."""

import hashlib

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from parliament_tracker.auth import services
from parliament_tracker.auth.forms import ChangePasswordForm, LoginForm, SettingsForm, UserForm
from parliament_tracker.auth.permissions import login_required, public, role_required, safe_next
from parliament_tracker.chambers.services import chamber_choices, get_chambers_by_ids
from parliament_tracker.extensions import limiter
from parliament_tracker.organisations.services import get_organisation, organisation_choices
from parliament_tracker.pages import form_page
from parliament_tracker.settings import dashboards_are_public, put_setting

bp = Blueprint("auth", __name__)


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _account_limit() -> str:
    return current_app.config["ACCOUNT_LOGIN_RATE_LIMIT"]


def _account_key() -> str:
    """The bucket of failed sign-ins to one account, whatever the address: the e-mail as typed, normalised and
    hashed (short keys; the same for an account that does not exist, so the answer tells nothing)."""
    email = (request.form.get("email") or "").strip().lower()
    return "account:" + hashlib.sha256(email.encode()).hexdigest()[:32]


def _failed(response) -> bool:
    return response.status_code != 302  # a sign-in that worked redirects, and costs the account nothing


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(_account_limit, methods=["POST"], key_func=_account_key, deduct_when=_failed)
@public
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None:
            login_user(user, remember=form.remember.data)
            home = url_for("profiles.mine") if user.role == "parliament" else url_for("dashboards.index")
            return redirect(safe_next(request.args.get("next")) or home)
        form.add_error("password", _("Unknown e-mail or wrong password, or the account is disabled."))
    status = 400 if form.errors else 200
    return render_template("auth/login.html", form=form), status


def keep_this_session() -> None:
    """After end_sessions, sign this browser in again under the new generation (and renew its remember cookie)."""
    remembered = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies
    login_user(current_user._get_current_object(), remember=remembered)


@bp.post("/logout")
@login_required
def logout():
    services.end_sessions(current_user)  # a copy of this cookie, or any other, no longer signs anyone in
    logout_user()
    flash(_("You are signed out."), "info")
    return redirect(url_for("dashboards.index"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    form = ChangePasswordForm()

    def change():
        services.change_password(current_user, form.current_password.data, form.password.data)
        keep_this_session()

    return form_page(form, change, "auth/password.html",
                     saved=(_("Your password was changed; every other session was signed out."), url_for("auth.account")))


@bp.get("/admin/users")
@role_required("admin")
def users():
    return render_template("auth/users.html", users=services.list_users())


def _user_form(user=None) -> UserForm:
    form = UserForm(obj=user) if user and request.method == "GET" else UserForm()
    form.chambers.choices = chamber_choices()
    form.donor.choices = [("", _("(none)"))] + organisation_choices()
    if user is not None and request.method == "GET":
        form.chambers.data = [str(c.id) for c in user.chambers]
        form.donor.data, form.org_admin.data = str(user.donor_id or ""), user.is_org_admin
    return form


def _save_user(form: UserForm, user=None):
    chambers = get_chambers_by_ids(form.chambers.data)
    donor = get_organisation(form.donor.data) if form.donor.data else None
    if user is None:
        password = form.password.data or services.generate_password()
        user = services.create_user(form.email.data, password, form.role.data, name=form.name.data or "",
                                    chambers=chambers, donor=donor, org_admin=form.org_admin.data, by=current_user)
        return user, (None if form.password.data else password)
    services.update_user(user, role=form.role.data, name=form.name.data or "", active=form.active.data,
                         chambers=chambers, donor=donor, org_admin=form.org_admin.data, by=current_user)
    return user, None


@bp.route("/admin/users/new", methods=["GET", "POST"])
@role_required("admin")
def new_user():
    form = _user_form()

    def saved(result):
        user, generated = result
        flash(_("Account %(email)s created.", email=user.email), "success")
        if generated:
            flash(_("Its initial password, shown only now: %(password)s", password=generated), "warning")
        return None, url_for("auth.users")

    return form_page(form, lambda: _save_user(form), "auth/user_form.html", user=None, saved=saved)


@bp.route("/admin/users/<int:user_id>/edit", methods=["GET", "POST"])
@role_required("admin")
def edit_user(user_id: int):
    user = services.get_user_or_404(user_id)
    form = _user_form(user)
    del form.password, form.email
    return form_page(form, lambda: _save_user(form, user), "auth/user_form.html", user=user,
                     saved=(_("Account %(email)s saved.", email=user.email), url_for("auth.users")))


@bp.route("/admin/settings", methods=["GET", "POST"])
@role_required("admin")
def settings():
    form = SettingsForm()
    if request.method == "GET":
        form.public_dashboards.data = dashboards_are_public()
    return form_page(form, lambda: put_setting("public_dashboards", "1" if form.public_dashboards.data else "0",
                                               by=current_user),
                     "auth/settings.html", saved=(_("Settings saved."), url_for("auth.settings")))


from parliament_tracker.auth import (  # noqa: E402,F401  (their routes on bp)
    views_account,
    views_language,
    views_recovery,
    views_staff,
)
