"""Dates and durations to ISO 8601 at the precision written: "14 March 2024" -> "2024-03-14",
"January 2023" -> "2023-01", "2021" -> "2021", "six months" -> "P6M", "a decade" -> "P10Y",
"15-year" -> "P15Y", "last year" -> the year before the publication date.

One grammar (`date_grammar`: a list of `DateForm`s, each one regex with named groups, built
once per DomainData from dates.yaml and numbers.yaml) both reads a phrase here and finds dates
in text for the DATE recogniser, so the two cannot diverge.

Pure functions; unknown -> None. Missing parts are never filled with today's date.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from pipeline.domain import DomainData, default_domain
from pipeline.normalise.numbers import parse_number
from pipeline.patterns import alternation, first_letters_guard, number_pattern, small_number_pattern, year_pattern


@functools.cache
def date_tables(domain: DomainData) -> dict:
    """Month names, duration units, relative expressions and the year pattern from configs."""
    data = domain["dates"]
    return {
        "months": data["months"],
        "units": data["duration_units"],
        "plurals": {k.lower(): v for k, v in data["duration_unit_plurals"].items()},
        "relative": {k.lower(): v for k, v in data["relative"].items()},
        "month_relative": {k.lower(): int(v) for k, v in data["month_relative"].items()},
        "year_re": year_pattern(domain),
    }


@dataclass(frozen=True)
class DateForm:
    """One way of writing a date: a regular expression with named groups (`year`, `month`,
    `day`, `offset`, `decade`, `n`, `unit`, `relative`), how a match becomes ISO 8601 (`read`,
    a key of `_READERS`) and whether the recogniser looks for the form in running text (the
    others are read when given, e.g. "mid-2020", "2024-03", or found by `month_alone`)."""

    name: str
    pattern: str
    read: str
    found: bool = True


@dataclass(frozen=True)
class DateGrammar:
    """Every date form of a domain, once: `parsers` reads a whole phrase (the first form that
    matches it, without case), `finder` finds the found forms in text (case as written, the
    first form that matches at a position; a match's `lastgroup` is the form's name), `month_alone` a month named after a cue word
    ("in May") or a shift word ("last May")."""

    forms: tuple[DateForm, ...]
    parsers: tuple[tuple[DateForm, re.Pattern], ...]
    finder: re.Pattern
    month_alone: re.Pattern


def _pieces(domain: DomainData, finding: bool) -> dict[str, str]:
    """The parts date forms are written with, from dates.yaml and numbers.yaml.
    Three are narrower when `finding` in running text than when reading a phrase given as a
    date: a month without a year is found only written in full ("14 March", not "14 Mar"),
    "a" + unit only for `duration_article_units` ("a decade", not "a year"), and the count of
    a duration only in digits or a number word below a hundred ("two hundred years" is read)."""
    dates = domain["dates"]
    # digits not inside a larger number ("7,500 day/night cameras" holds no "500 day")
    count = rf"(?:(?<![\d.,])\d+|{small_number_pattern(domain)})" if finding else number_pattern(domain, hyphen_after=True)
    # a month as written in a sentence, or in a heading or a contract's terms in capitals ("JUNE 30, 2025")
    month = alternation([form for m in dates["months"] for form in (m.capitalize(), m.upper()) if len(m) > 3 or form == m.capitalize()])
    full_month = alternation([form for m in dates["months"] for form in (m.capitalize(), m.upper())
                              if len(m) > 3 or form == "May"])  # not "MAY" in capitals: the verb
    return {
        "month": month,
        "full_month": full_month,
        "yearless_month": rf"(?P<month>{full_month})" if finding else rf"(?P<month>{month})\.?",
        "day": r"(?P<day>\d{1,2})(?:st|nd|rd|th)?",
        "year": rf"(?P<year>{year_pattern(domain)})",
        "decade": alternation({str(y)[:3] for y in range(*dates["year_range"])}),
        "count": count,
        "count_or_article": rf"(?:{count}|(?i:an?))",
        "unit": alternation([*dates["duration_units"], *dates["duration_unit_plurals"]]),
        "capital_unit": alternation([u.capitalize() for u in dates["duration_units"]]),  # "10-Year"
        "article_unit": alternation(dates["duration_article_units"] if finding else dates["duration_units"]),
        "leads": alternation(dates["duration_lead_words"], "i"),
        "age_after": alternation(dates["age_after_duration"], "i"),  # "a 17-year-old" is an age
        "firsts": alternation(dates["duration_first_words"], "i"),
        "relative": alternation(dates["relative"], "i"),
        "month_relative": alternation(dates["month_relative"], "i"),
        "year_parts": alternation(dates["year_parts"], "i"),
        "month_alone_cues": alternation(dates["month_alone_cues"], "i"),
    }


def _forms(p: dict[str, str]) -> tuple[DateForm, ...]:
    """The date forms, in the order they are tried: at one position of a text the first form
    that matches wins, so longer forms come before their parts ("14 March 2024", "14 March")."""
    month, yearless_month, day, year = rf"(?P<month>{p['month']})\.?", p["yearless_month"], p["day"], p["year"]
    unit = rf"(?P<unit>{p['unit']})s?"
    return (
        DateForm("relative", rf"(?P<relative>{p['relative']})(?![\w])", "relative"),  # "last year"
        DateForm("iso", r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d])", "calendar"),
        # "\d\d?", not "\d{1,2}": a pattern starting with a digit class lets re skip to the digits
        DateForm("numeric_dmy", rf"(?P<day>\d\d?)(?P<sep>[/.])(?P<month>\d{{1,2}})(?P=sep){year}",
                 "numeric"),  # 12/03/2022, day first
        DateForm("numeric_ymd", rf"{year}/(?P<month>\d{{1,2}})/(?P<day>\d{{1,2}})(?![\d/])", "numeric"),
        DateForm("decade", rf"(?:(?i:the)\s+)?(?P<decade>{p['decade']})0s(?![\w])", "decade"),  # the 1990s
        DateForm("dmy", rf"{day}\s+(?:of\s+)?{month},?\s+{year}", "calendar"),
        DateForm("mdy", rf"{month}\s+{day},?\s+{year}", "calendar"),
        DateForm("my", rf"{month},?\s+(?:of\s+)?{year}", "calendar"),
        # "June of next year", "March of last year"
        DateForm("month_of_year", rf"{yearless_month}\s+(?:of\s+)?(?P<offset>{p['month_relative']})\s+year(?![\w])", "calendar"),
        DateForm("dm", rf"{day}\s+(?:of\s+)?{yearless_month}(?![\w])", "calendar"),
        DateForm("md", rf"{yearless_month}\s+{day}(?![\d\w])", "calendar"),
        DateForm("ago", rf"(?P<n>{p['count_or_article']})\s+{unit}\s+ago(?![\w])", "ago"),
        DateForm("stretch", rf"(?:(?i:the)\s+)?(?:{p['leads']}|{p['firsts']}(?=\s+{p['count']}\s))\s+"
                            rf"(?:(?P<n>{p['count']})\s+)?{unit}(?![\w])", "duration"),  # the past five years
        # six months, 15-year, "10-Year", "three (3) years", a decade
        DateForm("duration", rf"(?:(?P<n>{p['count']})(?:[ ]\(\d+\))?[ \u2010\u2011-]|(?i:an?)\s+(?={p['article_unit']}(?![\w])))"
                             rf"(?:{unit}|(?P<capital>{p['capital_unit']})s?)(?:[ -]long)?(?![\w]|{p['age_after']})", "duration"),
        DateForm("year", rf"{year}(?![\w%])", "calendar"),
        DateForm("year_month", r"(?P<year>\d{4})-(?P<month>\d{2})", "calendar", found=False),
        DateForm("year_part", rf"{p['year_parts']}[- ]?{year}", "calendar", found=False),  # mid-2020
        DateForm("month", rf"(?:(?P<offset>{p['month_relative']})\s+)?{yearless_month}", "calendar", found=False),
    )


@functools.cache
def date_grammar(domain: DomainData) -> DateGrammar:
    """The date forms of `domain`, compiled once to read a phrase and to find dates in text."""
    forms = _forms(_pieces(domain, finding=False))
    finding = _pieces(domain, finding=True)
    found = [form for form in _forms(finding) if form.found]
    month = next(form for form in _forms(finding) if form.name == "month")
    month_alone = (rf"(?<![\w-])(?:{finding['month_alone_cues']}\s+(?={finding['full_month']})"
                   rf"|(?={finding['month_relative']}\s))(?:{month.pattern})(?![\w])(?!,?\s+\d)")
    # every form starts with a digit or one of its words: most positions fail at one or two tests
    guard = first_letters_guard(_first_words(domain), digits=True, behind=r"(?<![\w$€£¥])", every_case=True)
    finder = rf"{guard}(?:{'|'.join(f'(?P<{form.name}>{_own_groups(form)})' for form in found)})"
    return DateGrammar(forms=forms, parsers=tuple((form, re.compile(form.pattern, re.I)) for form in forms),
                       finder=re.compile(finder), month_alone=re.compile(month_alone))


def _first_words(domain: DomainData) -> list[str]:
    """Every word a found date form can start with (the others start with a digit): month names,
    relative expressions, the words before a duration, number words, "the", "a" and "an"."""
    dates, numbers = domain["dates"], domain["numbers"]
    return [*dates["months"], *dates["relative"], *dates["duration_lead_words"], *dates["duration_first_words"],
            *numbers["units"], *numbers["tens"], "the", "a", "an"]


def _own_groups(form: DateForm) -> str:
    """The form's pattern ready to join with the others: its groups unnamed (finding needs only
    the span), a group referred back to renamed `<form>_<group>`."""
    referenced = set(re.findall(r"\(\?P=(\w+)\)", form.pattern))
    pattern = re.sub(r"\(\?P<(\w+)>",
                     lambda m: f"(?P<{form.name}_{m[1]}>" if m[1] in referenced else "(?:", form.pattern)
    return re.sub(r"\(\?P=(\w+)\)", rf"(?P={form.name}_\1)", pattern)


def parse_iso(value: str | None) -> tuple[int, int | None, int | None] | None:
    """'2024-03-14' -> (2024, 3, 14); '2024-03' -> (2024, 3, None); '2024' -> (2024, None, None)."""
    if not isinstance(value, str):
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def format_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO 8601 at the given precision, or None when the parts are not a real date."""
    try:
        dt.date(year, month or 1, day or 1)
    except (ValueError, TypeError):
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _shift(published: tuple, unit: str, amount: int) -> str | None:
    """The publication date moved by `amount` units, at that unit's precision."""
    year, month, day = published
    if unit == "year":
        return format_date(year + amount)
    if unit == "month" and month:
        index = year * 12 + (month - 1) + amount
        return format_date(index // 12, index % 12 + 1)
    if unit == "day" and month and day:
        return (dt.date(year, month, day) + dt.timedelta(days=amount)).isoformat()
    if unit == "week" and month and day:
        iso_year, week, _ = (dt.date(year, month, day) + dt.timedelta(weeks=amount)).isocalendar()
        return f"{iso_year:04d}-W{week:02d}"  # ISO 8601 week date
    return None


def _duration(number_text: str | None, unit: str, domain: DomainData) -> str | None:
    designator, multiplier = date_tables(domain)["units"][unit]
    if not number_text or number_text.lower() in ("a", "an"):
        amount = 1.0
    else:
        amount = parse_number(number_text, domain)
    if amount is None or amount <= 0:
        return None
    total = amount * multiplier
    if total != int(total):
        return None
    return f"P{int(total)}{designator}"


def parse_date(text: str, published: str | None = None, domain: DomainData | None = None) -> str | None:
    """The ISO 8601 date or duration a date mention stands for, or None when unknown."""
    if not isinstance(text, str):
        return None
    return _parse_date(text, published if isinstance(published, str) else None, domain or default_domain())


@functools.lru_cache(maxsize=65536)
def _parse_date(text: str, published: str | None, domain: DomainData) -> str | None:
    """`parse_date` of a string, remembered: a corpus writes the same dates again and again.
    The first form of the grammar that matches the whole phrase reads it; else dateparser."""
    phrase = " ".join(text.split())
    for form, pattern in date_grammar(domain).parsers:
        match = pattern.fullmatch(phrase)
        if match:
            return _READERS[form.read](match.groupdict(), phrase, parse_iso(published), domain)
    return written_date(phrase, domain)


def _read_relative(parts: dict, phrase: str, published: tuple | None, domain: DomainData) -> str | None:
    """ "last year", "the past decade": an offset from publication, or a duration."""
    unit, amount = date_tables(domain)["relative"][parts["relative"].lower()]
    if unit == "P":
        return f"P{amount}"
    return _shift(published, unit, int(amount)) if published else None


def _read_calendar(parts: dict, phrase: str, published: tuple | None, domain: DomainData) -> str | None:
    """A year, month and day as written; a missing year is the publication's ("14 March")."""
    tables = date_tables(domain)
    month = parts.get("month")
    if month is not None and not month.isdigit():
        month = tables["months"].get(month.lower())
    year = int(parts["year"]) if parts.get("year") else (published[0] if published else None)
    if year is None:
        return None
    year += tables["month_relative"].get((parts.get("offset") or "").lower(), 0)
    return format_date(year, int(month) if month else None, int(parts["day"]) if parts.get("day") else None)


def _read_decade(parts: dict, phrase: str, published: tuple | None, domain: DomainData) -> str | None:
    return parts["decade"]  # ISO 8601 reduced precision: "199" is the 1990s


def _read_ago(parts: dict, phrase: str, published: tuple | None, domain: DomainData) -> str | None:
    """ "two years ago": publication moved back, at the unit's precision."""
    amount = parse_number(parts["n"], domain)
    unit = _unit(parts, domain)
    if not published or amount is None or unit not in ("year", "month", "day"):
        return None
    return _shift(published, unit, -int(amount))


def _read_duration(parts: dict, phrase: str, published: tuple | None, domain: DomainData) -> str | None:
    """A duration's length; none for a stretch in the plural without a number ("the coming years")."""
    written = (parts.get("unit") or parts["capital"]).lower()
    plural = written in date_tables(domain)["plurals"] or phrase.lower().rstrip().endswith(written + "s")
    if not parts.get("n") and plural:
        return None
    return _duration(parts.get("n"), _unit(parts, domain), domain)


def _unit(parts: dict, domain: DomainData) -> str:
    """The duration unit matched, singular ("centuries" -> "century")."""
    unit = (parts.get("unit") or parts["capital"]).lower()
    return date_tables(domain)["plurals"].get(unit, unit)


def _read_numeric(parts: dict, phrase: str, published: tuple | None, domain: DomainData) -> str | None:
    """A date in digits, day before month ("12/03/2022"), or month first when the second number
    is past 12 ("12/20/2020"), as dateparser reads them; anything else, e.g. a month 0, is left
    to dateparser (which is slow to load: most runs never need it)."""
    day, month = int(parts["day"]), int(parts["month"])
    if month > 12:
        day, month = month, day
    date = format_date(int(parts["year"]), month, day) if min(day, month) >= 1 else None
    return date or written_date(phrase, domain)


_READERS = {"relative": _read_relative, "calendar": _read_calendar, "decade": _read_decade,
            "ago": _read_ago, "duration": _read_duration, "numeric": _read_numeric}


def written_date(text: str, domain: DomainData | None = None) -> str | None:
    """Other written dates ("12/03/2022", day first; "2022/03/12") by dateparser's
    DateDataParser, at the precision its `period` gives; None when the year is not written,
    so dateparser never fills missing parts from today's date."""
    if not isinstance(text, str):
        return None
    if not re.search(date_tables(domain or default_domain())["year_re"], text):
        return None
    try:
        data = _date_data_parser().get_date_data(text)
    except Exception:  # dateparser raises on some odd inputs; unknown it is
        return None
    parsed = data.date_obj if data else None
    if parsed is None or str(parsed.year) not in text:
        return None
    if data.period == "year":
        return format_date(parsed.year)
    if data.period == "month":
        return format_date(parsed.year, parsed.month)
    if data.period == "day":
        return format_date(parsed.year, parsed.month, parsed.day)
    return None


@functools.cache
def _date_data_parser():
    import dateparser.date  # slow to import; only needed for the forms the tables above do not read

    settings = {"REQUIRE_PARTS": ["year"], "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY",
                "RETURN_AS_TIMEZONE_AWARE": False,
                "PARSERS": ["timestamp", "custom-formats", "absolute-time"]}
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=4096)
def parse_published(value) -> str | None:
    """A record's or page's publication date in any common form -> 'YYYY-MM-DD' (or coarser)."""
    if value is None:
        return None
    text = str(value).strip()
    if not text or text.lower() in ("nan", "none", "null"):
        return None
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        return format_date(*map(int, iso.groups()))
    written = parse_date(text)
    return written if written and not written.startswith("P") else None
