"""Hostile settings and environment faults stop the build with Chinese
messages, and an export builds the same site.

A ``git archive`` export (what an administrator may copy to a build
machine) has no history; it must still build the same bytes as the clone.
"""

from __future__ import annotations

import filecmp
import io
import os
import shutil
import subprocess
import tarfile

import pytest

from support.project import copy_project, mkdocs_build, run_command
from support.repository import ROOT


def without_epoch():
    return {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}


def build(project, site, env):
    environment = dict(env, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [os.sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(project / "mkdocs.yml"),
         "-d", str(site)], cwd=project, capture_output=True, text=True, env=environment, timeout=300)


def same_tree(a, b) -> list:
    """Relative paths whose bytes differ, or that exist on one side only."""
    out = []
    files = lambda root: {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    for rel in sorted(files(a) | files(b)):
        if not ((a / rel).is_file() and (b / rel).is_file() and filecmp.cmp(a / rel, b / rel, shallow=False)):
            out.append(rel)
    return out


def test_git_archive_export_builds_the_same_site_as_the_clone(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git 未安装")
    repo = copy_project(tmp_path / "repo")
    shutil.copy2(ROOT / ".gitattributes", repo / ".gitattributes")
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", GIT_COMMITTER_DATE="2027-03-05T08:00:00+08:00",
               GIT_AUTHOR_DATE="2027-03-05T08:00:00+08:00")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "x"]):
        subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)
    archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", "HEAD"],
                             check=True, capture_output=True).stdout
    export = tmp_path / "export"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(export, filter="data")
    assert (export / "hooks/reports/build/COMMIT_TIME").read_text().strip() == "1804204800"  # 2027-03-05T00:00Z
    for project in (repo, export):
        result = build(project, tmp_path / f"site-{project.name}", without_epoch())
        assert result.returncode == 0, result.stderr
    # sitemap.xml.gz carries the epoch in its gzip header, so a wrong time would show here.
    assert same_tree(tmp_path / "site-repo", tmp_path / "site-export") == []


@pytest.mark.parametrize("value", ["abc", "-5", "1e9", "12 34"])
def test_bad_source_date_epoch_is_a_chinese_message(tmp_path, value):
    project = copy_project(tmp_path / "p")
    result = mkdocs_build(project, tmp_path / "site", env={"SOURCE_DATE_EPOCH": value})
    assert result.returncode != 0
    assert f"环境变量 SOURCE_DATE_EPOCH 的值“{value}”不对" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_output_folder_that_is_a_file_is_a_chinese_message(tmp_path):
    project = copy_project(tmp_path / "p")
    (tmp_path / "site").write_text("not a folder", "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "构建失败：" in output and "应是文件夹，但那里有一个同名的文件" in output, output
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("old,new,message", [
    ("site_name: 津南区国动办法治政府建设报告库", 'site_name: 库<img src=x onerror=alert(1)>',
     "mkdocs.yml:3:12: [错误] site_name: 这里不能有符号 < >"),
    ("repo_url: http://git.example.invalid/fzbg/reports", 'repo_url: "javascript:alert(1)//"',
     "[错误] extra.git.repo_url: 地址“javascript:alert(1)//”不是以 http:// 或 https:// 开头"),
    ("branch: main", 'branch: main\n    edit_url: "javascript:alert(1)//{path}"',
     "[错误] extra.git.edit_url: 地址“javascript:alert(1)//{path}”不对"),
    # The footer's fields: a telephone number without quotes, markup in an address.
    ("    short_name: 区国动办\n", "    short_name: 区国动办\n    contact: 12345678\n",
     "[错误] extra.office.contact: 这里是“12345678”，不是文字"),
    ("    short_name: 区国动办\n", '    short_name: 区国动办\n    address: "示例路<img src=x onerror=alert(1)>"\n',
     "[错误] extra.office.address: 这里不能有符号 < >"),
])
def test_unsafe_settings_stop_the_build(tmp_path, old, new, message):
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert message in result.stderr, result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("title,bad", [("2023<script>alert(1)</script>", "< >"), ('2023" onclick="x', '"'),
                                       ("2023&amp;", "&"), ("2023`x`", "`")])
def test_markup_in_a_year_title_is_refused_by_the_check(tmp_path, title, bad):
    project = copy_project(tmp_path / "p")
    data = project / "data/years/2023.yml"
    data.write_text(data.read_text("utf-8").replace(
        "title: 2023年度法治政府建设情况报告", "title: '" + title.replace("'", "''") + "'", 1), "utf-8")
    result = run_command("check", project)
    assert result.returncode == 1
    assert f"data/years/2023.yml:3:8: [错误] title: 这里不能有符号 {bad}" in result.stdout, result.stdout


def test_crlf_cr_and_bom_pages_build_the_same_site_as_lf(tmp_path):
    plain = copy_project(tmp_path / "lf")
    odd = copy_project(tmp_path / "odd")
    endings = {"measures": b"\r\n", "plans": b"\r", "leadership": b"\n"}
    for slug, ending in endings.items():
        page = odd / "docs" / "2023" / f"{slug}.md"
        data = page.read_bytes().replace(b"\n", ending)
        page.write_bytes((b"\xef\xbb\xbf" if slug == "leadership" else b"") + data)
    env = {"SOURCE_DATE_EPOCH": "1704067200"}
    for project in (plain, odd):
        result = mkdocs_build(project, tmp_path / f"site-{project.name}", env=env)
        assert result.returncode == 0, result.stderr
        assert run_command("check", project).returncode == 0
    assert same_tree(tmp_path / "site-lf", tmp_path / "site-odd") == []
    html = (tmp_path / "site-odd/2023/measures/index.html").read_text("utf-8")
    assert 'id="s1"' in html and "{#s1" not in html


def test_a_gbk_page_is_one_message_naming_it(tmp_path):
    project = copy_project(tmp_path / "p")
    page = project / "docs/2023/plans.md"
    page.write_bytes(page.read_text("utf-8").encode("gbk"))
    result = run_command("check", project)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:3] == [
        "docs/2023/plans.md:1:1: [错误] 文件不是 UTF-8 编码", "    提示：请用编辑器以“UTF-8”编码重新保存此文件。",
        "共发现 1 个错误、0 个警告。"]


def test_an_error_in_a_year_file_is_the_only_message(tmp_path):
    project = copy_project(tmp_path / "p")
    data = project / "data/years/2023.yml"
    data.write_text(data.read_text("utf-8").replace("status: published", "status: 发布了", 1), "utf-8")
    result = run_command("check", project)
    assert result.returncode == 1
    assert "找不到该年度的报告" not in result.stdout and "不能删除" not in result.stdout
    assert "共发现 1 个错误" in result.stdout, result.stdout


def test_make_lock_repairs_a_garbled_lock_file(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "data/lock.yml").write_text('"2023": 正文\n', "utf-8")
    assert "锁定文件中 2023 年的记录格式不对" in run_command("check", project).stdout
    result = run_command("lock", project)
    assert result.returncode == 0, result.stdout
    assert run_command("check", project).returncode == 0
