"""PyYAML's complaints in an editor's words, at the line where the cause is.

PyYAML reports where its parser gave up, in English: an unclosed quote on
line 74 is "found unexpected end of stream" at the end of the file, and a key
indented one space too far is "mapping values are not allowed here" at its
colon.  Editors fix files in a web editor from CI's log, so each complaint is
turned here into ``(line, column, message, hint)``:

* the position is the cause -- the opening quote (PyYAML's ``context_mark``,
  or the quoted text that swallowed the next lines), the opening bracket, the
  line that is mis-indented, the colon without a space after it;
* the message says what is wrong in Chinese, and the hint what to type.

Both the pure-Python parser's texts and libyaml's are recognised (they word
the same problems differently); anything not recognised still gets a Chinese
sentence with PyYAML's own text in brackets, so nothing is lost.
"""

from __future__ import annotations

import re

import yaml

PREFIX = "YAML 语法错误："
GENERAL_HINT = ("请检查这一行及上一行的缩进、冒号和引号；冒号后面要有一个空格，"
                "含有冒号或 # 的文字请用引号括起来。")
QUOTE_HINT = ("请在这段文字的末尾补上同样的引号（{quote}）；"
              "文字本身要用引号时，请改用中文引号“”或‘’。")
INDENT_HINT = ("同一级的键要用同样多的空格缩进，下一级比上一级多两个空格："
               "请让这一行与上面同一级的键对齐。")
LIST_HINT = ("同一个列表的各项“- ”要上下对齐；列表写在某个键下面时，"
             "“- ”比这个键多缩进两个空格。")
QUOTE_IT_HINT = "以 {char} 开头的文字请用引号括起来，例如 \"{char}…\"。"

# The line breaks PyYAML counts lines by, for its marks to index ``Source.lines``.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


class Source:
    """The text being parsed, and the tokens PyYAML's scanner made of it
    before it stopped (read only when a complaint needs them)."""

    def __init__(self, text: str):
        self.text = text
        self.lines = LINE_BREAK.split(text)  # as PyYAML counts lines, for its marks
        self._tokens = None

    @property
    def tokens(self) -> list:
        if self._tokens is None:
            loader = yaml.SafeLoader(self.text)
            self._tokens = []
            try:
                while loader.check_token():
                    self._tokens.append(loader.get_token())
            except yaml.YAMLError:
                self._tokens += list(loader.tokens)  # the tokens queued when it stopped
            finally:
                loader.dispose()
        return self._tokens

    def line(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def char(self, mark) -> str:
        return self.line(mark.line)[mark.column:mark.column + 1]


def explain(exc, text: str) -> tuple:
    """``(line, column, message, hint)`` of a ``yaml.YAMLError`` raised on ``text``."""
    source = Source(text)
    if isinstance(exc, yaml.reader.ReaderError):
        return _reader(exc, source)
    if not isinstance(exc, yaml.MarkedYAMLError):
        return 1, 1, f"{PREFIX}无法解析（{exc}）", GENERAL_HINT
    for explainer in EXPLAINERS:
        found = explainer(exc, source)
        if found is not None:
            (line, column), message, hint = found
            return line + 1, column + 1, PREFIX + message, hint
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    english = "；".join(part for part in (exc.context, exc.problem) if part)
    return line, column, f"{PREFIX}无法解析（{english}）", GENERAL_HINT


def _at(mark) -> tuple:
    return mark.line, mark.column


def _content_column(line: str) -> int:
    """Where a line's key or value starts: after its indentation and any ``- ``."""
    return len(re.match(r"^\s*(?:-\s+)*", line).group(0))


# Each explainer returns ``((line, column), message, hint)`` (0-based) or None.

def _unclosed_quote(exc, source):
    """An opening quote with no closing one.  At the end of the file PyYAML
    says where the quote opened (``context_mark``); more often the quote is
    closed by the opening quote of a later value, and the parser stumbles
    there, on the words after it: the quoted text that swallowed lines
    holding keys is the cause."""
    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        return _quote_problem(source, exc.context_mark)
    mark = exc.problem_mark
    if mark is None:
        return None
    for token in source.tokens:
        if isinstance(token, yaml.ScalarToken) and token.end_mark.line == mark.line \
                and _swallows_keys(source, token.style, token.start_mark, token.end_mark):
            return _quote_problem(source, token.start_mark)
    return None


# A line that holds a key: ``name: …``, ``- name: …`` (not a comment or a quote).
KEY_LINE = re.compile(r"^\s*(?:-\s+)*[^\s#'\"-][^:#]*:(?:\s|$)")


def _swallows_keys(source, style, start, end) -> bool:
    """Whether a quoted text runs over lines that hold keys of its own
    mapping (no further indented than its key): YAML does not allow that,
    so the quote that opened it was never meant to close there."""
    if style not in ("'", '"') or start.line >= end.line:
        return False
    column = _content_column(source.line(start.line))
    return any(KEY_LINE.match(line) and len(line) - len(line.lstrip(" ")) <= column
               for line in source.lines[start.line + 1:end.line + 1])


def _quote_problem(source, mark):
    quote = source.char(mark) or '"'
    return (_at(mark), f"这里开始的引号“{quote}”没有闭合",
            QUOTE_HINT.format(quote=quote) + "引号没有闭合时，后面几行都会被当成这段文字。")


def swallowed_quote(node, text: str):
    """``(line, column, message, hint)`` of a quote that parsed but swallowed
    the next keys (its text ends at the opening quote of a later value that
    happens to close it), or None; the problems that follow from it -- a
    duplicate key, keys missing -- would only mislead."""
    source = Source(text)
    stack, seen = [node], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.ScalarNode):
            if _swallows_keys(source, current.style, current.start_mark, current.end_mark):
                (line, column), message, hint = _quote_problem(source, current.start_mark)
                return line + 1, column + 1, PREFIX + message, hint
        elif isinstance(current, yaml.MappingNode):
            stack += [part for pair in reversed(current.value) for part in reversed(pair)]
        else:
            stack += reversed(current.value)
    return None


