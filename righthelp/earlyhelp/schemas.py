"""The shapes of the early help API (``api.py``)."""

from datetime import date, datetime

from ninja import Field, Schema

from righthelp.core.api_auth import choice_of, described

from .models import (
    ActionOutcome,
    ActionOwner,
    ActionStatus,
    ClosureReason,
    EpisodeInvitation,
    EpisodeStatus,
    OpenedVia,
    RiskChange,
)

VERSION = Field(description="The version you read; if someone saved since, your change is "
                "refused (409).")


class PersonRef(Schema):
    id: int
    name: str
    date_of_birth: date | None


class MemberOut(PersonRef):
    is_child: bool
    relationship: str


class UserRef(Schema):
    id: int
    name: str
    agency: str


class EpisodeOut(Schema):
    id: int
    status: choice_of(EpisodeStatus) = Field(description=described(EpisodeStatus))
    status_label: str
    opened_via: choice_of(OpenedVia) = Field(description=described(OpenedVia))
    level_of_need: int
    why_help: str
    family: str
    members: list[MemberOut]
    lead_professional: UserRef | None
    lead_organisation: str
    partner_led: bool
    locality: str
    link_worker: UserRef | None
    consent_given_by: str
    consent_given_at: datetime | None
    consent_withdrawn_at: datetime | None
    stays_open_reason: str
    opened_at: datetime
    review_due_at: datetime | None
    drift: list[str] = Field(description="Where help is needed: review_overdue, no_plan, "
                             "no_assessment, actions_overdue.")
    closure_reason: str
    family_outcome: str
    version: int


class EpisodePage(Schema):
    items: list[EpisodeOut]


class AssessmentFields(Schema):
    life_for_the_child: str | None = Field(None, description="What life is like for the child.")
    family_needs: str | None = Field(None, description="The whole family's needs.")
    strengths: str | None = Field(None, description="What is working well.")
    worries: str | None = Field(None, description="What we are worried about.")
    childs_words: str | None = Field(None, description="The child's own words (required to "
                                     "complete).")
    parents_words: str | None = Field(None, description="The parents' words (required to "
                                      "complete).")
    family_wants_to_change: str | None = None


class AssessmentIn(AssessmentFields):
    version: int | None = Field(None, description="The version you read (leave out for the "
                                "first sitting); a newer one means someone saved first (409).")


class AssessmentOut(AssessmentFields):
    status: str
    sittings: int
    last_saved_at: datetime
    completed_at: datetime | None
    version: int


class VersionIn(Schema):
    version: int = VERSION


class ActionIn(Schema):
    who: choice_of(ActionOwner) = Field(description=described(ActionOwner))
    council_service: str | None = Field(
        None, max_length=40, description="When who is council_service: the code of one of the "
        "council's early help services, as its settings file lists them "
        "([[early_help.council_services]]); an unknown code is refused, naming those offered.")
    partner_name: str = Field("", max_length=200, description="When who is other_partner.")
    what: str
    by_when: date
    how_we_will_know: str = Field(description="How the family will know it worked.")
    directory_service: int | None = Field(None, description="The id of a published service in "
                                          "the family services directory, if the action uses one.")


class ActionPatch(Schema):
    version: int = VERSION
    what: str | None = None
    by_when: date | None = None
    how_we_will_know: str | None = None
    status: choice_of(ActionStatus) | None = Field(None, description=described(ActionStatus))


class ActionOut(Schema):
    id: int
    who: str
    who_label: str
    what: str
    by_when: date
    how_we_will_know: str
    status: str
    outcome: str
    outcome_note: str
    directory_service: int | None = Field(description="The directory entry's id, if any.")
    version: int


class PlanIn(Schema):
    what_we_want: str = Field(description="In the family's words: what will be different.")
    version: int | None = None


class AgreeIn(Schema):
    agreed_with: str = Field(description="Who in the family agreed the plan.")
    version: int | None = None


