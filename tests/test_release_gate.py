"""The release gate (scripts/spec-diff --check-changelog) in throwaway git repositories.

Each repository holds the real spec and generated package, a release commit and a CHANGELOG.md
recording it, like this one. The hand-written API layer is left out (--skip-api): griffe's
side is exercised by the real gate in scripts/test.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from specdiff.__main__ import main
from specdiff._release import (
    ReleaseError,
    last_release,
    marks_breaking,
    needed_version,
    parse_changelog,
)

ROOT = Path(__file__).resolve().parent.parent
GENERATED = "generated/forter_orders_api"
KEY = "operation POST /v3/orders/{orderId}: response 404 removed"

CHANGELOG = """# Changelog

## [Unreleased]
{unreleased}
## [0.1.0] - 2026-11-26

Commit: {commit}

### Added
- The first release.
"""


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return proc.stdout.strip()


@dataclass
class Repo:
    path: Path
    release: str

    def write(self, name: str, text: str) -> None:
        (self.path / name).write_text(text, encoding="utf-8")

    def changelog(self, unreleased: str = "", commit: str | None = None) -> None:
        self.write(
            "CHANGELOG.md",
            CHANGELOG.format(unreleased=unreleased, commit=commit or self.release),
        )

    def version(self, version: str, module: str | None = None) -> None:
        self.write("pyproject.toml", f'[project]\nname = "x"\nversion = "{version}"\n')
        self.write("overlays/forter_orders/_version.py", f'__version__ = "{module or version}"\n')

    def remove_404(self) -> None:
        spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
        del spec["paths"]["/v3/orders/{orderId}"]["post"]["responses"]["404"]
        self.write("openapi.yaml", yaml.safe_dump(spec, sort_keys=False))

    def gate(self, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
        code = main(
            [
                "--repo",
                str(self.path),
                "--check-changelog",
                "--skip-api",
                "--generated",
                str(self.path / GENERATED),
            ]
        )
        out, err = capsys.readouterr()
        return code, out, err


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A repository whose first commit is release 0.1.0 and whose second records it."""
    path = tmp_path / "repo"
    (path / "overlays" / "forter_orders").mkdir(parents=True)
    shutil.copy(ROOT / "openapi.yaml", path / "openapi.yaml")
    shutil.copytree(
        ROOT / GENERATED, path / GENERATED, ignore=shutil.ignore_patterns("__pycache__")
    )
    git(path, "init", "-q")
    made = Repo(path, "")
    made.version("0.1.0")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "release 0.1.0")
    made.release = git(path, "rev-parse", "HEAD")
    made.changelog()
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "record the release")
    return made


