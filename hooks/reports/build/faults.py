"""What to tell an editor when the machine, not the project, makes a build fail.

The output folder is a file, read-only or on a full disk: MkDocs raises the
``OSError`` from deep inside its build and prints a Python traceback, which
tells a clerk nothing.  ``message`` turns the error into one Chinese
sentence naming the path and what to do.
"""

from __future__ import annotations

import errno
import os

READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}
FULL = {errno.ENOSPC, errno.EDQUOT}
NOT_A_FOLDER = {errno.ENOTDIR, errno.EEXIST, errno.EISDIR}


def message(error: OSError, cwd: str | None = None) -> str:
    path = str(error.filename or "")
    cwd = os.getcwd() if cwd is None else cwd
    if path and os.path.isabs(path) and os.path.commonpath([cwd, path]) == cwd:
        path = os.path.relpath(path, cwd)  # as the editor typed it, under the project
    where = f"“{path}”" if path else "输出目录"
    if error.errno in FULL:
        return f"磁盘空间已满，无法写入{where}：请清理磁盘空间后重新构建。"
    if error.errno in READ_ONLY:
        return f"无法写入{where}：没有写入权限，或磁盘是只读的。请换一个可写的输出目录（-d 目录），或请管理员开放权限。"
    if error.errno in NOT_A_FOLDER:
        return f"{where}应是文件夹，但那里有一个同名的文件（或路径中某一级不是文件夹）：请删除或改名该文件后重新构建。"
    if error.errno == errno.ENOENT:
        return f"找不到{where}（或它所在的文件夹不能创建）：请检查输出目录的路径后重新构建。"
    return f"读写{where}时出错（{error.strerror or error}）：请检查磁盘和目录后重新构建。"
