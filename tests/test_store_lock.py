"""A second writer on the same store gets a clear "in use" error naming the holder."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente.errors import StoreInUseError
from detente.store import Store

HOLD = """
import sys, time
from detente.store import Store
store = Store(sys.argv[1])
print("ready", flush=True)
time.sleep(30)
"""


def test_second_writer_is_refused_with_the_holders_pid(tmp_path: Path) -> None:
    db = str(tmp_path / "locked.duckdb")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, db], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreInUseError) as caught:
            Store(db)
        message = str(caught.value)
        assert "in use" in message and db in message
        assert str(holder.pid) in message
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    with Store(db) as store:  # once the holder is gone the store opens again, intact
        assert store.counts()["documents"] == 0
