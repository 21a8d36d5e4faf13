"""The wheel a merchant installs: its metadata, its PyPI page and what it carries.

The wheel is built offline (``pip wheel --no-build-isolation``, with hatchling and
hatch-fancy-pypi-readme from the dev extra). Installing it in fresh environments needs PyPI
for the dependencies, so that part is ``scripts/try-wheel``, which CI runs (.ci/run).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import zipfile
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
RELATIVE_LINK = re.compile(r"\]\((?!https?://|#|mailto:)([^)\s]+)\)")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--wheel-dir",
            str(out),
            str(ROOT),
        ],
        check=True,
        timeout=300,
        capture_output=True,
    )
    (built,) = out.glob("forter_orders-*.whl")
    return built


def _metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return Parser().parsestr(archive.read(name).decode())


def test_metadata_has_licence_urls_classifiers_and_keywords(wheel: Path) -> None:
    meta = _metadata(wheel)
    assert meta["License-Expression"] == "MIT"
    assert meta["License-File"] == "LICENSE"
    urls = dict(url.split(", ", 1) for url in meta.get_all("Project-URL") or [])
    assert set(urls) >= {"Homepage", "Repository", "Documentation", "Issues"}
    assert all(url.startswith("https://") for url in urls.values())
    classifiers = meta.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert "Framework :: Pytest" in classifiers
    assert "forter" in meta["Keywords"].split(",")
    assert meta["Description-Content-Type"] == "text/markdown"


def test_pypi_description_is_the_readme_with_absolute_links(wheel: Path) -> None:
    readme = (ROOT / "README.md").read_text()
    description = _metadata(wheel).get_payload()
    assert isinstance(description, str)
    assert "## Quick start" in description
    assert RELATIVE_LINK.findall(readme), "the README links to files in the repository"
    assert RELATIVE_LINK.findall(description) == []  # every one was made absolute
    repository = PYPROJECT["project"]["urls"]["Repository"]
    for target in RELATIVE_LINK.findall(readme):
        assert (ROOT / target.split("#")[0]).exists(), f"README links to missing {target}"
        assert f"]({repository}/blob/main/{target})" in description


def test_the_wheel_carries_the_spec_the_types_and_the_licence(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        spec = archive.getinfo("forter_orders/openapi.yaml")
        assert archive.read(spec) == (ROOT / "openapi.yaml").read_bytes()  # a file, not a link
        assert "forter_orders/LICENSE" not in names
        licence = next(n for n in names if n.endswith(".dist-info/licenses/LICENSE"))
        assert b"MIT License" in archive.read(licence)
    assert {"forter_orders/py.typed", "forter_orders_api/py.typed"} <= names
    assert {"forter_orders/models.py", "forter_orders/cli/_help.py"} <= names
    assert not any(name.startswith(("tests/", "bench/", "examples/")) for name in names)
