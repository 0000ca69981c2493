"""Start an archive for another office: ``make new-archive DIR=… NAME=简称 FULL_NAME=全称``.

Another office adopting the archive needs this archive's code and none of
its content: not its years, its published sources or its frozen state, and
not the catalogue entries that are this office's own or local.  So the new
archive gets

- the code and what runs it: ``hooks/``, the Makefile, the requirements, the
  CI files (``COPIED``), copied as they are -- but no ``tests/``: the tests
  check the code against this archive's own sample report, and the code is
  developed here; in the new archive ``make test`` is the data check and the
  strict build (see the Makefile);
- ``mkdocs.yml`` with the new office's names (the footer's address and
  contact, when this one gives them, emptied: they are this office's), and
  the site-wide pages and assets of ``docs/`` (no year folders);
- the catalogues with their national entries only (``scope: national``,
  ``model.catalog.SCOPES``), each with its own comments;
- an empty lock file, the guides for editors, and a first Git commit (when
  Git is there), so that a published year is frozen against the history
  from the start.

``plan_new_archive`` computes every file without writing anything (what the
tests call); ``main`` is the command line.  A refusal writes nothing; the
current archive is only read.
"""

from __future__ import annotations

import dataclasses
import os
import pathlib
import shutil
import subprocess
import unicodedata

import yaml

from reports.commands import PROJECT_ROOT, cli, lock, year_files
from reports.model import archive as archive_module
from reports.model import catalog as catalog_module
from reports.model import fingerprint
from reports.model import pages
from reports.model.schema import MARKUP_CHARACTERS
from reports.checks import site_config
from reports.source import yaml_source
from reports.source.history import History

USAGE = ("用法：make new-archive DIR=新报告库的目录 NAME=单位简称 FULL_NAME=单位全称"
         "（或 PYTHONPATH=hooks .venv/bin/python -m reports new-archive 目录 简称 全称 [现有报告库的目录]）")
EXAMPLE = "make new-archive DIR=../区司法局报告库 NAME=区司法局 FULL_NAME=天津市某某区司法局"

# Copied as they are (folders with everything in them but Python's caches).
# Of inbox/ only its README: an upload waiting there is this office's report.
COPIED = ("hooks", "overrides", "Makefile", "requirements.txt", "requirements-test.txt", ".gitignore", ".gitattributes",
          ".github", ".gitlab-ci.yml", ".ci", "ci", "CONTRIBUTING.md", "data/README.md", "data/search",
          "inbox/README.md")
CATALOGUES = (("data/catalog/documents.yml", catalog_module.DOCUMENT, "学习文件"),
              ("data/catalog/campaigns.yml", catalog_module.CAMPAIGN, "宣传节点"))
# What Git writes the commit time into while exporting (hooks/reproducible.py):
# a new archive starts from the placeholder, whatever the current one holds.
COMMIT_TIME = ("hooks/reports/build/COMMIT_TIME", b"$Format:%ct$\n")

# The names as the site shows them; ``{name}`` is NAME, ``{full_name}`` FULL_NAME.
SETTINGS = {
    ("site_name",): "{name}法治政府建设报告库",
    ("site_description",): "{full_name}历年法治政府建设情况报告的存档与检索",
    ("extra", "office", "name"): "{full_name}",
    ("extra", "office", "short_name"): "{name}",
}
# NAME is in the site's title bar and header; FULL_NAME on every year page.
NAMES = (("NAME", "单位简称", 20, "区司法局",
          "NAME 是网站名称和页首用的简称，如“区司法局”；单位全称写在 FULL_NAME 中。"),
         ("FULL_NAME", "单位全称", 50, "天津市某某区司法局", "请写单位的正式全称，如“天津市某某区司法局”。"))
# Not in a name shown in HTML: what could start markup or end an attribute.
HTML_CHARACTERS = MARKUP_CHARACTERS + "'"
# Who makes the first commit when Git knows no one.
FALLBACK_AUTHOR = ("-c", "user.name=make new-archive", "-c", "user.email=new-archive@example.invalid")


@dataclasses.dataclass
class NewArchive:
    files: dict  # path in the new archive -> bytes
    problems: list  # why nothing can be written (``files`` is then empty)
    executable: tuple = ()  # copied files that keep their executable bit
    kept: dict = dataclasses.field(default_factory=dict)  # catalogue file -> ids carried over
    left: dict = dataclasses.field(default_factory=dict)  # catalogue file -> ids left behind
    why: str = ""  # heading printed above the problems of a refusal


