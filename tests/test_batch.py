"""The batch runner: the process pool gives the same results, in order, as one process."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import seed_paths

from govlint.batch import MIN_FILES_PER_WORKER, Linter, Output, lint_files, map_paths, print_files, workers_for
from govlint.commands import main
from govlint.engine import Engine, Settings
from govlint.hookspecs import hookimpl
from govlint.model import Check, Context, Diagnostic, Msg, OutputOptions, Report
from govlint.output.streaming import added
from govlint.plugins import load_plugins


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Each seed twice over, plus a Markdown copy: enough files for two workers."""
    folder = tmp_path_factory.mktemp("corpus")
    paths = []
    for i in range(2):
        for seed in seed_paths():
            path = folder / f"{i}-{seed.name}"
            path.write_bytes(seed.read_bytes())
            paths.append(str(path))
    md = folder / "copy.md"
    md.write_bytes(seed_paths()[0].read_bytes())
    return [*paths, str(md)]


def test_workers_for() -> None:
    assert workers_for(1, 8) == 1  # one report: no pool
    assert workers_for(MIN_FILES_PER_WORKER * 2, 8) == 2
    assert workers_for(1000, 2) == 2
    assert workers_for(1000, None) >= 1
    assert workers_for(0, 4) == 1


@pytest.mark.seeds
def test_pool_and_single_process_agree(corpus: list[str], engine: Engine) -> None:
    serial = lint_files(engine, corpus, jobs=1)
    parallel = lint_files(engine, corpus, jobs=2)
    assert [r.path for r in parallel] == corpus
    assert parallel == serial
    assert any(r.diagnostics for r in serial)


@pytest.mark.seeds
def test_unreadable_files_are_errors_in_place(corpus: list[str], engine: Engine, tmp_path: Path) -> None:
    folder_md = tmp_path / "folder.md"
    folder_md.mkdir()
    paths = [str(tmp_path / "gone.md"), *corpus, str(folder_md)]
    results = lint_files(engine, paths, jobs=2)
    assert [r.path for r in results] == paths
    assert "no such file" in (results[0].error or "") or "cannot read" in (results[0].error or "")
    assert "is a directory" in (results[-1].error or "")
    assert all(r.error is None for r in results[1:-1])


class _DiesInWorker:
    """A check that kills the process it runs in, but only in a pool worker."""

    def __init__(self, parent: int) -> None:
        self.parent = parent

    @hookimpl
    def govlint_checks(self) -> list[Check]:
        def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
            if os.getpid() != self.parent:
                os._exit(3)
            return iter(())

        return [Check("GL998", "dies", "error", Msg("退出", "exits"), "", run)]


@pytest.mark.seeds
def test_a_dead_worker_costs_its_files_an_error_not_the_run(corpus: list[str]) -> None:
    plugins = load_plugins()
    plugins.manager.register(_DiesInWorker(os.getpid()), name="dies")
    engine = Engine(Settings(), plugins)
    results = lint_files(engine, corpus, jobs=2)
    assert [r.path for r in results] == corpus
    assert results[0].error is None  # linted in the parent, before the pool starts
    assert all(r.error and "worker process died" in r.error for r in results[1:])


@pytest.mark.seeds
def test_cli_jobs_output_matches_serial(corpus: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    codes = []
    outputs = []
    for jobs in ("1", "2"):
        codes.append(main(["check", "--jobs", jobs, "--format", "json", *corpus]))
        outputs.append(capsys.readouterr().out)
    assert codes[0] == codes[1] == 1
    assert outputs[0] == outputs[1]


@pytest.mark.seeds
@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_streamed_output_is_the_whole_render(corpus: list[str], engine: Engine, fmt: str) -> None:
    """Workers print their files; the pieces joined are what rendering all results gives."""
    formatter = engine.plugins.formatters()[fmt]
    assert formatter.stream is not None
    ctx = Context("zh", OutputOptions(checks=tuple(engine.checks())))
    linters = [Linter(engine, None)]
    done = list(print_files(linters, [(0, p) for p in corpus], 2, Output(formatter.stream, ctx)))
    assert [d.path for d in done] == corpus
    body = formatter.stream.sep.join(d.piece for d in done if d.piece)
    whole = formatter.stream.begin(ctx) + body + formatter.stream.end(added(d.tally for d in done), ctx)
    assert whole == formatter.render(lint_files(engine, corpus, jobs=1), ctx)


@pytest.mark.seeds
def test_cli_streamed_json_equals_rendered(corpus: list[str], engine: Engine,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--jobs", "2", "--format", "json", *corpus])
    streamed = capsys.readouterr().out
    ctx = Context("zh")
    rendered = engine.plugins.formatters()["json"].render(lint_files(engine, corpus, jobs=1), ctx)
    assert streamed == rendered + "\n"


def _dies_on_b(path: str) -> str:
    if path.startswith("b"):
        os._exit(3)  # as a reader crashing inside a C library would
    return path.upper()


def test_map_paths_gives_failed_for_the_paths_of_a_worker_that_died() -> None:
    """Work mapped before the lint (the titles of rendered files) never stops the run."""
    paths = [f"a{i}" for i in range(20)] + ["b0"]
    assert map_paths(str.upper, paths, 2, "") == [p.upper() for p in paths]
    found = map_paths(_dies_on_b, paths, 2, "?")
    assert len(found) == len(paths) and found[-1] == "?"
    assert all(value in (path.upper(), "?") for path, value in zip(paths, found, strict=True))
