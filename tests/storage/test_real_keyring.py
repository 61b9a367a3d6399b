"""One vault key stored in, and read back from, a real Secret Service (gnome-keyring).

The daemon runs on a private D-Bus session bus (`dbus-run-session`) with its home,
data and runtime folders in a temporary directory, so no user keyring is touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

KEYRING_PASSWORD = "test-keyring-password"

# Runs inside the private session: keyring must find the Secret Service by itself.
SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    import keyring
    import secretstorage
    from keyring.backends import SecretService
    from keyring.backends.chainer import ChainerBackend

    from storage.keys import KEYRING_SERVICE, KeyringStore, keyring_is_secure
    from storage.vault import Vault, VaultError, descriptor_path

    backend = keyring.get_keyring()
    chain = backend.backends if isinstance(backend, ChainerBackend) else [backend]
    assert chain and isinstance(chain[0], SecretService.Keyring), f"backend is {backend!r}"
    assert keyring_is_secure()

    path = Path(sys.argv[1])
    vault = Vault.create(path)
    vault.close()

    import json
    vault_id = json.loads(descriptor_path(path).read_text())["vault_id"]
    stored = SecretService.Keyring().get_password(KEYRING_SERVICE, vault_id)
    assert stored is not None and len(bytes.fromhex(stored)) == 32, "key not in Secret Service"

    # The item is really in the daemon's collection, not in some other backend.
    bus = secretstorage.dbus_init()
    collection = secretstorage.get_default_collection(bus)
    items = list(collection.search_items({"service": KEYRING_SERVICE, "username": vault_id}))
    assert len(items) == 1, items
    assert items[0].get_secret().decode() == stored

    with Vault.open(path) as reopened:
        assert reopened.schema_revision() is not None

    KeyringStore().delete(vault_id)
    try:
        Vault.open(path)
    except VaultError as exc:
        assert "no key for this vault" in str(exc), exc
    else:
        raise AssertionError("opened without its key")
    print("OK", stored)
    """
)

_TOOLS = ("dbus-run-session", "gnome-keyring-daemon")
_MISSING = [tool for tool in _TOOLS if shutil.which(tool) is None]


@pytest.mark.skipif(
    bool(_MISSING),
    reason=f"needs a real Secret Service: {', '.join(_MISSING)} not on PATH "
    "(apt-get install gnome-keyring dbus)",
)
def test_vault_key_round_trip_through_gnome_keyring(tmp_path: Path) -> None:
    script = tmp_path / "round_trip.py"
    script.write_text(SCRIPT, encoding="utf-8")
    home = tmp_path / "home"
    runtime = tmp_path / "runtime"
    for folder in (home, home / ".local" / "share", runtime):
        folder.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON_KEYRING", "RAPPORT_", "DBUS_", "XDG_", "GNOME_KEYRING"))
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_RUNTIME_DIR=str(runtime),
        PYTHONPATH=str(REPO_ROOT),
        PYTHON=sys.executable,
        KEYRING_PASSWORD=KEYRING_PASSWORD,
    )
    vault = tmp_path / "vault" / "rapport.db"
    done = subprocess.run(
        [
            "dbus-run-session",
            "--",
            "sh",
            "-c",
            'printf "%s" "$KEYRING_PASSWORD" '
            "| gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
            'exec "$PYTHON" "$0" "$1"',
            str(script),
            str(vault),
        ],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    status, key = done.stdout.split()
    assert status == "OK"
    # The key lives only in the keyring's own (encrypted) store, never beside the vault.
    for file in vault.parent.iterdir():
        assert key.encode() not in file.read_bytes()
        assert bytes.fromhex(key) not in file.read_bytes()
    keyrings = home / ".local" / "share" / "keyrings"
    assert any(keyrings.iterdir()), "gnome-keyring kept nothing in the temporary home"
    for file in keyrings.iterdir():
        assert key.encode() not in file.read_bytes()
