"""Reading the file to import: ``.txt`` (UTF-8, UTF-16, GB18030), ``.docx``
or a portal page saved as ``.html``/``.htm``.

Reports published before the archive existed come as whatever an office
computer saved: Notepad's UTF-8 (with or without BOM) or "Unicode", GBK from
old Windows machines, a Word document (perhaps numbered by Word's automatic
lists, ``word_numbering``), or the report's page on the portal (``portal``).
This module turns each into lines of text and says how it read them; it
writes nothing and prints nothing.
"""

from __future__ import annotations

import codecs
import dataclasses
import pathlib
import zipfile

from reports.commands.cli import refusal
from reports.commands.importer import portal
from reports.commands.importer import word_numbering

EXTENSIONS = (".txt", ".docx", ".html", ".htm")
# A report is some hundred KB; photos can make a .docx a few MB.  Anything
# far larger, or a .docx that unpacks to far more than it weighs (a zip
# bomb), is refused before it is read, within a second.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DOCX_ENTRIES = 2000
MAX_DOCX_UNPACKED = 256 * 1024 * 1024
MAX_DOCX_RATIO = 200  # unpacked : packed, for an entry that unpacks to more than 1 MB


@dataclasses.dataclass
class Source:
    """The file's text as lines, and how it was read."""

    name: str
    lines: list
    encoding: str  # as told to the editor
    note: str = ""  # said in the output when the reading needs checking
    notes: list = dataclasses.field(default_factory=list)  # (line or 0, what the reading did)


def read_source(path):
    """Read ``path`` (``.txt``, ``.docx``, ``.html``): ``(Source | None, problems)``."""
    path = pathlib.Path(path)
    suffix = path.suffix.lower()
    if not path.exists():
        return None, [refusal(f"找不到要导入的文件“{path}”",
                              "请检查文件名和所在目录；文件名中有空格时，用引号括起来：FILE=\"…\"。")]
    if not path.is_file():
        return None, [refusal(f"“{path}”不是文件", "请指定要导入的 .txt、.docx 或 .html 文件。")]
    if suffix not in EXTENSIONS:
        hint = {".doc": "旧版 Word 文件（.doc）请先用 Word 或 WPS 打开，另存为 .docx 后再导入。",
                ".wps": "WPS 文件请先另存为 .docx 后再导入。",
                ".pdf": "PDF 文件请先用 Word 或 WPS 转为 .docx，或把正文复制到记事本中保存为 .txt（UTF-8）。",
                }.get(suffix, "请把报告另存为 .docx，或把正文复制到记事本中保存为 .txt（UTF-8）。")
        return None, [refusal(f"不能导入“{path.name}”：只能导入 .txt、.docx 或 .html 文件", hint)]
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [refusal(f"“{path.name}”太大（{size // (1024 * 1024)} MB），不像是一份报告",
                              f"报告文件一般不超过几 MB；请删除其中的图片等内容，或只保留正文（上限 {MAX_FILE_BYTES // (1024 * 1024)} MB）。")]
    if suffix == ".docx":
        return read_docx(path)
    if suffix in (".html", ".htm"):
        return read_html(path, size)
    return decode_text(path.read_bytes(), path.name)


def read_html(path: pathlib.Path, size: int):
    """A portal page saved by the browser: its metadata, title and main text as lines."""
    if size > portal.MAX_HTML_BYTES:
        return None, [refusal(f"“{path.name}”太大（{size // (1024 * 1024)} MB），不像是保存下来的报告网页",
                              f"请在浏览器中用“另存为…网页，仅 HTML”保存（上限 {portal.MAX_HTML_BYTES // (1024 * 1024)} MB），"
                              "或把正文复制到记事本中保存为 .txt。")]
    text, encoding = portal.decode_html(path.read_bytes())
    lines, note = portal.page_lines(text)
    if not lines:
        return None, [refusal(f"“{path.name}”中没有找到网页正文",
                              "请确认保存的是报告所在的网页；也可以把正文复制到记事本中保存为 .txt 后导入。")]
    return Source(path.name, lines, f"网页（{encoding}）", note), []


