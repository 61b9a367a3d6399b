"""Run the `rapport` command line in this process and keep what it printed."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.cli.main import run


@dataclass(frozen=True)
class Outcome:
    """What one run of the command line did."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    """Runs `rapport --vault PATH ...` in this process and captures what it prints."""

    def __init__(self, capsys: pytest.CaptureFixture[str], vault: Path) -> None:
        self.capsys = capsys
        self.vault = vault

    def __call__(self, *args: str, vault: bool = True) -> Outcome:
        argv = ["--vault", str(self.vault), *args] if vault else list(args)
        self.capsys.readouterr()
        try:
            code = run(argv)
        except SystemExit as exc:  # argparse reports usage errors by exiting
            code = exc.code if isinstance(exc.code, int) else 1
        captured = self.capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    def ok(self, *args: str) -> Outcome:
        """Run a command that must succeed without a word on stderr."""
        outcome = self(*args)
        assert (outcome.code, outcome.err) == (0, ""), outcome.err
        return outcome
