"""The check's problems where Gitea and GitHub Actions show them.

Runs ``python -m reports check`` (what ``make check`` runs) and writes its
problems as a Markdown table

* to the run's summary (``$GITHUB_STEP_SUMMARY``; Gitea ignores it), and
* as a comment on the pull request, when ``CI_COMMENT_TOKEN`` (a secret)
  and ``PR_NUMBER`` are set and there is a problem.  Gitea and GitHub take
  the same request: ``POST {api}/repos/{owner}/{repo}/issues/{n}/comments``.

Gitea shows no line annotations (go-gitea/gitea#23722), so for its editors
the job log, this summary and the comment are where problems appear.

Standard library only: it runs after ``make test`` even when .venv could not
be made.  It never fails the job (the test step does that).
"""

from __future__ import annotations

import html
import json
import os
import pathlib
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
PROBLEM = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<column>\d+): \[(?P<level>[^\]]+)\] (?P<message>.*)$")
HINT = "    提示："
MARKER = "<!-- reports-check -->"  # marks the comments this script writes


def run_check(env=os.environ):
    """``(exit code, output)`` of the check, or ``(None, reason)``."""
    venv = ROOT / ".venv" / "bin" / "python"
    python = str(venv) if venv.exists() else sys.executable
    environment = {k: v for k, v in env.items() if k != "GITHUB_ACTIONS"}  # no ::error lines
    environment["PYTHONPATH"] = str(ROOT / "hooks")
    try:
        result = subprocess.run([python, "-m", "reports", "check", str(ROOT)], capture_output=True,
                                text=True, env=environment, timeout=300)
    except (OSError, subprocess.SubprocessError) as error:
        return None, str(error)
    return result.returncode, result.stdout + result.stderr


def parse(output: str):
    """The problems in the check's output: dicts with file, line, column, level, message, hint."""
    problems = []
    for line in output.splitlines():
        match = PROBLEM.match(line)
        if match:
            problems.append(dict(match.groupdict(), hint=""))
        elif line.startswith(HINT) and problems:
            problems[-1]["hint"] = line[len(HINT):]
    return problems


def cell(text: str) -> str:
    text = html.escape(" ".join(text.split()), quote=False)
    return text.replace("|", "\\|") or " "


def file_link(problem, env) -> str:
    """The problem's line in the forge's file view, or ''."""
    server, repository, sha = (env.get(k, "") for k in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"))
    if not (server and repository and sha):
        return ""
    view = "src/commit" if env.get("GITEA_ACTIONS") == "true" else "blob"
    path = urllib.parse.quote(problem["file"])
    return f"{server.rstrip('/')}/{repository}/{view}/{sha}/{path}#L{problem['line']}"


def markdown(code, output: str, env=os.environ) -> str:
    problems = parse(output)
    lines = [MARKER, "## 数据和页面检查", ""]
    finished = any(line.startswith(("检查通过：", "检查未通过：")) for line in output.splitlines())
    if code not in (0, 1) or not finished:
        lines += ["检查没有运行完（可能是依赖未能安装），请查看作业日志。", "", "```text",
                  *output.strip().splitlines()[-20:], "```"]
        return "\n".join(lines) + "\n"
    errors = sum(p["level"] == "错误" for p in problems)
    if not problems:
        return "\n".join(lines + ["检查通过：数据和页面没有发现错误。"]) + "\n"
    lines.append(f"共发现 {errors} 个错误、{len(problems) - errors} 个警告。"
                 "请按提示修改同一分支上的文件，检查会自动重新运行。")
    lines += ["", "| 位置 | 级别 | 问题 | 提示 |", "| --- | --- | --- | --- |"]
    for problem in problems:
        where = cell(f"{problem['file']} 第 {problem['line']} 行第 {problem['column']} 列")
        link = file_link(problem, env)
        if link:
            where = f"[{where}]({link})"
        lines.append(f"| {where} | {cell(problem['level'])} | {cell(problem['message'])} | {cell(problem['hint'])} |")
    return "\n".join(lines) + "\n"


def comment(body: str, env=os.environ) -> str:
    """Post ``body`` on the pull request; a Chinese line saying what happened."""
    token, number = env.get("CI_COMMENT_TOKEN", ""), env.get("PR_NUMBER", "")
    api, repository = env.get("GITHUB_API_URL", ""), env.get("GITHUB_REPOSITORY", "")
    if not token:
        return "未设置 CI_COMMENT_TOKEN：不评论合并请求。"
    if not (number.isdigit() and api and repository):
        return "不是合并请求（或缺少 GITHUB_API_URL、GITHUB_REPOSITORY）：不评论。"
    url = f"{api.rstrip('/')}/repos/{repository}/issues/{number}/comments"
    request = urllib.request.Request(url, data=json.dumps({"body": body}).encode("utf-8"), method="POST",
                                     headers={"Authorization": f"token {token}",
                                              "Content-Type": "application/json",
                                              "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return f"已评论合并请求 #{number}（HTTP {response.status}）。"
    except (urllib.error.URLError, OSError) as error:
        return f"评论合并请求 #{number} 失败：{error}"


def main(env=os.environ) -> int:
    code, output = run_check(env)
    body = markdown(code, output, env)
    summary = env.get("GITHUB_STEP_SUMMARY", "")
    if summary:
        with open(summary, "a", encoding="utf-8") as f:
            f.write(body.replace(MARKER + "\n", ""))
        print("问题汇总已写入运行摘要。")
    if code != 0:
        print(comment(body, env))
    return 0


if __name__ == "__main__":
    sys.exit(main())
