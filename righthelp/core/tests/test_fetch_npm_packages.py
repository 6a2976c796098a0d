"""bin/fetch_npm_packages.py: the front-end packages without Node.js (no network here: the
download is given to the functions that check and unpack it)."""

import base64
import hashlib
import importlib.util
import io
import tarfile
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "bin" / "fetch_npm_packages.py"
spec = importlib.util.spec_from_file_location("fetch_npm_packages", SCRIPT)
fetch = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fetch)


def tarball(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def test_registry_addresses_for_plain_and_scoped_packages():
    assert fetch.tarball_url("govuk-frontend", "6.6.0") == (
        "https://registry.npmjs.org/govuk-frontend/-/govuk-frontend-6.6.0.tgz")
    assert fetch.tarball_url("@scope/thing", "1.0.0") == (
        "https://registry.npmjs.org/@scope/thing/-/thing-1.0.0.tgz")


def test_a_download_must_match_the_lock_files_hash(tmp_path):
    data = tarball({"dist/govuk/all.bundle.js": b"ok"})
    good = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    fetch.check_integrity(data, good, "govuk-frontend")
    with pytest.raises(SystemExit, match="does not match"):
        fetch.check_integrity(data + b"x", good, "govuk-frontend")


def test_unpacks_under_node_modules_without_the_package_folder(tmp_path):
    target = tmp_path / "node_modules" / "govuk-frontend"
    target.parent.mkdir()
    fetch.unpack(tarball({"dist/govuk/all.bundle.js": b"ok", "package.json": b"{}"}), target)
    assert (target / "dist" / "govuk" / "all.bundle.js").read_bytes() == b"ok"
    assert not (tmp_path / "node_modules" / "govuk-frontend.partial").exists()
