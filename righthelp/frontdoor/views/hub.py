"""The Hub's pages: the queue, recording a contact, and triage of one request (find the
children, multi-agency checks, visits, who is working on it, answers to information requests).
"""

from datetime import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from righthelp.core import access, audit
from righthelp.core.models import Council
from righthelp.core.url_policy import allows
from righthelp.people import selectors as people_selectors
from righthelp.people import services as people_services
from righthelp.people.matching import SearchTerms, normalise_postcode, parse_query
from righthelp.staff.selectors import current_memberships

from .. import selectors, services
from ..forms import (
    CheckForm,
    ChildSearchForm,
    ContactForm,
    InformationAnswerForm,
    NewPersonForm,
    VisitForm,
    VisitOutcomeForm,
    child_formset,
)
from ..models import HomeVisit, RequestChild, RequestForSupport
from .common import (
    ErrorLink,
    due_tag,
    error_summary,
    hub_request_or_404,
    post_version,
    service_errors,
)

ONLY_HUB_OR_EDT = "Contacts are recorded by the Hub, or out of hours by the Emergency Duty Team."
CHILDREN = {"children": ("#children", "Children")}
CHOOSE_A_PERSON = "Choose the person on the index who is this child."
CANNOT_LINK = "You cannot link a record you may not open."
ALREADY_LINKED = "This child is already linked to a record."


def _is_edt(user) -> bool:
    """In the team the council names for out-of-hours contacts (the Emergency Duty Team)."""
    code = Council.objects.current().front_door.get("teams", {}).get("out_of_hours")
    return bool(code) and current_memberships(user).filter(team__code=code).exists()


def queue(request):
    """Every open contact by urgency then deadline; what arrives at the next opening."""
    council = Council.objects.current()
    rows = [(rfs, due_tag(rfs.decision_due_at, council=council)) for rfs in selectors.queue()]
    selectors.name_children(request.user, [c for rfs, _ in rows for c in rfs.children.all()])
    to_authorise = None
    if allows("hub-decision-authorise", request.user):
        to_authorise = list(selectors.decisions_to_authorise(request.user))
    return render(request, "frontdoor/hub_queue.html", {
        "rows": rows,
        "morning": list(selectors.waiting_for_morning().prefetch_related("children")),
        "to_authorise": to_authorise,
    })


@require_http_methods(["GET", "POST"])
def contact_new(request):
    """A call, police notification, missing report, request for information or, out of
    hours, a contact taken by the Emergency Duty Team and handed over to the Hub."""
    hub = selectors.is_hub(request.user)
    if not (hub or _is_edt(request.user)):
        raise PermissionDenied(ONLY_HUB_OR_EDT)
    initial = {"urgency": RequestForSupport.Urgency.STANDARD,
               "kind": RequestForSupport.Kind.REQUEST_FOR_SUPPORT}
    if not hub:
        initial["source"] = RequestForSupport.Source.OUT_OF_HOURS
    form = ContactForm(request.POST or None, initial=initial, out_of_hours_only=not hub)
    formset = child_formset(request.POST or None)
    elsewhere = []
    if request.method == "POST" and form.is_valid() & formset.is_valid():
        rows = [row.cleaned_data for row in formset if row.cleaned_data]
        try:
            rfs = services.contact_record(actor=request.user, data=form.service_data(),
                                          children=rows, http_request=request)
        except ValidationError as error:
            elsewhere = service_errors(form, error, CHILDREN)
        else:
            if rfs.queued_at > timezone.now():
                messages.success(request, f"Contact {rfs.pk} recorded. It will be in the Hub's "
                                 f"queue at {timezone.localtime(rfs.queued_at):%H:%M on %A %d %B}.")
            else:
                messages.success(request, f"Contact {rfs.pk} recorded and in the Hub's queue.")
            if hub:
                return redirect("hub-request", pk=rfs.pk)
            return redirect("contact-new")
    return render(request, "frontdoor/contact_form.html", {
        "form": form, "formset": formset, "edt": not hub,
        "errors": error_summary(form, formset, elsewhere),
        "children_errors": [e.text.split(": ", 1)[1] for e in elsewhere],
    })