def test_nothing_breaking_passes(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = repo.gate(capsys)
    assert code == 0
    assert "release 0.1.0 (CHANGELOG.md commit" in out
    assert "changelog gate: ok (nothing breaking since 0.1.0)" in out


def test_an_unnamed_breaking_change_fails_with_its_key(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.remove_404()
    code, out, err = repo.gate(capsys)
    assert code == 1
    assert f"BREAKING   {KEY}" in out
    assert f"not named in CHANGELOG.md [Unreleased]: `{KEY}`" in err
    assert "need version 0.2.0 or later in pyproject.toml (it says 0.1.0)" in err


def test_named_but_not_marked_by_the_version_fails(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.remove_404()
    repo.changelog(f"\n### Removed\n- **BREAKING** No 404 any more: `{KEY}`.\n")
    code, _, err = repo.gate(capsys)
    assert code == 1
    assert "not named" not in err
    assert "need version 0.2.0" in err


def test_named_and_marked_passes_even_when_the_key_wraps(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.remove_404()
    wrapped = KEY.replace(": response", ":\n  response")
    repo.changelog(f"\n### Removed\n- **BREAKING** No 404 any more:\n  `{wrapped}`.\n")
    repo.version("0.2.0")
    code, out, err = repo.gate(capsys)
    assert code == 0, err
    assert "1 breaking change(s) since 0.1.0, all named" in out


def test_a_patch_bump_does_not_mark_a_breaking_change(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.remove_404()
    repo.changelog(f"\n- **BREAKING** `{KEY}`\n")
    repo.version("0.1.1")
    code, _, err = repo.gate(capsys)
    assert code == 1
    assert "need version 0.2.0 or later in pyproject.toml (it says 0.1.1)" in err


def test_the_package_version_must_agree(repo: Repo, capsys: pytest.CaptureFixture[str]) -> None:
    repo.version("0.2.0", module="0.1.0")
    code, _, err = repo.gate(capsys)
    assert code == 1
    assert "_version.py says 0.1.0 but pyproject.toml says 0.2.0" in err


def test_a_version_older_than_the_release_fails(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.version("0.0.9")
    code, _, err = repo.gate(capsys)
    assert code == 1
    assert "older than the last release 0.1.0" in err


def test_cutting_a_release_then_recording_it(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    """The steps of docs/maintaining.md: each commit on the way passes the gate."""
    repo.remove_404()
    repo.version("0.2.0")
    released = CHANGELOG.format(unreleased="", commit=repo.release).replace(
        "## [Unreleased]\n",
        f"## [0.2.0] - 2026-12-10\n\n### Removed\n- **BREAKING** `{KEY}`\n",
    )
    repo.write("CHANGELOG.md", released)  # [Unreleased] became [0.2.0]: no tag, no commit yet
    code, out, err = repo.gate(capsys)
    assert code == 0, err
    assert "against release 0.1.0" in out  # 0.2.0 is being cut: compared with the one before
    git(repo.path, "add", "-A")
    git(repo.path, "commit", "-q", "-m", "Release 0.2.0")
    git(repo.path, "tag", "v0.2.0")
    code, out, err = repo.gate(capsys)
    assert code == 0, err
    assert "against release 0.2.0 (tag v0.2.0" in out
    assert "nothing breaking since 0.2.0" in out
    commit = git(repo.path, "rev-parse", "v0.2.0^{commit}")
    repo.write(
        "CHANGELOG.md",
        released.replace(
            "## [0.2.0] - 2026-12-10\n",
            f"## [Unreleased]\n\n## [0.2.0] - 2026-12-10\n\nCommit: {commit}\n",
        ),
    )
    git(repo.path, "tag", "-d", "v0.2.0")  # a clone without tags finds it all the same
    code, out, err = repo.gate(capsys)
    assert code == 0, err
    assert "against release 0.2.0 (CHANGELOG.md commit" in out


def test_a_release_whose_commit_was_never_recorded_fails_loudly(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write(
        "CHANGELOG.md",
        CHANGELOG.format(unreleased="", commit=repo.release).replace(
            "## [Unreleased]\n", "## [Unreleased]\n\n## [0.2.0] - 2026-12-10\n"
        ),
    )
    repo.version("0.3.0")  # 0.2.0 is not being cut: it was released and never recorded
    code, _, err = repo.gate(capsys)
    assert code == 2
    assert "cannot find release 0.2.0: no tag v0.2.0 in this clone" in err


def test_the_tag_is_used_when_present(repo: Repo) -> None:
    git(repo.path, "tag", "v0.1.0", repo.release)
    release = last_release(repo.path)
    assert release is not None
    assert (release.ref, release.commit, release.source) == ("v0.1.0", repo.release, "tag v0.1.0")


def test_a_tag_that_disagrees_with_the_changelog_is_refused(repo: Repo) -> None:
    git(repo.path, "tag", "v0.1.0", "HEAD")  # the commit after the release
    with pytest.raises(ReleaseError, match=r"tag v0\.1\.0 is commit \w+ but CHANGELOG\.md records"):
        last_release(repo.path)


def test_an_unresolvable_release_fails_loudly(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.changelog(commit="0123456789abcdef0123456789abcdef01234567")
    code, _, err = repo.gate(capsys)
    assert code == 2
    assert "cannot find release 0.1.0: no tag v0.1.0, and commit 0123456789ab" in err
    assert "shallow clone" in err


def test_a_shallow_clone_without_the_release_fails_loudly(
    repo: Repo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone)], check=True
    )
    code = main(["--repo", str(clone), "--check-changelog", "--skip-api"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "cannot find release 0.1.0" in err


def test_no_release_yet_has_nothing_to_check(
    repo: Repo, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n")
    code, out, _ = repo.gate(capsys)
    assert code == 0
    assert "records no release yet" in out


@pytest.mark.parametrize(
    ("released", "version", "marks"),
    [
        ("0.1.0", "0.2.0", True),
        ("0.1.3", "0.2.0", True),
        ("0.1.0", "1.0.0", True),
        ("0.1.0", "0.1.1", False),
        ("0.1.0", "0.1.0", False),
        ("1.2.0", "1.3.0", False),
        ("1.2.0", "2.0.0", True),
    ],
)
def test_which_versions_mark_a_breaking_change(released: str, version: str, marks: bool) -> None:
    assert marks_breaking(released, version) is marks


def test_needed_version() -> None:
    assert needed_version("0.1.0") == "0.2.0"
    assert needed_version("1.4.2") == "2.0.0"


def test_this_changelog_records_the_last_release() -> None:
    """The project's own CHANGELOG.md: an Unreleased section, then 0.1.0 with its commit."""
    changelog = parse_changelog((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert changelog.unreleased is not None
    latest = changelog.releases[0]
    assert latest.name == "0.1.0"
    assert latest.commit == "8ea88deb5a8d6a11ba3976c2eaceba1b910181b1"
