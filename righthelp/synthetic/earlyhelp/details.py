"""What happened in each episode: its members, the assessment, the plan and its actions,
team around the family meetings, reviews and the progress noted at each."""

from datetime import date, datetime, timedelta

from righthelp.earlyhelp.models import (
    ActionProgress,
    EarlyHelpAssessment,
    EarlyHelpReview,
    EpisodeInvitation,
    EpisodeMember,
    FamilyPlan,
    PlanAction,
    TeamAroundFamilyMeeting,
)

from .. import phrases
from ..deadlines import at
from ..population import YEAR
from .common import (
    BEHIND,
    DRIFT,
    INVITED,
    LATE_REVIEW,
    MISSED_REVIEW,
    REVIEW,
    SETTLING_IN_DAYS,
    Episode,
    sentence,
    voice_of,
)
from .words import (
    ACTIONS,
    AGREED,
    BETTER,
    LIFE,
    PARENTS_WORDS,
    REVIEW_WORDS,
    STILL_WORRIED,
    STRENGTHS,
    TEEN_ACTIONS,
    WANTS_TO_CHANGE,
    WHAT_WE_WANT,
    YOUNG_ACTIONS,
)


class Details:
    """The rows inside an episode (a part of ``EarlyHelpWriter``)."""

    # ------------------------------------------------------------------ what happened in it
    def _details(self, e: Episode) -> None:
        """Members, assessment, plan, actions, meetings and reviews, in the episode's time."""
        rng, row, lead = self.rng, e.row, e.lead
        opened = row.opened_at
        until = row.closed_at or (self.now if row.status == "open" else at(e.last.end, 12))
        rows = e.rows
        rows["members"] = self._members(e)
        for name in ("step_down", "step_up"):  # built before the episode had its id
            if name in rows:
                rows[name].episode = row
        age = (until - opened).days
        settled = age > SETTLING_IN_DAYS
        drifting = row.status == "open" and settled and rng.random() < DRIFT
        # The assessment: written over a few sittings; completed unless it is still new,
        # drifting, the demo's half-written one, or the family left before it was done.
        kid = e.kids[0]
        voice = voice_of(kid, opened.date())
        started = opened + timedelta(days=rng.randint(0, 4), hours=rng.randint(1, 5))
        started = max(opened, min(started, until - timedelta(hours=1)))
        completed = started + timedelta(days=rng.randint(7, 30))
        complete = (completed < until and not e.draft
                    and not (drifting and rng.random() < 0.6))
        assessment = EarlyHelpAssessment(
            episode=row, status="completed" if complete else "draft",
            life_for_the_child=LIFE[voice].format(
                age=(opened.date() - kid.born).days // YEAR if kid.born else 0),
            strengths=rng.choice(STRENGTHS), worries=sentence(row.why_help),
            started_at=started, last_saved_at=completed if complete else min(
                started + timedelta(days=rng.randint(0, 6)), self.now),
            last_saved_by=lead, sittings=rng.randint(2, 4) if complete else rng.randint(1, 2))
        if complete or rng.random() < 0.5:
            assessment.childs_words = rng.choice(phrases.CHILDS_VOICE[voice])
            assessment.family_needs = rng.choice(WANTS_TO_CHANGE)
        if complete:
            assessment.parents_words = rng.choice(PARENTS_WORDS)
            assessment.family_wants_to_change = rng.choice(WANTS_TO_CHANGE)
            assessment.completed_at, assessment.completed_by = completed, lead
        rows["assessment"] = assessment
        plan_at = completed + timedelta(days=rng.randint(0, 7), hours=rng.randint(1, 4))
        if not complete or plan_at >= until or (drifting and rng.random() < 0.5):
            return
        self._plan(e, plan_at, until, voice)

    def _members(self, e: Episode) -> list[EpisodeMember]:
        row = e.row
        members = []
        for child in e.kids:
            involvement = next((self.involvements[key] for w in e.works if (
                key := (child.pk, "early_help", w.start)) in self.involvements), None)
            held = [self.allocations.get((child.pk, w.start, False)) for w in e.works]
            allocation = next((pk for pk, worker in filter(None, held) if worker == e.lead.pk),
                              None)
            members.append(EpisodeMember(
                episode=row, person_id=child.pk, is_child=True, involvement_id=involvement,
                allocation_id=allocation, added_at=row.opened_at, added_by=row.opened_by))
        for person, relationship, _ in self.adults.get(e.household.pk, []):
            members.append(EpisodeMember(
                episode=row, person_id=person, is_child=False, relationship=relationship,
                added_at=row.opened_at, added_by=row.opened_by))
        if self.rng.random() < INVITED and row.status != "closed":
            other = [u for code, users in self.workforce.partners.items()
                     if code != "blackpool-schools" for u in users if u != e.lead]
            if other:
                e.rows["invitation"] = EpisodeInvitation(
                    episode=row, user=self.rng.choice(other), invited_by=e.lead,
                    invited_at=min(self.now, row.lead_agreed_at + timedelta(
                        days=self.rng.randint(1, 20))),
                    reason="Knows the family well and can help with the plan.")
        return members

    def _actions(self, e: Episode, plan: FamilyPlan, plan_day: date, voice: str) -> list:
        rng = self.rng
        ages = [(plan_day - c.born).days // YEAR for c in e.kids if c.born]
        choices = list(ACTIONS)
        if ages and min(ages) < 2:
            choices += YOUNG_ACTIONS
        if ages and max(ages) >= 16:
            choices += TEEN_ACTIONS * 2
        chosen = rng.sample(choices, rng.randint(3, 5))
        if not any(who == "family" for who, *_ in chosen):
            chosen[0] = ACTIONS[rng.randrange(3)]
        actions = []
        for who, service, what, how in chosen:
            actions.append(PlanAction(
                plan=plan, who=who, council_service=service if who == "council_service" else "",
                partner_name=service if who == "other_partner" else "", what=what,
                how_we_will_know=how, by_when=plan_day + timedelta(days=rng.randint(14, 84)),
                created_at=plan.created_at, created_by=e.lead))
        return actions

    def _plan(self, e: Episode, plan_at: datetime, until: datetime, voice: str) -> None:
        rng, row, rows = self.rng, e.row, e.rows
        adults = self.adults.get(e.household.pk, [])
        plan = FamilyPlan(
            episode=row, what_we_want=rng.choice(WHAT_WE_WANT), agreed_at=plan_at,
            agreed_by=e.lead, created_at=plan_at - timedelta(days=rng.randint(0, 3)),
            agreed_with=" and ".join(name for _, _, name in adults[:2]) or "The family")
        if rng.random() < 0.7:
            plan.shared_at, plan.shared_by = plan_at + timedelta(hours=2), e.lead
        rows["plan"] = plan
        actions = rows["actions"] = self._actions(e, plan, plan_at.date(), voice)
        rows["meetings"] = [self._meeting(e, plan_at.date(), first=True)]
        # Reviews on the council's cadence from the plan; each starts the next clock.
        reviews, clocks, started = [], [], plan_at
        closing = row.closed_at
        for n in range(100):
            due = self.deadlines.due(REVIEW, started)
            if row.status == "stepped_up" and due.date() > e.last.end:
                break  # the clock stopped with the step up
            if closing is not None and due > closing:  # the episode closed first: stopped
                clocks.append((started, due, None, closing))
                break
            if row.status == "open" and due > self.now:  # the next review, still to come
                clocks.append((started, due, None, None))
                row.review_due_at = due
                break
            held = due.date() - timedelta(days=rng.randint(0, 10))
            if rng.random() < LATE_REVIEW:
                held = due.date() + timedelta(days=rng.randint(1, 20))
            held = max(held, started.date() + timedelta(days=14))
            recent = row.status == "open" and (self.today - due.date()).days < 45
            if (row.status == "open" and (held >= self.today or (
                    recent and rng.random() < MISSED_REVIEW))):
                clocks.append((started, due, None, None))  # missed: overdue, not held yet
                row.review_due_at = due
                break
            if closing is not None and held > closing.date():  # closed before it was held
                clocks.append((started, due, None, closing))
                break
            met = at(held, 12)
            clocks.append((started, due, met, None))
            reviews.append(EarlyHelpReview(
                episode=row, held_on=held,
                childs_words=rng.choice(REVIEW_WORDS[voice]), family_words=rng.choice(
                    PARENTS_WORDS), what_is_better=rng.choice(BETTER),
                still_worried_about=rng.choice(STILL_WORRIED), recorded_by=e.lead,
                recorded_at=met + timedelta(hours=rng.randint(1, 5))))
            if n % 2 == 1:
                rows["meetings"].append(self._meeting(e, held))
            started = met
        for review, (_, due, _, _) in zip(reviews, clocks[1:], strict=False):
            review.next_review_due = due
        rows["reviews"] = reviews
        rows["clocks"] = clocks
        self._progress(e, actions, reviews, until)

    def _meeting(self, e: Episode, day: date, first: bool = False) -> TeamAroundFamilyMeeting:
        rng = self.rng
        people = [f"{e.lead.first_name} {e.lead.last_name}, {e.lead.job_title} (lead "
                  f"professional)"]
        if e.row.link_worker and rng.random() < 0.5:
            link = e.row.link_worker
            people.append(f"{link.first_name} {link.last_name}, link worker")
        meeting = TeamAroundFamilyMeeting(
            episode=e.row, held_on=day, professional_attendees="\n".join(people),
            agreed=rng.choice(AGREED) if first else rng.choice(BETTER),
            plan_updates="" if first else "Moved one action's date on by a month.",
            childs_words=rng.choice(REVIEW_WORDS[voice_of(e.kids[0], day)]),
            recorded_by=e.lead, recorded_at=at(day, 16))
        meeting.attending = [p for p, _, _ in self.adults.get(e.household.pk, [])[:2]] + [
            c.pk for c in e.kids if c.born and (day - c.born).days >= 8 * YEAR]
        return meeting

    def _progress(self, e: Episode, actions: list[PlanAction], reviews: list[EarlyHelpReview],
                  until: datetime) -> None:
        """Where each action got to (by its date, mostly), and its outcome when the episode
        closed; the progress noted at each review."""
        rng, reason = self.rng, e.row.closure_reason
        end = until.date()
        start = actions[0].created_at.date() if actions else end
        behind = rng.random() < BEHIND  # one action has slipped past its date
        finished: dict[int, date | None] = {}
        for n, action in enumerate(actions):
            early = rng.random() < 0.25
            done_on = action.by_when - timedelta(days=rng.randint(0, 10))
            done_on = max(done_on, start + timedelta(days=3))
            if reason in ("outcomes_met", "universal"):
                done_on = min(done_on, end)
                action.status, action.outcome = "done", (
                    "met" if rng.random() < 0.85 else "partly_met")
                action.outcome_note = "The family says this worked." if (
                    action.outcome == "met") else "Better, but still some way to go."
            elif action.by_when <= end and not behind:
                action.status, done_on = "done", min(done_on, end)
            elif action.by_when <= end:  # slipped: still going after its date
                action.status, done_on, behind = "under_way", None, False
            elif early and done_on <= end:
                action.status = "done"
            else:
                action.status = "under_way" if end > start + timedelta(days=7) else (
                    "not_started")
                done_on = None
            if reason in ("consent_withdrawn", "stepped_up") and action.status != "done":
                action.status = "stopped" if reason == "consent_withdrawn" else action.status
                action.outcome = "not_met" if reason == "consent_withdrawn" else ""
            finished[n] = done_on
        progress = []
        for review in reviews:
            for n, action in enumerate(actions):
                done_on = finished[n]
                status = ("done" if done_on and done_on <= review.held_on else "under_way"
                          if review.held_on > action.created_at.date() + timedelta(days=7)
                          else "not_started")
                progress.append(ActionProgress(review=review, action=action, status=status))
        e.rows["progress"] = progress
