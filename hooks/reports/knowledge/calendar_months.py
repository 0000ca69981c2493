"""Campaigns ordered as a calendar: by month, unknown months last."""

from __future__ import annotations

MONTHS = "一二三四五六七八九十"


def month_label(month) -> str:
    if month is None:
        return "日期待核实"
    return (MONTHS[month - 1] if month <= 10 else "十" + MONTHS[month - 11]) + "月"


def by_month(campaigns) -> list:
    """[(month or None, [campaign, …]), …] in calendar order, catalogue order within."""
    groups = {}
    for campaign in campaigns:
        groups.setdefault(campaign.month, []).append(campaign)
    return sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or 0))
