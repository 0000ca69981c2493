"""A small declarative schema for editors' YAML, written once in code.

Modelled on MkDocs' ``config_options``: each field type knows how to check and
convert one value and says precisely what is wrong, where, and what to do.
Validation never stops at the first problem -- every field of every record is
checked so that an editor sees all mistakes in one run.  A record with a
broken field is left out of the value (the site never shows half a record),
but it is kept for the checks in ``Context.incomplete``, with None where a
field is broken: the rules still check its other fields, so that a bad date
does not hide a wrong paragraph until the next run.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import re

from reports.source.problems import SCHEMA

MISSING = object()
DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@dataclasses.dataclass(frozen=True)
class Incomplete:
    """A record that has a broken or missing required field: the model with
    None in each such field (``broken``), and where it is."""

    path: tuple
    entry: object
    broken: frozenset


class Context:
    """Where problems go while one file is validated."""

    def __init__(self, located):
        self.located = located
        self.problems = []
        self.incomplete = []  # Incomplete records, in the order they were read

    def error(self, path, message, hint="", on_key=False, rule=SCHEMA):
        self.problems.append(self.located.problem(path, message, hint, on_key=on_key, rule=rule))


class Field:
    label = "值"
    example = ""

    def __init__(self, *, required=True, default=None, help=""):
        self.required = required
        self.default = default
        self.help = help

    def validate(self, value, path, ctx):
        """Return the converted value, or None after reporting a problem."""
        raise NotImplementedError

    def describe(self) -> str:
        return self.label


# Characters that could start markup or end an attribute value in HTML.
MARKUP_CHARACTERS = '<>"&`'


class Text(Field):
    label = "文字"

    def __init__(self, *, multiline=False, pattern=None, pattern_hint="", plain=False, **kw):
        super().__init__(**kw)
        self.multiline = multiline
        # Shown by the theme's own templates (page titles, navigation), which
        # do not escape: no character there may start markup or end an attribute.
        self.plain = plain
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_hint = pattern_hint

    def validate(self, value, path, ctx):
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            ctx.error(path, f"这里应是{self.label}，实际是{kind_of(value)}",
                      "直接写文字即可；如果文字里有冒号、# 或以特殊符号开头，请用引号括起来。")
            return None
        if not isinstance(value, str):
            # ``编号: 001`` would silently lose its zeros; ask for quotes.
            ctx.error(path, f"这里应是文字，实际是数字 {value}",
                      f"请加引号写成 \"{value}\"。")
            return None
        text = value.strip()
        if not text:
            ctx.error(path, "内容不能为空", "请填写内容，或删除这一项。")
            return None
        if not self.multiline and "\n" in text:
            ctx.error(path, "这里只能写一行文字", "请删除换行。")
            return None
        if self.pattern and not self.pattern.match(text):
            ctx.error(path, f"“{text}”的格式不对", self.pattern_hint)
            return None
        if self.plain:
            bad = sorted(set(text) & set(MARKUP_CHARACTERS))
            if bad:
                ctx.error(path, f"这里不能有符号 {' '.join(bad)}",
                          "标题和名称会显示在网页的标题栏和导航中，只能是文字；"
                          "请删除这些符号，或改用中文符号（如《》“”）。")
                return None
        return text


class Integer(Field):
    label = "整数"

    def __init__(self, *, minimum=None, maximum=None, **kw):
        super().__init__(**kw)
        self.minimum, self.maximum = minimum, maximum

    def validate(self, value, path, ctx):
        if isinstance(value, bool) or not isinstance(value, int):
            ctx.error(path, f"这里应是整数，实际是{kind_of(value)}“{value}”",
                      "请只写阿拉伯数字，例如 7（不要写“7人”或“七”）。")
            return None
        if self.minimum is not None and value < self.minimum or \
                self.maximum is not None and value > self.maximum:
            ctx.error(path, f"数值 {value} 超出范围（{self.minimum}～{self.maximum}）",
                      "请核对数字。")
            return None
        return value


class Number(Integer):
    label = "数字"

    def validate(self, value, path, ctx):
        if isinstance(value, float):
            return value
        return super().validate(value, path, ctx)


class Date(Field):
    """A calendar date written ``YYYY-MM-DD``, parsed explicitly."""

    label = "日期"

    def validate(self, value, path, ctx):
        text = str(value).strip() if isinstance(value, (str, int)) else None
        m = DATE.match(text or "")
        if not m:
            ctx.error(path, f"日期“{value}”的格式不对", "日期请写成 2024-03-01 这样的形式（年-月-日）。")
            return None
        try:
            return datetime.date(*map(int, m.groups()))
        except ValueError:
            ctx.error(path, f"不存在的日期“{value}”", "请核对月份和日期。")
            return None


class Choice(Field):
    label = "选项"

    def __init__(self, choices: dict, **kw):
        super().__init__(**kw)
        self.choices = choices  # value -> Chinese label

    def validate(self, value, path, ctx):
        if isinstance(value, (list, dict)) or value is None:
            options = "、".join(f"{k}（{v}）" for k, v in self.choices.items())
            ctx.error(path, f"这里应是一个选项，实际是{kind_of(value)}", f"只能是：{options}。")
            return None
        if value in self.choices:
            return value
        for key, label in self.choices.items():
            if value == label:  # accept the Chinese label, e.g. 已发布
                return key
        options = "、".join(f"{k}（{v}）" for k, v in self.choices.items())
        ctx.error(path, f"“{value}”不是可选的值", f"只能是：{options}。")
        return None


class ListOf(Field):
    label = "列表"

    def __init__(self, item: Field, **kw):
        kw.setdefault("default", list)
        super().__init__(**kw)
        self.item = item

    def validate(self, value, path, ctx):
        if not isinstance(value, list):
            ctx.error(path, f"这里应是列表（每项以“- ”开头），实际是{kind_of(value)}",
                      "列表的每一项单独一行，以“- ”开头。")
            return None
        out = []
        for index, element in enumerate(value):
            converted = self.item.validate(element, path + (index,), ctx)
            if converted is not None:
                out.append(converted)
        return out


class Record(Field):
    """A mapping with known keys, converted to ``model`` (a dataclass)."""

    label = "一组“键: 值”"

    def __init__(self, fields: dict, model=None, **kw):
        super().__init__(**kw)
        self.fields = fields
        self.model = model

    def validate(self, value, path, ctx):
        if not isinstance(value, dict):
            ctx.error(path, f"这里应是{self.label}，实际是{kind_of(value)}",
                      "请按示例写成每行一个“键: 值”。")
            return None
        out, broken = {}, set()
        for key in value:
            if key not in self.fields:
                close = difflib.get_close_matches(str(key), list(self.fields), n=3, cutoff=0.5)
                hint = f"是不是想写：{'、'.join(close)}？" if close else \
                    f"可用的键有：{'、'.join(self.fields)}。"
                ctx.error(path + (key,), f"未知的键“{key}”", hint, on_key=True)
        for name, field in self.fields.items():
            if name not in value or value[name] is None:
                if field.required:
                    where = path + (name,) if name in value else path
                    ctx.error(where, f"缺少必填项“{name}”（{field.help or field.describe()}）",
                              f"请添加一行“{name}: …”。")
                    broken.add(name)
                out[name] = field.default() if callable(field.default) else field.default
                continue
            out[name] = field.validate(value[name], path + (name,), ctx)
            if out[name] is None:
                broken.add(name)
        out["_path"] = path
        if broken:
            # Left out of the value (its problems are reported), kept for the checks.
            if self.model is not None:
                ctx.incomplete.append(Incomplete(path, self.model(**out), frozenset(broken)))
            return None
        return self.model(**out) if self.model else out


def first_by(entries, key: str):
    """``(first, repeats)``: each value of the field ``key`` mapped to the first
    entry that has it, and ``(entry, first entry)`` for every later entry with
    the same value -- what a message about a repeated id needs (both lines)."""
    first, repeats = {}, []
    for entry in entries:
        value = getattr(entry, key)
        if value in first:
            repeats.append((entry, first[value]))
        else:
            first[value] = entry
    return first, repeats


def kind_of(value) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "真假值"
    if isinstance(value, (int, float)):
        return "数字"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "“键: 值”组"
    return type(value).__name__


def nearest(name: str, known, n: int = 3) -> str:
    """Hint text listing the known names closest to ``name``."""
    close = difflib.get_close_matches(name, list(known), n=n, cutoff=0.3)
    if not close:
        close = sorted(known)[:n]
    return "、".join(close) or "（无）"


def model(cls):
    """Dataclass decorator for models that keeps the source path."""
    cls = dataclasses.dataclass(cls)
    return cls
