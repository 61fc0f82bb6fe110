"""Where the checklist in force is found, how answers are addressed, and the compiled cache on disk.

Written from the mutation run of guide/load.py, guide/paths.py and guide/cache.py (docs/testing.md).
The loaded checklists (`load_checklist`, an `lru_cache`) and the parsed answer paths
(`AnswerPath.parse`, a `functools.cache`) are emptied around each test, and the on-disk
cache is this test's own folder: no test reads what another one, or mutmut's clean run, left.
"""

from __future__ import annotations

import io
import json
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from coopwizard import __version__
from coopwizard.guide import cache as checklist_cache
from coopwizard.guide import load as load_module
from coopwizard.guide.load import default_checklist_path, load_checklist, resolve_checklist_path
from coopwizard.guide.model import Checklist
from coopwizard.guide.parse import ChecklistParser
from coopwizard.guide.paths import AnswerPath
from coopwizard.io.yamlio import load_yaml
from tests.conftest import ROOT

# The checklist beside the sources in a checkout (editable install), or the wheel's copy of it (.ci/run
# installs the project, not editable): default_checklist_path() gives the first that exists.
_SHIPPED = Path(load_module.__file__).parents[1] / "checklists" / "default.yaml"
DEFAULT = _SHIPPED if _SHIPPED.is_file() else ROOT / "checklists" / "default.yaml"


@pytest.fixture(autouse=True)
def fresh_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Empty the process-wide caches and give each test its own cache folder."""
    load_checklist.cache_clear()
    AnswerPath.parse.cache_clear()
    folder = tmp_path / "compiled"
    monkeypatch.setenv("COOP_CACHE_DIR", str(folder))
    yield folder
    load_checklist.cache_clear()
    AnswerPath.parse.cache_clear()


def _parsed(text: str, name: str = "list.yaml") -> Checklist:
    return ChecklistParser(load_yaml(text, name), name).parse()


# --- load.py ---------------------------------------------------------------------------------


def test_the_default_checklist_is_the_one_beside_the_sources_in_a_checkout() -> None:
    assert default_checklist_path() == DEFAULT
    assert default_checklist_path().read_bytes() == (ROOT / "checklists" / "default.yaml").read_bytes()


def test_the_default_checklist_is_the_shipped_one_in_an_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a wheel the checklists sit in the package (coopwizard/checklists); beside the sources otherwise."""
    module = tmp_path / "site" / "lib" / "coopwizard" / "guide" / "load.py"
    module.parent.mkdir(parents=True)
    module.write_text("", encoding="utf-8")
    fallback = tmp_path / "site" / "checklists" / "default.yaml"
    fallback.parent.mkdir(parents=True)
    fallback.write_text("format: 1\n", encoding="utf-8")
    monkeypatch.setattr(load_module, "__file__", str(module))
    assert default_checklist_path() == fallback
    shipped = tmp_path / "site" / "lib" / "coopwizard" / "checklists" / "default.yaml"
    shipped.parent.mkdir(parents=True)
    shipped.write_text("format: 1\n", encoding="utf-8")
    assert default_checklist_path() == shipped
    shipped.unlink()
    shipped.mkdir()  # a folder of that name is not the checklist
    assert default_checklist_path() == fallback


def test_the_checklist_option_then_the_environment_then_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_checklist_path(None) == DEFAULT
    assert resolve_checklist_path("") == DEFAULT
    assert resolve_checklist_path("mine.yaml") == "mine.yaml"
    monkeypatch.setenv("COOP_CHECKLIST", "")
    assert resolve_checklist_path(None) == DEFAULT
    monkeypatch.setenv("COOP_CHECKLIST", "from-env.yaml")
    assert resolve_checklist_path(None) == "from-env.yaml"
    assert resolve_checklist_path("") == "from-env.yaml"
    assert resolve_checklist_path("mine.yaml") == "mine.yaml"


