"""How ``make`` sets up .venv: the Python version check, which requirements
file each target installs, and the stamps that spare reinstalls.

These tests run the real Makefile on a copy holding only the Makefile and
the requirements files, with a PATH of stand-in Pythons: each answers
``--version`` like the real one, makes a venv of stand-ins when asked to
(``-m venv``), and otherwise writes what it was asked to do to a log -- so
the tests see every pip, mkdocs and pytest call without running any, and
without the network.
"""

from __future__ import annotations

import shutil
import stat
import subprocess

import pytest

from support.repository import ROOT

# What the Makefile's recipes call besides Python (the browser target's
# chromium and fc-list are stand-ins below).
TOOLS = ["sh", "awk", "sed", "head", "cat", "cksum", "cut", "rm", "touch", "mkdir",
         "cp", "chmod", "grep", "id", "env"]

FAKE_PYTHON = r"""#!/bin/sh
# A stand-in for Python {version}.
case "$1" in
  --version) echo "Python {version}"; exit 0 ;;
esac
if [ "$1" = -m ] && [ "$2" = venv ]; then
  for dir in "$@"; do :; done
  case " $* " in *" --clear "*) rm -rf "$dir" ;; esac
  mkdir -p "$dir/bin"
  cp "$0" "$dir/bin/python"
  printf 'home = /fake\nversion = {version}\n' > "$dir/pyvenv.cfg"
  printf '#!/bin/sh\necho "mkdocs $*" >> "$FAKE_LOG"\n' > "$dir/bin/mkdocs"
  chmod +x "$dir/bin/mkdocs"
  echo "venv {version} $*" >> "$FAKE_LOG"
  exit 0
fi
echo "python {version} $* index=${{PIP_INDEX_URL-unset}}" >> "$FAKE_LOG"
"""

# What a pyenv shim says for a version it has but does not select.
BROKEN_PYTHON = """#!/bin/sh
echo "pyenv: $(basename "$0"): command not found" >&2
exit 127
"""


