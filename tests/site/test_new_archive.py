"""``make new-archive``: another office's empty archive, made from this one.

The archive is made once, by the command line as the Makefile runs it, and
built there with ``make build`` (this checkout's .venv, as in
test_make_variables.py); a test that changes it works on a copy.  The
refusals run the command in this process and look at the disk after.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess

import pytest

from reports.commands import lock as lock_command
from reports.commands import new_archive
from reports.model import catalog
from support.project import command_line, snapshot
from support.repository import ROOT

NAME, FULL_NAME = "区司法局", "天津市某某区司法局"


def make(project, *args):
    result = subprocess.run(["make", "-s", "-C", str(project), *args, f"VENV={ROOT / '.venv'}"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def page(path) -> str:
    return path.read_text("utf-8")


def texts(folder):
    """``(file, text)`` of every text file under ``folder`` but Git's own."""
    for path in sorted(folder.rglob("*")):
        if path.is_file() and ".git" not in path.relative_to(folder).parts:
            try:
                yield path.relative_to(folder).as_posix(), path.read_text("utf-8")
            except UnicodeDecodeError:
                continue


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    if shutil.which("make") is None:
        pytest.skip("make 未安装")
    dest = tmp_path_factory.mktemp("new-archive") / "区司法局报告库"
    before = snapshot(ROOT / "data"), snapshot(ROOT / "docs")
    argv, env = command_line("new-archive", ROOT, dest, NAME, FULL_NAME)
    result = subprocess.run(argv, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (snapshot(ROOT / "data"), snapshot(ROOT / "docs")) == before  # never touches this archive
    make(dest, "build")
    return dest, result.stdout


def test_the_new_archive_has_the_code_and_none_of_this_archives_content(made):
    dest, said = made
    assert f"已在 {dest} 建立{FULL_NAME}（{NAME}）的报告库" in said
    for rel in ("hooks/reports/__main__.py", "Makefile", "requirements.txt", ".gitlab-ci.yml",
                ".github/workflows/ci.yml", "ci/Containerfile", "CONTRIBUTING.md", "docs/assets/stylesheets/report.css",
                "docs/laws.md", "data/search/terms.txt", "inbox/README.md", ".ci/inbox"):
        assert (dest / rel).read_bytes() == (ROOT / rel).read_bytes(), rel
    assert (dest / ".ci/deploy").stat().st_mode & stat.S_IXUSR
    for gone in ("tests", "pytest.ini", "data/years", "data/sources", "docs/2023"):
        assert not (dest / gone).exists(), gone
    assert not list(dest.rglob("__pycache__"))
    assert (dest / "data/lock.yml").read_text("utf-8") == lock_command.HEADER + "\n"
    assert (dest / "hooks/reports/build/COMMIT_TIME").read_text("ascii") == "$Format:%ct$\n"
    config = (dest / "mkdocs.yml").read_text("utf-8")
    assert [new_archive.setting(config, path) for path in new_archive.SETTINGS] == [
        f"{NAME}法治政府建设报告库", f"{FULL_NAME}历年法治政府建设情况报告的存档与检索", FULL_NAME, NAME]
    assert f"本仓库是**{NAME}**（{FULL_NAME}）历年" in (dest / "README.md").read_text("utf-8")
    assert [rel for rel, text in texts(dest) if "津南" in text] == []


def test_the_catalogues_keep_the_national_entries_only(made):
    dest, said = made
    here, _ = catalog.load(ROOT)
    there, problems = catalog.load(dest)
    assert problems == []
    for kind in ("documents", "campaigns"):
        mine = getattr(here, kind)
        assert list(getattr(there, kind)) == [i for i, entry in mine.items() if entry.scope == "national"]
    left = [i for kind in ("documents", "campaigns") for i, e in getattr(here, kind).items() if e.scope != "national"]
    assert left and all(i not in there.campaigns and i not in there.documents for i in left)
    assert f"没有带过去的目录条目（本单位的、地方的或没有写 scope 的）：{'、'.join(left)}。" in said


def test_the_new_archive_is_a_git_repository_with_everything_in_its_first_commit(made):
    dest, _ = made

    def git(*args):
        return subprocess.run(["git", "-C", str(dest), *args], capture_output=True, text=True, check=True).stdout

    assert git("rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    assert git("log", "--format=%s").splitlines() == [f"新建{FULL_NAME}的报告库"]
    assert git("status", "--porcelain", "--untracked-files=all", "--", ".", ":!site") == ""


def test_the_site_names_the_new_office_and_no_other(made):
    dest, _ = made
    site = dest / "site"
    home = page(site / "index.html")
    assert f"{NAME}法治政府建设报告库" in home and f"{FULL_NAME}历年法治政府建设情况报告的存档与检索" in home
    assert "尚未收录任何年度报告。" in home
    archive_page = (site / "archive/index.html").read_text("utf-8")
    assert "尚未收录任何年度报告。" in archive_page and "<table" not in archive_page.split("全部年度数据下载")[0]
    laws = page(site / "laws/index.html")
    assert "中华人民共和国民法典" in laws and "尚未在报告中出现" in laws
    assert "防空警报试鸣" not in page(site / "calendar/index.html")  # a local entry, left behind
    assert [rel for rel, text in texts(site) if "津南" in text or "国防动员办公室" in text] == []


def test_a_first_year_is_started_there_an_old_report_imported_and_both_build(made, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(made[0], copy, symlinks=True, ignore=shutil.ignore_patterns("site"))
    result = make(copy, "new-year", "YEAR=2024")
    assert "已新建 2024 年度报告（草稿）" in result.stdout
    result = make(copy, "import", f"FILE={ROOT / 'tests/fixtures/import/skipped-level.txt'}", "YEAR=2022")
    assert "docs/2022/index.md" in result.stdout
    make(copy, "test")  # in an archive without tests/: the check, then the strict build
    year = page(copy / "site/2024/index.html")
    assert "2024年度法治政府建设情况报告" in year and "草稿" in year
    assert "2024年度数据下载" in year and "版本与勘误" in year
    listed = page(copy / "site/archive/index.html")
    assert "2024年度法治政府建设情况报告" in listed and 'href="../2022/"' in listed


# --- Refusals: each says what is wrong and writes nothing ----------------------------------------

def refused(capsys, dest, name=NAME, full_name=FULL_NAME):
    assert new_archive.main([str(dest), name, full_name]) == 1
    out = capsys.readouterr().out
    assert out.endswith("未创建任何文件。\n"), out
    return out


def test_a_folder_that_is_not_empty_is_refused(capsys, tmp_path):
    dest = tmp_path / "已有"
    dest.mkdir()
    (dest / "说明.txt").write_text("保留", "utf-8")
    before = snapshot(tmp_path)
    assert refused(capsys, dest) == (
        f"[错误] 目录“{dest}”不是空的（其中已有 说明.txt）\n"
        "    提示：make new-archive 只在还不存在的目录或空目录中建立报告库，不会覆盖或混入已有的文件。"
        "请换一个目录，或确认其中的内容不再需要后把它清空。\n未创建任何文件。\n")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("inside", ["docs/新报告库", "."])
def test_a_folder_inside_this_archive_is_refused(capsys, inside):
    dest = ROOT / inside
    before = sorted(p.name for p in (ROOT / "docs").iterdir())
    assert refused(capsys, dest).startswith(
        f"[错误] 目录“{dest}”在现有的报告库 {ROOT.resolve()} 之中\n"
        "    提示：新报告库要放在现有报告库的目录之外，例如 DIR=../新报告库。\n")
    assert sorted(p.name for p in (ROOT / "docs").iterdir()) == before


def test_a_file_is_refused(capsys, tmp_path):
    (tmp_path / "文件").write_text("x", "utf-8")
    assert refused(capsys, tmp_path / "文件").startswith(f"[错误] “{tmp_path / '文件'}”已经存在，而且不是目录\n")


@pytest.mark.parametrize("name,full_name,message", [
    ("", FULL_NAME, "[错误] 没有指定单位简称 NAME\n    提示：例如 NAME=区司法局。"),
    ("  ", FULL_NAME, "[错误] 没有指定单位简称 NAME\n"),
    (NAME, "", "[错误] 没有指定单位全称 FULL_NAME\n    提示：例如 FULL_NAME=天津市某某区司法局。"),
    ("区<b>司法局", FULL_NAME, "[错误] NAME（单位简称）“区<b>司法局”中不能有符号 < >\n"
     "    提示：单位名称会显示在每个页面的标题栏和页首，只能是文字；请删除这些符号，或改用中文符号（如《》“”）。"),
    (NAME, '天津市"某区"司法局', "[错误] FULL_NAME（单位全称）“天津市\"某区\"司法局”中不能有符号 \"\n"),
    (NAME, "某区&司法局'", "[错误] FULL_NAME（单位全称）“某区&司法局'”中不能有符号 & '\n"),
    ("区司\n法局", FULL_NAME, "[错误] NAME（单位简称）中有换行、制表符等控制字符\n    提示：请只写单位名称的文字。"),
    ("区" * 21, FULL_NAME, f"[错误] NAME（单位简称）“{'区' * 21}”太长：21 个字，最多 20 个字\n"
     "    提示：NAME 是网站名称和页首用的简称，如“区司法局”；单位全称写在 FULL_NAME 中。"),
    (NAME, "局" * 51, f"[错误] FULL_NAME（单位全称）“{'局' * 51}”太长：51 个字，最多 50 个字\n"),
])
def test_a_bad_name_is_refused_precisely(capsys, tmp_path, name, full_name, message):
    out = refused(capsys, tmp_path / "新报告库", name, full_name)
    assert out.startswith(message), out
    assert list(tmp_path.iterdir()) == []


def test_every_mistake_is_listed_at_once(capsys, tmp_path):
    out = refused(capsys, "", "", "<全称>")
    assert [line for line in out.splitlines() if line.startswith("[错误]")] == [
        "[错误] 没有指定新报告库的目录 DIR",
        "[错误] 没有指定单位简称 NAME",
        "[错误] FULL_NAME（单位全称）“<全称>”中不能有符号 < >",
    ]
    assert not os.listdir(tmp_path)


@pytest.mark.parametrize("args", [[], ["目录"], ["目录", NAME]])
def test_missing_arguments_print_the_usage(capsys, args):
    assert new_archive.main(args) == 1
    assert capsys.readouterr().out == f"请指定新报告库的目录、单位简称和单位全称。\n{new_archive.USAGE}\n"
