from datetime import date

from django.core.management.base import BaseCommand, CommandError

from righthelp.people.models import Person
from righthelp.synthetic import generator
from righthelp.synthetic.generator import MAX_SCALE, is_loaded, synthesise
from righthelp.synthetic.workforce import DEMO_PASSWORD, demo_sign_ins


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic council the size of Blackpool (at --scale 1): "
        "children, families, staff and four years of casework. The same --seed and --today "
        "always give the same data. Refuses if people are already loaded, unless --flush, "
        "which first deletes ALL case data, staff accounts and council settings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--scale", type=float, default=1.0,
                            help=f"1 is Blackpool's size (about 29,000 children); at most "
                                 f"{MAX_SCALE}.")
        parser.add_argument("--today", type=date.fromisoformat, default=None,
                            help="The day the history runs up to, YYYY-MM-DD (default: today).")
        parser.add_argument("--years", type=int, default=4, help="Years of history.")
        parser.add_argument("--flush", action="store_true",
                            help="Delete everything already loaded first.")
        parser.add_argument("--status", action="store_true",
                            help="Only print 'loaded' or 'empty'.")
        parser.add_argument("--sign-ins", action="store_true",
                            help="Only print the demo sign-ins.")

    def handle(self, *args, seed, scale, today, years, flush: bool, status: bool,
               sign_ins: bool, **options):
        if status:
            self.stdout.write("loaded" if is_loaded() else "empty")
            return
        if sign_ins:
            self._print_sign_ins()
            return
        if not 0 < scale <= MAX_SCALE:
            raise CommandError(f"--scale must be above 0 and at most {MAX_SCALE}.")
        if is_loaded() and not flush:
            raise CommandError(
                f"The database already holds {Person.objects.count():,} people. Run again "
                "with --flush to delete all case data and staff accounts first.")
        if flush:
            generator.flush(write=self.stdout.write)
        synthesise(seed=seed, scale=scale, today=today, years=years, write=self.stdout.write)
        self._print_sign_ins()

    def _print_sign_ins(self) -> None:
        self.stdout.write(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}):")
        for label, username in demo_sign_ins():
            self.stdout.write(f"  {label:<32} {username}")
