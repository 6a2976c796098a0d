"""Step up to the Hub when risk escalates: a request for support made through the front door's
own services, sharing the assessment and plan, with the same lead professional staying
involved alongside the Assessment and Support team."""

from django.core.exceptions import ValidationError
from django.db import transaction

from righthelp.core import audit
from righthelp.frontdoor.models import RequestForSupport
from righthelp.frontdoor.services import intake
from righthelp.staff.models import User

from .. import rules
from ..models import EarlyHelpAssessment, EarlyHelpEpisode, EpisodeStatus, FamilyPlan, StepUp
from ..models.plans import name_services
from .common import check_may_edit, children, chronology, lock, move

NEED_CONSENT = ("Say whether the family knows about and agrees to the step up, or why they "
                "were not asked (for example, asking would put the child at risk).")


def shared_summary(episode: EarlyHelpEpisode) -> str:
    """The assessment and plan, as the Hub receives them with the step up."""
    lines = [f"Early help episode #{episode.pk} (Level {episode.level_of_need}), led by "
             f"{episode.lead_professional} ({episode.lead_organisation})."]
    assessment = EarlyHelpAssessment.objects.filter(episode=episode).first()
    if assessment is not None:
        lines += [
            f"Assessment ({assessment.get_status_display().lower()}):",
            f"What is working well: {assessment.strengths or '-'}",
            f"What we are worried about: {assessment.worries or '-'}",
            f"The child's words: {assessment.childs_words or '-'}",
            f"The parents' words: {assessment.parents_words or '-'}",
            f"What the family wants to change: {assessment.family_wants_to_change or '-'}",
        ]
    plan = FamilyPlan.objects.filter(episode=episode).first()
    if plan is not None:
        lines.append(f"The family's plan: {plan.what_we_want or '-'}")
        lines += [f"- {a.who_label}: {a.what} by {a.by_when:%d %B %Y} "
                  f"({a.get_status_display().lower()})" for a in name_services(plan.actions.all())]
    return "\n".join(lines)


def step_up(
    *, actor: User, episode: EarlyHelpEpisode, version: int | None, risk_change: str,
    what_changed: str, childs_words: str = "", family_agreed: bool | None = None,
    no_consent_reason: str = "", http_request=None,
) -> StepUp:
    """Refused unless the risk has escalated and the change is described."""
    check_may_edit(actor, episode)
    verdict = rules.step_up_verdict(risk_change, what_changed)
    if not verdict.allowed:
        raise ValidationError({verdict.field: verdict.message})
    if family_agreed is not True and not no_consent_reason.strip():
        raise ValidationError({"family_agreed": NEED_CONSENT})
    with transaction.atomic():
        episode = lock(episode, version)
        move(episode, EpisodeStatus.STEPPED_UP)
        summary = shared_summary(episode)
        assessment = EarlyHelpAssessment.objects.filter(episode=episode).first()
        kids = children(episode)
        rfs = intake.request_save_draft(
            actor=actor, http_request=http_request,
            data={
                "worries": f"Step up from early help. What changed: {what_changed.strip()}"
                           f"\n\n{summary}",
                "working_well": (assessment.strengths if assessment and assessment.strengths
                                 else "See the early help assessment and plan shared below."),
                "childs_words": childs_words.strip() or (assessment.childs_words
                                                         if assessment else ""),
                "level_asked": RequestForSupport.LevelAsked.SAFEGUARDING,
                "consent_given": family_agreed,
                "consent_dispensed_reason": no_consent_reason.strip(),
                "family_details": ", ".join(
                    f"{m.person.full_name} ({m.relationship or 'adult'})"
                    for m in episode.memberships.filter(is_child=False).select_related(
                        "person")),
                "referrer_name": str(actor),
                "referrer_role": f"Lead professional, early help episode #{episode.pk}",
            },
            children=[{"given_names": c.given_names, "family_name": c.family_name,
                       "date_of_birth": c.date_of_birth, "expected_date": c.expected_date,
                       "postcode": c.current_postcode} for c in kids])
        for row, child in zip(rfs.children.order_by("pk"), kids, strict=True):
            intake.child_link(actor=actor, child=row, person=child, http_request=http_request)
        if episode.locality_id and rfs.locality_id is None:
            RequestForSupport.objects.filter(pk=rfs.pk).update(locality=episode.locality)
        rfs = intake.request_submit(actor=actor, rfs=rfs, version=rfs.version,
                                    http_request=http_request)
        episode.save()
        step = StepUp.objects.create(
            episode=episode, risk_change=risk_change, what_changed=what_changed.strip(),
            childs_words=childs_words.strip(), shared_summary=summary, request=rfs,
            stepped_up_by=actor)
        for child in kids:
            chronology(actor, child, f"Stepped up from early help to the Hub (request "
                                     f"#{rfs.pk}); the lead professional stays involved.")
        audit.record(user=actor, action=audit.Action.CREATE, request=http_request, obj=step,
                     detail={"early_help_episode": episode.pk, "request": rfs.pk})
    return step
