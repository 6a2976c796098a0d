from django.core.management.base import BaseCommand, CommandError

from righthelp.core.council_settings import CouncilFileError, load_council


class Command(BaseCommand):
    help = "Load (or reload) a council's settings file, e.g. councils/blackpool.toml."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="Defaults to RIGHTHELP_COUNCIL_FILE.")

    def handle(self, *args, path=None, **options):
        try:
            council = load_council(path)
        except CouncilFileError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Loaded settings for {council.name}."))
