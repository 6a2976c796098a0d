"""Rules on Section 47 enquiries and their Initial Child Protection Conferences."""

from .base import before, day, referral, rule


def _enquiries(child):
    for episode in child.episodes:
        for enquiry in episode.section47s:
            yield episode, enquiry


def _label(enquiry) -> str:
    return f"the Section 47 enquiry started {day(enquiry.start)}"


def _weekend(value) -> bool:
    return value is not None and value.weekday() >= 5


@rule("1104", "The date of the initial child protection conference cannot be before the "
      "referral date", "DateOfInitialCPC")
def conference_before_referral(child, period):
    for episode, enquiry in _enquiries(child):
        if before(enquiry.icpc_date, episode.referral_date):
            yield _label(enquiry)


@rule("8615", "Section 47 Enquiry Start Date must be present and cannot be later than the date of "
      "the initial Child Protection Conference", "S47ActualStartDate")
def enquiry_starts_after_conference(child, period):
    for _, enquiry in _enquiries(child):
        if enquiry.icpc_date and (enquiry.start is None or enquiry.start > enquiry.icpc_date):
            yield _label(enquiry)


@rule("2889", "The S47 start date cannot be before the referral date.", "S47ActualStartDate")
def enquiry_before_referral(child, period):
    for episode, enquiry in _enquiries(child):
        if before(enquiry.start, episode.referral_date):
            yield _label(enquiry)


@rule("8740", "For a Section 47 Enquiry that has not held the Initial Child Protection "
      "Conference by the end of the census year, the start date must fall within the census "
      "year", "S47ActualStartDate")
def open_enquiry_started_outside_period(child, period):
    for _, enquiry in _enquiries(child):
        if (enquiry.icpc_date is None and not enquiry.icpc_not_required
                and enquiry.start not in period):
            yield _label(enquiry)


@rule("8675Q", "Please check and either amend data or provide a reason: S47 Enquiry started more "
      "than 15 working days before the end of the census year. However, there is no date of "
      "Initial Child Protection Conference.", "DateOfInitialCPC")
def conference_long_awaited(child, period):
    late = period.working_days_before_end(15)
    for _, enquiry in _enquiries(child):
        if (enquiry.icpc_date is None and not enquiry.icpc_not_required
                and before(enquiry.start, late)):
            yield _label(enquiry)


@rule("8870Q", "Please check: The Target Date for Initial Child Protection Conference should not "
      "be a weekend", "InitialCPCtarget")
def target_on_weekend(child, period):
    for _, enquiry in _enquiries(child):
        if _weekend(enquiry.icpc_target):
            yield _label(enquiry)


@rule("8715", "Date of Initial Child Protection Conference must fall within the census year",
      "DateOfInitialCPC")
def conference_outside_period(child, period):
    for _, enquiry in _enquiries(child):
        if enquiry.icpc_date and enquiry.icpc_date not in period:
            yield _label(enquiry)


@rule("8875", "The Date of Initial Child Protection Conference cannot be a weekend",
      "DateOfInitialCPC")
def conference_on_weekend(child, period):
    for episode in child.episodes:
        if _weekend(episode.icpc_date):
            yield referral(episode)
        for enquiry in episode.section47s:
            if _weekend(enquiry.icpc_date):
                yield _label(enquiry)


@rule("8839", "Within one CINDetails group there are 2 or more open S47 Assessments",
      "DateOfInitialCPC")
def several_open_enquiries(child, period):
    for episode in child.episodes:
        if sum(1 for s in episode.section47s
               if s.icpc_date is None and not s.icpc_not_required) > 1:
            yield referral(episode)


@rule("8890", "A Section 47 enquiry is shown as starting when there is another Section 47 "
      "Enquiry ongoing", "S47ActualStartDate")
def enquiry_starts_during_another(child, period):
    for episode in child.episodes:
        for enquiry in episode.section47s:
            for other in episode.section47s:
                if other is enquiry or enquiry.start is None or other.start is None:
                    continue
                until = other.icpc_date or (None if other.icpc_not_required else period.end)
                if other.start <= enquiry.start and before(enquiry.start, until):
                    yield _label(enquiry)
                    break
