"""Rules on each referral (the census's CINdetails): dates, codes, closure, and what may be
recorded on a referral that was closed or needed no further action."""

from datetime import timedelta

from .. import codes
from .base import before, day, not_nfa, referral, rule


@rule("8600", "Child referral date missing or after data collection period", "CINreferralDate")
def referral_date_missing(child, period):
    for episode in child.episodes:
        if episode.referral_date is None or episode.referral_date > period.end:
            yield referral(episode)


@rule("8606", "Child referral date is more than 40 weeks before DOB or expected DOB",
      "CINreferralDate")
def referred_long_before_birth(child, period):
    ids = child.identifiers
    for episode in child.episodes:
        for born in (ids.birth_date, ids.expected_birth_date):
            if born and before(episode.referral_date, born - timedelta(days=280)):
                yield referral(episode)
                break


@rule("8555", "Child cannot be referred after its recorded date of death", "CINreferralDate")
def referred_after_death(child, period):
    for episode in child.episodes:
        if before(child.identifiers.death_date, episode.referral_date):
            yield referral(episode)


@rule("8610", "Primary Need code is missing for a referral which led to further action",
      "PrimaryNeedCode")
def primary_need_missing(child, period):
    for episode in child.episodes:
        if not_nfa(episode) and not episode.primary_need:
            yield referral(episode)


@rule("8650", "Primary Need Code invalid (see Primary Need table in CIN census code set)",
      "PrimaryNeedCode")
def primary_need_invalid(child, period):
    for episode in child.episodes:
        if episode.primary_need and episode.primary_need not in codes.PRIMARY_NEEDS:
            yield referral(episode)


@rule("8866", "Source of Referral is missing or an invalid code", "ReferralSource")
def referral_source_invalid(child, period):
    for episode in child.episodes:
        if episode.referral_source not in codes.REFERRAL_SOURCES:
            yield referral(episode)


@rule("8568", "RNFA flag is missing or invalid", "ReferralNFA")
def nfa_flag_missing(child, period):
    for episode in child.episodes:
        if episode.referral_nfa is None:
            yield referral(episode)


@rule("8569", "A case with referral date before one working day prior to the collection start "
      "date must not be flagged as a no further action case", "ReferralNFA")
def old_referral_marked_nfa(child, period):
    for episode in child.episodes:
        if episode.referral_nfa and before(episode.referral_date,
                                           period.working_day_before_start()):
            yield referral(episode)


@rule("8620", "CIN Closure Date present and does not fall within the Census year",
      "CINclosureDate")
def closure_outside_period(child, period):
    for episode in child.episodes:
        if episode.closure_date and episode.closure_date not in period:
            yield referral(episode)


@rule("8630", "CIN Closure Date is before CIN Referral Date for the same CIN episode",
      "CINclosureDate")
def closed_before_referred(child, period):
    for episode in child.episodes:
        if before(episode.closure_date, episode.referral_date):
            yield referral(episode)


@rule("8640", "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census "
      "code set)", "ReasonForClosure")
def closure_reason_invalid(child, period):
    for episode in child.episodes:
        if episode.closure_reason and episode.closure_reason not in codes.CLOSURE_REASONS:
            yield referral(episode)


@rule("8805", "A CIN case cannot have a CIN closure date without a Reason for Closure",
      "ReasonForClosure")
def closure_without_reason(child, period):
    for episode in child.episodes:
        if episode.closure_date and not episode.closure_reason:
            yield referral(episode)


@rule("8810", "A CIN case cannot have a Reason for Closure without a CIN Closure Date",
      "CINclosureDate")
def reason_without_closure(child, period):
    for episode in child.episodes:
        if episode.closure_reason and not episode.closure_date:
            yield referral(episode)


@rule("8565", "Activity shown after a case has been closed", "CINclosureDate")
def activity_after_closure(child, period):
    for episode in child.episodes:
        closed = episode.closure_date
        if closed is None:
            continue
        dates = [episode.icpc_date]
        dates += [d for a in episode.assessments for d in (a.start, a.authorised)]
        dates += [d for s in episode.section47s for d in (s.start, s.icpc_date)]
        dates += [d for p in episode.cin_plans for d in (p.start, p.end)]
        dates += [p.end for p in episode.cp_plans]
        if any(before(closed, d) for d in dates):
            yield referral(episode)


@rule("8868", "CIN episode is shown as closed, however Section 47 enquiry is not shown as "
      "completed by ICPC date or ICPC not required flag", "CINclosureDate")
def closed_with_open_enquiry(child, period):
    for episode in child.episodes:
        if episode.closure_date and any(s.icpc_date is None and not s.icpc_not_required
                                        for s in episode.section47s):
            yield referral(episode)


