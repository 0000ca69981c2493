"""``make serve`` on a project: the development server, started as the
Makefile starts it, and what an editor sees after a save.

Used by ``tests/site/test_serve_rebuild.py`` and by ``tests/bench.py``
(the time from a save to the page served with the change).
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import pathlib
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

# The arguments of the Makefile's serve recipe after "mkdocs", without
# --dev-addr (tests/site/test_serve_rebuild.py holds the two together).
SERVE_ARGS = ("serve", "--strict", "--dirty")
# What build.incremental logs for a full rebuild, and for one in part.
FULL = "全部重建"
PARTIAL = re.compile(r"：重建 .*个页面")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclasses.dataclass
class Server:
    base: str  # http://127.0.0.1:port/
    process: subprocess.Popen
    log_path: pathlib.Path

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace")

    def get(self, path: str = "") -> str:
        """The page at ``path`` as served now ("" when it is not there)."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.read().decode("utf-8", errors="replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return ""

    def wait_for(self, path: str, text: str, timeout: float = 60, since: float | None = None,
                 every: float = 0.02) -> float:
        """Seconds from ``since`` (default: now) until the page at ``path``
        contains ``text``; raises after ``timeout`` with the server's log."""
        start = time.perf_counter() if since is None else since
        while time.perf_counter() - start < timeout:
            if text in self.get(path):
                return time.perf_counter() - start
            if self.process.poll() is not None:
                break
            time.sleep(every)
        raise AssertionError(f"{path} never showed {text!r}:\n{self.log()[-4000:]}")

    def builds(self) -> list:
        """What build.incremental logged, one line per build."""
        return [line for line in self.log().splitlines() if FULL in line or PARTIAL.search(line)
                or "不重建页面" in line]


@contextlib.contextmanager
def serve(project: pathlib.Path, env=None, timeout: float = 600):
    """``make serve`` on ``project`` on a free port; yields a ``Server`` once
    the first build is served, and stops the server afterwards."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="serve-log-") as folder:
        log_path = pathlib.Path(folder) / "serve.log"
        with open(log_path, "w", encoding="utf-8") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", *SERVE_ARGS, "--dev-addr", f"127.0.0.1:{port}",
                 "-f", str(project / "mkdocs.yml")],
                cwd=project, stdout=log, stderr=subprocess.STDOUT,
                env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1", **(env or {})))
        server = Server(f"http://127.0.0.1:{port}/", process, log_path)
        try:
            start = time.perf_counter()
            while not server.get(""):
                if process.poll() is not None or time.perf_counter() - start > timeout:
                    raise AssertionError(f"make serve did not start:\n{server.log()[-4000:]}")
                time.sleep(0.05)
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def edit(path: pathlib.Path, old: str, new: str) -> float:
    """Replace ``old`` (which must be there) by ``new`` once in ``path``, as
    an editor saves it; returns the time of the save (``perf_counter``)."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    saved = time.perf_counter()
    path.write_text(text.replace(old, new, 1), "utf-8")
    return saved


# One process that builds as ``mkdocs serve --dirty`` does between saves
# (the config loaded again for every build, the plugins told once that the
# builds are dirty), without the server: so that the output folder can be
# compared, file by file, with a full ``mkdocs build`` of the same sources.
DIRTY_BUILDS = r'''
import json, logging, pathlib, sys
from mkdocs.commands.build import build
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
from mkdocs.config import load_config
project, site, edits = pathlib.Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
def config():
    return load_config(config_file=str(project / "mkdocs.yml"), site_dir=site)
first = config()
first.plugins.on_startup(command="serve", dirty=True)
build(first, dirty=True)
for path, old, new in edits:
    file = project / path
    text = file.read_text("utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), "utf-8")
    build(config(), dirty=True)
'''


def dirty_builds(project: pathlib.Path, site: pathlib.Path, edits, env=None):
    """Build ``project`` into ``site``, then after each ``(path, old, new)``
    of ``edits`` build again, as make serve does; the completed process (its
    output has build.incremental's log)."""
    return subprocess.run([sys.executable, "-c", DIRTY_BUILDS, str(project), str(site),
                           json.dumps(list(edits), ensure_ascii=False)],
                          cwd=project, capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1",
                                   **(env or {})))
