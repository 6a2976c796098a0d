"""Contingency plans: the family network first, offered from the child's network."""

import pytest
from django.core.exceptions import ValidationError

from righthelp.people.models import Person, Relationship
from righthelp.socialwork.models import ContingencyOption
from righthelp.socialwork.rules.plans import FOSTER_CARE_WITHOUT_FAMILY
from righthelp.socialwork.services.contingency import (
    NOT_IN_NETWORK,
    contingency_plan_record,
    family_network,
)

from .plans_support import open_episode

pytestmark = pytest.mark.django_db


def test_the_network_is_offered_important_people_first_without_professionals(world):
    aunt = Relationship.objects.create(child=world.child, name="Jo Smith", kind="aunt_uncle")
    Relationship.objects.create(child=world.child, name="Dr Shah", kind="gp",
                                important_to_child=True)
    mother = Relationship.objects.get(child=world.child, kind="mother")
    assert list(family_network(world.child)) == [mother, aunt]


def test_foster_care_without_considering_the_family_is_refused(world):
    episode = open_episode(world)
    with pytest.raises(ValidationError) as error:
        contingency_plan_record(episode=episode, actor=world.users["social_worker"], options=[
            {"kind": "foster_care", "chosen": True, "why": "Quickest."}])
    assert error.value.message_dict == {"options": [FOSTER_CARE_WITHOUT_FAMILY]}
    assert not ContingencyOption.objects.exists()


def test_a_plan_records_what_was_considered_chosen_and_why(world):
    episode = open_episode(world)
    mother = Relationship.objects.get(child=world.child, kind="mother")
    stranger = Person.objects.create(given_names="Other", family_name="Child")
    other = Relationship.objects.create(child=stranger, name="Not Jonathan's", kind="aunt_uncle")
    with pytest.raises(ValidationError) as error:
        contingency_plan_record(episode=episode, actor=world.users["social_worker"], options=[
            {"kind": "family_network", "relationship": other.pk, "chosen": True, "why": "x"}])
    assert error.value.message_dict == {"options": [f"Option 1: {NOT_IN_NETWORK}"]}
    plan = contingency_plan_record(
        episode=episode, actor=world.users["social_worker"], childs_words="I want Nan.",
        options=[
            {"kind": "family_network", "relationship": mother, "chosen": False,
             "why": "Mum is the reason for the worry."},
            {"kind": "foster_care", "chosen": True, "why": "Nobody else in the network."}])
    rows = list(plan.options.values_list("order", "kind", "chosen", "why"))
    assert rows == [(1, "family_network", False, "Mum is the reason for the worry."),
                    (2, "foster_care", True, "Nobody else in the network.")]