class ShareIn(Schema):
    version: int = VERSION
    confirm: bool = Field(False, description="Confirm the plain language check's findings are "
                          "right for this family (otherwise the share is refused, 422).")


class PlanOut(Schema):
    what_we_want: str
    agreed_at: datetime | None
    agreed_with: str
    shared_at: datetime | None
    plain_language_findings: list[dict]
    actions: list[ActionOut]
    version: int


class MeetingIn(Schema):
    held_on: date
    agreed: str = Field(description="What was agreed.")
    family_attendees: list[int] = Field(default_factory=list, description="Person ids of the "
                                        "family members who came (members of the episode).")
    professional_attendees: str = ""
    plan_updates: str = ""
    childs_words: str = ""


class MeetingOut(Schema):
    id: int
    held_on: date
    agreed: str
    family_attendees: list[int]
    professional_attendees: str
    plan_updates: str


class ProgressIn(Schema):
    action: int
    status: choice_of(ActionStatus) | None = None
    note: str = ""


class ReviewIn(Schema):
    version: int = VERSION
    held_on: date
    childs_words: str = Field(description="The child's own words at the review (required).")
    family_words: str = ""
    what_is_better: str = ""
    still_worried_about: str = ""
    progress: list[ProgressIn] = Field(default_factory=list)


class ReviewOut(Schema):
    id: int
    held_on: date
    childs_words: str
    what_is_better: str
    next_review_due: datetime | None


class StepUpIn(Schema):
    version: int = VERSION
    risk_change: choice_of(RiskChange) = Field(description=described(RiskChange))
    what_changed: str = Field(description="What has happened that makes the risk higher.")
    childs_words: str = ""
    family_agreed: bool | None = None
    no_consent_reason: str = ""


class StepUpOut(Schema):
    id: int
    request_id: int
    episode_status: str


class CloseIn(Schema):
    version: int = VERSION
    reason: choice_of(ClosureReason) = Field(description=described(ClosureReason))
    family_outcome: str = Field("", description="What changed for the family (required when "
                                "outcomes are met).")
    action_outcomes: list["ActionOutcomeIn"] = Field(default_factory=list)


class ActionOutcomeIn(Schema):
    action: int
    outcome: choice_of(ActionOutcome) = Field(description=described(ActionOutcome))
    note: str = ""


CloseIn.model_rebuild()


class ConsentWithdrawIn(Schema):
    version: int = VERSION
    withdrawn_by: str
    significant_harm_reason: str = Field("", description="If there is significant harm: why "
                                         "the episode stays open.")


class AgreeLeadIn(Schema):
    version: int = VERSION
    lead_professional: int = Field(description="The user id of who leads.")
    level_of_need: int | None = None


class NewPersonIn(Schema):
    given_names: str = Field(max_length=120)
    family_name: str = Field(max_length=120)
    date_of_birth: date | None = None


class MemberIn(Schema):
    person_id: int | None = Field(None, description="A record you can already open; or give "
                                  "details to find or add them.")
    details: NewPersonIn | None = None
    is_child: bool
    relationship: str = ""


class OpenIn(Schema):
    level_of_need: int = Field(description="2 (a partner opens at Level 2) or 3.")
    why_help: str
    consent_given_by: str = Field(description="Who in the family agreed.")
    consent_given: bool
    members: list[MemberIn]


class InviteIn(Schema):
    user: int
    access: choice_of(EpisodeInvitation.Access) = "contribute"
    reason: str = ""


class EpisodeDetailOut(EpisodeOut):
    assessment: AssessmentOut | None
    plan: PlanOut | None
    meetings: list[MeetingOut]
    reviews: list[ReviewOut]


class LeadOut(Schema):
    lead: UserRef
    episodes: list[EpisodeOut]
    needing_help: int


class LinkWorkerOut(Schema):
    leads: list[LeadOut]
    needing_help: list[EpisodeOut]
    total: int