def executable(path, text):
    path.write_text(text, "utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


@pytest.fixture
def setup(tmp_path):
    make = shutil.which("make")
    if make is None:
        pytest.skip("make 未安装")
    project = tmp_path / "p"
    project.mkdir()
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy2(ROOT / name, project / name)
    tools = tmp_path / "tools"
    tools.mkdir()
    for tool in TOOLS:
        found = shutil.which(tool)
        assert found, tool
        (tools / tool).symlink_to(found)
    executable(tools / "chromium", "#!/bin/sh\n")
    executable(tools / "fc-list", "#!/bin/sh\necho 'Noto Sans CJK SC'\n")
    pythons = tmp_path / "pythons"
    pythons.mkdir()
    log = tmp_path / "log"
    log.touch()

    class Setup:
        def python(self, name, version=None):
            """A Python called ``name`` on PATH (``version=None``: one that cannot run)."""
            text = BROKEN_PYTHON if version is None else FAKE_PYTHON.format(version=version)
            return executable(pythons / name, text)

        def make(self, *args, **env):
            environment = {"PATH": f"{pythons}:{tools}", "HOME": str(tmp_path), "FAKE_LOG": str(log),
                           "LC_ALL": "C.UTF-8", **env}
            result = subprocess.run([make, "-s", "-C", str(project), *args], capture_output=True,
                                    text=True, env=environment, timeout=60)
            calls = log.read_text("utf-8").splitlines()
            log.write_text("", "utf-8")
            return result, calls

    setup = Setup()
    setup.project = project
    return setup


def pip_calls(calls):
    return [line for line in calls if " -m pip " in line]


def test_debian_12_python_is_refused_before_pip(setup):
    setup.python("python3", "3.11.2")
    setup.python("python3.11", "3.11.2")
    setup.python("python3.13")  # a pyenv shim that cannot run
    result, calls = setup.make("build")
    assert result.returncode != 0
    assert "找不到 Python 3.11.5 或更新的版本" in result.stderr
    assert "python3：Python 3.11.2（太旧）" in result.stderr
    assert "python3.11：Python 3.11.2（太旧）" in result.stderr
    assert "Debian 12 自带的 python3 是 3.11.2" in result.stderr and "ci/README.md" in result.stderr
    assert calls == []  # neither venv nor pip ran
    assert not (setup.project / ".venv").exists()


def test_no_python_at_all_is_a_message(setup):
    result, calls = setup.make("serve")
    assert result.returncode != 0
    assert "试过：python3.13 python3.12 python3.11 python3" in result.stderr
    assert calls == []


def test_the_first_new_enough_python_makes_the_venv(setup):
    setup.python("python3.13")  # cannot run: skipped
    setup.python("python3.12", "3.12.4")
    setup.python("python3", "3.11.2")
    result, calls = setup.make("build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "用 python3.12（Python 3.12.4）创建 .venv" in result.stdout
    assert calls[0] == "venv 3.12.4 -m venv .venv"
    assert pip_calls(calls) == ["python 3.12.4 -m pip install --quiet --disable-pip-version-check "
                                "-r requirements.txt index=unset"]
    assert calls[-1] == "mkdocs build --strict"


def test_the_ci_image_venv_sees_its_preinstalled_packages(setup):
    setup.python("python3", "3.12.4")
    result, calls = setup.make("build", VENV_SYSTEM_SITE_PACKAGES="1")
    assert result.returncode == 0, result.stderr
    assert calls[0] == "venv 3.12.4 -m venv --system-site-packages .venv"


def test_python_3_11_5_is_enough_and_3_11_4_is_not(setup):
    setup.python("python3", "3.11.4")
    setup.python("python3.11", "3.11.5")
    result, calls = setup.make("check")
    assert result.returncode == 0, result.stderr
    assert calls[0] == "venv 3.11.5 -m venv .venv"


def test_python_variable_is_the_only_one_tried(setup):
    setup.python("python3.12", "3.12.4")
    old = setup.python("old-python", "3.10.13")
    result, calls = setup.make("build", PYTHON=str(old))
    assert result.returncode != 0 and calls == []
    assert f"{old}：Python 3.10.13（太旧）" in result.stderr
    # With a space in its path, as a value typed on the command line.
    spaced = setup.python("my python", "3.13.1")
    result, calls = setup.make("build", f"PYTHON={spaced}")
    assert result.returncode == 0, result.stderr
    assert calls[0] == "venv 3.13.1 -m venv .venv"


def test_build_installs_the_site_only_and_stamps_spare_reinstalls(setup):
    setup.python("python3", "3.12.4")
    runtime = "-r requirements.txt"
    test = "-r requirements-test.txt"

    def installs(*args):
        result, calls = setup.make(*args)
        assert result.returncode == 0, result.stdout + result.stderr
        return [call.split("pip-version-check ")[1].split(" index=")[0] for call in pip_calls(calls)]

    assert installs("build") == [runtime]
    assert installs("build") == []
    assert installs("test") == [test]
    assert installs("build") == []  # switching back installs nothing
    assert installs("serve") == []
    assert installs("test") == []
    with (setup.project / "requirements-test.txt").open("a", encoding="utf-8") as f:
        f.write("# changed\n")
    assert installs("build") == []
    assert installs("test") == [test]
    with (setup.project / "requirements.txt").open("a", encoding="utf-8") as f:
        f.write("# changed\n")
    assert installs("test") == [runtime, test]
    stamps = sorted(p.name.rsplit("-", 1)[0] for p in (setup.project / ".venv").glob(".installed-*"))
    assert stamps == [".installed-runtime", ".installed-test"]


def test_test_target_runs_the_check_then_pytest_from_the_venv(setup):
    setup.python("python3", "3.12.4")
    result, calls = setup.make("test")
    assert result.returncode == 0, result.stderr
    assert calls[-2:] == ["python 3.12.4 -m reports check index=unset", "python 3.12.4 -m pytest index=unset"]


def test_pip_index_reaches_pip_from_the_command_line_or_the_environment(setup):
    setup.python("python3", "3.12.4")
    url = "http://pypi.intranet.example/simple/"
    result, calls = setup.make("install", f"PIP_INDEX_URL={url}")
    assert result.returncode == 0, result.stderr
    assert pip_calls(calls)[0].endswith(f"-r requirements.txt index={url}")
    result, calls = setup.make("install-test", PIP_INDEX_URL=url)
    assert result.returncode == 0, result.stderr
    assert pip_calls(calls)[0].endswith(f"-r requirements-test.txt index={url}")


def test_a_venv_of_another_python_is_made_again(setup):
    setup.python("python3", "3.12.4")
    result, calls = setup.make("build")
    assert result.returncode == 0, result.stderr
    venv = setup.project / ".venv"
    # A CI cache restored into an image whose Python changed: the venv's
    # python now runs another version than the one it was made with.
    config = venv / "pyvenv.cfg"
    config.write_text(config.read_text("utf-8").replace("version = 3.12.4", "version = 3.11.7"), "utf-8")
    result, calls = setup.make("build")
    assert result.returncode == 0, result.stderr
    assert "将重新创建 .venv" in result.stdout
    assert calls[0] == "venv 3.12.4 -m venv --clear .venv"
    assert len(pip_calls(calls)) == 1  # the stamps went with the old venv
    # A venv whose python is gone (the image no longer has it).
    (venv / "bin" / "python").unlink()
    result, calls = setup.make("build")
    assert result.returncode == 0, result.stderr
    assert "（无法运行）" in result.stdout
    assert calls[0] == "venv 3.12.4 -m venv --clear .venv"


def test_the_python_check_comes_before_any_install(setup):
    """Every target that installs lists the check first (make runs
    prerequisites in order, and the Makefile is .NOTPARALLEL)."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "\n.NOTPARALLEL:" in makefile
    for target in ("serve", "build", "check", "new-year", "import", "lock", "install", "install-test",
                   "test", "bench"):
        line = next(line for line in makefile.splitlines() if line.startswith(f"{target}:"))
        prerequisites = line.split(":", 1)[1].split()
        assert prerequisites[0] == "python", target
        assert "$(RUNTIME_STAMP)" in prerequisites or "$(TEST_STAMP)" in prerequisites, target