# --- paths.py --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "section", "question", "partner", "topic", "in_sheet"),
    [
        ("purpose.reason", "purpose", "reason", False, True, ("topics", "purpose", "reason")),
        ("project.title", "project", "title", False, False, ("project", "title")),
        (
            "classification.shares_work",
            "classification",
            "shares_work",
            False,
            False,
            ("classification", "shares_work"),
        ),
        ("partner.representative", "partner", "representative", True, False, ("partners",)),
        ("partners.name", "partners", "name", False, True, ("topics", "partners", "name")),
    ],
)
def test_an_answer_path_says_where_its_answer_lives(
    text: str, section: str, question: str, partner: bool, topic: bool, in_sheet: tuple[str, ...]
) -> None:
    path = AnswerPath.of(text)
    assert (path.section, path.question) == (section, question)
    assert path == AnswerPath(section, question)
    assert path.is_partner is partner
    assert path.is_topic is topic
    assert path.in_sheet() == in_sheet
    assert str(path) == text


@pytest.mark.parametrize("text", ["purpose", "purpose.", ".reason", "a.b.c", ""])
def test_a_text_that_is_not_an_answer_path_is_refused(text: str) -> None:
    assert AnswerPath.parse(text) is None
    with pytest.raises(ValueError) as caught:
        AnswerPath.of(text)
    assert str(caught.value) == f"not an answer path: {text!r}"


# --- cache.py --------------------------------------------------------------------------------


def test_the_cache_folder_is_the_one_asked_for(fresh_caches: Path) -> None:
    assert checklist_cache.cache_dir() == fresh_caches


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {}, "HOME/.cache/coopwizard"),
        ("linux", {"XDG_CACHE_HOME": "XDG"}, "XDG/coopwizard"),
        ("linux", {"XDG_CACHE_HOME": ""}, "HOME/.cache/coopwizard"),
        ("darwin", {"XDG_CACHE_HOME": "XDG"}, "HOME/Library/Caches/coopwizard"),
        ("win32", {"XDG_CACHE_HOME": "XDG"}, "HOME/AppData/Local/coopwizard/Cache"),
        ("win32", {"LOCALAPPDATA": "LOCAL"}, "LOCAL/coopwizard/Cache"),
        ("win32", {"LOCALAPPDATA": ""}, "HOME/AppData/Local/coopwizard/Cache"),
    ],
)
def test_the_cache_folder_is_the_platform_s_per_user_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str, env: dict[str, str], expected: str
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("COOP_CACHE_DIR")
    for name, value in env.items():
        monkeypatch.setenv(name, value.replace("XDG", str(tmp_path / "xdg")).replace("LOCAL", str(tmp_path / "local")))
    monkeypatch.setattr(sys, "platform", platform)
    wanted = expected.replace("HOME", str(home)).replace("XDG", str(tmp_path / "xdg"))
    assert checklist_cache.cache_dir() == Path(wanted.replace("LOCAL", str(tmp_path / "local")))


def test_an_empty_cache_setting_is_no_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COOP_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "platform", "linux")
    assert checklist_cache.cache_dir() == tmp_path / "xdg" / "coopwizard"


def test_a_cache_entry_is_named_by_the_text_s_bytes_the_version_and_the_format(fresh_caches: Path) -> None:
    text = "title: Fête\n"
    data = text.encode("utf-8")
    name = f"checklist-{zlib.crc32(data):08x}-{len(data)}-{__version__}-2.json"
    assert checklist_cache._entry(text) == fresh_caches / name
    assert len(data) == 13  # the bytes, not the 12 characters
    assert checklist_cache._entry("a") == fresh_caches / f"checklist-e8b7be43-1-{__version__}-2.json"


