"""Valid, unique, obviously synthetic national identifiers: NHS numbers and UPNs.

NHS numbers are drawn from the 999 range, which the NHS keeps for testing and never issues
to patients, so no synthetic number is a real person's. UPNs follow the DfE layout (check
letter, local authority 890 for Blackpool or a neighbour, school, year, serial) with a few
temporary ones (last character a letter), and always carry the right check letter.
"""

from random import Random

from righthelp.people.identifiers import UPN_CHECK_LETTERS, upn_check_letter

LA_CODES = ["890"] * 18 + ["888", "889"]  # Blackpool, and children who moved from nearby


def nhs_check_digit(nine: str) -> int | None:
    """The modulus 11 check digit, or None when the nine digits cannot have one."""
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1), strict=True))
    check = 11 - total % 11
    return None if check == 10 else 0 if check == 11 else check


class Identifiers:
    """Hands out identifiers that are valid and never repeat within one synthetic council."""

    def __init__(self, rng: Random):
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, make) -> str:
        while True:
            value = make()
            if value and value not in self.used:
                self.used.add(value)
                return value

    def nhs_number(self) -> str:
        def make() -> str | None:
            nine = f"999{self.rng.randrange(1_000_000):06d}"
            check = nhs_check_digit(nine)
            return None if check is None else f"{nine}{check}"

        return self._fresh(make)

    def upn(self, year_allocated: int) -> str:
        def make() -> str:
            school = self.rng.choice((2000, 4000)) + self.rng.randrange(300)
            body = f"{self.rng.choice(LA_CODES)}{school}{year_allocated % 100:02d}"
            if self.rng.random() < 0.01:  # a temporary UPN: serial ends in a letter
                body += f"{self.rng.randrange(100):02d}{self.rng.choice(UPN_CHECK_LETTERS)}"
            else:
                body += f"{self.rng.randrange(1000):03d}"
            return upn_check_letter(body) + body

        return self._fresh(make)
