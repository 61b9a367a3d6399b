"""`rapport` alone opens the app without loading the command line; anything else is a command."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.__main__ import app_vault
from tests.conftest import REPO_ROOT


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["--vault", "/tmp/v.db"], (True, "/tmp/v.db")),
        (["--vault=/tmp/v.db"], (True, "/tmp/v.db")),
        (["--passphrase-file", "p.txt", "--vault", "x.db"], (True, "x.db")),
        (["check"], (False, None)),
        (["--vault", "x.db", "contact", "list"], (False, None)),
        (["--help"], (False, None)),
        (["--vault"], (False, None)),
    ],
)
def test_which_arguments_open_the_app(argv: list[str], expected: tuple[bool, str | None]) -> None:
    assert app_vault(argv) == expected


def test_deciding_to_open_the_app_loads_no_data_layer() -> None:
    code = (
        "import sys; from desktop.__main__ import app_vault; app_vault([]);"
        "import desktop.quick_open;"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')];"
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
