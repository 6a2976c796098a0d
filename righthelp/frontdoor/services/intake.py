"""What comes in: partner requests (with drafts), calls, police notifications, missing
reports, requests for information, and contacts handed over by the Emergency Duty Team."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from righthelp.core import audit, clocks
from righthelp.core.council_settings import timescale
from righthelp.core.models import Council, Locality
from righthelp.people.models import ChronologyEntry, Involvement, Person, Relationship
from righthelp.staff.models import User

from ..models import RequestChild, RequestForSupport
from .common import lock, team_for

REQUEST_FIELDS = (
    "kind", "source", "urgency", "referrer_name", "referrer_role", "referrer_agency",
    "referrer_contact", "worries", "working_well", "childs_words", "family_details",
    "level_asked", "consent_given", "consent_dispensed_reason", "exploitation_worry",
    "missing_worry", "edt_actions", "information_requested_by",
)
CHILD_FIELDS = ("given_names", "family_name", "date_of_birth", "expected_date", "address",
                "postcode")

NEED_CHILD = "Name at least one child (a name, or an expected date for an unborn baby)."
NEED_WORRIES = "Say what you are worried about."
NEED_WORKING_WELL = "Say what is working well for the family."
NEED_LEVEL = "Say whether this is a request for support (Level 2 or 3) or a safeguarding worry."
NEED_CONSENT = ("Say whether the family agreed to this request, or record why consent was not "
                "sought (for example, asking would put the child at risk).")
NEED_EDT_ACTIONS = "Say what the Emergency Duty Team has already done."
NEED_REFERRER = "Say who is asking and from which agency."
ALREADY_LINKED = "That record is already linked to another child in this request."
CHILD_ALREADY_LINKED = "This child is already linked to a record."
MERGED_RECORD = "That record was merged into record {pk}; link that one."
NO_LONGER_OPEN = "This request has been decided or answered; it is no longer open."
ALREADY_ANSWERED = "This request for information has already been answered."


def _apply(rfs: RequestForSupport, data: dict) -> None:
    for field in REQUEST_FIELDS:
        if field in data:
            setattr(rfs, field, data[field])


def _replace_children(rfs: RequestForSupport, children: list[dict] | None) -> None:
    if children is None:
        return
    rfs.children.filter(person__isnull=True).delete()
    for child in children:
        if any(child.get(f) for f in CHILD_FIELDS):
            RequestChild.objects.create(request=rfs, **{f: child.get(f) or _blank(f)
                                                        for f in CHILD_FIELDS})


def _blank(field: str):
    return None if field in ("date_of_birth", "expected_date") else ""


def request_save_draft(
    *, actor: User, data: dict, children: list[dict] | None = None,
    rfs: RequestForSupport | None = None, version: int | None = None, http_request=None,
) -> RequestForSupport:
    """Save a partner's request as it is, however unfinished, to finish later."""
    with transaction.atomic():
        if rfs is None:
            rfs = RequestForSupport(referrer=actor, source=RequestForSupport.Source.ONLINE_FORM,
                                    referrer_agency=actor.agency)
        else:
            rfs = lock(rfs, version)
            if rfs.status != RequestForSupport.Status.DRAFT:
                raise ValidationError("This request has been sent; it can no longer be changed.")
        _apply(rfs, {k: v for k, v in data.items() if k not in ("source", "kind")})
        rfs.save()
        _replace_children(rfs, children)
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=rfs,
                     detail={"draft": True})
    return rfs


def validate_for_submission(rfs: RequestForSupport) -> None:
    """Everything a request needs before it reaches the Hub, as field errors."""
    errors = {}
    if not rfs.children.exists():
        errors["children"] = NEED_CHILD
    if not rfs.worries.strip():
        errors["worries"] = NEED_WORRIES
    if rfs.kind == RequestForSupport.Kind.REQUEST_FOR_SUPPORT:
        if not rfs.level_asked:
            errors["level_asked"] = NEED_LEVEL
        if rfs.source == RequestForSupport.Source.ONLINE_FORM and not rfs.working_well.strip():
            errors["working_well"] = NEED_WORKING_WELL
        if rfs.consent_given is not True and not rfs.consent_dispensed_reason.strip():
            errors["consent_given"] = NEED_CONSENT
    if rfs.out_of_hours and not rfs.edt_actions.strip():
        errors["edt_actions"] = NEED_EDT_ACTIONS
    if not (rfs.referrer_id or rfs.referrer_name.strip()):
        errors["referrer_name"] = NEED_REFERRER
    if errors:
        raise ValidationError(errors)


def _start_clock(rfs: RequestForSupport, received_at: datetime) -> None:
    """The request lands in the queue now, or at the next opening if out of hours."""
    council = Council.objects.current()
    rule = timescale("hub-decision")
    rfs.received_at = received_at
    rfs.queued_at = clocks.office_start(received_at, council.office_opens, council.office_closes)
    rfs.decision_due_at = clocks.office_due_at(
        received_at, rule.amount, council.office_opens, council.office_closes)
    rfs.status = RequestForSupport.Status.IN_QUEUE


def request_submit(
    *, actor: User, rfs: RequestForSupport, version: int | None = None, http_request=None,
) -> RequestForSupport:
    """Send a request to the Hub: checked whole, then on the clock and in the queue."""
    with transaction.atomic():
        rfs = lock(rfs, version)
        if rfs.status != RequestForSupport.Status.DRAFT:
            raise ValidationError("This request has already been sent.")
        validate_for_submission(rfs)
        _start_clock(rfs, timezone.now())
        rfs.save()
        for child in rfs.children.filter(person__isnull=False).select_related("person"):
            _on_linked(actor, rfs, child.person)
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request, obj=rfs,
                     detail={"submitted": True, "due": rfs.decision_due_at.isoformat()})
    return rfs