def _mapping_values(exc, source):
    """``key: value: more`` (a colon in the text), ``key:value`` (no space
    after a colon) or a key indented further than its neighbours: PyYAML
    names the colon in each case; the scalar before it tells which."""
    if not (exc.problem or "").startswith("mapping values are not allowed"):
        return None
    mark = exc.problem_mark
    line = source.line(mark.line)
    scalars = [t for t in source.tokens if isinstance(t, yaml.ScalarToken) and t.end_mark.index <= mark.index]
    scalar = scalars[-1].start_mark if scalars else mark
    if scalar.line == mark.line and scalar.column > _content_column(line):
        return (_at(mark), "值里有英文冒号“:”，被当成了又一个“键: 值”",
                "请把整个值用引号括起来（例如 title: \"甲: 乙\"），或改用中文冒号“：”。")
    first = source.line(scalar.line)
    colon = re.search(r":(?=\S)", first[scalar.column:])
    if scalar.line < mark.line and scalar.column == _content_column(first) and colon:
        return ((scalar.line, scalar.column + colon.start()), "冒号“:”后面缺少空格",
                "请在冒号后面加一个空格，写成“键: 值”。")
    return ((mark.line, _content_column(line)), "这一行比上面的键缩进得多，被当成了上一行文字的延续",
            INDENT_HINT + "如果它属于上一行的键，那个键的冒号后面不能再写文字。")


def _missing_colon(exc, source):
    """A line that is neither ``key: value`` nor a list item: PyYAML notices
    on the next line; the line itself is the ``context_mark``."""
    if exc.problem != "could not find expected ':'" or exc.context_mark is None:
        return None
    mark = exc.context_mark
    if "：" in source.line(mark.line):
        return (_at(mark), "这一行用了中文冒号“：”，缺少英文冒号“:”",
                "键后面的冒号要用英文的“:”，后面再加一个空格，例如 name: 国家宪法日。")
    return (_at(mark), "这一行缺少冒号“:”",
            "每一行要写成“键: 值”（英文冒号，后面一个空格）；如果这一行是上一行文字的延续，"
            "请把它接到上一行末尾，或把整段文字用引号括起来。")


BLOCK_END = re.compile(r"expected <block end>, but found '(?P<token>.*)'$")


