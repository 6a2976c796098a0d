"""Early help test data: an episode at each stage, through the services (as the pages do)."""

from datetime import date, timedelta

from django.utils import timezone

from righthelp.core.testing import make_user
from righthelp.earlyhelp import services
from righthelp.earlyhelp.services import NewMember
from righthelp.frontdoor import services as frontdoor
from righthelp.frontdoor.rules import Facts
from righthelp.staff.models import Role, Team

ASSESSMENT = {
    "life_for_the_child": "Jonathan is 11, loves football, and is often late for school.",
    "family_needs": "Mum works nights; mornings are hard.",
    "strengths": "Mum and Jonathan are close; his gran helps.",
    "worries": "Jonathan misses the first lesson most days and is tired.",
    "childs_words": "I want to get to football training on time.",
    "parents_words": "I want mornings to be less of a battle.",
    "family_wants_to_change": "Getting to school on time, calmer mornings.",
}


def later(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


ACTIONS = [
    {"who": "family", "what": "Set out school clothes the night before.", "by_when": later(14),
     "how_we_will_know": "Jonathan is at school by 8:45 four days a week."},
    {"who": "council_service", "council_service": "families_in_need",
     "what": "Triple P parenting sessions for Sarah.", "by_when": later(42),
     "how_we_will_know": "Sarah says mornings feel calmer."},
    {"who": "lead_professional", "what": "Arrange a breakfast club place.",
     "by_when": later(7), "how_we_will_know": "Jonathan has breakfast at school."},
]


def open_episode(world, actor=None, child=None, mother=None):
    actor = actor or world.users["partner_lead_professional"]
    return services.episode_open(
        actor=actor, level_of_need=2, why_help="Late for school, tired mornings.",
        consent_given_by="Sarah Smith (mother)", consent_given=True,
        members=[NewMember(is_child=True, person=child or world.child),
                 NewMember(is_child=False, person=mother or world.mother,
                           relationship="mother")])


def assessed(world, episode, actor=None):
    actor = actor or episode.lead_professional
    assessment = services.assessment_save(actor=actor, episode=episode, data=ASSESSMENT)
    return services.assessment_complete(actor=actor, episode=episode,
                                        version=assessment.version)


def planned(world, episode, actor=None):
    actor = actor or episode.lead_professional
    assessed(world, episode, actor)
    services.plan_save(actor=actor, episode=episode,
                       what_we_want="Jonathan gets to school on time and mornings are calm.")
    for action in ACTIONS:
        services.action_add(actor=actor, episode=episode, data=action)
    return services.plan_agree(actor=actor, episode=episode, agreed_with="Sarah and Jonathan")


def early_help_hub_worker():
    return make_user(Role.EARLY_HELP_PRACTITIONER, username="eh-hub",
                     team=Team.objects.get(code="early-help-hub"))


def hub_decision(world, child, next_step_facts=None, level=3):
    """A request for support about ``child``, decided and authorised by the Hub."""
    partner = world.users["partner_lead_professional"]
    rfs = frontdoor.request_save_draft(
        actor=partner, children=[{"given_names": child.given_names,
                                  "family_name": child.family_name}],
        data={"worries": "Struggling with mornings.", "working_well": "Loving family.",
              "childs_words": "I'm tired.", "level_asked": "support", "consent_given": True})
    rfs = frontdoor.request_submit(actor=partner, rfs=rfs, version=rfs.version)
    frontdoor.child_link(actor=world.users["hub_worker"], child=rfs.children.get(),
                         person=child)
    rfs.refresh_from_db()
    facts = next_step_facts or Facts(family_struggling=True)
    decision = frontdoor.decision_propose(
        actor=world.users["hub_worker"], rfs=rfs, facts=facts, level_of_need=level,
        reasoning="The family is struggling; no significant harm.",
        childs_voice="I'm tired.", version=rfs.version)
    return frontdoor.decision_authorise(actor=world.users["hub_manager"], decision=decision)
