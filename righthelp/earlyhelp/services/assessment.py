"""The Early Help Assessment, written over several sittings: every save keeps the draft (each
version is in its history), and completing it is a separate step once the parts it needs are
there."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from righthelp.core import audit
from righthelp.staff.models import User

from .. import rules
from ..models import AssessmentStatus, EarlyHelpAssessment, EarlyHelpEpisode
from .common import check_may_edit, children, chronology, lock, require_open

ASSESSMENT_FIELDS = ("life_for_the_child", "family_needs", "strengths", "worries",
                     "childs_words", "parents_words", "family_wants_to_change")
ALREADY_COMPLETED = "This assessment has been completed; it can no longer be changed."
CANNOT_COMPLETE = "To complete the assessment, add {parts}."
MISSING_PART = "Add {label} before completing the assessment."


def assessment_save(
    *, actor: User, episode: EarlyHelpEpisode, data: dict, version: int | None = None,
    http_request=None,
) -> EarlyHelpAssessment:
    """Save the assessment as it is, however unfinished (a sitting)."""
    check_may_edit(actor, episode)
    require_open(episode)
    with transaction.atomic():
        existing = EarlyHelpAssessment.objects.filter(episode=episode).first()
        if existing is None:
            assessment = EarlyHelpAssessment(episode=episode, last_saved_by=actor)
        else:
            assessment = lock(existing, version)
            if assessment.status == AssessmentStatus.COMPLETED:
                raise ValidationError(ALREADY_COMPLETED, code="edit_conflict")
            assessment.sittings += 1
        for name in ASSESSMENT_FIELDS:
            if name in data:
                setattr(assessment, name, (data[name] or "").strip())
        assessment.last_saved_at, assessment.last_saved_by = timezone.now(), actor
        assessment.save()
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request,
                     obj=assessment, detail={"early_help_episode": episode.pk,
                                             "sitting": assessment.sittings})
    return assessment


def assessment_complete(
    *, actor: User, episode: EarlyHelpEpisode, version: int | None, http_request=None,
) -> EarlyHelpAssessment:
    """Complete the assessment; refused, naming each missing part, until it has them."""
    check_may_edit(actor, episode)
    require_open(episode)
    existing = EarlyHelpAssessment.objects.filter(episode=episode).first()
    fields = {name: getattr(existing, name) for name in ASSESSMENT_FIELDS} if existing else {}
    missing = rules.missing_for_completion(fields)
    if missing:
        errors = {name: MISSING_PART.format(label=label) for name, label in missing.items()}
        errors["__all__"] = CANNOT_COMPLETE.format(parts=_and(list(missing.values())))
        raise ValidationError(errors)
    with transaction.atomic():
        assessment = lock(existing, version)
        if assessment.status == AssessmentStatus.COMPLETED:
            raise ValidationError(ALREADY_COMPLETED, code="edit_conflict")
        assessment.status = AssessmentStatus.COMPLETED
        assessment.completed_at, assessment.completed_by = timezone.now(), actor
        assessment.save()
        for child in children(episode):
            chronology(actor, child, "Early Help Assessment completed.")
        audit.record(user=actor, action=audit.Action.CHANGE, request=http_request,
                     obj=assessment, detail={"early_help_episode": episode.pk,
                                             "completed": True})
    return assessment


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
