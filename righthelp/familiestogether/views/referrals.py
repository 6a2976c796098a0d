"""Referral pages: the list, making a referral, the referral, consultation, decision, end."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from righthelp.core import access

from .. import selectors, services
from ..forms import ConsultationForm, DecisionForm, EndForm, ReferralForm
from .common import audited_view, form_page, visible


def referral_list(request):
    user = request.user
    team_member = selectors.is_team_member(user)
    return render(request, "familiestogether/referral_list.html", {
        "referrals": selectors.referral_list(user, request=request), "team_member": team_member,
        "children": [] if team_member else selectors.children_to_refer(user)})


@require_http_methods(["GET", "POST"])
def referral_new(request, pk):
    person = access.open_person(request.user, pk, request)
    form = ReferralForm(request.POST or None, coordinators=selectors.coordinators())
    return form_page(
        request, form=form, referral=None, heading=f"Refer {person.full_name} to Families Together",
        intro="Talk to the Families Together coordinator first and record the consultation "
              "here: the referral is accepted only after that consultation is recorded.",
        save=lambda: services.referral_create(
            actor=request.user, person=person, request=request, **form.cleaned_data),
        done="Referral sent to Families Together.", button="Send referral")


def referral_detail(request, pk):
    user = request.user
    referral = visible(selectors.referral_for, request, pk)
    audited_view(request, referral)
    person = referral.person
    return render(request, "familiestogether/referral.html", {
        "referral": referral, "meetings": selectors.meetings_of(referral),
        "crises": selectors.crises_of(referral),
        "team_member": selectors.is_team_member(user),
        "responsible": selectors.is_allocated_social_worker(user, person)
        or selectors.manages_childs_social_work(user, person),
        "referrer": referral.referred_by_id == user.pk
        or selectors.is_allocated_social_worker(user, person)})


@require_http_methods(["GET", "POST"])
def consultation(request, pk):
    referral = visible(selectors.referral_for, request, pk)
    form = ConsultationForm(request.POST or None, coordinators=selectors.coordinators(),
                            initial={"coordinator": referral.consulted_with_id,
                                     "on": referral.consulted_on,
                                     "discussed": referral.consultation_notes})
    return form_page(
        request, form=form, referral=referral, heading="Consultation with the coordinator",
        save=lambda: services.referral_consultation(
            actor=request.user, referral=referral, request=request, **form.cleaned_data),
        done="Consultation recorded.")


@require_http_methods(["GET", "POST"])
def decision(request, pk):
    referral = visible(selectors.referral_for, request, pk)
    form = DecisionForm(request.POST or None, coordinators=selectors.coordinators())

    def save():
        data = form.cleaned_data
        if data["decision"] == "accept":
            return services.referral_accept(actor=request.user, referral=referral,
                                            practitioner=data["practitioner"],
                                            note=data["reason"], request=request)
        return services.referral_decline(actor=request.user, referral=referral,
                                         reason=data["reason"], request=request)

    return form_page(request, form=form, referral=referral, heading="Accept or decline",
                     save=save, done="Decision recorded.")


@require_http_methods(["GET", "POST"])
def referral_end(request, pk):
    """The team closes its work; the social worker withdraws the referral."""
    referral = visible(selectors.referral_for, request, pk)
    form = EndForm(request.POST or None)
    team = selectors.is_team_member(request.user)
    end = services.referral_close if team else services.referral_withdraw
    return form_page(
        request, form=form, referral=referral,
        heading="Close the work" if team else "Withdraw the referral",
        save=lambda: end(actor=request.user, referral=referral, request=request,
                         **form.cleaned_data),
        done="Closed." if team else "Referral withdrawn.")