def request_detail(request, pk):
    """The triage page: the request, each child found or added, checks, visits, decision.
    The view of the request is audited (as over the API), and each linked child's history
    is read through need-to-know (``selectors.linked_children``)."""
    with transaction.atomic():
        rfs = hub_request_or_404(pk)
        audit.record(user=request.user, action=audit.Action.VIEW, request=request, obj=rfs)
    council = Council.objects.current()
    children = selectors.linked_children(request.user, rfs, request)
    selectors.name_children(request.user, rfs.children.all())
    decisions = list(rfs.decisions.all())
    live = next((d for d in decisions if d.status == d.Status.AWAITING_AUTHORISATION), None)
    return render(request, "frontdoor/hub_request.html", {
        "rfs": rfs, "tag": due_tag(rfs.decision_due_at, council=council),
        "children": children,
        "checks": [(check, due_tag(check.due_at, check.answered_at, council))
                   for check in rfs.checks.all()],
        "visits": list(rfs.visits.all()),
        "decisions": decisions, "live_decision": live,
        "can_authorise": allows("hub-decision-authorise", request.user),
        "can_decide": (rfs.status == RequestForSupport.Status.IN_QUEUE
                       and rfs.kind != RequestForSupport.Kind.INFORMATION_REQUEST),
        "answer_form": (InformationAnswerForm() if rfs.kind == rfs.Kind.INFORMATION_REQUEST
                        and rfs.status != rfs.Status.ANSWERED else None),
    })


@require_POST
def request_take(request, pk):
    rfs = hub_request_or_404(pk)
    services.request_take(actor=request.user, rfs=rfs, http_request=request)
    messages.success(request, "The queue now shows that you are working on this request.")
    return redirect("hub-request", pk=rfs.pk)


def _terms_for(child: RequestChild, query: str) -> SearchTerms:
    if query.strip():
        return parse_query(query)
    return SearchTerms(given=child.given_names, family=child.family_name,
                       date_of_birth=child.date_of_birth or child.expected_date,
                       postcode=normalise_postcode(child.postcode) if child.postcode else "")


def _new_person_initial(child: RequestChild) -> dict:
    return {"kind": "unborn" if child.expected_date and not child.date_of_birth else "child",
            "given_names": child.given_names, "family_name": child.family_name,
            "date_of_birth": child.date_of_birth, "expected_date": child.expected_date}


@require_http_methods(["GET", "POST"])
def child_link(request, pk):
    """Find or add a child named in a request: search the index and link the record, or add
    a new person (after the duplicate check) and link that."""
    child = get_object_or_404(
        RequestChild.objects.select_related("request", "person")
        .exclude(request__status=RequestForSupport.Status.DRAFT), pk=pk)
    rfs = child.request
    search_form = ChildSearchForm(request.GET or None)
    query = search_form.cleaned_data["q"] if search_form.is_valid() else ""
    action = request.POST.get("action")
    person_form = NewPersonForm(request.POST if action == "create" else None,
                                initial=_new_person_initial(child))
    link_errors, duplicates = [], []
    if child.person_id:
        if request.method == "POST":
            link_errors.append(ALREADY_LINKED)
        action = None
    if action == "link":
        try:
            person = access.open_person(request.user, int(request.POST.get("person", "")),
                                        request)
            services.child_link(actor=request.user, child=child, person=person,
                                http_request=request)
        except (ValueError, Http404):
            link_errors.append(CHOOSE_A_PERSON)
        except access.AccessDenied:
            link_errors.append(CANNOT_LINK)
        except ValidationError as error:
            link_errors += error.messages
        else:
            messages.success(request, f"{child} is linked to {person.full_name}'s record.")
            return redirect("hub-request", pk=rfs.pk)
    elif action == "create" and person_form.is_valid():
        duplicates = [(r.person, r.score) for r in people_selectors.duplicates_for(
            request.user, person_form.cleaned_data, request)]
        if not duplicates or request.POST.get("confirm") == "new":
            try:
                person = _add_and_link(request, child, person_form.cleaned_data)
            except ValidationError as error:
                service_errors(person_form, error)
            else:
                messages.success(request, f"{person.full_name} added to the person index and "
                                 "linked to this request.")
                return redirect("hub-request", pk=rfs.pk)
    terms = _terms_for(child, query)
    results = ([] if terms.is_empty
               else people_selectors.search_people(request.user, terms, request=request))
    return render(request, "frontdoor/child_link.html", {
        "child": child, "rfs": rfs, "search_form": search_form, "results": results,
        "form": person_form, "duplicates": duplicates, "link_errors": link_errors,
        "errors": error_summary(person_form) + [_link_error(m) for m in link_errors],
    })


