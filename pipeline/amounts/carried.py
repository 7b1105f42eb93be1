"""QUANTITY whose counted noun is written before the number, not after it: a list's parts ("600
cameras (450 in Accra, 150 in Kumasi)"), a clause or sentence carrying on ("Kent bought 40 cameras,
Medway has 25"), people after a verb done to them ("killed 12 and injured 30"), a label line or table row ("Cameras installed: 4,200", "| Drones | 5 |"), a
count phrase ("the number of victims fell from 108 to 52") and the plural subject of a change
("Robberies fell from 1,200 to 800")."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from pipeline.amounts.predicates import Rejections
from pipeline.amounts.reading import Reading
from pipeline.amounts.scan import NumberScan
from pipeline.domain import DomainData
from pipeline.mention import Mention, sentence_at, sentence_bounds
from pipeline.patterns import Keyed, alternation, number_pattern
from pipeline.spans import Coverage

_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Za-z][a-z]{2,})[ \u00a0]+\Z")
_NOUN_PAIR = re.compile(r"(?<![\w-])([A-Za-z][a-z]{2,})[ \u00a0]+and[ \u00a0]+(?:[a-z]+[ \u00a0]+)??([a-z]{3,})(?![\w-])")
_BRACKET_OPENS = re.compile(r"[ \u00a0]*\([ \u00a0]*")
_BRACKET_CLOSES = re.compile(r"[ \u00a0]*\)")
_OF_BEFORE = re.compile(r"(?<![\w])(?i:of)[ \u00a0]+\Z")
_THE_BEFORE = re.compile(r"(?<![\w])(?i:the)[ \u00a0]+\Z")
_ROW_NOUN = re.compile(r"[\d][\d,.]*[ \t]+(?P<noun>[A-Za-z]+)")  # a sibling row's counted noun ("2019 - 21 Cameras")
_CAPITALS_LABEL = re.compile(r"[ \t]*[A-Z]{2,}\b")
# a number opening a line (or after a colon or two spaces, a list flattened): "1." or "2)" numbers a list
_LIST_MARKER = re.compile(r"(?:\A|\n|:|[ \t]{2})[ \t]*\Z")
_CHAINAGE = re.compile(r"\+[ \u00a0]*\Z")  # "Km 104 + 800"
_OPENING = re.compile(r"\([^()]*\Z")  # an open parenthesis before a number, not closed since
# a number after another (no year: "in 2019 and 1,500 in 2020") and a list joiner: "Units 2 and 3",
# "Cristina 4, 5, 6, and 7"
_APPOSED_BEFORE = re.compile(r"(?<![\w-])(?P<noun>[a-z]{3,})(?P<open>,|[ \u00a0]\()[ \u00a0]*\Z")  # "passengers, " "airlines ("
_APPOSED_AFTER = re.compile(r"[ \u00a0]*[,)]")
_NUMBER_LIST = re.compile(r"(?<![\d,.])(?:\d{1,3}|\d{5,})[ \u00a0]*(?:,[ \u00a0]*(?:(?:and|or)[ \u00a0]+)?|&[ \u00a0]*|(?<![\w])(?:and|or)[ \u00a0]+)\Z")
_LABEL_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_PLACED = re.compile(r"[ \u00a0]+(?:in|at)[ \u00a0]+(?:the[ \u00a0]+)?[A-Z]")  # "380 in Pánuco"
# "Kent bought 40, Medway 25", "1,800 cameras and Mombasa 600": a name listed before the number, after
# a count or its noun (not after another name: "Thuong Dinh, Vanh Dai 3")
_LISTED_NAME = re.compile(r"(?:\d|[a-z]{3})[ \u00a0]*(?:,|(?<![\w])and)[ \u00a0]+(?P<name>[A-Z][a-z]+(?:[ \u00a0][A-Z][a-z]+)?)[ \u00a0]+\Z")


class CarriedCountStep:
    """Proposes a count at a number that counts nothing written after it, with the noun of the
    nearest count, count phrase, label or plural technology before it in its sentence or the one
    before (same paragraph)."""

    def __init__(self, domain: DomainData, reading: Reading, rejections: Rejections):
        self.reading, self.rejections = reading, rejections
        numbers = domain["numbers"]
        carried = numbers["carried_counts"]
        self.factor_word = numbers["factor_word"]
        self.sentences_back = int(carried["sentences_back"])
        punctuation = "".join(re.escape(c) for c in carried["punctuation"])
        self.bare_end = re.compile(
            rf"[ \t]*(?:[{punctuation}|]|\Z|{alternation(carried['followers'], 'i')}(?![\w])"
            rf"|[a-z]+(?:{alternation(numbers['not_noun_endings'])})(?![\w])"
            rf"|{alternation(numbers['abbreviated_containers'])}\.?(?![\w]))")  # "450 Nos." (as written: not "PCs")
        # a number followed by another, at most a joiner between, is a range's or a list's end
        # ("between 12 and 15 years", "Cristina 4, 5, 6"): the other one tells what it counts
        self.next_number = re.compile(rf"[ \u00a0]*(?:[-\u2013,&]|(?i:to|and|or)(?![\w]))?[ \u00a0]*(?:{number_pattern(domain)})")
        # a whole fronted before a sentence's count, a partitive word and a determiner opening it:
        # "Of the adults, 545 were", "Among these firms, 13 reported"
        self.fronted_whole = re.compile(
            rf"(?:^|(?<=[.!?\n])[ \u00a0]*){alternation(numbers['partitive_words'], 'i')}[ \u00a0]+"
            rf"{alternation(numbers['partitive_determiners'], 'i')}[ \u00a0]+(?:[a-z-]+[ \u00a0]+){{0,2}}?(?P<noun>[a-z]{{3,}}),[ \u00a0]*\Z")
        self.measure_before = re.compile(rf"(?<![\w])(?i:{alternation(numbers['measure_units'])})[ \u00a0]\Z")
        qualifiers = [word for words in numbers["qualifiers"].values() for word in words]  # "killed at least 12"
        self.person_verb = re.compile(rf"(?<![\w]){alternation(carried['person_verbs'], 'i')}[ \u00a0]+"
                                      rf"(?:{alternation(qualifiers, 'i')}[ \u00a0]+)?\Z")
        self.person_unit = carried["person_unit"]
        self.person_passive = re.compile(rf"[ \u00a0]+{alternation(carried['passive_auxiliaries'], 'i')}[ \u00a0]+"
                                         rf"(?:{alternation(carried['fate_fillers'], 'i')}[ \u00a0]+)?"
                                         rf"{alternation(carried['person_verbs'], 'i')}(?![\w])")  # "have been confirmed killed"
        self.person_fate = re.compile(rf"[ \u00a0]+(?:{alternation(carried['died_auxiliaries'], 'i')}[ \u00a0]+)?"
                                      rf"{alternation(carried['person_fates'], 'i')}(?![\w])")
        self.person_subject = re.compile(rf"(?<![\w]){alternation(carried['person_subjects'], 'i')}(?![\w])")
        self.people_of = re.compile(rf"(?<![\w]){alternation(carried['people_of'], 'i')}(?:,?[ \u00a0]+[a-z]+){{0,5}}[ \u00a0]+\Z")
        self.copula_subject = re.compile(
            rf"(?P<noun>[A-Za-z][a-z]+)[ \u00a0]+{alternation(carried['copulas'], 'i')}[ \u00a0]+"
            rf"(?:{alternation(carried['copula_fillers'], 'i')}[ \u00a0]+)?(?:{alternation(qualifiers, 'i')}[ \u00a0]+)?\Z")
        self.copula_complement = re.compile(
            rf"[ \u00a0]*(?:\([^()\n]{{1,12}}\)[ \u00a0]*)?{alternation(carried['complement_copulas'], 'i')}[ \u00a0]+"
            rf"(?:{alternation(carried['complement_fillers'], 'i')}[ \u00a0]+)?(?P<noun>[a-z]{{3,}})(?![\w-])")
        self.restated_tolerance = float(carried["restated_tolerance"])
        self.phrase_before = re.compile(rf"(?<![\w]){alternation(carried['count_phrases'], 'i')}[ \u00a0]+")
        self.phrases = Keyed(self.phrase_before, carried["count_phrases"])
        self.change_verb = Keyed(re.compile(rf"(?<![\w]){alternation(carried['change_verbs'], 'i')}(?![\w])"),
                                 carried["change_verbs"])
        self.change_subject = re.compile(
            rf"(?P<noun>[A-Za-z][a-z]+)(?:[ \u00a0]+[a-z]+ed)?(?:[ \u00a0]+{alternation(carried['subject_prepositions'])}[ \u00a0]+"
            rf"[\w'’ \u00a0-]{{1,30}}?)?[ \u00a0]+(?:{alternation(carried['subject_fillers'])}[ \u00a0]+){{0,2}}\Z")
        self.subject_window = int(carried["subject_window"])
        self.measured_subjects = {word.lower() for word in carried["measured_subjects"]}
        self.singular_subjects = {word.lower() for word in carried["singular_subjects"]}
        self.place_units = set(carried["place_units"])
        self.installed_after = re.compile(
            rf"[ \u00a0]+(?:(?:will|would|are|were|is|was|to|have|has|had)[ \u00a0]+)?(?:be[ \u00a0]+|been[ \u00a0]+)?"
            rf"{alternation(carried['installed_verbs'], 'i')}(?![\w])")
        self.installed_not_units = set(carried["installed_not_units"])
        self.object_verb = Keyed(re.compile(rf"(?<![\w]){alternation(carried['object_verbs'], 'i')}(?![\w])"),
                                 carried["object_verbs"])
        heads = alternation(carried["count_heads"], "i")
        self.head_describers = {word.lower() for word in carried["count_head_describers"]}
        self.count_head = re.compile(rf"(?<![\w-])(?P<noun>[A-Za-z][a-z]{{2,}})[ \u00a0]+{heads}(?![\w])")
        self.subject_heads = {head.lower() for head in carried["subject_heads"]}
        # what a noun standing for another may look like after a number, looked at before a noun search
        anaphors = alternation([form for unit in numbers["anaphoric_units"] for form in (unit, unit + "s")], "i")
        self.anaphor_ahead = re.compile(rf"[ \u00a0]+(?:[\w-]+[ \u00a0]+){{0,4}}{anaphors}(?![\w])")
        self.people_anaphor = re.compile(rf"[ \u00a0]+{alternation(numbers['people_anaphors'], 'i')}(?![\w])")
        # "a total of 40", "ticket sales of 39,989", "a rise of 3,900": counts, not measures
        self.phrase_tail = re.compile(
            rf"(?:{alternation(carried['count_phrases'], 'i')}"
            rf"|(?:{heads}|{alternation(carried['change_nouns'], 'i')})[ \u00a0]+of)[ \u00a0]+\Z")
        separators = "".join(re.escape(s) for s in carried["label_separators"])
        number = number_pattern(domain)
        self.respective_word = carried["respective_word"]
        self.respectively = re.compile(rf"(?P<first>{number})[ \u00a0]*,?[ \u00a0]+and[ \u00a0]+(?P<second>{number})"
                                       rf"[ \u00a0]*,?[ \u00a0]+{re.escape(self.respective_word)}(?![\w])")
        # "75 wide-body, 219 narrow-body and 10 cargo aircraft": a list item before a count, with
        # at most two lower-case modifiers of its own
        joiners = alternation(carried["list_joiners"], "i")
        self.list_item = re.compile(
            rf"(?P<modifiers>(?:[ \u00a0]+[a-z][\w-]*){{0,2}}?|(?:[ \u00a0]+(?:[A-Z][\w&'’-]*|of)){{1,4}}?)"
            rf"[ \u00a0]*(?:,[ \u00a0]*(?:{joiners}[ \u00a0]+)?|[ \u00a0]+{joiners}[ \u00a0]+)")  # or a name's: "128 NatWest, 30 Ulster Bank branches"
        rows = "".join(re.escape(s) for s in carried["row_separators"])
        self.row = re.compile(rf"[ \t]*[^\n{rows}]{{1,{int(carried['label_max_chars'])}}}?[ \t]+[{rows}][ \t]*")
        self.row_with_number = re.compile(rf"[^\n{rows}]{{1,{int(carried['label_max_chars'])}}}?[ \t]+[{rows}][ \t]*[\d,.]+(?:[ \t]+[A-Za-z]+)?")
        self.row_heading_reach = int(carried["row_heading_reach"])
        self.label = re.compile(
            rf"[ \t]*(?:[-*\u2022][ \t]+)?\|?[ \t]*(?P<label>[^\n{separators}]{{1,{int(carried['label_max_chars'])}}}?)"
            rf"[ \t]*[{separators}][ \t]*(?:[a-z]+[ \t]+|{alternation(qualifiers, 'i')}[ \t]+){{0,3}}")  # "Homes destroyed: At least 1,700"

    def propose(self, scan: NumberScan, found: list[Mention]) -> list[Mention]:
        """The carried counts of the numbers no proposal of `found` and no other mention covers."""
        taken = Coverage([(m.start, m.end) for m in [*found, *scan.others]])
        antecedents: list[tuple[int, str]] | None = None
        carried = self._respectively(scan, taken)
        carried += self._list_items(scan, found, taken)
        carried += self._restated_amounts(scan, found, taken)
        taken = Coverage([(m.start, m.end) for m in [*found, *scan.others, *carried]])
        for start, end in scan.numbers:
            if taken.overlaps(start, end):
                continue
            value = self._clause_end_value(scan.text, start, end) if not self._before_anaphor(scan.text, end) \
                else self.reading.parse_number(scan.text[start:end])
            if value is None or not self._bare(scan.text, start, end, value):
                continue
            unit = self._label_noun(scan.text, start) or self._row_heading_noun(scan.text, start, end) \
                or self._people_of(scan.text, start) or self._people_around(scan.text, start, end) \
                or self._copula_subject(scan.text, start) or self._copula_complement(scan.text, end) \
                or self._apposed(scan.text, start, end) or self._fronted_whole(scan.text, start)
            if not unit:
                if antecedents is None:  # read once per doc, only when a bare number needs them
                    antecedents = self._antecedents(scan, found)
                unit = self._antecedent(scan, (start, end), antecedents, self.reading.has_scale(scan.text[start:end])) \
                    or self._people_anaphor(scan.text, start, end)
            if unit:
                carried.append(self.reading.mention(scan.doc, "QUANTITY", start, end, value,
                                                    "carried_count_rule", unit=unit))
        return carried

    def _respectively(self, scan: NumberScan, taken: Coverage) -> list[Mention]:
        """"cases and deaths rose to 15,064 and 470 respectively": two numbers before
        "respectively" count, in order, the two plural nouns joined by "and" last before them in
        their sentence."""
        found = []
        for pair in self.respectively.finditer(scan.text) if self.respective_word in scan.text else ():
            sentence_start = sentence_at(scan.doc, pair.start())[0]
            nouns = [m for m in _NOUN_PAIR.finditer(scan.text, sentence_start, pair.start())
                     if self.reading.plural_to_singular(m.group(1).lower()) and self.reading.plural_to_singular(m.group(2))]
            numbers = [pair.span("first"), pair.span("second")]
            if not nouns or any(taken.overlaps(*span) for span in numbers):
                continue
            for (start, end), noun in zip(numbers, nouns[-1].groups(), strict=True):
                value = self.reading.parse_number(scan.text[start:end])
                if value is not None:
                    found.append(self.reading.mention(scan.doc, "QUANTITY", start, end, value, "carried_count_rule",
                                                      unit=self.reading.plural_to_singular(noun.lower())))
        return found

    def _list_items(self, scan: NumberScan, found: list[Mention], taken: Coverage) -> list[Mention]:
        """The numbers listed before a count that share its noun: each item with modifiers of its
        own ("75 wide-body, 219 narrow-body and 10 cargo aircraft") or with the count's scale word
        ("200 million, 500 million or even 1 billion households"), walked back from the count."""
        starts = {start: end for start, end in scan.numbers}
        ends = sorted((end, start) for start, end in scan.numbers)
        items = []
        for count in found:
            if not self._shares_its_noun(count, starts):
                continue
            scaled, at = self.reading.has_scale(count.text), count.start
            while (item := self._list_item_before(scan, at, ends, taken, scaled, count.label == "MONEY")) is not None:
                shared = {"currency": count.currency} if count.label == "MONEY" else {"unit": count.unit}
                items.append(self.reading.mention(scan.doc, count.label, item[0], starts[item[0]], item[1],
                                                  "list_item_rule", **shared))
                at = item[0]
        return items

    def _restated_amounts(self, scan: NumberScan, found: list[Mention], taken: Coverage) -> list[Mention]:
        """An amount written again in brackets with another scale word and no currency ("Tk 17.81
        billion (1,781 crore)"): the same currency, when the two values agree within
        `restated_tolerance`."""
        ends = dict(scan.numbers)  # a number of the shared scan at the bracket's opening
        restated = []
        for amount in found:
            opening = _BRACKET_OPENS.match(scan.text, amount.end) if amount.label == "MONEY" and amount.currency else None
            start = opening.end() if opening else -1
            end = ends.get(start)
            if end is None or not _BRACKET_CLOSES.match(scan.text, end) or taken.overlaps(start, end):
                continue
            value = self.reading.parse_number(scan.text[start:end])
            if value and amount.value and abs(value - amount.value) <= amount.value * self.restated_tolerance:
                restated.append(self.reading.mention(scan.doc, "MONEY", start, end, value, "restated_amount_rule",
                                                     currency=amount.currency))
        return restated

    def _shares_its_noun(self, found: Mention, starts: dict[int, int]) -> bool:
        """A count of a noun that is no currency, or a scaled amount whose currency follows the
        number ("102 million and 50 million U.S. dollars"): list items before it share it."""
        if found.label == "QUANTITY":
            return bool(found.unit) and found.source == "count_rule" and found.unit not in self.reading.currency_names
        return found.label == "MONEY" and found.start in starts and self.reading.has_scale(found.text)

    def _list_item_before(self, scan: NumberScan, at: int, ends: list[tuple[int, int]], taken: Coverage,
                          scaled: bool, money: bool = False) -> tuple[int, float] | None:
        """(start, value) of the bare list item right before the number at `at` (`ends`: the
        (end, start) of every number, sorted), or None; an amount's items only by their scale word."""
        text = scan.text
        before = bisect.bisect_left(ends, (at, -1))
        if not before or at - ends[before - 1][0] >= self.reading.windows.qualifier_before:
            return None
        end, start = ends[before - 1]
        joined = self.list_item.fullmatch(text, end, at)
        if not joined:
            return None
        written = text[start:end]
        value = self.reading.parse_number(written)
        parallel = joined.group("modifiers") and not money or scaled and self.reading.has_scale(written)
        if not parallel or value is None or taken.overlaps(start, end) or not self._bare(text, start, end, value):
            return None
        return start, value

    def _before_anaphor(self, text: str, end: int) -> bool:
        """Whether the number ending at `end` counts a noun standing for one before it ("10 new ones")."""
        return bool(self.anaphor_ahead.match(text, end)) and self.reading.noun_after(text, end)[0] in self.reading.anaphoric_units

    def _clause_end_value(self, text: str, start: int, end: int) -> float | None:
        """The value of a whole number without a scale word that ends its clause or is followed by
        a word of `followers`, and by no other number; None for any other number."""
        written = text[start:end]
        value = self.reading.parse_number(written)
        if (value is None or (value != int(value) and not self.reading.has_scale(written))
                or not self.bare_end.match(text, end) or self.next_number.match(text, end)):
            return None  # "from 20 million to 50 million" passengers are no carried count of terminals
        return value

    def _bare(self, text: str, start: int, end: int, value: float) -> bool:
        """Whether the number at start:end counts nothing written after it and is no name, code,
        year, month's day, age, score, list marker or measure ("a population of 4 million")."""
        written = text[start:end]
        noun, plural, _ = self.reading.noun_after(text, end)
        if noun is not None and noun not in self.reading.anaphoric_units \
                and (plural or value == 1 or self.reading.counts_in_singular(noun)):
            return False  # it counts the noun after it ("49 work" counts nothing written after it; "10 new ones" does)
        rejections = self.rejections
        return not (rejections.is_format_name(written) or rejections.is_lone_one(text, start, written, value)
                    or rejections.is_zero_padded(written)
                    or rejections.is_code(text, start, end) and not self._listed_name(text, start)
                    or rejections.is_year(text, start, written, value, plural=False)
                    or rejections.is_month_day(text, start, end)
                    or rejections.is_named_or_scored(text, start, end, value)
                    or self._list_marker(text, start, end) or self._measured(text, start)
                    or bool(_NUMBER_LIST.search(text, max(0, start - 12), start))
                    or self._measure_or_chainage(text, start))

    def _listed_name(self, text: str, start: int) -> bool:
        """A name after a count and a comma or "and" before the number, in a list of counts ("Kent
        bought 40, Medway 25"), not a code word ("and Section 3") nor a name numbered twice."""
        listed = _LISTED_NAME.search(text, max(0, start - self.reading.windows.code_before), start)
        if not listed or listed.group("name").split()[0] in self.rejections.code_words:
            return False
        earlier = text[max(0, listed.start("name") - 200):listed.start("name")]  # "Djiri 1 and Djiri 2"
        return not re.search(rf"{re.escape(listed.group('name'))}[ \u00a0]+\d", earlier)

    def _measure_or_chainage(self, text: str, start: int) -> bool:
        """A number after a unit of measure ("6,000 m 3", a flattened m³) or a plus ("Km 104 + 800")."""
        window = max(0, start - 12)
        return bool(self.measure_before.search(text, window, start) or _CHAINAGE.search(text, window, start))

    @staticmethod
    def _list_marker(text: str, start: int, end: int) -> bool:
        """A number numbering a list: opening a line before "." or ")" ("1. Introduction"), or
        before ")" in a parenthesis of its own or none ("(1) a loan; (2) a grant", "3) a pledge")."""
        after = text[end:end + 1]
        if after == ")":
            return text[start - 1:start] == "(" or not _OPENING.search(text, max(0, start - 40), start)
        return after == "." and bool(_LIST_MARKER.search(text, max(0, start - 20), start))

    def _measured(self, text: str, start: int) -> bool:
        """A number right after "of" that is no count phrase's: it measures the noun before "of"
        ("a speed of 40"), but "a total of 40", "a rise of 3,900" (`change_nouns`) and a place's
        or a body's people ("a population of 1.2 million", "a crowd of 83,761"; `people_of`) count."""
        before = max(0, start - self.reading.windows.qualifier_before)
        return bool(_OF_BEFORE.search(text, before, start)) and not self.phrase_tail.search(text, before, start) \
            and not self.people_of.search(text, before, start)

    def _people_around(self, text: str, start: int, end: int) -> str | None:
        """"The attack killed 12 and injured 30", "an estimated 62,000 were displaced", "where
        11,000 died": a bare number right after a verb done to people (`person_verbs`), or before
        one in the passive or a verb of their fate (`person_fates`), counts people."""
        found = self.person_verb.search(text, max(0, start - self.reading.windows.qualifier_before), start) \
            or self.person_passive.match(text, end) or self.person_fate.match(text, end)
        return self.person_unit if found else None

    def _people_of(self, text: str, start: int) -> str | None:
        """People, for a number after a place's or a body's people and at most five lower-case
        words ("a population of 4 million", "population is estimated to reach 4.1 million",
        "(population 71,000)", "a crowd of 83,761"; `people_of`)."""
        found = self.people_of.search(text, max(0, start - self.reading.windows.qualifier_before), start)
        return self.person_unit if found else None

    def _people_anaphor(self, text: str, start: int, end: int) -> str | None:
        """People, for a number before "others" with no noun before it ("along with 30 others");
        not "the two others", which are of a set named before ("one of the trucks ... the two others")."""
        if not self.people_anaphor.match(text, end) or _THE_BEFORE.search(text, max(0, start - 5), start):
            return None
        return self.person_unit

    def _copula_subject(self, text: str, start: int) -> str | None:
        """"Acme shipments were 22.1 million": the plural noun right before a copula and the number,
        unless it is measured rather than counted ("Prices were 40")."""
        return self._counted_plural(self.copula_subject.search(text, max(0, start - self.subject_window), start))

    def _apposed(self, text: str, start: int, end: int) -> str | None:
        """"The majority of passengers, 632 million, were": a number set off by commas or brackets
        right after the plural noun it counts."""
        before = _APPOSED_BEFORE.search(text, max(0, start - self.subject_window), start)
        closed = _APPOSED_AFTER.match(text, end) if before else None
        return self._counted_plural(before) if closed and (before.group("open") == "(") == (closed.group() == ")") else None

    def _fronted_whole(self, text: str, start: int) -> str | None:
        """"Of the adults, 545 were registered": a number right after a fronted whole counts its
        plural noun."""
        return self._counted_plural(self.fronted_whole.search(text, max(0, start - self.subject_window), start))

    def _copula_complement(self, text: str, end: int) -> str | None:
        """"482 (64%) were children": the plural noun a copula right after the number (a share in
        brackets between) says the number is."""
        return self._counted_plural(self.copula_complement.match(text, end))

    def _counted_plural(self, found: re.Match | None) -> str | None:
        """The unit of the plural in a copula's match (group "noun"), unless it is measured."""
        unit = self._plural_in(found.group("noun")) if found else None
        return unit if unit and unit not in self.measured_subjects else None

    def _label_noun(self, text: str, start: int) -> str | None:
        """The unit of a label line or table row ending right before the number: "Cameras
        installed: 4,200" -> camera, "| Drones | 5 |" -> drone; None when its label counts nothing."""
        line_start = text.rfind("\n", 0, start) + 1
        label = self.label.fullmatch(text, line_start, start)
        return self._plural_in(label.group("label")) if label else None

    def _row_heading_noun(self, text: str, start: int, end: int) -> str | None:
        """The unit of a list row ("A Ward - 25", a number ending its line after a short label and
        a dash or colon): the counted noun of a sibling row ("2019 - 21 Cameras"), else the plural
        of the heading above the list's rows ("Number of Cameras to be installed in each ward."),
        at most `row_heading_reach` rows up or down; a list has another row besides the number's."""
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        label_start = text.rfind("\n", 0, start) + 1
        if text[end:line_end].strip() or not self.row.fullmatch(text, label_start, start) \
                or _CAPITALS_LABEL.match(text, label_start):
            return None  # not a contents page's "VOLUME - 1"
        reach = 3 * self.row_heading_reach  # lines read each way, blank ones too
        above, heading = self._rows(_lines_back(text, label_start, reach))
        below, _ = self._rows(_lines_on(text, line_end + 1, reach))
        rows = above + below
        if not rows:
            return None
        sibling = next((unit for row in rows if (unit := self._counted_plural(_ROW_NOUN.search(row)))), None)
        return sibling or (self._plural_in(heading) if heading is not None else None)

    def _rows(self, lines: Iterator[str]) -> tuple[list[str], str | None]:
        """(the list rows `lines` open with, blank lines skipped, at most `row_heading_reach`; the
        line that ends them, or None)."""
        rows = []
        for line in map(str.strip, lines):
            if not line:
                continue
            if not self.row_with_number.fullmatch(line):
                return rows, line
            rows.append(line)
            if len(rows) >= self.row_heading_reach:
                break
        return rows, None

    def _plural_in(self, words: str) -> str | None:
        """The singular of the first plural word that is no measure, duration or stop word."""
        for word in _LABEL_WORD.findall(words):
            lowered = word.lower()
            singular = self.reading.plural_to_singular(word.split("-")[-1])
            if singular and lowered not in self.reading.unit_stop and not self.rejections.is_not_counted(lowered):
                return singular
        return None

    def _antecedents(self, scan: NumberScan, found: list[Mention]) -> list[tuple[int, str]]:
        """(position, unit) of every noun a later bare number may count, in text order: the
        counts found, the count phrases ("number of victims"), plural technologies ("CCTV
        cameras") and the plural objects of `object_verbs` ("to install cameras")."""
        amounts = Coverage([(m.start, m.end) for m in found if m.label != "QUANTITY"])
        nouns = [(m.start, m.unit, self.reading.has_scale(m.text)) for m in found  # a count inside an amount of money is no count
                 if m.label == "QUANTITY" and m.unit and m.unit != self.factor_word
                 and not amounts.overlaps(m.start, m.end)]
        for phrase in self.phrases.finditer(scan.text):
            noun, plural, _ = self.reading.noun_after(scan.text, phrase.end())
            if noun and plural:
                nouns.append((phrase.start(), noun, True))
        nouns += [(subject.start(), self.person_unit, True) for subject in self.person_subject.finditer(scan.text)]
        named = {m.start for m in scan.others if m.label in ("COUNTRY", "PLACE", "VENDOR")}
        nouns += self._head_modifiers(scan.text, named)
        nouns += self._change_subjects(scan.text)
        for verb in self.object_verb.finditer(scan.text):  # "to install cameras in six regions: 380 in Pánuco"
            noun, plural, _ = self.reading.noun_after(scan.text, verb.end())
            if noun and plural:
                nouns.append((verb.start(), noun, False))
        for mention in scan.others:
            if mention.label == "TECHNOLOGY":
                noun = self._plural_in(mention.text.split()[-1])
                if noun:
                    nouns.append((mention.start, noun, None))  # None: a technology's noun (see `_past_technologies`)
        return sorted(nouns)

    def _head_modifiers(self, text: str, named: set[int]) -> list[tuple[int, str, bool]]:
        """(position, unit) of the noun before a count head ("ticket sales of 39,989", "the medal
        count", "its subscriber base grew to 1,125 million"): what its bare numbers count; a
        name there counts nothing ("Italy counts 2,430": `named`, the starts of names), nor a word
        describing the head ("the highest sales": `count_head_describers`)."""
        nouns = []
        for head in self.count_head.finditer(text):
            noun = head.group("noun").lower()
            if head.start() in named or self.person_subject.match(text, head.start()) or noun in self.reading.unit_stop \
                    or self.rejections.is_not_counted(noun) or noun in self.measured_subjects \
                    or noun.endswith((*self.reading.adjective_endings, *self.reading.not_noun_endings)) \
                    or noun in self.head_describers:
                continue  # "the death toll" counts people; "the military base" counts no soldiers
            nouns.append((head.start(), self.reading.unit_lemma(noun), True))
        return nouns

    def _change_subjects(self, text: str) -> list[tuple[int, str]]:
        """(position, unit) of the plural noun a change verb tells of ("Robberies fell from 1,200
        to 800", "Murders in the city dropped to 150"): its bare numbers count that noun; unit ""
        for a measured one ("Exports rose to 3 billion"), whose numbers count nothing."""
        nouns = []
        for verb in self.change_verb.finditer(text):
            subject = self.change_subject.search(text, max(0, verb.start() - self.subject_window), verb.start())
            window = max(0, verb.start() - self.subject_window)
            if not subject or self.phrase_before.search(text, window, subject.start()) \
                    or self.person_subject.search(text, window, subject.start()):
                continue  # "The number of incidents detected by CCTV cameras rose": the count phrase's noun;
                # "The death toll from Israeli strikes rose": people
            if subject.group("noun").lower() in self.subject_heads:  # "Passenger numbers grew": passengers
                modifier = _WORD_BEFORE.search(text, max(0, subject.start() - self.subject_window), subject.start())
                noun = modifier.group(1).lower() if modifier else ""
                if noun and noun not in self.reading.unit_stop and not self.rejections.is_not_counted(noun) \
                        and not noun.endswith(self.reading.not_noun_endings):  # "monthly sales" count no "monthly"
                    nouns.append((subject.start(), self.reading.unit_lemma(noun), True))
                continue
            noun = subject.group("noun")
            unit = self._plural_in(noun) or (noun.lower() if noun.lower() in self.singular_subjects else None)
            if unit:  # "Subscribers rose to 164.4 million", "Burglary was down 7% to 366,718"; a measured one counts nothing
                nouns.append((subject.start(), "" if unit in self.measured_subjects else unit, True))
        return nouns

    def _antecedent(self, scan: NumberScan, number: tuple[int, int], antecedents: list[tuple[int, str, bool]],
                    scaled: bool = False) -> str | None:
        """The unit of the nearest antecedent before the number within its sentence or the
        `sentences_back` before it, no paragraph break between; a number placed "in <Name>"
        passes over place nouns ("six regions: 380 in Pánuco"), one before a passive of
        installing over people ("home to 1.3 million people; 880 will be deployed"). A scaled number ("96.4 million")
        takes only a count phrase, a people subject or another scaled count of its own sentence ("the
        number of riders was 96.4 million", "417 million subscribers, Airtel 355.8 million"), not an
        unscaled count's noun."""
        start, end = number
        at = bisect.bisect_left(antecedents, (start, ""))
        passed = self.place_units if _PLACED.match(scan.text, end) else set()
        if self.installed_after.match(scan.text, end):  # "880 will be deployed": no people
            passed = passed | self.installed_not_units
        while at and antecedents[at - 1][1] in passed:
            at -= 1
        if not at:
            return None
        bounds = sentence_bounds(scan.doc)
        sentence = max(0, bisect.bisect_right(bounds, (start, len(scan.text))) - 1)
        position, unit, phrase = antecedents[_past_technologies(antecedents, at, bounds[sentence][0]) - 1]
        earliest = bounds[max(0, sentence - (0 if scaled else self.sentences_back))][0]
        if position < earliest or "\n\n" in scan.text[position:start] or scaled and not phrase:
            return None
        return unit or None  # "" marks a measured subject ("exports rose to 3 billion")


def _lines_back(text: str, end: int, limit: int) -> Iterator[str]:
    """The lines before `end` (where a line starts), nearest first, at most `limit` of them."""
    for _ in range(limit):
        if end <= 0:
            return
        start = text.rfind("\n", 0, end - 1) + 1
        yield text[start:end - 1]
        end = start


def _lines_on(text: str, start: int, limit: int) -> Iterator[str]:
    """The lines from `start` (where a line starts) on, at most `limit` of them."""
    for _ in range(limit):
        if start >= len(text):
            return
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def _past_technologies(antecedents: list[tuple[int, str, bool | None]], at: int, sentence_start: int) -> int:
    """Where the antecedent before `at` is read: past technologies' nouns back to a count phrase
    or a counted subject of the same sentence ("The number of incidents detected by CCTV cameras
    rose from 22,498": incidents), else at `at`."""
    back = at
    while back and antecedents[back - 1][2] is None and antecedents[back - 1][0] >= sentence_start:
        back -= 1
    found = back < at and back and antecedents[back - 1][2] and antecedents[back - 1][0] >= sentence_start
    return back if found else at