def test_a_stored_checklist_is_read_back_under_its_new_name(fresh_caches: Path) -> None:
    text = DEFAULT.read_text(encoding="utf-8")
    parsed = _parsed(text, "first.yaml")
    checklist_cache.store(text, parsed)
    [entry] = fresh_caches.iterdir()
    assert entry == checklist_cache._entry(text)
    raw = entry.read_text(encoding="utf-8")
    assert "origin" not in json.loads(raw)
    assert "Coopération" in raw  # written as UTF-8 text, not \u escapes
    cached = checklist_cache.load_cached(text, "second.yaml")
    assert cached == parsed
    assert cached is not None and cached.origin == "second.yaml"
    checklist_cache.store(text, parsed)  # again, in a folder that now exists
    assert [p.name for p in fresh_caches.iterdir()] == [entry.name]


def test_a_stored_checklist_is_read_as_utf8_whatever_the_locale(
    fresh_caches: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a server whose locale is ASCII, a file opened with no encoding is read as ASCII: the cache's
    French (« Coopération ») must still be read back, not taken for a broken entry and parsed again."""
    text = DEFAULT.read_text(encoding="utf-8")
    parsed = _parsed(text, "first.yaml")
    checklist_cache.store(text, parsed)
    monkeypatch.setattr(io, "text_encoding", lambda encoding, stacklevel=2: encoding or "ascii")
    assert checklist_cache.load_cached(text, "second.yaml") == parsed


def test_two_checklists_are_kept_side_by_side_in_one_folder(fresh_caches: Path) -> None:
    text = DEFAULT.read_text(encoding="utf-8")
    other = text + "\n# adapted\n"
    checklist_cache.store(text, _parsed(text))
    checklist_cache.store(other, _parsed(other))  # the folder exists by now
    assert sorted(p.name for p in fresh_caches.iterdir()) == sorted(
        [checklist_cache._entry(text).name, checklist_cache._entry(other).name]
    )
    assert checklist_cache.load_cached(other, "b.yaml") == checklist_cache.load_cached(text, "a.yaml")


def test_the_cache_folder_is_made_with_its_parents(fresh_caches: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deep = fresh_caches / "a" / "b"
    monkeypatch.setenv("COOP_CACHE_DIR", str(deep))
    text = DEFAULT.read_text(encoding="utf-8")
    checklist_cache.store(text, _parsed(text))
    assert checklist_cache._entry(text).is_file()


def test_a_cache_that_cannot_be_written_is_only_skipped(fresh_caches: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = DEFAULT.read_text(encoding="utf-8")
    checklist = _parsed(text)
    fresh_caches.parent.mkdir(parents=True, exist_ok=True)
    fresh_caches.write_text("a file where the folder should be", encoding="utf-8")
    checklist_cache.store(text, checklist)  # OSError from mkdir: nothing raised
    fresh_caches.unlink()
    checklist_cache._entry(text).mkdir(parents=True)  # the entry's name taken by a folder
    checklist_cache.store(text, checklist)  # WriteError from write_atomic: nothing raised
    assert checklist_cache.load_cached(text, "x.yaml") is None


@pytest.mark.parametrize(
    "content",
    [None, "{not json", "[1, 2]", '{"id": "x"}', '{"id": 1, "version": "a"}'],
    ids=["missing", "not json", "not a mapping", "fields missing", "wrong types"],
)
def test_a_cache_entry_that_does_not_fit_is_none(fresh_caches: Path, content: str | None) -> None:
    text = "format: 1\n"
    if content is not None:
        fresh_caches.mkdir()
        checklist_cache._entry(text).write_text(content, encoding="utf-8")
    assert checklist_cache.load_cached(text, "x.yaml") is None


def test_load_checklist_parses_once_then_reads_the_cache(tmp_path: Path, fresh_caches: Path) -> None:
    path = tmp_path / "copy.yaml"
    path.write_text(DEFAULT.read_text(encoding="utf-8"), encoding="utf-8")
    first = load_checklist(path)
    assert first.origin == str(path)
    assert [p.name for p in fresh_caches.iterdir()] == [checklist_cache._entry(path.read_text(encoding="utf-8")).name]
    load_checklist.cache_clear()
    again = load_checklist(path)
    assert again == first and again is not first and again.origin == str(path)
