"""The account page: who you are, signing out every other session, and personal API tokens."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from parliament_tracker.auth import services, tokens
from parliament_tracker.auth.forms import ConfirmActionForm, TokenForm
from parliament_tracker.auth.permissions import login_required
from parliament_tracker.auth.views import bp, keep_this_session
from parliament_tracker.pages import form_action


def _page(form: TokenForm | None = None, new_token: str | None = None, status: int = 200):
    return render_template("auth/account.html", form=form or TokenForm(formdata=None), new_token=new_token,
                           tokens=tokens.list_tokens(current_user), action=ConfirmActionForm(),
                           now=tokens.utcnow()), status


@bp.get("/account")
@login_required
def account():
    return _page()


@bp.post("/account/sessions/end")
@login_required
def end_other_sessions():
    def end_others():
        services.end_sessions(current_user)
        keep_this_session()

    return form_action(ConfirmActionForm(), end_others,
                       saved=(_("Every other session of your account was signed out."), url_for("auth.account")))


@bp.post("/account/tokens")
@login_required
def create_token():
    form = TokenForm()
    if form.validate_on_submit():
        try:
            _token, secret = tokens.create_token(current_user, form.name.data, form.expires_days.data)
        except tokens.TokenError as error:
            form.add_error(error.field, str(error))
        else:
            return _page(new_token=secret, status=201)
    return _page(form, status=400)


@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int):
    if ConfirmActionForm().validate_on_submit():
        token = tokens.revoke_token(current_user, token_id)
        flash(_("The token %(name)s was revoked.", name=token.name), "success")
    return redirect(url_for("auth.account"))
