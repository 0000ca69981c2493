"""What ``make import`` tells the editor: what it recognised and what is left to do.

Everything the import decided on the editor's behalf -- the encoding, the
addressee, dropped page furniture, parts it could not place, data it
proposes -- is said here, so that it can be checked against the original;
nothing here changes a file.
"""

from __future__ import annotations

import re

from reports.commands.cli import numbered
from reports.model import parts


# Said when the title names another year than the one the import was given;
# ``make inbox`` takes the year from a file name and says so in its own words.
YEAR_MISMATCH = "注意：标题中的年份是 {found} 年，与 YEAR={year} 不一致；如果年份输错了，删除下面的文件后重新运行。"


def summary(plan, year: int, mismatch: str = YEAR_MISMATCH) -> str:
    """What the import recognised, dropped, could not place and proposes."""
    report, source, proposals = plan.report, plan.source, plan.proposals
    out = []
    say = out.append
    m = re.search(r"(\d{4})年", report.title)
    if m and int(m.group(1)) != year:
        say("  " + mismatch.format(found=m.group(1), year=year))
    say("")
    say("识别结果：")
    say(f"  文件编码：{source.encoding}" + (f"。{source.note}" if source.note else ""))
    for line, note in source.notes:
        say(f"  {f'第 {line} 行：' if line else ''}{note}")
    if report.title_line and not report.title_note:
        say(f"  标题：{report.title}（第 {report.title_line} 行）")
    else:
        say(f"  标题：{report.title}（{report.title_note}）")
    if report.letterhead:
        say("  版头（发文机关标志，不作为标题和正文）：" + "、".join(f"{text}（第 {line} 行）"
                                                   for line, text in report.letterhead))
    say(f"  抬头（主送机关）：{report.addressee}（第 {report.addressee_line} 行，放在导语之前）"
        if report.addressee is not None else "  抬头：无")
    _facts(say, plan, year)
    say(f"  导语：{len(report.preamble)} 段")
    say(f"  共 {len(report.parts)} 个部分、{report.count('section')} 个（一）式小标题、"
        f"{report.count('item')} 个编号条目、{report.count('paragraph')} 个其他段落；各部分标题的归类：")
    for part, rel in plan.pages.placements:
        say(f"    {part.heading}（第 {part.line} 行）→ {rel}（{part.how}）："
            f"{part.count('section')} 个小标题、{part.count('item')} 个条目、{part.count('paragraph')} 个段落")
    for kind in plan.pages.missing:
        section = report.leadership_section if kind.slug == "leadership" else None
        if section is not None:
            say(f"    “{kind.short_title}”写在第 {section.line} 行的小标题“{section.text}”之下，没有单独成为一个部分："
                f"没有生成 docs/{year}/{kind.slug}.md，它的表格标记放在该小标题所在的页面")
        else:
            say(f"    原文中没有“{kind.short_title}”部分，没有生成 docs/{year}/{kind.slug}.md"
                f"（它的表格标记放在 docs/{year}/index.md 的末尾）")
    slugs = [part.slug for part in report.placed]
    if slugs != sorted(slugs, key=[kind.slug for kind in parts.PARTS].index):
        say("    注意：各部分在原文中的顺序与规定的顺序不同，全文单页按规定的顺序排列。")
    if report.inline_items:
        say("  段落中“一是……二是……”式的分项（保留在段落之中，没有拆开）：第 "
            + "、".join(str(n) for n in report.inline_items) + " 行")
    if report.notes:
        say("  说明：")
        for line, note in report.notes:
            say(f"    第 {line} 行：{note}")
    say("")
    _listing(say, "删除的版面信息", "（网页或排版中的文字，不属于报告正文）",
             [f"第 {line} 行：{text}" for line, text in sorted(report.dropped)])
    page_of = {id(part): rel for part, rel in plan.pages.placements}
    _listing(say, "未能归类", "", [
        f"{part.heading}（第 {part.line} 行）：{part.reason}；正文没有删除，"
        f"原样接在 {page_of[id(part)]} 的末尾（前面有一行注释），请核实应放在哪个页面"
        for part in report.unplaced])
    _listing(say, "不在学习文件目录中的书名", "（已作为草稿条目添加到学习文件目录，类别是根据书名猜的，"
             "make check 会逐条提示核实）", [
                 f"《{draft.title}》→ {draft.id}（{draft.kind_label}：{draft.why}）：{'、'.join(draft.places)}"
                 for draft in plan.drafts])
    figures, studies = proposals.figures, proposals.studies
    ids = {0: "", 1: "（figure-1"}.get(len(figures), f"（figure-1～figure-{len(figures)}")
    say(f"建议的关键数据（figures）：{len(figures)} 项"
        + (f"{ids}，名称都是“待核实”，写在 data/years/{year}.yml 中）" if figures else ""))
    say(f"建议的学法清单（studies）：{len(studies)} 项"
        + ("（正文中书名号内的、学习文件目录中有的文件，每个段落每个书名一项）" if studies else ""))
    if proposals.dates:
        say("原文中的日期（可能是主要负责人履职事项 actions；人员和事项需要人工填写，没有写成数据）：")
        for date in proposals.dates:
            say(f"  {date.text}：{date.file}:{date.line}（{date.at}）{date.context}")
    if proposals.unanchored:
        say("以下段落没有唯一的位置编号，其中的书名、数字和日期没有写入数据：")
        for rel, line, why in proposals.unanchored:
            say(f"  {rel}:{line}：{why}")
    if plan.page_problems:
        say("页面检查的提示（原文如此的可以忽略）：")
        say("\n".join("  " + p.format().replace("\n", "\n  ") for p in sorted(plan.page_problems)))
    return "\n".join(out)


