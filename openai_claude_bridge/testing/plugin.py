"""The pytest plugin of the testing kit (registered by the ``testing`` extra's entry point).

* Fixtures ``bridge_id_factory`` and ``bridge_clock``: a deterministic ``id_factory`` (the prefix
  and a counter: ``msg_000001``, ``call_000002`` …) and ``clock`` (always ``1700000000``), for
  conversions whose output a test compares.
* ``--bridge-samples DIR`` (repeatable): every sample in ``DIR``
  (:mod:`openai_claude_bridge.testing.samples`) becomes one test per direction it goes —
  ``<sample> [<source> -> <target>]`` — running every check that applies
  (:mod:`openai_claude_bridge.testing.runner`); a failure lists the violations.
  ``--bridge-targets`` limits the target formats (comma-separated).
* The ``bridge_sample`` fixture: a test that asks for it runs once per sample of the
  ``--bridge-samples`` folders (a :class:`~.samples.Sample`) — how a proxy's own handler is
  tested against the same folder. Without ``--bridge-samples`` such a test is skipped.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from ..options import FORMATS, Format, check_format
from .runner import check_sample
from .samples import Sample, read_samples

__all__ = ["bridge_clock", "bridge_id_factory", "pytest_addoption", "pytest_generate_tests"]

#: What ``bridge_clock`` says the time is.
FIXED_TIME = 1_700_000_000


@pytest.fixture
def bridge_id_factory() -> Callable[[str], str]:
    """An ``id_factory`` that makes ``<prefix>000001``, ``<prefix>000002`` … (one counter per
    test), so converted payloads compare equal across runs."""
    counter = itertools.count(1)
    return lambda prefix: f"{prefix}{next(counter):06d}"


@pytest.fixture
def bridge_clock() -> Callable[[], int]:
    """A ``clock`` that always says :data:`FIXED_TIME`."""
    return lambda: FIXED_TIME


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("openai-claude-bridge", "openai_claude_bridge testing kit")
    group.addoption(
        "--bridge-samples",
        action="append",
        default=[],
        metavar="DIR",
        help="check every sample payload and stream in DIR in every direction",
    )
    group.addoption(
        "--bridge-targets",
        default=",".join(FORMATS),
        metavar="FORMATS",
        help="comma-separated target formats for --bridge-samples (default: all four)",
    )


class SamplesViolated(AssertionError):
    """A sample broke rules in one direction."""


class BridgeSampleItem(pytest.Item):
    """One sample checked in one direction."""

    def __init__(self, *, sample: Sample, target: Format, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sample = sample
        self.target = target

    def runtest(self) -> None:
        violations = check_sample(self.sample, self.target)
        if violations:
            raise SamplesViolated("\n".join(str(violation) for violation in violations))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, SamplesViolated):
            head = f"{self.sample.name} ({self.sample.format} -> {self.target}) broke rules:"
            return f"{head}\n{excinfo.value}"
        return str(super().repr_failure(excinfo, style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.sample.name} [{self.sample.format} -> {self.target}]"


class BridgeSamples(pytest.Collector):
    """The samples of one ``--bridge-samples`` folder."""

    def __init__(self, *, folder: Path, targets: tuple[Format, ...], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.folder = folder
        self.targets = targets

    def collect(self) -> Iterator[BridgeSampleItem]:
        try:
            samples = read_samples(self.folder)
        except ValueError as exc:  # a file that is not a sample, named
            raise self.CollectError(str(exc)) from None
        for sample in samples:
            for target in self.targets:
                yield BridgeSampleItem.from_parent(
                    self,
                    name=f"{sample.name}[{sample.format}->{target}]",
                    sample=sample,
                    target=target,
                    path=self.folder / sample.name.split("#")[0].split("@")[0],
                )


_TARGETS = pytest.StashKey[tuple[Format, ...]]()


def pytest_configure(config: pytest.Config) -> None:
    """Read ``--bridge-targets`` and see that each ``--bridge-samples`` is a folder, before any
    collection (a usage error otherwise)."""
    try:
        config.stash[_TARGETS] = tuple(
            check_format(name.strip(), argument="--bridge-targets")
            for name in str(config.getoption("bridge_targets")).split(",")
            if name.strip()
        )
    except ValueError as exc:
        raise pytest.UsageError(str(exc)) from None
    for folder in config.getoption("bridge_samples"):
        if not Path(folder).is_dir():
            raise pytest.UsageError(f"--bridge-samples {folder}: not a folder")


@pytest.hookimpl(tryfirst=True)  # before -k / -m deselect
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """The samples of each ``--bridge-samples`` folder join the session's items (collected as
    the session collects, so they are counted and a file that is not a sample is a collection
    error naming it)."""
    for folder in config.getoption("bridge_samples"):
        root = Path(folder).resolve()
        collector = BridgeSamples.from_parent(
            session,
            name=folder,
            nodeid=_node_id(root, config.rootpath),
            path=root,
            folder=root,
            targets=config.stash[_TARGETS],
        )
        items.extend(item for item in session.genitems(collector) if isinstance(item, pytest.Item))


def _node_id(folder: Path, rootpath: Path) -> str:
    """A samples folder's node id: its path from the rootdir (as a test file's), else in full."""
    try:
        return folder.relative_to(rootpath).as_posix()
    except ValueError:
        return folder.as_posix()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "bridge_sample" not in metafunc.fixturenames:
        return
    samples = [
        sample
        for folder in metafunc.config.getoption("bridge_samples")
        for sample in read_samples(folder)
    ]
    metafunc.parametrize("bridge_sample", samples, ids=[sample.name for sample in samples])