def plan_new_archive(source, dest, name: str, full_name: str) -> NewArchive:
    """What ``make new-archive`` would write into ``dest`` for the office
    ``name``/``full_name``, copied from the archive at ``source``."""
    source = pathlib.Path(source)
    problems = argument_problems(source, str(dest), name, full_name)
    if problems:
        return NewArchive({}, problems)
    name, full_name = name.strip(), full_name.strip()
    missing = [rel for rel in (*COPIED, "mkdocs.yml", "README.md", "docs", *(rel for rel, _, _ in CATALOGUES))
               if not (source / rel).exists()]
    if missing:
        return NewArchive({}, [cli.refusal(f"{source} 不是完整的报告库：缺少 {'、'.join(missing)}",
                                           "新报告库的代码和配置从这里复制，请先从仓库历史中恢复这些文件。")])
    files, executable = {}, []
    for rel in COPIED:
        for path, inside in _files(source / rel, rel):
            files[inside] = path.read_bytes()
            if os.access(path, os.X_OK):
                executable.append(inside)
    for path, inside in _files(source / "docs", "docs"):
        folder = inside.split("/")[1] if inside.count("/") > 1 else ""
        if not pages.YEAR_DIR.match(folder):  # the site's pages and assets, no year
            files[inside] = path.read_bytes()
    files[COMMIT_TIME[0]] = COMMIT_TIME[1]
    files[fingerprint.LOCK_FILE] = lock.render(archive_module.Archive([])).encode("utf-8")

    plan = NewArchive(files, [], tuple(executable))
    for rel, record, what in CATALOGUES:
        text, kept, left, found = national_entries((source / rel).read_bytes(), rel, record, what)
        if found:
            return NewArchive({}, found, why="不能建立新报告库：现有报告库的目录有错误，请先改正：")
        files[rel], plan.kept[rel], plan.left[rel] = text.encode("utf-8"), kept, left

    config = (source / "mkdocs.yml").read_text("utf-8")
    old = {path: setting(config, path) for path in SETTINGS}
    new = new_settings(config, name, full_name)
    try:
        files["mkdocs.yml"] = configuration(config, new).encode("utf-8")
    except ValueError as exc:
        return NewArchive({}, [cli.refusal(f"不能改写 {source / 'mkdocs.yml'}：{exc}",
                                           "请确认其中有 site_name、site_description 和 extra.office 的 name、short_name。")])
    readme = (source / "README.md").read_text("utf-8")
    old_office = f"**{old[('extra', 'office', 'short_name')]}**（{old[('extra', 'office', 'name')]}）"
    files["README.md"] = readme.replace(old_office, f"**{name}**（{full_name}）").encode("utf-8")
    return plan


def _files(path: pathlib.Path, rel: str):
    """``(file, its path in the archive)`` of ``path`` (a file or a folder),
    in a fixed order; no symbolic links (a link could lead anywhere), no
    Python caches."""
    if path.is_symlink():
        return
    if path.is_file():
        yield path, rel
        return
    for folder, folders, names in os.walk(path):  # never into a linked folder
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(names):
            found = pathlib.Path(folder, name)
            if found.is_file() and not found.is_symlink() and found.suffix != ".pyc":
                yield found, f"{rel}/{found.relative_to(path).as_posix()}"


# --- The arguments -----------------------------------------------------------------------

def argument_problems(source: pathlib.Path, dest: str, name: str, full_name: str) -> list:
    """Why DIR, NAME or FULL_NAME cannot be used (empty when they can), all
    at once, in that order (problems without a file are sorted by their
    column, which is not shown)."""
    groups = [_dest_problems(source, dest)]
    for (variable, what, limit, example, hint), value in zip(NAMES, (name, full_name)):
        groups.append(_name_problems(variable, what, limit, example, hint, value))
    return [dataclasses.replace(p, column=order) for order, group in enumerate(groups, 1) for p in group]


def _dest_problems(source: pathlib.Path, dest: str) -> list:
    if not dest.strip():
        return [cli.refusal("没有指定新报告库的目录 DIR", f"例如 {EXAMPLE}。")]
    path = pathlib.Path(dest)
    resolved, current = path.resolve(), source.resolve()
    if resolved == current or current in resolved.parents:
        return [cli.refusal(f"目录“{dest}”在现有的报告库 {current} 之中",
                            "新报告库要放在现有报告库的目录之外，例如 DIR=../新报告库。")]
    if path.exists() and not path.is_dir():
        return [cli.refusal(f"“{dest}”已经存在，而且不是目录", "请换一个还不存在的目录或一个空目录。")]
    if path.is_dir():
        entries = sorted(p.name for p in path.iterdir())
        if entries:
            shown = "、".join(entries[:3]) + (f" 等 {len(entries)} 项" if len(entries) > 3 else "")
            return [cli.refusal(f"目录“{dest}”不是空的（其中已有 {shown}）",
                                "make new-archive 只在还不存在的目录或空目录中建立报告库，不会覆盖或混入已有的文件。"
                                "请换一个目录，或确认其中的内容不再需要后把它清空。")]
    return []


