"""Loading a council's settings file: Blackpool's defaults, reloading, a second council, and
bad files refused whole."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from righthelp.core.clocks import Rule, Unit
from righthelp.core.council_settings import CouncilFileError, load_council, timescale
from righthelp.core.models import Council, FamilyHub, Locality, PartnerAgency, Target, Timescale
from righthelp.staff.models import Team

pytestmark = pytest.mark.django_db

BLACKPOOL_FILE = settings.RIGHTHELP_COUNCIL_FILE

# Every team the practice model names (docs: pathway.md, sections 3 to 7).
PATHWAY_TEAMS = [
    "Request for Support Hub",
    "Early Help Hub",
    "Assessment and Support",
    "Strengthening and Supporting Families",
    "Families Together",
    "Awaken",
    "Supporting Children with Complex Needs",
    "Supporting Our Children",
    "Together Team",
    "Fostering",
    "Adoption",
    "Leaving Care",
    "Emergency Duty Team",
    "Safeguarding Quality and Review",
    "Therapeutic care centre",
]

ANYTOWN = """\
[council]
code = "anytown"
name = "Anytown Council"
office_opens = "08:30"
office_closes = "16:30"
due_soon_working_days = 3
break_glass_hours = 2

[[localities]]
code = "north"
name = "North"
postcode_districts = "AT1 AT2"
family_hubs = ["North Family Hub", "Riverside Family Hub"]

[[localities]]
code = "south"
name = "South"
family_hubs = ["South Family Hub"]

[[teams]]
code = "front-door"
name = "Children's Front Door"
service = "front_door"
access = "service_wide"

[[teams]]
code = "north-early-help"
name = "North Early Help"
service = "early_help"
locality = "north"

[[teams]]
code = "social-work"
name = "Children's Social Work"
service = "social_work"

[[agencies]]
code = "anytown-police"
name = "Anytown Police"
kind = "police"

[[timescales]]
code = "child-and-family-assessment"
name = "Child and Family Assessment"
amount = 40
unit = "working_days"
starts_from = "the referral"
source = "Anytown practice"

[[timescales]]
code = "return-home-interview"
name = "Return home interview offered"
amount = 72
unit = "hours"
starts_from = "the child's return"