def _facts(say, plan, year: int) -> None:
    """The metadata lines: what went into the data file, what was only read."""
    report = plan.report
    if not report.facts:
        say("  网页和文件信息（索引号、发布日期等）：无")
        return
    say(f"  网页和文件信息（不作为正文；记入 data/years/{year}.yml 的已注明字段名）：")
    kept = {id(report.fact(field)): field for field in plan.facts}
    for fact in report.facts:
        where = f" → {kept[id(fact)]}" if id(fact) in kept else "（未记入数据）"
        say(f"    第 {fact.line} 行 {fact.label}：{fact.text}{where}")
    for field, fact in plan.facts.items():
        for warning in fact["warnings"]:
            say(f"    注意：{warning}（{field}）")


def _listing(say, name: str, explained: str, rows: list) -> None:
    """``name`` with what it means and one indented line per row, or ``name：无``."""
    if not rows:
        say(f"{name}：无")
        return
    say(f"{name}{explained}：")
    for row in rows:
        say(f"  {row}")


def next_steps(plan, year: int) -> str:
    data_file = f"data/years/{year}.yml"
    steps = [
        f"逐字核对：运行 make serve，把 {year} 年度的各页面与原文逐段对照（导入只去掉了各行首尾的空白和多余的空行，其他改动见上面的说明）。"
        "原文中的错别字不要改，更正记为勘误（errata）。",
    ]
    if plan.report.unplaced:
        steps.append("处理未能归类的部分：把它们移到合适的页面（或保留在原处），并删除说明它们的注释行。")
    if plan.drafts:
        steps.append("核实新书名：data/catalog/documents.yml 末尾添加了上面列出的草稿条目，"
                     "请逐条核实全称、类别（kind）和编号（id），核实后删除 draft: true（删除之前 make check 会逐条提示）；"
                     "本单位的内部文件类别是 internal（本单位文件）。")
    steps.append(f"核实数据：{data_file} 中的关键数据（figures）是根据数字自动提出的，请改写 id 和 label，"
                 "删除不需要的项；学法清单（studies）请核实并补充形式、人员和时间。")
    steps.append("补充数据：宣传活动、主要负责人履职事项" + ("（见上面列出的日期）" if plan.proposals.dates else "")
                 + "、存在不足和下一年度安排（data/README.md 说明了每一项怎么写）。")
    previous = plan.previous
    if previous is not None and previous.meta.plans:
        steps.append(f"填写落实情况：followups 列出了 {previous.year} 年度的 {len(previous.meta.plans)} 条安排，"
                     "状态都是 pending（待填写），请对照报告逐条填写。")
    steps += [
        f"保存原文：把原始文件的正文保存为 data/sources/{year}-report.txt（UTF-8），作为逐字核对的依据。",
        "每次修改后运行 make check 检查，make serve 预览网站（页面上会标明“草稿”）。",
        "核对完成后：把 status 改为 published，填写 published_on 和 versions（第 1 版）；"
        "合并后正文即被锁定，检查以 main 分支上的版本为准（没有 Git 历史的副本才需要运行 make lock）。",
    ]
    return numbered(steps)
