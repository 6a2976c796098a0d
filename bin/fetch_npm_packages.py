"""Install the front-end packages named in package-lock.json without Node.js.

bin/setup uses `npm ci` where npm is installed; on a machine with only Python it runs this
instead. Each package is downloaded from the npm registry at the exact version the lock file
names, checked against the lock file's integrity hash (refused if it differs), and unpacked
into node_modules/<name>. Standard library only: it runs before any package is installed.
"""

import base64
import hashlib
import io
import json
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = "https://registry.npmjs.org"


def tarball_url(name: str, version: str) -> str:
    """The registry's address for a package's tarball (scoped names keep their scope)."""
    return f"{REGISTRY}/{name}/-/{name.rsplit('/', 1)[-1]}-{version}.tgz"


def check_integrity(data: bytes, integrity: str, name: str) -> None:
    """Refuse a download whose hash is not the one the lock file recorded."""
    algorithm, _, expected = integrity.partition("-")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise SystemExit(f"!! {name}: the download does not match package-lock.json's "
                         f"integrity hash; nothing was installed.")


def unpack(data: bytes, target: Path) -> None:
    """Unpack an npm tarball (its files sit under 'package/') into ``target``."""
    staging = target.with_name(target.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        members = []
        for member in archive.getmembers():
            _, _, inside = member.name.partition("/")
            if inside and (member.isfile() or member.isdir()):
                member.name = inside
                members.append(member)
        archive.extractall(staging, members=members, filter="data")
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)


def main() -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text())
    for path, package in lock["packages"].items():
        if not path.startswith("node_modules/"):
            continue
        name = path.removeprefix("node_modules/")
        url = package.get("resolved") or tarball_url(name, package["version"])
        print(f"   {name} {package['version']}")
        with urllib.request.urlopen(url, timeout=120) as response:
            data = response.read()
        check_integrity(data, package["integrity"], name)
        target = ROOT / path
        target.parent.mkdir(parents=True, exist_ok=True)
        unpack(data, target)


if __name__ == "__main__":
    sys.exit(main())
