"""Machine faults become one Chinese sentence naming the path (reports.build.faults)."""

from __future__ import annotations

import errno
import os

import pytest

from reports.build import faults

CASES = [
    (errno.ENOSPC, "磁盘空间已满，无法写入“site/2023/index.html”：请清理磁盘空间后重新构建。"),
    (errno.EDQUOT, "磁盘空间已满，无法写入“site/2023/index.html”"),
    (errno.EROFS, "无法写入“site/2023/index.html”：没有写入权限，或磁盘是只读的。"),
    (errno.EACCES, "无法写入“site/2023/index.html”：没有写入权限"),
    (errno.ENOTDIR, "“site/2023/index.html”应是文件夹，但那里有一个同名的文件"),
    (errno.ENOENT, "找不到“site/2023/index.html”"),
    (errno.EIO, "读写“site/2023/index.html”时出错（"),
]


@pytest.mark.parametrize("code,text", CASES)
def test_each_fault_has_its_message(code, text):
    error = OSError(code, os.strerror(code), "/srv/project/site/2023/index.html")
    assert faults.message(error, cwd="/srv/project").startswith(text)


def test_a_path_outside_the_project_stays_absolute():
    error = OSError(errno.ENOSPC, "x", "/mnt/out/index.html")
    assert "“/mnt/out/index.html”" in faults.message(error, cwd="/srv/project")