def _link_error(message: str) -> ErrorLink:
    return ErrorLink("#results", message)


def _add_and_link(request, child: RequestChild, data: dict):
    """Add the person, their address as the request gives it, and link them: all or none."""
    with transaction.atomic():
        person = people_services.person_create(actor=request.user, data=data, request=request)
        if child.address and child.postcode:
            people_services.address_add(actor=request.user, person=person, line_1=child.address,
                                        postcode=child.postcode, request=request)
        services.child_link(actor=request.user, child=child, person=person,
                            http_request=request)
    return person


@require_http_methods(["GET", "POST"])
def check_new(request, pk):
    """Ask a partner agency (optionally one named person in it) what it knows."""
    rfs = hub_request_or_404(pk)
    form = CheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.check_ask(actor=request.user, rfs=rfs, http_request=request,
                               **form.cleaned_data)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, f"Check sent to {form.cleaned_data['agency']}.")
            return redirect("hub-request", pk=rfs.pk)
    return render(request, "frontdoor/hub_form.html", {
        "form": form, "rfs": rfs, "heading": "Ask a multi-agency check", "button": "Send check",
        "errors": error_summary(form)})


@require_http_methods(["GET", "POST"])
def visit_new(request, pk):
    rfs = hub_request_or_404(pk)
    form = VisitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        arranged_for = timezone.make_aware(datetime.combine(data["day"], data["time"]))
        try:
            services.visit_arrange(actor=request.user, rfs=rfs, arranged_for=arranged_for,
                                   visitor=data["visitor"], http_request=request)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Visit arranged.")
            return redirect("hub-request", pk=rfs.pk)
    return render(request, "frontdoor/hub_form.html", {
        "form": form, "rfs": rfs, "heading": "Arrange a visit", "button": "Arrange visit",
        "errors": error_summary(form)})


@require_http_methods(["GET", "POST"])
def visit_outcome(request, pk):
    visit = get_object_or_404(HomeVisit.objects.select_related("visitor"), pk=pk)
    rfs = hub_request_or_404(visit.request_id)
    form = VisitOutcomeForm(request.POST or None, initial={"outcome": visit.outcome})
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_record_outcome(actor=request.user, visit=visit,
                                          outcome=form.cleaned_data["outcome"],
                                          http_request=request)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Visit outcome recorded.")
            return redirect("hub-request", pk=rfs.pk)
    return render(request, "frontdoor/hub_form.html", {
        "form": form, "rfs": rfs, "visit": visit, "heading": "Record the visit's outcome",
        "button": "Save outcome", "errors": error_summary(form)})


@require_http_methods(["GET", "POST"])
def information_answer(request, pk):
    """A request for information from another authority or public body, answered."""
    rfs = hub_request_or_404(pk)
    if rfs.kind != RequestForSupport.Kind.INFORMATION_REQUEST:
        raise Http404("Only a request for information has an answer.")
    form = InformationAnswerForm(request.POST or None, initial={"answer": rfs.answer})
    if request.method == "POST" and form.is_valid():
        try:
            services.information_answer(actor=request.user, rfs=rfs,
                                        answer=form.cleaned_data["answer"],
                                        version=post_version(request), http_request=request)
        except ValidationError as error:
            service_errors(form, error)
        else:
            messages.success(request, "Answer recorded.")
            return redirect("hub-request", pk=rfs.pk)
    return render(request, "frontdoor/hub_form.html", {
        "form": form, "rfs": rfs, "heading": "Answer the request for information",
        "button": "Save answer", "version": rfs.version, "errors": error_summary(form)})