def _name_problems(variable, what, limit, example, hint, value: str) -> list:
    text = value.strip()
    if not text:
        return [cli.refusal(f"没有指定{what} {variable}", f"例如 {variable}={example}。")]
    if any(unicodedata.category(c).startswith("C") for c in text):
        return [cli.refusal(f"{variable}（{what}）中有换行、制表符等控制字符", "请只写单位名称的文字。")]
    bad = sorted(set(text) & set(HTML_CHARACTERS))
    if bad:
        return [cli.refusal(f"{variable}（{what}）“{text}”中不能有符号 {' '.join(bad)}",
                            "单位名称会显示在每个页面的标题栏和页首，只能是文字；"
                            "请删除这些符号，或改用中文符号（如《》“”）。")]
    if len(text) > limit:
        return [cli.refusal(f"{variable}（{what}）“{text}”太长：{len(text)} 个字，最多 {limit} 个字", hint)]
    return []


# --- The catalogues ----------------------------------------------------------------------

def national_entries(data, rel: str, record, what: str):
    """``(text, kept ids, left ids, problems)``: the catalogue file ``data``
    with its national entries only.

    Each entry kept is copied line for line, with its own comments (those in
    it, and a comment block right above it); the file's first comment block
    stays; the other comments between entries (headings of groups, which
    may speak of this archive's years) go.
    """
    problems = []
    entries = catalog_module.read_list(data, rel, record, what, problems)[0]
    if any(p.is_error for p in problems):
        return "", [], [], problems
    _, located, _ = yaml_source.load(data, rel)
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    lines = text.replace("\r\n", "\n").split("\n")
    starts = [located.at(entry._path)[0] - 1 for entry in entries.values()]
    header = []
    for line in lines[:starts[0] if starts else len(lines)]:
        if not line.startswith("#"):
            break
        header.append(line)
    kept, left, blocks = [], [], []
    for index, entry in enumerate(entries.values()):
        begin, end = starts[index], starts[index + 1] if index + 1 < len(starts) else len(lines)
        while begin > len(header) and lines[begin - 1].startswith("#"):
            begin -= 1
        block = lines[begin:end]
        while block and (not block[-1].strip() or block[-1].startswith("#")):
            block.pop()  # what follows the entry belongs to the next one, or to none
        if entry.scope == "national":
            kept.append(entry.id)
            blocks.append("\n".join(block))
        else:
            left.append(entry.id)
    out = "\n".join(header) + "\n\n" + ("\n\n".join(blocks) if blocks else "[]") + "\n"
    # What is written must read back as exactly the entries kept.
    found = []
    again = catalog_module.read_list(out, rel, record, what, found)[0]
    if found or list(again) != kept:
        return "", [], [], [cli.refusal(f"内部错误：{rel} 中全国性的条目抄出后不能原样读回",
                                        "请把这条消息告诉维护人员。")]
    return out, kept, left, []


# --- mkdocs.yml ------------------------------------------------------------------------

def setting(text: str, path) -> str | None:
    """The text value at ``path`` in mkdocs.yml (read without building
    anything: the file has tags only MkDocs may construct)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return None
    for key in path:
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
    return node.value if isinstance(node, yaml.ScalarNode) else None


def new_settings(text: str, name: str, full_name: str) -> dict:
    """path -> value of each setting the new archive's mkdocs.yml ``text``
    says otherwise: the new names (``SETTINGS``), and the footer's fields
    (``site_config.FOOTER``) that this archive fills in, emptied -- this
    office's address and telephone are not the new office's, and without a
    sponsor the footer names the office itself."""
    values = {path: value.format(name=name, full_name=full_name) for path, value in SETTINGS.items()}
    values.update({path: "" for path in site_config.FOOTER if setting(text, path)})
    return values


def configuration(text: str, values: dict) -> str:
    """mkdocs.yml with the settings ``values`` (path -> text) in place of
    the current ones, every other line kept; ``ValueError`` when a setting is
    not there to replace."""
    located = yaml_source.positions(text, site_config.FILE)
    lines = text.split("\n")
    for path, value in values.items():
        if path not in located.marks or setting(text, path) is None:
            raise ValueError(f"找不到 {'.'.join(path)}")
        line, column = located.at(path)
        lines[line - 1] = lines[line - 1][:column - 1] + year_files.scalar(value)
    out = "\n".join(lines)
    if any(setting(out, path) != value for path, value in values.items()):
        raise ValueError("改写后读回的值不一致")
    return out


# --- Writing -----------------------------------------------------------------------------

def write(dest: pathlib.Path, plan: NewArchive) -> None:
    """Write the plan's files (all or none), with their executable bits."""
    year_files.write(dest, plan.files)
    for rel in plan.executable:
        (dest / rel).chmod(0o755)


