"""The footer of every page (render.site_footer): the office's lines from
mkdocs.yml and the date of the last change, in China's time zone."""

from __future__ import annotations

import datetime

from reports.render import site_footer

UTC = datetime.timezone.utc


def at(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_the_office_runs_the_site_unless_a_sponsor_is_given():
    office = {"name": "示例区示例办公室", "short_name": "示例办"}
    assert site_footer.footer({"office": office}, at("2024-03-01T00:00")).lines == (
        ("主办单位", "示例区示例办公室"),)
    given = dict(office, sponsor="示例区人民政府", address="示例路1号", contact="022-12345678")
    assert site_footer.footer({"office": given}, at("2024-03-01T00:00")).lines == (
        ("主办单位", "示例区人民政府"), ("地址", "示例路1号"), ("联系方式", "022-12345678"))


def test_empty_and_missing_fields_are_left_out():
    footer = site_footer.footer({"office": {"name": "办", "address": "  ", "contact": None}}, at("2024-03-01T00:00"))
    assert footer.lines == (("主办单位", "办"),)
    assert site_footer.footer({}, at("2024-03-01T00:00")).lines == ()
    html = site_footer.html(site_footer.footer({}, at("2024-03-01T00:00")))
    assert "主办单位" not in html and "site-footer__office" not in html


def test_the_date_is_the_day_in_china():
    # 16:30 UTC on 31 December is half past midnight on 1 January in Beijing.
    assert site_footer.footer({}, at("2023-12-31T16:30")).updated == datetime.date(2024, 1, 1)
    assert site_footer.footer({}, at("2023-12-31T15:59")).updated == datetime.date(2023, 12, 31)


def test_the_footer_is_escaped_markup():
    footer = site_footer.footer({"office": {"name": "办<b>", "contact": '电话"&'}}, at("2024-03-01T00:00"))
    html = site_footer.html(footer)
    assert '<span class="site-footer__item">主办单位：办&lt;b&gt;</span>' in html
    assert "联系方式：电话&#34;&amp;" in html
    assert '更新日期：<time datetime="2024-03-01">2024年3月1日</time>' in html
    assert html.__html__() == str(html)  # markup: the theme prints it as it is