def contact_record(
    *, actor: User, data: dict, children: list[dict], received_at: datetime | None = None,
    http_request=None,
) -> RequestForSupport:
    """A Hub or EDT worker records a call, notification, missing report or request for
    information; EDT contacts are marked out of hours and handed over to the Hub."""
    out_of_hours = data.get("source") == RequestForSupport.Source.OUT_OF_HOURS
    with transaction.atomic():
        rfs = RequestForSupport(recorded_by=actor, out_of_hours=out_of_hours,
                                handed_over=out_of_hours)
        _apply(rfs, data)
        if not rfs.source:
            raise ValidationError({"source": "Say how this contact came in."})
        rfs.save()
        _replace_children(rfs, children)
        validate_for_submission(rfs)
        _start_clock(rfs, received_at or timezone.now())
        rfs.save()
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request, obj=rfs,
                     detail={"source": rfs.source, "out_of_hours": out_of_hours})
    return rfs


def child_link(
    *, actor: User, child: RequestChild, person: Person, http_request=None,
) -> RequestChild:
    """Link a child named in a request to the person index (found, or just added)."""
    if person.merged_into_id:
        raise ValidationError({"person": MERGED_RECORD.format(pk=person.merged_into_id)})
    if child.request.children.filter(person=person).exclude(pk=child.pk).exists():
        raise ValidationError({"person": ALREADY_LINKED})
    with transaction.atomic():
        # Under a lock, so that two workers linking the same child cannot both succeed.
        current = RequestChild.objects.select_for_update().select_related("request").get(
            pk=child.pk)
        if current.person_id:
            raise ValidationError({"person": CHILD_ALREADY_LINKED})
        if current.request.status in (RequestForSupport.Status.DECIDED,
                                      RequestForSupport.Status.ANSWERED):
            raise ValidationError(NO_LONGER_OPEN)
        child.person = person
        child.save()
        rfs = child.request
        if rfs.status != RequestForSupport.Status.DRAFT:
            _on_linked(actor, rfs, person)
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request,
                     person=person, obj=rfs, detail={"linked_child": child.pk})
    return child


def _on_linked(actor: User, rfs: RequestForSupport, person: Person) -> None:
    """Put the request on the child's record, and fill the network from what it says."""
    hub = team_for("hub")
    if rfs.locality_id is None and person.current_postcode:
        rfs.locality = locality_of(person.current_postcode)
        RequestForSupport.objects.filter(pk=rfs.pk).update(locality=rfs.locality)
    received = timezone.localtime(rfs.received_at or timezone.now())
    if not Involvement.objects.filter(person=person, kind="request_for_support",
                                      end__isnull=True, summary__startswith=f"#{rfs.pk} ").exists():
        Involvement.objects.create(person=person, kind="request_for_support", team=hub,
                                   start=received.date(), summary=f"#{rfs.pk} {rfs.worries[:200]}")
    ChronologyEntry.objects.create(
        person=person, occurred_at=received, kind="request_for_support", recorded_by=actor,
        summary=f"{rfs.get_kind_display()} from {_who_asked(rfs)}.",
    )
    if rfs.kind == RequestForSupport.Kind.MISSING or rfs.missing_worry:
        _tell_awaken(actor, rfs, person)
    siblings = rfs.children.filter(person__isnull=False).exclude(person=person)
    for sibling in siblings.select_related("person"):
        if not Relationship.objects.filter(child=person, related_person=sibling.person).exists():
            Relationship.objects.create(child=person, related_person=sibling.person,
                                        kind="sibling", category="relative")
    referrer = rfs.referrer.get_full_name() if rfs.referrer_id else rfs.referrer_name
    if referrer and not Relationship.objects.filter(child=person, name=referrer).exists():
        Relationship.objects.create(
            child=person, name=referrer, category="professional",
            kind="other_professional", organisation=str(rfs.referrer_agency or ""),
            contact=rfs.referrer_contact,
        )


def locality_of(postcode: str) -> Locality | None:
    """The first locality whose postcode districts include this postcode's district."""
    district = postcode.split(" ")[0].upper()
    for locality in Locality.objects.filter(council__active=True).order_by("pk"):
        if district in locality.postcode_districts.upper().split():
            return locality
    return None


def _who_asked(rfs: RequestForSupport) -> str:
    return str(rfs.referrer_agency or rfs.referrer_name or rfs.get_source_display())


def _tell_awaken(actor: User, rfs: RequestForSupport, person: Person) -> None:
    """Missing reports also go to the exploitation and missing service."""
    awaken = team_for("exploitation")
    if not Involvement.objects.filter(person=person, team=awaken, end__isnull=True).exists():
        Involvement.objects.create(person=person, kind="exploitation", team=awaken,
                                   start=timezone.localdate(),
                                   summary=f"#{rfs.pk} Missing report passed to Awaken.")


def information_answer(
    *, actor: User, rfs: RequestForSupport, answer: str, version: int | None = None,
    http_request=None,
) -> RequestForSupport:
    if rfs.kind != RequestForSupport.Kind.INFORMATION_REQUEST:
        raise ValidationError("Only a request for information has an answer.")
    if not answer.strip():
        raise ValidationError({"answer": "Write the answer to send."})
    with transaction.atomic():
        rfs = lock(rfs, version)
        if rfs.status == RequestForSupport.Status.ANSWERED:
            raise ValidationError(ALREADY_ANSWERED, code="edit_conflict")
        rfs.answer, rfs.answered_at = answer.strip(), timezone.now()
        rfs.status = RequestForSupport.Status.ANSWERED
        rfs.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request, obj=rfs,
                     detail={"answered": True})
    return rfs
