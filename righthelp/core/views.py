"""Shared pages: sign in, refusals, the manager's break-glass review, API tokens, figures."""

from django import forms
from django.contrib import messages
from django.contrib.auth.forms import AuthenticationForm
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from righthelp.staff.models import ApiToken

from . import access, audit
from .forms import GovukForm, GovukStyleMixin
from .models import BreakGlassGrant
from .url_policy import allows


class SignInForm(GovukStyleMixin, AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Username"


def forbidden(request, exception=None):
    """The refusal page: says why, and offers break-glass where the role may use it."""
    person = getattr(exception, "person", None)
    if not isinstance(exception, access.AccessDenied):  # open_person recorded its own
        audit.record_refusal(request, str(exception) if exception else "")
    can_break_glass = (
        person is not None
        and not getattr(exception, "restricted", False)
        and request.user.is_authenticated
        and request.user.role in access.BREAK_GLASS_ROLES
    )
    return render(
        request,
        "core/forbidden.html",
        {"message": str(exception) if exception else "", "person": person,
         "can_break_glass": can_break_glass},
        status=403,
    )


class ReviewForm(GovukForm):
    grant = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(label="What you found", widget=forms.Textarea(attrs={"rows": 2}))


@require_http_methods(["GET", "POST"])
def break_glass_review(request):
    """A manager reviews emergency access used by their team's members."""
    grants = access.break_glass_to_review(request.user)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        grant = grants.filter(pk=form.cleaned_data["grant"]).first()
        if grant is None:
            form.add_error(None, "That emergency access is not yours to review.")
        else:
            with transaction.atomic():
                BreakGlassGrant.objects.filter(pk=grant.pk).update(
                    reviewed_by=request.user, reviewed_at=timezone.now(),
                    review_note=form.cleaned_data["note"],
                )
                audit.record(user=request.user, action=audit.Action.CHANGE, request=request,
                             person=grant.person, obj=grant, detail={"reviewed": True})
            messages.success(request, "Review recorded.")
            return redirect("break-glass-review")
    return render(request, "core/break_glass_review.html", {"grants": grants, "form": form})


class TokenForm(GovukForm):
    name = forms.CharField(label="What the token is for", max_length=100,
                           help_text="For example, 'School information system'.")


@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """Issue a token for the JSON API; the key is shown once and only its hash is kept."""
    form = TokenForm(request.POST or None)
    key = None
    if request.method == "POST" and form.is_valid():
        _token, key = ApiToken.issue(request.user, form.cleaned_data["name"])
    tokens = ApiToken.objects.filter(user=request.user, revoked_at__isnull=True)
    return render(request, "core/api_tokens.html", {"form": form, "key": key, "tokens": tokens})


# The council's figures and returns, each with what it answers; the page lists those the
# user's role may open.
FIGURE_PAGES = (
    ("hub-figures", "The front door", "Requests for support, decisions on time, where requests "
     "went next and the advice line."),
    ("early-help-figures", "Early help", "Open episodes by locality and lead agency, the share "
     "partners lead, reviews on time, step-ups and step-downs, outcomes met."),
    ("caseloads", "Caseloads", "Each worker's and team's children against the council's "
     "target."),
    ("cin-census", "Children in Need census", "Produce and check the Department for "
     "Education's census for a collection year."),
)


@require_http_methods(["GET"])
def figures(request):
    pages = [(reverse(name), title, about) for name, title, about in FIGURE_PAGES
             if allows(name, request.user)]
    return render(request, "core/figures.html", {"pages": pages})
