"""The commands' argument parser answers in the commands' own Chinese words."""

from __future__ import annotations

import pytest

from reports.commands import cli, importer, new_year

USAGE = "用法：示例命令 YEAR=2024"


def parser():
    made = cli.CommandParser(USAGE, "请指定年份。")
    made.add_argument("year", type=cli.value)
    made.add_argument("project", nargs="?", default="默认")
    return made


def run(argv):
    return parser().run(argv, lambda arguments: (print(arguments.year, arguments.project), 0)[1])


@pytest.mark.parametrize("argv", [["-h"], ["--help"], ["-h", "2024", "x", "y"]])
def test_help_prints_the_usage_on_stdout_and_exits_0(capsys, argv):
    assert run(argv) == 0
    assert capsys.readouterr() == (USAGE + "\n", "")


@pytest.mark.parametrize("argv", [[], [""], ["  "], ["2024", "p", "extra"]])
def test_a_missing_or_extra_argument_prints_the_message_and_the_usage(capsys, argv):
    assert run(argv) == 1
    assert capsys.readouterr() == ("请指定年份。\n" + USAGE + "\n", "")


@pytest.mark.parametrize("argv, out", [
    (["2024"], "2024 默认\n"), ([" 2024 "], "2024 默认\n"), (["-2024"], "-2024 默认\n"),
    (["-x", "-h"], "-x -h\n"), (["--", "--help"], "-- --help\n"), (["--he"], "--he 默认\n")])
def test_only_a_first_help_is_an_option(capsys, argv, out):
    assert run(argv) == 0
    assert capsys.readouterr().out == out


def test_four_digit_year(capsys):
    assert cli.four_digit_year("2024", "make x YEAR=2024") == 2024
    for text in ("24", "２０２４", "-2024", "2024年"):
        with pytest.raises(cli.Exit) as refused:
            cli.four_digit_year(text, "make x YEAR=2024")
        assert refused.value.status == 1
        assert capsys.readouterr().out == (f"年份“{text}”不对：请用半角阿拉伯数字写四位数的年份，"
                                           "例如 make x YEAR=2024。\n未创建任何文件。\n")


def test_new_year_refuses_a_year_that_looks_like_an_option(capsys, tmp_path):
    assert new_year.main(["-x", str(tmp_path)]) == 1
    assert capsys.readouterr().out == ("年份“-x”不对：请用半角阿拉伯数字写四位数的年份，"
                                       "例如 make new-year YEAR=2024。\n未创建任何文件。\n")


def test_import_takes_a_file_name_that_looks_like_an_option(capsys, tmp_path):
    assert importer.main(["-报告.txt", "2022", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"[错误] {tmp_path} 不是报告库的项目目录"), out
    (tmp_path / "docs").mkdir()
    (tmp_path / "data" / "years").mkdir(parents=True)
    assert importer.main(["-报告.txt", "2022", str(tmp_path)]) == 1
    assert "找不到要导入的文件“-报告.txt”" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["data", "docs", "years"]