def docx_refusal(path: pathlib.Path):
    """A refusal if the .docx would unpack to far more than a report, else None.

    Reads only the zip's directory: the sizes it declares are what zipfile
    will let each entry unpack to.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # python-docx reports it as not a .docx
    hint = "请用 Word 或 WPS 打开后重新“另存为” .docx，或把正文复制到记事本中保存为 .txt。"
    if len(entries) > MAX_DOCX_ENTRIES:
        return refusal(f"“{path.name}”里有 {len(entries)} 个文件，不像是一份正常的 Word 文档", hint)
    total = sum(e.file_size for e in entries)
    bomb = [e for e in entries if e.file_size > 1024 * 1024 and e.file_size > MAX_DOCX_RATIO * max(e.compress_size, 1)]
    if total > MAX_DOCX_UNPACKED or bomb:
        return refusal(f"“{path.name}”解压后有 {total // (1024 * 1024)} MB，远大于文件本身，不像是一份正常的 Word 文档", hint)
    return None


def decode_text(data: bytes, name: str = ""):
    """Text file bytes as lines: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            pass
        else:
            return Source(name, text.splitlines(), "UTF-16",
                          "文件是 UTF-16 编码（记事本的“Unicode”），已按 UTF-16 读取。"), []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            line = data[:exc.start].count(b"\n") + 1
            return None, [refusal(f"“{name}”第 {line} 行的文字无法识别：文件既不是 UTF-8 编码，"
                                  "也不是 GB18030（GBK）编码",
                                  "请用记事本或 WPS 打开，另存为“UTF-8”编码后再导入。")]
        return Source(name, text.splitlines(), "GB18030",
                      "文件不是 UTF-8 编码，已按 GB18030（GBK，旧版 Windows 的中文编码）读取；"
                      "请在网页上核对文字是否正确。"), []
    encoding = "UTF-8（带 BOM）" if data.startswith(codecs.BOM_UTF8) else "UTF-8"
    return Source(name, text.splitlines(), encoding), []


def read_docx(path: pathlib.Path):
    """The body paragraphs of a Word document in order (tables are left out);
    a line break inside a paragraph starts a new line."""
    try:
        import docx  # python-docx
    except ImportError:  # pragma: no cover - it is in requirements.txt
        return None, [refusal("读取 .docx 需要 python-docx，但没有安装",
                              "请运行 make import（它会按 requirements.txt 安装），或把正文另存为 .txt。")]
    refused = docx_refusal(path)
    if refused is not None:
        return None, [refused]
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a bad file
        return None, [refusal(f"无法读取“{path.name}”：它不是有效的 .docx 文件（{type(exc).__name__}）",
                              "请用 Word 或 WPS 打开后重新“另存为” .docx，或把正文复制到记事本中保存为 .txt。")]
    numbering = word_numbering.Numbering(document.part.numbering_part.element, document.styles.element)
    lines, recovered, lost = [], [], []
    for paragraph in document.paragraphs:
        number = numbering.number(paragraph._p)
        text = paragraph.text
        if number is None:
            lost.append(len(lines) + 1)
        elif number and text.strip():
            recovered.append(len(lines) + 1)
            text = number + text.lstrip()
        lines += text.split("\n") if text else [""]
    return Source(path.name, lines, "Word 文档（.docx）", notes=numbering_notes(recovered, lost)), []


def numbering_notes(recovered: list, lost: list) -> list:
    """What the editor is told about Word's automatic numbering."""
    notes = []
    if recovered:
        notes.append((0, f"Word 自动编号：{len(recovered)} 个段落的编号（一、（一）1. 等）不在文字中，"
                         f"已按文件中的编号定义（numbering.xml）补在段首（第 {_lines(recovered)} 行），请与原件核对"))
    if lost:
        notes.append((0, f"警告：第 {_lines(lost)} 行用了 Word 的自动编号，但无法从文件中还原编号，"
                         "编号不在导入的文字中；请对照原件在这些段落前补上编号（或在 Word 中把编号转为文字后重新导入）"))
    return notes


def _lines(numbers: list) -> str:
    shown = "、".join(str(n) for n in numbers[:12])
    return shown + (f" 等 {len(numbers)} 行" if len(numbers) > 12 else "")
