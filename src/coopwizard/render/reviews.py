"""The partners' reviews as people read them in `coop check`: one line per concern, scores, spread, trend.

The data is `Audit.reviews` (sheet/review_summary.py `ReviewSummary`); the JSON is
`sheet.review_summary.summary_data`. Other documents (the agenda, the HTML sheet) start
from the same summary.
"""

from __future__ import annotations

from coopwizard.guide.model import Checklist
from coopwizard.i18n import colon, message
from coopwizard.io.markup import MARKUP, Marks
from coopwizard.sheet.review_summary import ReviewSummary

SCORE_WIDTH = 5


def number(value: float, lang: str) -> str:
    """4.33 -> "4.3" (French: "4,3"); whole numbers without decimals."""
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", ",") if lang == "fr" else text


def signed(value: float, lang: str) -> str:
    if value == 0:
        return "="
    return ("+" if value > 0 else "−") + number(abs(value), lang)


def score_bar(score: float, scale: int) -> str:
    filled = round(SCORE_WIDTH * score / scale) if scale else 0
    return "█" * filled + "░" * (SCORE_WIDTH - filled)


def review_lines(summary: ReviewSummary, checklist: Checklist, lang: str, marks: Marks = MARKUP) -> list[str]:
    """The report's lines on the reviews, indented: Rich markup (user text escaped), or plain text."""
    sep = colon(lang)
    text = marks.text
    lines = [
        f"  {text(message(lang, 'report.reviews'))}{sep}"
        + text(
            message(
                lang,
                "report.reviews_count",
                count=summary.count,
                partners=len(summary.partners),
                date=summary.latest.isoformat(),
            )
        )
    ]
    width = max((len(c.concern.label(lang)) for c in summary.concerns), default=0)
    for concern in summary.concerns:
        label = concern.concern.label(lang).ljust(width)
        parts = [
            f"    {text(label)}  {marks.styled('green', score_bar(concern.score, summary.scale))} "
            f"{number(concern.score, lang)}/{summary.scale}",
            text(message(lang, "report.review_spread", spread=number(concern.spread, lang))),
        ]
        if concern.trend is not None:
            parts.append(text(message(lang, "report.review_trend", trend=signed(concern.trend, lang))))
        line = "  ".join(parts)
        if concern.to_discuss:
            line += f"  {marks.styled('bold magenta', text(message(lang, 'report.review_to_discuss')))}"
        lines.append(line)
    guide = checklist.review
    for criterion in summary.criteria:
        said = []
        for partner, _, rated in criterion.ratings:
            rating = guide.rating(rated.rating) if guide else None
            said.append(f"{rating.label(lang) if rating else rated.rating} ({partner})")
        said_text = message(lang, "report.review_criterion", criterion=criterion.criterion, ratings=", ".join(said))
        lines.append(f"    {text(said_text)}")
    return lines