@rule("8867", "CIN episode is shown as closed, however Assessment is not shown as completed",
      "CINclosureDate")
def closed_with_open_assessment(child, period):
    for episode in child.episodes:
        if episode.closure_date and any(a.authorised is None for a in episode.assessments):
            yield referral(episode)


@rule("8825Q", "Please check and either amend data or provide a reason: Reason for Closure code "
      "RC8 (case closed after assessment) has been returned but there is no assessment present "
      "for the episode.", "ReasonForClosure")
def rc8_without_assessment(child, period):
    for episode in child.episodes:
        if episode.closure_reason == codes.NO_FURTHER_ACTION and not episode.assessments:
            yield referral(episode)


@rule("8585Q", "Please check and either amend or provide a reason: CIN episode shows Died as the "
      "Closure Reason, however child has no recorded Date of Death", "ReasonForClosure")
def died_without_date(child, period):
    for episode in child.episodes:
        if episode.closure_reason == codes.DIED and child.identifiers.death_date is None:
            yield referral(episode)


@rule("2990", "Activity is recorded against a case marked as 'Case closed after assessment, no "
      "further action'.", "ReasonForClosure")
def activity_on_rc8(child, period):
    for episode in child.episodes:
        if episode.closure_reason == codes.NO_FURTHER_ACTION and (
                episode.section47s or episode.cin_plans or episode.cp_plans or episode.icpc_date):
            yield referral(episode)


@rule("8831", "Activity is recorded against a case marked as a referral with no further action",
      "ReferralNFA")
def activity_on_nfa(child, period):
    for episode in child.episodes:
        if episode.referral_nfa and (
                any(a.start or a.authorised for a in episode.assessments)
                or any(s.start or s.icpc_date for s in episode.section47s) or episode.icpc_date):
            yield referral(episode)


@rule("8832", "Child Protection details provided for a referral with no further action",
      "ReferralNFA")
def protection_on_nfa(child, period):
    for episode in child.episodes:
        if episode.referral_nfa and episode.cp_plans:
            yield referral(episode)


@rule("4000", "CIN Plan details provided for a referral with no further action", "ReferralNFA")
def cin_plan_on_nfa(child, period):
    for episode in child.episodes:
        if episode.referral_nfa and episode.cin_plans:
            yield referral(episode)


@rule("8815", "More than one open CIN Details episode (a module with no CIN Closure Date) has been "
      "provided for this child and case is not a referral with no further action.",
      "CINclosureDate")
def several_open_episodes(child, period):
    still_open = [e for e in child.episodes if e.closure_date is None and not e.referral_nfa]
    if len(still_open) > 1:
        yield ", ".join(referral(e) for e in still_open)


@rule("8816", "An open CIN episode is shown and case is not a referral with no further action, "
      "but it is not the latest episode.", "CINreferralDate")
def open_episode_not_latest(child, period):
    for episode in child.episodes:
        if episode.closure_date is None and not_nfa(episode) and any(
                before(episode.referral_date, other.referral_date) for other in child.episodes):
            yield referral(episode)


@rule("8820", "The dates on the CIN episodes for this child overlap", "CINreferralDate")
def episodes_overlap(child, period):
    for episode in child.episodes:
        for other in child.episodes:
            if other is episode or episode.referral_date is None or other.referral_date is None:
                continue
            other_until = other.closure_date or (period.end if not_nfa(other) else None)
            if other.referral_date <= episode.referral_date and before(episode.referral_date,
                                                                       other_until):
                yield referral(episode)
                break


@rule("2884", "An initial child protection conference is recorded at both the S47 and CIN "
      "Details level and it should only be recorded in one", "DateOfInitialCPC")
def conference_recorded_twice(child, period):
    for episode in child.episodes:
        if episode.icpc_date and any(s.icpc_date == episode.icpc_date
                                     for s in episode.section47s):
            yield f"the conference of {day(episode.icpc_date)}"


@rule("2991Q", "Please check: A Section 47 module is recorded and there is no assessment on the "
      "episode", "Section47")
def enquiry_without_assessment(child, period):
    for episode in child.episodes:
        if episode.section47s and not episode.assessments:
            yield referral(episode)


@rule("8873", "When there is only one assessment on the episode and the factors code \"21 No "
      "factors identified\" has been used for the completed assessment, the reason for closure "
      "'RC8' must be used.", "ReasonForClosure")
def no_factors_needs_rc8(child, period):
    for episode in child.episodes:
        only = episode.assessments[0] if len(episode.assessments) == 1 else None
        if (only and codes.NO_FACTORS in only.factors and episode.closure_reason
                and episode.closure_reason != codes.NO_FURTHER_ACTION):
            yield referral(episode)
