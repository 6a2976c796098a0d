"""What the plans side's pages share: the error summary, the version sent back, and the
render of a form page."""

from django.shortcuts import render

from righthelp.frontdoor.views.common import error_summary, post_version, service_errors

__all__ = ["error_summary", "form_page", "post_version", "service_errors"]


def form_page(request, *, title: str, form, person, back: str, button: str,
              caption: str = "", intro: str = "", elsewhere=(), extra: dict | None = None):
    """A GOV.UK form page: caption (the child), heading, error summary, fields, button."""
    return render(request, "socialwork/plan_form.html", {
        "title": title, "form": form, "person": person, "back": back, "button": button,
        "caption": caption, "intro": intro,
        "errors": error_summary(form, elsewhere=list(elsewhere)), **(extra or {}),
    })
