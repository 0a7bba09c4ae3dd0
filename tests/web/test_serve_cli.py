"""`footprint serve` as a user starts it: a real process, on loopback, saying so; refusing a
store that does not exist and a token too short to be safe."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from footprint.cli.serve import is_loopback
from footprint.web.app import default_page_processes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "footprint", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )


def test_serve_runs_on_loopback_and_says_so(web_settings, tmp_path):
    port = free_port()
    env = {"FOOTPRINT_LISTS_DIR": str(web_settings.lists_dir)}
    env.pop("FOOTPRINT_TOKEN", None)
    process = serve("--db", str(web_settings.db), "--port", str(port), env=env)
    try:
        lines = []
        assert process.stdout is not None
        while process.poll() is None:
            line = process.stdout.readline()
            lines.append(line)
            if "Ctrl-C" in line:
                break
        said = "".join(lines)
        assert f"http://127.0.0.1:{port}/" in said
        assert "loopback" in said and "only this machine" in said
        assert "read-only" in said
        processes = default_page_processes()
        assert (
            f"pages rendered in {processes} processes of their own" if processes
            else "pages rendered on the reader threads"
        ) in said
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["rows"]["documents"] == 4
        page = httpx.get(f"http://127.0.0.1:{port}/?q=Tariq", timeout=30)
        assert "Tariq Baloch" in page.text
        # an actor's page, rendered in a page process (Ctrl-C below must stop those too)
        actor = re.search(r'href="(/actors/[^"?]+)"', page.text)
        assert actor is not None
        shown = httpx.get(f"http://127.0.0.1:{port}{actor.group(1)}", timeout=60)
        assert shown.status_code == 200 and "Tariq Baloch" in shown.text
        assert httpx.post(f"http://127.0.0.1:{port}/api/merge", json={}).status_code == 403
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0


def test_serve_refuses_a_missing_store_and_a_weak_token(tmp_path, web_settings):
    missing = serve("--db", str(tmp_path / "none.db"), "--port", str(free_port()))
    _, err = missing.communicate(timeout=120)
    assert missing.returncode == 2 and "no such database" in err

    weak = serve("--db", str(web_settings.db), "--port", str(free_port()),
                 env={"FOOTPRINT_TOKEN": "short"})
    _, err = weak.communicate(timeout=120)
    assert weak.returncode == 2 and "too short" in err

    token_file = tmp_path / "token"
    token_file.write_text("", "utf-8")
    empty = serve("--db", str(web_settings.db), "--token-file", str(token_file))
    _, err = empty.communicate(timeout=120)
    assert empty.returncode == 2 and "empty" in err


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.1.2.3", True),
     ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)],
)
def test_which_hosts_are_loopback(host, loopback):
    assert is_loopback(host) is loopback