def start_repository(dest: pathlib.Path, message: str) -> str:
    """Make ``dest`` a Git repository on ``main`` whose first commit holds
    every file; a sentence saying what became of it."""
    git = shutil.which("git")
    manual = (f"请在 {dest} 中自行运行 git init、git add -A 和 git commit，"
              "把报告库放进 Git 仓库（已发布年度的冻结检查依靠 Git 历史）。")
    if git is None:
        return f"没有找到 git，新报告库还不是 Git 仓库：{manual}"

    def run(*args):
        return subprocess.run([git, "-C", str(dest), *args], capture_output=True, text=True, timeout=120,
                              env=dict(os.environ, GIT_TERMINAL_PROMPT="0"))

    try:
        steps = [("init", "-q"), ("symbolic-ref", "HEAD", "refs/heads/main"), ("add", "-A")]
        for step in steps:
            result = run(*step)
            if result.returncode != 0:
                break
        else:
            known = run("config", "user.email").stdout.strip()
            result = run(*(() if known else FALLBACK_AUTHOR), "commit", "-q", "-m", message)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"运行 git 时出错（{exc}）：{manual}"
    if result.returncode != 0:
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        return f"建立 Git 仓库时 git 报错（{said[-1] if said else result.returncode}）：文件已经写好，{manual}"
    revision = run("rev-parse", "--short", "HEAD").stdout.strip()
    return f"已建立 Git 仓库（main 分支），全部文件在第一次提交 {revision} 中。"


def commit_message(source: pathlib.Path, full_name: str) -> str:
    history = History(source)
    revision = history.commit("HEAD") if history.is_repository() else None
    origin = f"（代码取自提交 {revision[:10]}）" if revision else ""
    return (f"新建{full_name}的报告库\n\n由 make new-archive 建立{origin}：代码、配置、"
            "网站页面和全国性的目录条目，没有年度。")


# --- The command -----------------------------------------------------------------------

def main(argv=None) -> int:
    parser = cli.CommandParser(USAGE, "请指定新报告库的目录、单位简称和单位全称。",
                               prog="python -m reports new-archive")
    parser.add_argument("dir")
    parser.add_argument("name")
    parser.add_argument("full_name")
    parser.add_argument("project", nargs="?", type=pathlib.Path, default=PROJECT_ROOT)
    return parser.run(argv, create)


def create(arguments) -> int:
    """Write the new archive (or say why not) and what to do next."""
    source, dest = arguments.project, pathlib.Path(arguments.dir)
    plan = plan_new_archive(source, arguments.dir, arguments.name, arguments.full_name)
    if not plan.files:
        return cli.refuse(plan.problems, plan.why)
    name, full_name = arguments.name.strip(), arguments.full_name.strip()
    try:
        write(dest, plan)
    except OSError as exc:
        return cli.refuse([cli.refusal(f"不能写入“{arguments.dir}”：{exc.strerror or exc}",
                                       "请确认有写入这个位置的权限，磁盘也没有满。")])
    repository = start_repository(dest, commit_message(source, full_name))
    documents, campaigns = (plan.kept[rel] for rel, _, _ in CATALOGUES)
    left = [entry for rel, _, _ in CATALOGUES for entry in plan.left[rel]]
    print(f"已在 {arguments.dir} 建立{full_name}（{name}）的报告库，共 {len(plan.files)} 个文件：")
    print("  代码和命令（hooks/、Makefile）、CI 文件、mkdocs.yml（网站名称和机关名称已改为本单位的）、网站页面；")
    print(f"  学习文件目录 {len(documents)} 条、宣传节点目录 {len(campaigns)} 条（全国性的条目）；没有年度，锁定文件为空。")
    if left:
        print(f"  没有带过去的目录条目（本单位的、地方的或没有写 scope 的）：{'、'.join(left)}。")
    print(f"  {repository}")
    return cli.created([], cli.numbered([
        f"进入新报告库（cd {arguments.dir}），运行 make serve 预览网站（第一次会在其中的 .venv 安装依赖）。",
        "在 mkdocs.yml 的 extra.git 中写上本单位 Git 服务器的类型（forge）和新仓库的地址（repo_url），"
        "或删去 git 这一节；再把新仓库推送到 Git 服务器（git remote add origin 地址，git push -u origin main）。",
        "导入往年的报告：make import FILE=旧报告.docx YEAR=2021；开始新一年的报告：make new-year YEAR=2024。",
        "核对 data/catalog/ 中的学习文件目录和宣传节点目录，添加本地、本单位的条目（见 CONTRIBUTING.md 第五节）。",
        "每次修改后运行 make check；make test 检查数据并严格构建网站。",
    ]))
