"""Produce the Children in Need census from the records: ``manage.py cin_census --year 2026``.

Prints progress as children are read, then a validation summary (errors and queries by DfE
rule) and which schema file the XML was checked against, with its source (for 2025-26,
``cin_census_2025_26.xsd``: DfE's CIN census schema 2023-24 with two commented changes; see
``righthelp/returns/schemas/``). Exits with an error when the file does not match the census
schema, or when ``--strict`` is given and any error rule fails.
"""

from collections import Counter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from righthelp.returns import services
from righthelp.staff.models import User

PROGRESS_EVERY = 2000


class Command(BaseCommand):
    help = "Produce and check the Children in Need census for a collection year."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True,
                            help="The year the collection period ends (2026 for 2025-26).")
        parser.add_argument("--output", type=Path, help="Also write the XML file here.")
        parser.add_argument("--check-only", action="store_true",
                            help="Check the records without keeping a file in righthelp.")
        parser.add_argument("--user", help="The username to record as producing it.")
        parser.add_argument("--strict", action="store_true",
                            help="Exit with an error if any DfE error rule fails.")

    def handle(self, *args, year: int, output: Path | None, check_only: bool,
               user: str | None, strict: bool, **options):
        producer = None
        if user:
            producer = User.objects.filter(username=user).first()
            if producer is None:
                raise CommandError(f"There is no user called {user}.")
        reported = [0]

        def progress(done: int, total: int) -> None:
            if done - reported[0] >= PROGRESS_EVERY or done == total:
                reported[0] = done
                self.stdout.write(f"  children read: {done:,} of {total:,}")

        self.stdout.write(f"Children in Need census {year - 1}-{year % 100:02d}")
        try:
            production = services.produce_census(
                user=producer, year=year, check_only=check_only, channel="command",
                output=output, progress=progress)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self._summary(production, output)
        if production.schema_errors:
            raise CommandError("The file does not match the census schema.")
        if strict and production.errors:
            raise CommandError(f"{production.errors} DfE error rule failures.")

    def _summary(self, production, output: Path | None) -> None:
        write = self.stdout.write
        write(f"{production.children:,} children, {production.episodes:,} episodes")
        write(f"errors: {production.errors:,}; queries: {production.queries:,}")
        counts = Counter((f["code"], f["message"]) for f in production.failures)
        for (code, message), n in sorted(counts.items()):
            write(f"  {code:>6}  {n:>6,}  {message}")
        write(f"Checked against the census schema {production.schema_described}.")
        for error in production.schema_errors:
            write(f"  schema: {error}")
        if not production.schema_errors:
            write(f"The file is valid against the census schema {production.schema_file}.")
        if output:
            write(f"Written to {output}")
        write(f"Production {production.pk} recorded (serial {production.serial:03d}).")