def _block_end(exc, source):
    """A line that does not fit the block it is in -- mis-indented, a list
    item among keys, a key among list items, words after a closing quote.
    PyYAML names the first token of that line (libyaml: "did not find
    expected key" / "'-' indicator"), which is where the editor must look."""
    problem = exc.problem or ""
    found = BLOCK_END.match(problem)
    if not found and problem not in ("did not find expected key", "did not find expected '-' indicator"):
        return None
    mark = exc.problem_mark
    token = found.group("token") if found else ""
    before = source.line(mark.line)[:mark.column].rstrip()
    if before.endswith(("'", '"')) and before[:-1].strip():
        return (_at(mark), "引号已经结束，后面还有文字",
                "整段文字都要在引号里：请把结束的引号移到文字末尾；文字本身要用引号时，请改用中文引号“”或‘’。")
    in_list = exc.context == "while parsing a block collection" or problem.endswith("'-' indicator")
    if in_list and token != "<block sequence start>":
        return (_at(mark), "这一行应是列表项（以“- ”开头），或者缩进不对",
                "同一个列表的每一项都以“- ”开头并上下对齐；如果这一行是上一项的内容，请比“- ”多缩进两个空格；"
                "如果这是新的键，请与列表上面的键对齐。")
    dash = token == "-" or (not found and re.match(r"-(\s|$)", source.line(mark.line)[mark.column:]))
    if dash:
        return (_at(mark), "这里应是“键: 值”，却是列表项“- ”",
                "在“键: 值”之间不能插入列表项：如果它属于某个键的列表，请写在那个键下面并多缩进两个空格；"
                "否则请去掉“- ”。")
    if token == "<block sequence start>":
        return (_at(mark), "列表项“- ”的缩进与上面对不齐", LIST_HINT)
    return (_at(mark), "这一行的缩进与上面的键对不齐", INDENT_HINT)


FLOW_END = re.compile(r"expected ',' or '(?P<close>[\]}])'")
BRACKETS = {"]": ("方括号", "[", "]"), "}": ("花括号", "{", "}")}


def _flow_end(exc, source):
    """``[甲, 乙`` or ``{a: 1`` not closed: the opening bracket (the
    ``context_mark``) when PyYAML only notices lines later."""
    found = FLOW_END.search(exc.problem or "")
    if not found or exc.context_mark is None:
        return None
    name, opening, closing = BRACKETS[found.group("close")]
    hint = (f"请在末尾补上“{closing}”，整个{name}写在一行里（如 {opening}甲, 乙{closing}）；"
            "各项之间用英文逗号“,”分隔，含有逗号、冒号或括号的文字请加引号。")
    if exc.problem_mark is None or exc.problem_mark.line != exc.context_mark.line:
        return _at(exc.context_mark), f"{name}“{opening}”没有闭合", hint
    return (_at(exc.problem_mark), f"{name}“{opening}…{closing}”中这里应是逗号“,”或“{closing}”", hint)


CHARACTER = re.compile(r"found character '(?P<char>.*)' that cannot start any token")


def _start_character(exc, source):
    """A character no YAML token starts with: a tab, or ``@ ` %`` at the
    start of a value (libyaml does not say which character)."""
    problem = exc.problem or ""
    if not (CHARACTER.match(problem) or problem == "found character that cannot start any token"):
        return None
    mark = exc.problem_mark
    char = source.char(mark)
    if char == "\t":
        return _at(mark), "这里有制表符（Tab）", "YAML 中只能用空格：请把这个 Tab 换成空格。"
    return (_at(mark), f"“{char}”不能写在值或键的开头",
            QUOTE_IT_HINT.format(char=char) + "（@ ` % 在 YAML 中有特殊用途。）")


def _escape(exc, source):
    """A backslash in double quotes that starts no escape (``"C:\\path"``):
    pointed at the backslash, where PyYAML points after it."""
    problem = exc.problem or ""
    if not (problem.startswith("found unknown escape character")
            or problem.startswith("expected escape sequence of")
            or problem.startswith("did not find expected hexdecimal number")):
        return None
    mark = exc.problem_mark
    column = source.line(mark.line).rfind("\\", 0, mark.column + 1)
    return ((mark.line, column if column >= 0 else mark.column), "双引号中的反斜杠“\\”用法不对",
            "在双引号里，反斜杠“\\”有特殊含义：文字中需要反斜杠时（如文件路径），请改用单引号括起来，"
            "或写成两个反斜杠“\\\\”。")