[[targets]]
code = "average-caseload"
name = "Average caseload per social worker"
value = 15
baseline = 22
unit = "children"
"""


def write(tmp_path, text: str, name: str = "anytown.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def edited(text: str, old: str, new: str) -> str:
    assert old in text, f"the test's edit does not apply: {old!r}"
    return text.replace(old, new, 1)


def snapshot() -> dict:
    """Everything a council file writes, as plain values."""
    return {
        "councils": sorted(
            Council.objects.values_list(
                "code", "name", "active", "office_opens", "office_closes",
                "due_soon_working_days", "break_glass_hours",
            )
        ),
        "localities": sorted(
            Locality.objects.values_list("council__code", "code", "name", "postcode_districts")
        ),
        "hubs": sorted(FamilyHub.objects.values_list("locality__code", "name")),
        "teams": sorted(
            Team.objects.values_list(
                "council__code", "code", "name", "service", "locality__code", "access_scope",
                "provider_partner", "description",
            ),
            key=str,
        ),
        "agencies": sorted(PartnerAgency.objects.values_list("council__code", "code", "name",
                                                             "kind")),
        "timescales": sorted(
            Timescale.objects.values_list("council__code", "code", "name", "amount", "unit",
                                          "starts_from", "source")
        ),
        "targets": sorted(
            Target.objects.values_list("council__code", "code", "name", "value", "baseline",
                                       "unit", "source"),
            key=str,
        ),
    }


# --- Blackpool's defaults --------------------------------------------------------------------


def test_the_council_row(council):
    assert council == Council.objects.current()
    assert council.code == "blackpool"
    assert council.name == "Blackpool Council"
    assert council.active
    assert (council.office_opens, council.office_closes) == (time(9, 0), time(17, 0))
    assert council.due_soon_working_days == 2
    assert council.break_glass_hours == 4


def test_load_council_defaults_to_the_settings_file(db):
    council = load_council()
    assert council.code == "blackpool"
    assert load_council(str(BLACKPOOL_FILE)).pk == council.pk  # a str path works too


@pytest.mark.parametrize("name", PATHWAY_TEAMS)
def test_every_team_in_the_practice_model_exists(council, name):
    team = Team.objects.get(council=council, name=name)
    assert team.service in Team.Service.values


@pytest.mark.parametrize(
    ("code", "service", "access"),
    [
        ("request-for-support-hub", "front_door", "service_wide"),
        ("emergency-duty-team", "out_of_hours", "service_wide"),
        ("assessment-and-support", "social_work", "allocated"),
        ("awaken", "exploitation", "allocated"),
        ("complex-needs", "complex_needs", "allocated"),
        ("therapeutic-care-centre", "therapeutic_care", "allocated"),
    ],
)
def test_team_service_and_access(council, code, service, access):
    team = Team.objects.get(council=council, code=code)
    assert (team.service, team.access_scope) == (service, access)


def test_only_duty_teams_see_the_whole_service(council):
    wide = set(
        Team.objects.filter(council=council, access_scope=Team.AccessScope.SERVICE_WIDE)
        .values_list("name", flat=True)
    )
    assert wide == {"Request for Support Hub", "Emergency Duty Team"}


def test_therapeutic_care_centre_names_its_provider_partner(council):
    team = Team.objects.get(council=council, code="therapeutic-care-centre")
    assert team.provider_partner
    assert "16-week" in team.description


def test_three_localities_each_with_a_family_hub_and_an_early_help_team(council):
    localities = {loc.name: loc for loc in council.localities.all()}
    assert set(localities) == {"Revoe", "Talbot and Brunswick", "Grange Park"}
    for name, locality in localities.items():
        assert [hub.name for hub in locality.family_hubs.all()] == [f"{name} Family Hub"]
        assert [team.name for team in locality.teams.all()] == [f"Early Help: {name}"]
        assert locality.postcode_districts.startswith("FY")


TIMESCALES = [
    # (code, amount, unit)
    pytest.param("hub-decision", 1, Unit.WORKING_DAYS, id="hub-decision-1-working-day"),
    pytest.param("child-and-family-assessment", 45, Unit.WORKING_DAYS, id="cafa-45-working-days"),
    pytest.param("initial-child-protection-conference", 15, Unit.WORKING_DAYS, id="icpc-15"),
    pytest.param("first-child-protection-review", 3, Unit.MONTHS, id="first-cp-review-3-months"),
    pytest.param("child-protection-review", 6, Unit.MONTHS, id="cp-review-6-months"),
    pytest.param("first-looked-after-review", 20, Unit.WORKING_DAYS, id="first-lac-review-20"),
    pytest.param("second-looked-after-review", 3, Unit.MONTHS, id="second-lac-review-3-months"),
    pytest.param("looked-after-review", 6, Unit.MONTHS, id="later-lac-reviews-6-months"),
    pytest.param("return-home-interview", 72, Unit.HOURS, id="return-home-interview-72-hours"),
    pytest.param("therapeutic-programme", 16, Unit.WEEKS, id="therapeutic-16-weeks"),
    pytest.param("therapeutic-mid-point-review", 6, Unit.WEEKS, id="therapeutic-mid-point-6"),
    pytest.param("therapeutic-outreach", 12, Unit.WEEKS, id="therapeutic-outreach-12-weeks"),
    pytest.param("child-in-need-in-assessment-team", 3, Unit.MONTHS, id="cin-in-a-and-s-3m"),
    pytest.param("step-down-lookback", 6, Unit.MONTHS, id="ssf-lookback-6-months"),
    pytest.param("personal-adviser-age", 189, Unit.MONTHS, id="pa-at-15-years-9-months"),
]


@pytest.mark.parametrize(("code", "amount", "unit"), TIMESCALES)
def test_timescales(council, code, amount, unit):
    row = Timescale.objects.get(council=council, code=code)
    assert (row.amount, row.unit) == (amount, unit)
    assert row.starts_from
    assert timescale(code) == Rule(code=code, name=row.name, amount=amount, unit=unit)


def test_timescale_rule_sets_a_deadline(council):
    rule = timescale("child-and-family-assessment")
    assert rule.describe() == "Child and Family Assessment: 45 working days"
    assert rule.due_at(datetime(2024, 12, 2, 10, 0)).date() == date(2025, 2, 6)


def test_unknown_timescale_is_refused(council):
    with pytest.raises(ValidationError, match="no-such-clock"):
        timescale("no-such-clock")


@pytest.mark.parametrize(
    ("code", "value", "baseline", "unit"),
    [
        ("average-caseload", "19", "30", "children"),
        ("children-in-care", "400", "600", "children"),
        ("annual-cost", "33", "48", "£ million"),
        ("request-to-assessment-conversion", "45", None, "%"),
        ("residential-weekly-cost-ceiling", "7000", None, "£ a week"),
        ("team-shape-social-workers", "3", None, "social workers"),
    ],
)
def test_targets(council, code, value, baseline, unit):
    target = Target.objects.get(council=council, code=code)
    assert target.value == Decimal(value)
    assert target.baseline == (Decimal(baseline) if baseline else None)
    assert target.unit == unit


def test_partner_agencies(council):
    kinds = dict(council.agencies.values_list("code", "kind"))
    assert kinds["lancashire-police"] == "police"
    assert kinds["blackpool-schools"] == "school"
    assert set(kinds.values()) >= {"police", "health", "school", "early_years", "probation",
                                   "housing", "voluntary"}


# --- reloading -------------------------------------------------------------------------------


def test_reloading_the_same_file_changes_nothing(council):
    before = snapshot()
    pks = set(Team.objects.values_list("pk", flat=True))
    again = load_council()
    assert again.pk == council.pk
    assert snapshot() == before
    assert set(Team.objects.values_list("pk", flat=True)) == pks
    assert FamilyHub.objects.count() == 3
    assert Council.objects.count() == 1


def test_reloading_an_edited_file_updates_rows_in_place(council, tmp_path):
    text = BLACKPOOL_FILE.read_text(encoding="utf-8")
    text = edited(text, 'office_opens = "09:00"', 'office_opens = "08:30"')
    text = edited(text, 'name = "Together Team"', 'name = "Family Time Team"')
    text = edited(text, "amount = 45\n", "amount = 40\n")
    text = edited(text, "value = 19\n", "value = 18\n")
    text = edited(text, 'family_hubs = ["Revoe Family Hub"]',
                  'family_hubs = ["Revoe Family Hub", "Revoe North Family Hub"]')
    counts = {model: model.objects.count() for model in (Team, Timescale, Target, Locality)}
    team_pk = Team.objects.get(code="together-team").pk

    reloaded = load_council(write(tmp_path, text, "blackpool.toml"))

    assert reloaded.pk == council.pk
    assert reloaded.office_opens == time(8, 30)
    team = Team.objects.get(code="together-team")
    assert (team.pk, team.name) == (team_pk, "Family Time Team")
    assert timescale("child-and-family-assessment").amount == 40
    assert Target.objects.get(code="average-caseload").value == Decimal(18)
    assert sorted(FamilyHub.objects.filter(locality__code="revoe").values_list("name", flat=True)
                  ) == ["Revoe Family Hub", "Revoe North Family Hub"]
    assert {model: model.objects.count() for model in counts} == counts


def test_unquoted_toml_times_are_accepted(db, tmp_path):
    text = edited(ANYTOWN, 'office_opens = "08:30"', "office_opens = 08:30:00")
    council = load_council(write(tmp_path, text))
    assert council.office_opens == time(8, 30)


# --- a second council ------------------------------------------------------------------------


def test_a_second_council_becomes_the_only_active_one(council, tmp_path):
    anytown = load_council(write(tmp_path, ANYTOWN))

    assert Council.objects.current() == anytown
    assert list(Council.objects.filter(active=True)) == [anytown]
    council.refresh_from_db()
    assert not council.active
    assert (anytown.office_opens, anytown.office_closes) == (time(8, 30), time(16, 30))
    assert (anytown.due_soon_working_days, anytown.break_glass_hours) == (3, 2)

    rule = timescale("child-and-family-assessment")
    assert (rule.amount, rule.unit) == (40, Unit.WORKING_DAYS)
    assert rule.due_at(datetime(2024, 12, 2, 10, 0)).date() == date(2025, 1, 30)
    with pytest.raises(ValidationError):
        timescale("hub-decision")  # Blackpool has one; Anytown does not

    assert set(anytown.teams.values_list("name", flat=True)) == {
        "Children's Front Door", "North Early Help", "Children's Social Work"
    }
    assert Team.objects.get(council=anytown, code="north-early-help").locality.name == "North"
    assert sorted(FamilyHub.objects.filter(locality__council=anytown)
                  .values_list("name", flat=True)) == [
        "North Family Hub", "Riverside Family Hub", "South Family Hub"
    ]
    # Blackpool's own rows are kept, untouched, for when it is loaded again.
    assert council.teams.count() == BLACKPOOL_FILE.read_text(encoding="utf-8").count("[[teams]]")
    assert Timescale.objects.get(council=council, code="child-and-family-assessment").amount == 45


def test_switching_back_reactivates_the_first_council(council, tmp_path):
    load_council(write(tmp_path, ANYTOWN))
    again = load_council()
    assert again.pk == council.pk
    assert Council.objects.current() == again
    assert Council.objects.filter(active=True).count() == 1
    assert timescale("child-and-family-assessment").amount == 45


def test_the_same_team_code_in_two_councils_is_two_teams(council, tmp_path):
    text = edited(ANYTOWN, 'code = "social-work"', 'code = "assessment-and-support"')
    anytown = load_council(write(tmp_path, text))
    assert Team.objects.filter(code="assessment-and-support").count() == 2
    assert Team.objects.get(council=anytown, code="assessment-and-support").name == (
        "Children's Social Work"
    )


def test_the_management_command_loads_a_file(council, tmp_path, capsys):
    call_command("load_council", str(write(tmp_path, ANYTOWN)))
    assert "Anytown Council" in capsys.readouterr().out
    assert Council.objects.current().code == "anytown"


# --- bad files -------------------------------------------------------------------------------

# Each edit breaks ANYTOWN in one place; the message must name the entry and the field. Most
# break a late entry, so earlier rows have been written before the loader finds the fault.
BAD_FILES = [
    pytest.param('name = "North Early Help"\n', "",
                 r"\[\[teams\]\] 2 \(north-early-help\): 'name' is missing",
                 id="team-missing-name"),
    pytest.param('unit = "hours"', "",
                 r"\[\[timescales\]\] 2 \(return-home-interview\): 'unit' is missing",
                 id="timescale-missing-unit"),
    pytest.param('starts_from = "the referral"\n', "",
                 r"\[\[timescales\]\] 1 \(child-and-family-assessment\): 'starts_from' is missing",
                 id="timescale-missing-starts-from"),
    pytest.param('unit = "hours"', 'unit = "fortnights"',
                 r"\[\[timescales\]\] 2 \(return-home-interview\): "
                 r"'unit' = 'fortnights' is not one of "
                 r"working_days, calendar_days, hours, weeks, months",
                 id="timescale-bad-unit"),
    pytest.param("amount = 72", "amount = 0",
                 r"\[\[timescales\]\] 2 \(return-home-interview\): 'amount' must be a whole number",
                 id="timescale-zero-amount"),
    pytest.param("amount = 72", "amount = 7.5",
                 r"\[\[timescales\]\] 2 \(return-home-interview\): 'amount' must be a whole number",
                 id="timescale-fractional-amount"),
    pytest.param("amount = 72", 'amount = "72"',
                 r"\[\[timescales\]\] 2 \(return-home-interview\): 'amount' must be a whole number",
                 id="timescale-amount-as-text"),
    pytest.param("amount = 72", "amount = true",
                 r"\[\[timescales\]\] 2 \(return-home-interview\): 'amount' must be a whole number",
                 id="timescale-amount-true"),
    pytest.param('locality = "north"', 'locality = "nowhere"',
                 r"\[\[teams\]\] 2 \(north-early-help\): 'locality' = 'nowhere' is not defined",
                 id="team-unknown-locality"),
    pytest.param('service = "social_work"', 'service = "social_care"',
                 r"\[\[teams\]\] 3 \(social-work\): 'service' = 'social_care' is not one of",
                 id="team-bad-service"),
    pytest.param('access = "service_wide"', 'access = "everyone"',
                 r"\[\[teams\]\] 1 \(front-door\): 'access' = 'everyone' is not one of",
                 id="team-bad-access"),
    pytest.param('kind = "police"', 'kind = "constabulary"',
                 r"\[\[agencies\]\] 1 \(anytown-police\): 'kind' = 'constabulary' is not one of",
                 id="agency-bad-kind"),
    pytest.param("value = 15", 'value = "lots"',
                 r"\[\[targets\]\] 1 \(average-caseload\): 'value' = 'lots' is not a number",
                 id="target-value-not-a-number"),
    pytest.param("baseline = 22", 'baseline = "nan"',
                 r"\[\[targets\]\] 1 \(average-caseload\): 'baseline' = 'nan' is not a number",
                 id="target-baseline-nan"),
    pytest.param('office_opens = "08:30"', 'office_opens = "8.30am"',
                 r"\[council\]: 'office_opens' = '8.30am' is not a time like 09:00",
                 id="council-bad-time"),
    pytest.param('office_closes = "16:30"', 'office_closes = "25:00"',
                 r"\[council\]: 'office_closes' = '25:00' is not a time",
                 id="council-impossible-time"),
    pytest.param('office_closes = "16:30"', 'office_closes = "08:00"',
                 r"\[council\]: 'office_closes' must be after 'office_opens'",
                 id="council-closes-before-opening"),
    pytest.param("due_soon_working_days = 3", 'due_soon_working_days = "three"',
                 r"\[council\]: 'due_soon_working_days' must be a whole number",
                 id="council-due-soon-not-a-number"),
    pytest.param("break_glass_hours = 2", "break_glass_hours = -1",
                 r"\[council\]: 'break_glass_hours' must be a whole number",
                 id="council-negative-break-glass"),
    pytest.param('code = "anytown"\n', "", r"\[council\]: 'code' is missing",
                 id="council-missing-code"),
    pytest.param('name = "Anytown Council"', 'name = ""', r"\[council\]: 'name' is missing",
                 id="council-blank-name"),
    pytest.param('family_hubs = ["South Family Hub"]', 'family_hubs = "South Family Hub"',
                 r"\[\[localities\]\] 2 \(south\): 'family_hubs' must be a list",
                 id="locality-hubs-not-a-list"),
    pytest.param('code = "north-early-help"', 'code = "front-door"',
                 r"\[\[teams\]\] \(front-door\): 'code' 'front-door' is used twice",
                 id="duplicate-team-code"),
    pytest.param("[[agencies]]", "[agencies]",
                 r"\[\[agencies\]\]: each entry must be a \[\[agencies\]\] table",
                 id="section-as-a-single-table"),
    pytest.param('name = "Anytown Police"', 'name = "Anytown Police',
                 r"anytown\.toml: not valid TOML", id="invalid-toml"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_FILES)
def test_bad_file_is_refused_whole(council, tmp_path, old, new, message):
    before = snapshot()
    with pytest.raises(CouncilFileError, match=message):
        load_council(write(tmp_path, edited(ANYTOWN, old, new)))
    assert snapshot() == before
    assert Council.objects.current() == council


def test_a_bad_edit_to_the_active_council_leaves_it_as_it_was(council, tmp_path):
    # The file's early entries change (office hours, a team name, a timescale) before a
    # broken target at the end: none of the changes may stick.
    text = BLACKPOOL_FILE.read_text(encoding="utf-8")
    text = edited(text, 'office_opens = "09:00"', 'office_opens = "08:00"')
    text = edited(text, 'name = "Together Team"', 'name = "Family Time Team"')
    text = edited(text, "amount = 45\n", "amount = 40\n")
    text = edited(text, "value = 7000\n", 'value = "a lot"\n')
    before = snapshot()

    with pytest.raises(CouncilFileError, match=r"residential-weekly-cost-ceiling.*'value'"):
        load_council(write(tmp_path, text, "blackpool.toml"))

    assert snapshot() == before
    council.refresh_from_db()
    assert council.office_opens == time(9, 0)
    assert Team.objects.filter(name="Together Team").exists()
    assert timescale("child-and-family-assessment").amount == 45


def test_a_missing_file_is_refused(db, tmp_path):
    with pytest.raises(CouncilFileError, match="no such council settings file"):
        load_council(tmp_path / "nowhere.toml")
    assert not Council.objects.exists()


def test_the_management_command_reports_a_bad_file(council, tmp_path):
    bad = write(tmp_path, edited(ANYTOWN, 'unit = "hours"', 'unit = "fortnights"'))
    with pytest.raises(CommandError, match="'unit' = 'fortnights'"):
        call_command("load_council", str(bad))
    assert Council.objects.current() == council
