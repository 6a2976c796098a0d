from django.core.management.base import BaseCommand, CommandError

from righthelp.directory.loader import PostcodeFileError, load_postcodes

SHOWN_ERRORS = 50


class Command(BaseCommand):
    help = ("Load postcode centre points from an open data CSV (ONS Postcode Directory, "
            "Code-Point Open, or postcode,latitude,longitude). Safe to run again.")

    def add_arguments(self, parser):
        parser.add_argument("path", help="e.g. data/postcodes/blackpool.csv")
        parser.add_argument("--local-authority", default="",
                            help="Keep only rows of this local authority code (E06000009), "
                                 "for files that have a local authority column.")

    def handle(self, *args, path, local_authority="", **options):
        try:
            report = load_postcodes(path, local_authority=local_authority,
                                    progress=self.stdout.write)
        except (OSError, PostcodeFileError) as error:
            raise CommandError(str(error)) from None
        for error in report.errors[:SHOWN_ERRORS]:
            self.stderr.write(str(error))
        if len(report.errors) > SHOWN_ERRORS:
            self.stderr.write(f"... and {len(report.errors) - SHOWN_ERRORS} more refused rows.")
        skipped = (f", {report.other_authority:,} of other authorities skipped"
                   if report.other_authority else "")
        self.stdout.write(self.style.SUCCESS(
            f"{report.source}: {report.rows:,} rows read; {report.created:,} postcodes added, "
            f"{report.updated:,} moved, {report.unchanged:,} unchanged, "
            f"{len(report.errors):,} refused{skipped}."))
