"""Episodes: my episodes, opening one, the episode page, members, invitations, agreeing the
lead, consent, step up, closing, and the link worker's view."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from righthelp.core.access import visible_people
from righthelp.people.models import Person
from righthelp.staff.models import Role, User

from .. import access, selectors, services
from ..forms import (
    AgreeLeadForm,
    CloseForm,
    ConsentForm,
    InviteForm,
    MemberForm,
    OpenForm,
    StepUpForm,
)
from ..models import PlanAction
from ..services import NewMember
from .common import episode_for, show_errors, version_of


def home(request):
    user = request.user
    hub = access.in_early_help_hub(user)
    return render(request, "earlyhelp/home.html", {
        "rows": selectors.episodes_for(user),
        "waiting": selectors.waiting_for_lead(user) if hub else [],
        "can_open": user.role in (Role.PARTNER_LEAD_PROFESSIONAL, Role.EARLY_HELP_PRACTITIONER),
        "is_link_worker": user.role in (Role.LINK_WORKER, Role.TEAM_MANAGER),
    })


def _known_children(user: User) -> list[Person]:
    return list(visible_people(user).filter(kind=Person.Kind.CHILD).order_by(
        "family_name", "given_names")[:200])


@require_http_methods(["GET", "POST"])
def episode_open(request):
    children = _known_children(request.user)
    form = OpenForm(request.POST or None, children=children)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        members = []
        if data.get("existing_child"):
            child = next(p for p in children if p.pk == data["existing_child"])
            members.append(NewMember(is_child=True, person=child))
        if data["child_given_names"] or data["child_family_name"]:
            members.append(NewMember(is_child=True, details={
                "given_names": data["child_given_names"],
                "family_name": data["child_family_name"],
                "date_of_birth": data["child_date_of_birth"]}))
        if data["parent_given_names"] or data["parent_family_name"]:
            members.append(NewMember(is_child=False, relationship=data["parent_relationship"],
                                     details={"kind": "adult",
                                              "given_names": data["parent_given_names"],
                                              "family_name": data["parent_family_name"]}))
        try:
            episode = services.episode_open(
                actor=request.user, members=members, level_of_need=data["level_of_need"],
                why_help=data["why_help"], consent_given_by=data["consent_given_by"],
                consent_given=data["consent_given"], locality=data["locality"],
                http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "Early help is open. Start the assessment with the "
                             "family when you are ready.")
            return redirect("early-help-episode", pk=episode.pk)
    return render(request, "earlyhelp/form.html", {
        "form": form, "title": "Open early help for a family",
        "caption": "Early help", "button": "Open early help",
        "intro": "For a family you know who agree to early help. Add more family members on "
                 "the next page."})


def episode(request, pk):
    found = episode_for(request, pk)
    detail = selectors.episode_detail(found)
    can_edit = access.editable_episodes(request.user).filter(pk=pk).exists()
    return render(request, "earlyhelp/episode.html", {
        "episode": found, "d": detail, "can_edit": can_edit,
        "can_agree_lead": found.status == "agreeing_lead" and access.in_early_help_hub(
            request.user)})


@require_http_methods(["GET", "POST"])
def member_add(request, pk):
    found = episode_for(request, pk, edit=True)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        details = {k: data[k] for k in ("given_names", "family_name", "date_of_birth")}
        if not data["is_child"]:
            details["kind"] = "adult"
        try:
            services.member_add(actor=request.user, episode=found, http_request=request,
                                member=NewMember(is_child=data["is_child"], details=details,
                                                 relationship=data["relationship"]))
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{data['given_names']} added to the family.")
            return redirect("early-help-episode", pk=pk)
    return _form(request, found, form, "Add someone to the family", "Add")


def _form(request, found, form, title, button, **extra):
    return render(request, "earlyhelp/form.html", {
        "form": form, "episode": found, "title": title, "button": button,
        "caption": f"Early help with the {found.family} family", **extra})


@require_http_methods(["GET", "POST"])
def invite(request, pk):
    found = episode_for(request, pk, edit=True)
    users = User.objects.filter(is_active=True).exclude(
        role__in=(Role.ANALYST, Role.ADMINISTRATOR)).exclude(pk=request.user.pk).select_related(
        "agency").order_by("last_name", "first_name")[:300]
    form = InviteForm(request.POST or None, users=users)
    if request.method == "POST" and form.is_valid():
        user = User.objects.get(pk=form.cleaned_data["user"])
        try:
            services.invitation_add(actor=request.user, episode=found, user=user,
                                    access=form.cleaned_data["access"],
                                    reason=form.cleaned_data["reason"], http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{user} is now part of the team around the family.")
            return redirect("early-help-episode", pk=pk)
    return _form(request, found, form, "Invite someone into the team around the family",
                 "Invite")


@require_http_methods(["GET", "POST"])
def agree_lead(request, pk):
    found = episode_for(request, pk, edit=True)
    leads = User.objects.filter(is_active=True, role__in=(
        Role.PARTNER_LEAD_PROFESSIONAL, Role.EARLY_HELP_PRACTITIONER)).select_related(
        "agency").order_by("agency__name", "last_name")[:300]
    form = AgreeLeadForm(request.POST or None, leads=leads,
                         initial={"level_of_need": found.level_of_need})
    if request.method == "POST" and form.is_valid():
        try:
            services.episode_agree_lead(
                actor=request.user, episode=found, version=version_of(request),
                lead_professional=User.objects.get(pk=form.cleaned_data["lead_professional"]),
                level_of_need=form.cleaned_data["level_of_need"], http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "The lead professional is agreed.")
            return redirect("early-help-episode", pk=pk)
    return _form(request, found, form, "Agree who leads", "Agree the lead",
                 version=found.version)


@require_http_methods(["GET", "POST"])
def consent(request, pk):
    found = episode_for(request, pk, edit=True)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.consent_withdraw(
                actor=request.user, episode=found, version=version_of(request),
                withdrawn_by=form.cleaned_data["withdrawn_by"],
                significant_harm_reason=form.cleaned_data["significant_harm_reason"],
                http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "The episode stays open: the reason is recorded."
                             if result.is_live else "The episode is closed, as the family "
                             "asked.")
            return redirect("early-help-episode", pk=pk)
    return _form(request, found, form, "The family withdrew consent", "Record it",
                 version=found.version)


@require_http_methods(["GET", "POST"])
def step_up(request, pk):
    found = episode_for(request, pk, edit=True)
    form = StepUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            step = services.step_up(
                actor=request.user, episode=found, version=version_of(request),
                risk_change=data["risk_change"], what_changed=data["what_changed"],
                childs_words=data["childs_words"], family_agreed=data["family_agreed"] or None,
                no_consent_reason=data["no_consent_reason"], http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, f"Request for support #{step.request_id} sent to the Hub "
                             "with the assessment and plan. You stay the lead professional.")
            return redirect("early-help-episode", pk=pk)
    return _form(request, found, form, "Step up to the Hub", "Send to the Hub",
                 version=found.version,
                 intro="Step up only when the risk to the child has gone up. The Hub receives "
                       "the assessment and the plan, and you stay involved alongside the "
                       "Assessment and Support team.")


@require_http_methods(["GET", "POST"])
def close(request, pk):
    found = episode_for(request, pk, edit=True)
    actions = PlanAction.objects.filter(plan__episode=found)
    form = CloseForm(request.POST or None, actions=actions)
    if request.method == "POST" and form.is_valid():
        try:
            services.episode_close(
                actor=request.user, episode=found, version=version_of(request),
                reason=form.cleaned_data["reason"],
                family_outcome=form.cleaned_data["family_outcome"],
                action_outcomes=form.outcomes(), http_request=request)
        except ValidationError as error:
            show_errors(form, error)
        else:
            messages.success(request, "The episode is closed.")
            return redirect("early-help-episode", pk=pk)
    return _form(request, found, form, "Close early help", "Close", version=found.version,
                 intro="Celebrate positive changes: record what worked, for each action and "
                       "for the family.")


def link_worker(request):
    return render(request, "earlyhelp/link_worker.html",
                  {"view": selectors.link_worker_view(request.user)})