def _anchors(exc, source):
    """Anchors and aliases (``&x``, ``*x``) are refused anyway; a repeated
    or unknown one is usually text that starts with ``&`` or ``*``."""
    context, problem = exc.context or "", exc.problem or ""
    hint = "数据文件不使用锚点和别名（& 与 *）：请把内容直接写出来；以 & 或 * 开头的文字请用引号括起来。"
    if context.startswith("found duplicate anchor") and exc.problem_mark is not None:
        mark = exc.problem_mark
        name = _name(context) or _word_at(source, mark)
        first = exc.context_mark.line + 1 if exc.context_mark is not None else 0
        where = f"（第一次在第 {first} 行）" if first else ""
        return _at(mark), f"锚点“&{name}”重复出现{where}", hint
    if problem.startswith("found undefined alias"):
        mark = exc.problem_mark
        return _at(mark), f"别名“*{_name(problem) or _word_at(source, mark)}”没有对应的锚点", hint
    if context in ("while scanning an alias", "while scanning an anchor") and exc.context_mark is not None:
        mark = exc.context_mark
        what = "别名" if source.char(mark) == "*" else "锚点"
        return _at(mark), f"以“{source.char(mark)}”开头的文字会被当成{what}", hint
    return None


NAMED = re.compile(r"'(?P<name>[^']*)'")


def _name(text: str) -> str:
    found = NAMED.search(text)
    return found.group("name") if found else ""


def _word_at(source, mark) -> str:
    """The anchor or alias name at ``mark`` (libyaml's texts leave it out)."""
    return re.match(r"[&*]?([^\s,\[\]{}]*)", source.line(mark.line)[mark.column:]).group(1)


NODE_CONTENT = re.compile(r"expected the node content, but found '(?P<token>.*)'$")


def _other(exc, source):
    """The rarer shapes, each one sentence: a list item after a colon, a
    value that starts with a bracket or comma, a ``|`` with text after it, a
    second document, a tag."""
    context, problem = exc.context or "", exc.problem or ""
    mark = exc.problem_mark
    if problem == "sequence entries are not allowed here" or problem.startswith("block sequence entries are not allowed"):
        return (_at(mark), "列表项“- ”不能写在冒号后面的同一行",
                "列表从下一行开始，每项一行，以“- ”开头并比键多缩进两个空格；"
                "如果“- ”是文字的一部分，请把整个值用引号括起来。")
    content = NODE_CONTENT.match(problem)
    if content or problem == "did not find expected node content":
        char = content.group("token") if content else source.char(mark)
        return (_at(mark), f"这里应是一个值，却是“{char}”",
                QUOTE_IT_HINT.format(char=char) + "如果这里本来没有值，请删除这个符号。")
    if context == "while scanning a block scalar" and exc.context_mark is not None:
        char = source.char(exc.context_mark)
        return (_at(exc.context_mark), f"“{char}”后面不能直接写文字",
                f"多行文字的写法是：冒号后面只写“{char}”，文字从下一行开始并多缩进两个空格；"
                f"一行文字不需要“{char}”，以 {char} 开头的文字请用引号括起来。")
    if context == "expected a single document in the stream":
        return (_at(mark), "文件里有第二个 YAML 文档（“---”）",
                "一个数据文件只能有一个文档：请删除“---”这一行，把两部分合并。")
    if "<document start>" in problem:  # after ``...`` or a ``%`` directive line
        ends = [n for n in range(mark.line) if re.match(r"^(?:\.\.\.|%)", source.line(n))]
        where = (ends[-1], 0) if ends else _at(mark)
        return (where, "数据文件里不能有“...”行或以“%”开头的行",
                "“...”会在这里结束文件，“%”行是 YAML 的指令：请删除这一行。")
    if context in ("while parsing a tag", "while scanning a tag") and exc.context_mark is not None:
        return (_at(exc.context_mark), "以“!”开头的标签写法不对",
                QUOTE_IT_HINT.format(char="!") + "数据文件不使用标签。")
    if "end of stream" in problem:
        where = exc.context_mark or mark
        return (_at(where), "文件意外结束（引号或括号没有闭合，或缺少值）", GENERAL_HINT)
    return None


def _reader(exc, source):
    """A control character (from a copy and paste) that YAML does not allow."""
    before = source.text[:max(exc.position, 0)]
    line = before.count("\n") + 1
    column = exc.position - (before.rfind("\n") + 1) + 1
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    return (line, column, f"{PREFIX}文件中有不能使用的控制字符（U+{code:04X}）",
            "请删除这个看不见的字符（多半是从别处复制粘贴带来的），必要时重新输入这一行。")


EXPLAINERS = (_unclosed_quote, _mapping_values, _missing_colon, _block_end, _flow_end,
              _start_character, _escape, _anchors, _other)
