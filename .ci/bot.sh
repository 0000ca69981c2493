# What the CI jobs that push share (.ci/inbox and .ci/new-year), sourced by
# them after they set JOB (their Chinese name, for messages): which branch
# this is, committing as the CI bot, and pushing with REPORTS_PUSH_TOKEN.
#
#   REPORTS_PUSH_TOKEN      a token with write access to the repository (see
#                           README, "CI 与部署"); never printed, never written
#                           to .git/config: it reaches git as an HTTP header
#                           through the environment, as the checkout's does
#   REPORTS_PUSH_URL        where to push; default: this repository on the
#                           forge (GitLab: CI_SERVER_URL/CI_PROJECT_PATH.git,
#                           Gitea/GitHub: GITHUB_SERVER_URL/GITHUB_REPOSITORY.git)
#   REPORTS_BRANCH          the branch the job runs on, and
#   REPORTS_DEFAULT_BRANCH  the default branch: the Gitea/GitHub workflows set
#                           both; on GitLab its own variables say them
#
# The commit's author is the CI bot unless GIT_AUTHOR_NAME/GIT_AUTHOR_EMAIL
# (and GIT_COMMITTER_*) are set, which git prefers.

fail() {
  echo "${JOB}失败：$*" >&2
  exit 1
}

# BRANCH and DEFAULT_BRANCH, or fail: a job that pushes must know both.
find_branches() {
  BRANCH=${REPORTS_BRANCH:-${CI_MERGE_REQUEST_SOURCE_BRANCH_NAME:-${CI_COMMIT_BRANCH:-}}}
  DEFAULT_BRANCH=${REPORTS_DEFAULT_BRANCH:-${CI_DEFAULT_BRANCH:-}}
  [ -n "$BRANCH" ] || fail "不知道作业运行在哪个分支上（没有 REPORTS_BRANCH，也不是 GitLab 的分支或合并请求流水线）。"
  [ -n "$DEFAULT_BRANCH" ] || fail "不知道默认分支（没有 REPORTS_DEFAULT_BRANCH 或 CI_DEFAULT_BRANCH）。"
  if [ -n "${CI_MERGE_REQUEST_SOURCE_PROJECT_PATH:-}" ] && [ "$CI_MERGE_REQUEST_SOURCE_PROJECT_PATH" != "${CI_PROJECT_PATH:-}" ]; then
    fail "合并请求来自另一个项目（$CI_MERGE_REQUEST_SOURCE_PROJECT_PATH），不能推送到那里；请在本项目中新建分支再上传。"
  fi
}

push_url() {
  if [ -n "${REPORTS_PUSH_URL:-}" ]; then
    printf '%s\n' "$REPORTS_PUSH_URL"
  elif [ -n "${CI_SERVER_URL:-}" ] && [ -n "${CI_PROJECT_PATH:-}" ]; then
    printf '%s/%s.git\n' "${CI_SERVER_URL%/}" "$CI_PROJECT_PATH"
  elif [ -n "${GITHUB_SERVER_URL:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ]; then
    printf '%s/%s.git\n' "${GITHUB_SERVER_URL%/}" "$GITHUB_REPOSITORY"
  else
    fail "不知道推送到哪里：请设置 REPORTS_PUSH_URL（本仓库的 Git 地址）。"
  fi
}

# Commit what is staged, with the message $1.
commit_as_bot() {
  git -c user.name="Reports CI" -c user.email="reports-ci@ci.invalid" -c commit.gpgsign=false \
    commit --quiet --no-verify -m "$1"
}

# Fail, saying what the administrator must set, when there is no token; $1
# says what was not pushed, $2 to which branch, $3 (may be empty) where it
# can still be found.
need_token() {
  [ -z "${REPORTS_PUSH_TOKEN:-}" ] || return 0
  {
    echo "${JOB}失败：没有设置 REPORTS_PUSH_TOKEN，$1没有推送到分支 $2。"
    echo "请 Git 服务器管理员设置 REPORTS_PUSH_TOKEN（一个对本仓库有写权限的令牌），然后重新运行本作业："
    echo "  Gitea：为一个机器人用户生成访问令牌（仓库权限：读写），在仓库的“设置 → Actions → 密钥”中添加密钥 REPORTS_PUSH_TOKEN；"
    echo "  GitLab：新建项目访问令牌（角色 Developer，范围 write_repository），在“设置 → CI/CD → 变量”中添加变量"
    echo "  REPORTS_PUSH_TOKEN（勾选“隐藏”，不勾选“保护”）。"
    echo "详见 README 的“CI 与部署”一节。"
    if [ -n "$3" ]; then echo "$3"; fi
  } >&2
  exit 1
}

# git with the token as an HTTP header: git "$@" against push_url's remote.
git_with_token() {
  local header
  header="Authorization: basic $(printf 'x-access-token:%s' "$REPORTS_PUSH_TOKEN" | base64 | tr -d '\n')"
  GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=http.extraHeader GIT_CONFIG_VALUE_0="$header" git "$@"
}
