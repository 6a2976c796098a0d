"""Person index pages: search, add (with the duplicate check), the child's record, edits."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from righthelp.core import access
from righthelp.core.forms import add_service_errors
from righthelp.core.url_policy import allows

from . import selectors, services
from .forms import (
    AddressForm,
    BreakGlassForm,
    MergeForm,
    PersonForm,
    RelationshipForm,
    SearchForm,
)
from .matching import parse_query
from .models import Person

NO_SUCH_PERSON = "No person has that record number. Check the number and try again."


def search(request):
    form = SearchForm(request.GET or None)
    results = None
    if form.is_valid() and form.cleaned_data["q"].strip():
        terms = parse_query(form.cleaned_data["q"])
        results = selectors.search_people(request.user, terms, request=request)
    return render(request, "people/search.html", {
        "form": form, "results": results, "can_add": allows("person-add", request.user)})


@require_http_methods(["GET", "POST"])
def person_add(request):
    """Add a person; offers possible duplicates first, and adds only when confirmed."""
    form = PersonForm(request.POST or None, initial={"kind": Person.Kind.CHILD})
    duplicates = []
    if request.method == "POST" and form.is_valid():
        duplicates = [(r.person, r.score) for r in
                      selectors.duplicates_for(request.user, form.cleaned_data, request)]
        if not duplicates or request.POST.get("confirm") == "new":
            try:
                person = services.person_create(
                    actor=request.user, data=form.cleaned_data, request=request)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"{person.full_name} added to the person index.")
                return redirect("person-record", pk=person.pk)
    return render(request, "people/person_form.html",
                  {"form": form, "duplicates": duplicates, "adding": True})


def person_record(request, pk):
    person = access.open_person(request.user, pk, request)
    if person.merged_into_id:
        messages.info(request, "That record was merged into this one.")
        return redirect("person-record", pk=person.merged_into_id)
    record = selectors.person_record(person, viewer=request.user)
    return render(request, "people/record.html", {
        "record": record, "person": person,
        "can_edit": allows("person-edit", request.user),
        "is_manager": allows("person-audit", request.user),
        "can_see_social_work": allows("sw-child", request.user),
    })


@require_http_methods(["GET", "POST"])
def person_edit(request, pk):
    person = access.open_person(request.user, pk, request)
    form = PersonForm(request.POST or None, instance=person,
                      initial={"version": person.version})
    if request.method == "POST" and form.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            services.person_update(actor=request.user, person=person, request=request,
                                   version=form.cleaned_data["version"] or 0, changes=changes)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Changes saved.")
            return redirect("person-record", pk=person.pk)
    return render(request, "people/person_form.html", {"form": form, "person": person})


@require_http_methods(["GET", "POST"])
def address_add(request, pk):
    person = access.open_person(request.user, pk, request)
    form = AddressForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.address_add(actor=request.user, person=person, request=request,
                                 **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Address saved.")
            return redirect("person-record", pk=person.pk)
    return render(request, "people/simple_form.html",
                  {"form": form, "person": person, "heading": "Add an address"})


@require_http_methods(["GET", "POST"])
def network_add(request, pk):
    person = access.open_person(request.user, pk, request)
    form = RelationshipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        related_id = data.pop("related_person")
        try:
            if related_id:
                data["related_person"] = access.open_person(request.user, related_id, request)
            services.relationship_add(actor=request.user, child=person, data=data,
                                      request=request)
        except access.AccessDenied:
            form.add_error("related_person", "You cannot link a record you may not open.")
        except Http404:
            form.add_error("related_person", NO_SUCH_PERSON)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Added to the family network.")
            return redirect("person-record", pk=person.pk)
    return render(request, "people/simple_form.html", {
        "form": form, "person": person, "heading": "Add someone to the family network"})


def person_audit(request, pk):
    """Who looked at this record: every view, refusal and change, for a manager."""
    person = access.open_person(request.user, pk, request)
    return render(request, "people/audit.html",
                  {"person": person, "events": selectors.who_looked(person)})


@require_http_methods(["GET", "POST"])
def person_merge(request, pk):
    keep = access.open_person(request.user, pk, request)
    form = MergeForm(request.POST or None, initial={"duplicate": request.GET.get("duplicate")})
    if request.method == "POST" and form.is_valid():
        try:
            duplicate = access.open_person(request.user, form.cleaned_data["duplicate"], request)
            services.person_merge(actor=request.user, keep=keep, duplicate=duplicate,
                                  reason=form.cleaned_data["reason"], request=request)
        except access.AccessDenied:
            form.add_error("duplicate", "You cannot merge a record you may not open.")
        except Http404:
            form.add_error("duplicate", NO_SUCH_PERSON)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Records merged. Both histories are kept.")
            return redirect("person-record", pk=keep.pk)
    return render(request, "people/simple_form.html", {
        "form": form, "person": keep, "heading": "Merge a duplicate into this record"})


@require_http_methods(["GET", "POST"])
def break_glass(request, pk):
    person = Person.objects.filter(pk=pk).first()
    if person is None:
        return redirect("search")
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            access.break_glass(request.user, person, form.cleaned_data["reason"], request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.warning(request, "Emergency access granted. Your team manager will see it.")
            return redirect("person-record", pk=pk)
    return render(request, "people/simple_form.html", {
        "form": form, "heading": "Emergency access", "warning": True, "person_name": None})
