"""The council services a plan action can name come from the council's settings file
([[early_help.council_services]]), Blackpool's by default; any council sets its own."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from righthelp.core.council_settings import CouncilFileError, load_council
from righthelp.earlyhelp import services
from righthelp.earlyhelp.models import CouncilService, PlanAction
from righthelp.earlyhelp.services.plans import NOT_A_SERVICE

from .helpers import later, open_episode
from .test_api import call, fields_of
from .test_pages import signed_in

pytestmark = pytest.mark.django_db

OTHER_COUNCILS_SERVICES = '''
[[early_help.council_services]]
code = "families_in_need"
name = "Family Support Service"

[[early_help.council_services]]
code = "young-carers"
name = "Young Carers Service"

'''


def council_file(tmp_path: Path, services_toml: str) -> Path:
    """Blackpool's file with its early help services replaced."""
    text = Path(settings.RIGHTHELP_COUNCIL_FILE).read_text(encoding="utf-8")
    text, replaced = re.subn(r"\[\[early_help\.council_services\]\].*?(?=# The front door)",
                             services_toml, text, count=1, flags=re.S)
    assert replaced == 1
    path = tmp_path / "other.toml"
    path.write_text(text, encoding="utf-8")
    return path


def action(code: str) -> dict:
    return {"who": "council_service", "council_service": code, "what": "Sessions for Sarah.",
            "by_when": later(30), "how_we_will_know": "Sarah says mornings are calmer."}


def test_blackpools_services_are_the_default(world):
    assert [(s.code, s.name) for s in CouncilService.objects.filter(council=world.council)] == [
        ("families_in_need", "Families in Need"),
        ("for_babys_sake", "For Baby's Sake"),
        ("substance_misuse_sexual_health", "Young people's substance misuse and sexual health"),
        ("homelessness_16_17",
         "16 and 17 year olds at risk of homelessness (with Housing Options)"),
        ("better_start", "Better Start"),
        ("family_hub", "Family hubs"),
    ]
    assert load_council().pk == world.council.pk  # loading again changes nothing
    assert CouncilService.objects.filter(council=world.council, active=True).count() == 6


def test_a_council_sets_its_own_and_older_actions_keep_their_service(client, world, tmp_path):
    episode = open_episode(world)
    partner = episode.lead_professional
    older = services.action_add(actor=partner, episode=episode, data=action("better_start"))
    load_council(council_file(tmp_path, OTHER_COUNCILS_SERVICES))

    renamed = services.action_add(actor=partner, episode=episode,
                                  data=action("families_in_need"))
    assert PlanAction.objects.get(pk=renamed.pk).who_label == "Family Support Service"
    own = services.action_add(actor=partner, episode=episode, data=action("young-carers"))
    assert PlanAction.objects.get(pk=own.pk).who_label == "Young Carers Service"
    with pytest.raises(ValidationError) as error:  # no longer offered for a new action
        services.action_add(actor=partner, episode=episode, data=action("better_start"))
    assert error.value.message_dict["council_service"] == [NOT_A_SERVICE.format(
        offered="families_in_need (Family Support Service), young-carers (Young Carers "
                "Service)")]
    # The older action still names its service, and can still be changed.
    assert PlanAction.objects.get(pk=older.pk).who_label == "Better Start"
    changed = services.action_update(actor=partner, action=older, version=older.version,
                                     data={"status": "under_way"})
    assert changed.status == "under_way" and changed.council_service == "better_start"

    signed_in(client, partner)
    form = client.get(reverse("early-help-action-add", args=[episode.pk])).content.decode()
    assert "Young Carers Service" in form and "Better Start" not in form
    page = client.get(reverse("early-help-episode", args=[episode.pk])).content.decode()
    assert "Family Support Service" in page and "Better Start" in page


def test_the_api_names_the_services_offered(client, world, tmp_path):
    load_council(council_file(tmp_path, OTHER_COUNCILS_SERVICES))
    episode = open_episode(world)
    path = f"/episodes/{episode.pk}/plan/actions"
    refused = call(client, "post", path, episode.lead_professional, action("for_babys_sake"))
    assert refused.status_code == 422 and fields_of(refused) == ["council_service"]
    assert "young-carers (Young Carers Service)" in refused.json()["detail"][0]["message"]
    added = call(client, "post", path, episode.lead_professional, action("young-carers"))
    assert added.status_code == 201 and added.json()["who_label"] == "Young Carers Service"


@pytest.mark.parametrize("services_toml, message", [
    ('[[early_help.council_services]]\ncode = "x"\n\n',
     "[[early_help.council_services]] 1 (x): 'name' is missing."),
    ('[[early_help.council_services]]\ncode = "Not A Code"\nname = "X"\n\n',
     "[[early_help.council_services]] 1 (Not A Code): 'code' must be up to 40"),
    ('[[early_help.council_services]]\ncode = "a"\nname = "A"\n\n'
     '[[early_help.council_services]]\ncode = "a"\nname = "B"\n\n',
     "[[early_help.council_services]] (a): 'code' 'a' is used twice."),
])
def test_a_bad_list_is_refused_whole_naming_the_entry(world, tmp_path, services_toml, message):
    with pytest.raises(CouncilFileError) as error:
        load_council(council_file(tmp_path, services_toml))
    assert str(error.value).startswith(message)
    assert CouncilService.objects.filter(council=world.council, active=True).count() == 6
