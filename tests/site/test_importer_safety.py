"""The importer refuses what is not a report within seconds, and what it
imports is text: markup-looking lines render as text and become no marker."""

from __future__ import annotations

import re
import subprocess
import time
import zipfile


from reports.commands import importer
from reports.commands.importer import decode
from support.project import command_line, copy_project, mkdocs_build, run_check
from support.repository import SOURCE_2023


def run_import(project, path, year):
    argv, env = command_line("import", project, str(path), str(year), str(project))
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, cwd=project, env=env)


def test_a_zip_bomb_docx_is_refused_quickly(tmp_path):
    bomb = tmp_path / "报告.docx"
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as entry:
            for _ in range(300):  # 300 MB of zeros, about 300 KB packed
                entry.write(chunk)
    start = time.perf_counter()
    source, problems = importer.read_source(bomb)
    assert time.perf_counter() - start < 5
    assert source is None
    assert problems[0].message == "“报告.docx”解压后有 300 MB，远大于文件本身，不像是一份正常的 Word 文档"


def test_a_docx_of_thousands_of_entries_is_refused(tmp_path):
    many = tmp_path / "many.docx"
    with zipfile.ZipFile(many, "w") as archive:
        for index in range(decode.MAX_DOCX_ENTRIES + 1):
            archive.writestr(f"x/{index}.xml", "")
    source, problems = importer.read_source(many)
    assert source is None and problems[0].message == (
        f"“many.docx”里有 {decode.MAX_DOCX_ENTRIES + 1} 个文件，不像是一份正常的 Word 文档")


def test_a_huge_text_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 1024)
    big = tmp_path / "big.txt"
    big.write_bytes("报告正文。\n".encode("utf-8") * 200)
    source, problems = importer.read_source(big)
    assert source is None and problems[0].message.startswith("“big.txt”太大（0 MB），不像是一份报告")


HOSTILE_LINES = [
    "<script>alert(1)</script>",
    "<!-- year:studies -->",
    '<img src="http://203.0.113.9/x.png" onerror="alert(2)">',
    "[点此](javascript:alert(3))",
    "![图](http://203.0.113.9/y.png)",
    "正文{: onclick=\"alert(4)\" }",
    "带反斜杠的\\<b>文字",
]


def test_imported_markup_is_text_and_no_marker(tmp_path):
    project = copy_project(tmp_path / "p")
    text = SOURCE_2023.read_text("utf-8")
    # Each hostile line as a paragraph of its own in the first part.
    anchor = "1.成立了由主任为组长"
    assert anchor in text
    text = text.replace(anchor, "\n".join(HOSTILE_LINES) + "\n" + anchor, 1)
    source = tmp_path / "带标记的报告.txt"
    source.write_text(text, "utf-8")
    result = run_import(project, source, 2022)
    assert result.returncode == 0, result.stdout + result.stderr
    assert run_check(project).returncode == 0, run_check(project).stdout
    page = (project / "docs/2022/measures.md").read_text("utf-8")
    assert "\n<!-- year:studies -->\n" not in page.split("## ", 1)[1].split("\n\n1.成立了")[0]
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site/2022/measures/index.html").read_text("utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html.split('<article', 1)[1].split("</article>")[0]
    assert 'href="javascript:' not in html
    assert not re.search(r"<[^>]*\sonclick=", html) and '正文{: onclick="alert(4)" }</p>' in html
    assert "&lt;!-- year:studies --&gt;" in html
    assert "带反斜杠的\\&lt;b&gt;文字" in html
