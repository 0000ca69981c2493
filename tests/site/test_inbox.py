"""``make inbox``: every report uploaded into inbox/ becomes a draft year,
exactly as ``make import`` makes it, or stays with a message saying why.

Run as the command on copies of the project; the CI script around it
(``.ci/inbox``) is tested in tests/site/test_ci_inbox.py.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from reports.commands.importer import decode
from support.project import copy_project, run_check, run_command, snapshot
from support.repository import ROOT, SHORT_REPORT

# A fictional report in the layout the importer reads.
REPORT = SHORT_REPORT.read_text("utf-8")
YEAR_FILES = ["data/years/2019.yml", "docs/2019/full.md", "docs/2019/index.md", "docs/2019/leadership.md",
              "docs/2019/measures.md", "docs/2019/plans.md", "docs/2019/shortcomings.md"]
UNCHANGED = "未导入，文件仍在收件箱中。"


@pytest.fixture
def project(tmp_path):
    project = copy_project(tmp_path / "p")
    (project / "inbox").mkdir()
    shutil.copy2(ROOT / "inbox" / "README.md", project / "inbox" / "README.md")
    return project


def upload(project, name, text=REPORT):
    path = project / "inbox" / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_the_readme_is_in_the_repository_and_says_how_to_name_a_file():
    readme = (ROOT / "inbox" / "README.md").read_text("utf-8")
    assert "2019.docx" in readme and "2019年报告.txt" in readme and "上传文件" in readme


def test_an_upload_fails_the_check_until_it_is_imported(project):
    assert run_check(project).returncode == 0  # the README alone
    upload(project, "2019.docx", b"PK")
    result = run_check(project)
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == [
        "inbox/2019.docx:1:1: [错误] 收件箱中的报告尚未导入，不能合并",
        ("    提示：推送后，CI 的“收件箱导入”作业会把它导入为草稿年度并提交到同一分支（作业失败时请查看它的日志）；"
         "也可以在本地运行 make inbox，再提交结果。")]
    # What the guide shows (indented in a list item) is what the check prints.
    assert "  " + result.stdout.splitlines()[0] in (ROOT / "CONTRIBUTING.md").read_text("utf-8").splitlines()


def test_each_file_is_imported_as_make_import_imports_it_and_removed(project, tmp_path):
    other = copy_project(tmp_path / "other")
    source = tmp_path / "2019年报告.txt"
    source.write_text(REPORT, "utf-8")
    assert run_command("import", other, source, "2019").returncode == 0
    upload(project, "2019年报告.txt")
    before = snapshot(project)

    result = run_command("inbox", project)
    assert result.returncode == 0, result.stdout + result.stderr
    after = snapshot(project)
    made = sorted(set(after) - set(before))
    assert made == YEAR_FILES
    assert sorted(set(before) - set(after)) == ["inbox/2019年报告.txt"]
    assert {rel: after[rel] for rel in made} == {rel: snapshot(other)[rel] for rel in made}
    assert "status: draft" in after["data/years/2019.yml"].decode("utf-8").splitlines()

    out = result.stdout.splitlines()
    assert "inbox/2019年报告.txt → 2019 年度报告（草稿）：已导入，并已从收件箱中删除。" in out
    assert "  标题：2019年度法治政府建设情况报告（第 1 行）" in out  # the importer's notes
    assert "创建了以下文件：" in out and "  docs/2019/measures.md" in out and "下一步：" in out
    assert out[-1] == "收件箱导入完成：导入了 1 个文件。"
    check = run_check(project)
    assert check.returncode == 0, check.stdout
    again = run_command("inbox", project)
    assert again.returncode == 0 and again.stdout.strip() == "收件箱（inbox/）中没有待导入的报告。"


def test_a_title_of_another_year_is_pointed_out_in_the_inbox_s_words(project):
    upload(project, "2018.txt")
    result = run_command("inbox", project)
    assert result.returncode == 0, result.stdout
    assert ("  注意：标题中的年份是 2019 年，与文件名中的年份 2018 不一致；如果文件名写错了，"
            "请在同一分支上删除下面的文件，再以正确的文件名重新上传报告。") in result.stdout.splitlines()


def refused(project, *lines):
    """Run make inbox; assert it refused, changed nothing, and printed ``lines`` in order."""
    before = snapshot(project)
    result = run_command("inbox", project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project) == before
    out = result.stdout.splitlines()
    start = out.index(lines[0])
    assert out[start:start + len(lines)] == list(lines), result.stdout
    return out


def test_a_name_without_a_year_is_refused(project):
    upload(project, "报告.txt")
    out = refused(project, f"inbox/报告.txt：{UNCHANGED}",
                  "inbox/报告.txt:1:1: [错误] 文件名“报告.txt”不以年份开头，不知道是哪一年度的报告",
                  "    提示：请在网页上把文件改名，以报告的年份（四位半角数字）开头，"
                  "例如 inbox/2019.docx 或 inbox/2019年报告.txt。")
    assert out[-1] == ("收件箱中有 1 个文件未能导入（原因见上），导入了 0 个。"
                       "未能导入的文件仍在收件箱中：请按提示改正后再提交，导入会重新运行。")


@pytest.mark.parametrize("year", [1948, 2100])
def test_a_year_out_of_range_is_refused(project, year):
    upload(project, f"{year}.txt")
    refused(project, f"inbox/{year}.txt：{UNCHANGED}",
            f"inbox/{year}.txt:1:1: [错误] 文件名中的年份 {year} 不在 1949～2099 之间",
            "    提示：请检查文件名中的年份，例如 inbox/2019.docx 或 inbox/2019年报告.txt。")


def test_two_files_for_one_year_are_both_refused(project):
    upload(project, "2019.txt")
    upload(project, "2019年报告.txt")
    message = ("收件箱中有 2 个 2019 年度的文件：inbox/2019.txt、inbox/2019年报告.txt，不知道导入哪一个",
               "    提示：一个年度只能上传一个文件：请删除多余的文件，或把年份写错的文件改名。")
    refused(project, f"inbox/2019.txt：{UNCHANGED}", "inbox/2019.txt:1:1: [错误] " + message[0], message[1])
    refused(project, f"inbox/2019年报告.txt：{UNCHANGED}", "inbox/2019年报告.txt:1:1: [错误] " + message[0], message[1])


HINT_EXISTS = ("    提示：收件箱只导入新的年度，不会覆盖已有的文件。如果文件名中的年份写错了，请改名；"
               "要修改已有的年度，请直接编辑它的页面和数据文件。")


def test_a_published_year_is_refused(project):
    upload(project, "2023.txt")
    refused(project, f"inbox/2023.txt：{UNCHANGED}",
            "inbox/2023.txt:1:1: [错误] 2023 年度已经存在（已发布）：docs/2023/、data/years/2023.yml", HINT_EXISTS)


def test_a_draft_year_is_refused(project):
    upload(project, "2019.txt")
    assert run_command("inbox", project).returncode == 0
    upload(project, "2019年报告.docx", b"PK")
    refused(project, f"inbox/2019年报告.docx：{UNCHANGED}",
            "inbox/2019年报告.docx:1:1: [错误] 2019 年度已经存在（草稿）：docs/2019/、data/years/2019.yml",
            HINT_EXISTS)


def test_a_format_the_importer_does_not_read_is_refused(project):
    upload(project, "2019.md")
    refused(project, f"inbox/2019.md：{UNCHANGED}",
            "inbox/2019.md:1:1: [错误] 不能导入“2019.md”：只能导入 .txt、.docx 或 .html 文件",
            "    提示：请把报告另存为 .docx，或把正文复制到记事本中保存为 .txt（UTF-8）。")


def test_a_file_over_the_importer_s_limit_is_refused(project):
    with open(project / "inbox" / "2019.txt", "wb") as big:
        big.truncate(decode.MAX_FILE_BYTES + 1)  # sparse: nothing is written
    megabytes = decode.MAX_FILE_BYTES // (1024 * 1024)
    refused(project, f"inbox/2019.txt：{UNCHANGED}",
            f"inbox/2019.txt:1:1: [错误] “2019.txt”太大（{megabytes} MB），不像是一份报告",
            f"    提示：报告文件一般不超过几 MB；请删除其中的图片等内容，或只保留正文（上限 {megabytes} MB）。")


def test_a_symbolic_link_is_refused_and_not_followed(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(REPORT, "utf-8")
    (project / "inbox" / "2019.txt").symlink_to(secret)
    refused(project, f"inbox/2019.txt：{UNCHANGED}",
            "inbox/2019.txt:1:1: [错误] “2019.txt”是符号链接，不是上传的报告文件",
            "    提示：请删除它，在网页上用“上传文件”上传报告本身。")


def test_the_other_files_are_still_imported_when_one_is_refused(project):
    upload(project, "2019.txt")
    upload(project, "报告.txt")
    result = run_command("inbox", project)
    assert result.returncode == 1
    assert not (project / "inbox" / "2019.txt").exists() and (project / "data/years/2019.yml").exists()
    assert (project / "inbox" / "报告.txt").exists()
    assert result.stdout.splitlines()[-1].startswith("收件箱中有 1 个文件未能导入（原因见上），导入了 1 个。")


def test_make_target_runs_the_command():
    make = shutil.which("make")
    if make is None:
        pytest.skip("make 未安装")
    result = subprocess.run([make, "-n", "inbox"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert 'PYTHONPATH=hooks "$VENV/bin/python" -m reports inbox' in result.stdout.splitlines()
