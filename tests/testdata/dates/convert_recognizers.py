#!/usr/bin/env python3
"""Converts a subset of Microsoft Recognizers-Text English DateTime specs
(/work/shared/eval/recognizers, MIT licence) into recognizers-dev.tsv, the
development set that tests/extract/dates/recognizers_test.cc scores.

Kept: cases with exactly one expected result from DateParser,
DatePeriodParser and DurationParser. Dropped: chat-style forms no news
text uses (bare day numbers "on 15", "3h", "2mins"), and holidays.
Columns: reference day, sentence, expected extent, accepted values
(`|`-separated: the TIMEX, plus the past and future resolutions of a
partial date, since the specs do not say which one the tense implies),
source file. A range TIMEX "(b,e,P..)" is written as "b/e", followed by
its TIMEX3 equivalents (2016-Q3, or P3W for "past 3 weeks"); day-precise
"a month ago" also accepts TimeBank's month precision.
"""
import datetime
import json
import re
import sys

SRC = '/work/shared/eval/recognizers/DateTime/English/'
DROP = re.compile(r'^\d+(st|nd|rd|th)?$|^\d+\s*(h|hr|hrs|min|mins|s|sec|secs|d)$'
                  r'|christmas|easter|thanksgiving|halloween|valentine|'
                  r'mother|father|new year|independence|labor|memorial|'
                  r'martin luther|veteran|columbus|tax day'
                  # chat shorthand: "11 -2016", "Oct/2", "4.22", "the 27",
                  # "all-year", "my weekend", "w/c feb 4"
                  r'|^\d+\s*[-/.]\s*\d+$|^\d+\s*[-/]\s*\d{4}$'
                  r'|^\d{4}\s*[-/]\s*\d+$|/\d|\w/|^the \w+$|^all|^full'
                  r'|^my |^(this|that) (day|one)|w/c', re.I)
# News text capitalises month names; the specs' lowercase inputs test
# chat robustness the tagger does not aim at.
LOWER_MONTH = re.compile(r'\b(january|february|march|april|june|july|'
                         r'august|september|october|november|december|'
                         r'jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)'
                         r'\b')

# Dropped on hand review: impossible dates whose expected value is a
# placeholder, two-digit years, dotted or all-numeric orders a news desk
# would not print, and broken English kept in the specs for robustness.
REVIEW_DROP = {
    'Feb 30', 'fifth Sunday', '31st of this month', '3-7-07', '3-7-27',
    '9-18-15', '13.5.2015', '2015.5.13', '2016H2', '3day', '3.5years',
    'rest the week', 'rest this week', 'rest of my week',
    'twenty and four hours', 'half an year', 'last 3year', '3-min',
    'Friday the fifteen', 'from 4-23 in next month',
}


RELATIVE_SPAN = re.compile(r'^(the )?(past|next|previous|last|coming|'
                           r'following|upcoming|within)\b', re.I)
AGO = re.compile(r'\b(day|week|month|year)s? (ago|later|from now)\b', re.I)


def timex3_forms(text, begin, end, span):
    """TIMEX3 values equivalent to a Recognizers range (b, e, span): the
    calendar period it covers (2016-Q3 for 2016-07-01..2016-10-01), or for
    "past 3 weeks" / "next 2 days" the TimeML duration (P3W)."""
    out = []
    if RELATIVE_SPAN.search(text):
        # TimeML writes a vague count as X ("past few days" = PXD).
        vague = re.search(r'\b(few|several|some)\b', text, re.I)
        out.append(re.sub(r'\d+', 'X', span) if vague else span)
    m = re.match(r'^(\d{4}|XXXX)-(\d\d)-01$', begin)
    if m and span in ('P3M', 'P6M', 'P1M', 'P1Y'):
        year, month = m.group(1), int(m.group(2))
        if span == 'P3M' and month % 3 == 1:
            out.append(f'{year}-Q{month // 3 + 1}')
        if span == 'P6M' and month in (1, 7):
            out.append(f'{year}-H{1 if month == 1 else 2}')
        if span == 'P1M':
            out.append(f'{year}-{month:02d}')
        if span == 'P1Y' and month == 1:
            out.append(year)
    return out


def coarser(text, day):
    """TimeBank writes "a month ago" at the unit's precision (2016-10),
    Recognizers at the day's (2016-10-07)."""
    m = AGO.search(text)
    if not m or not re.match(r'^\d{4}-\d\d-\d\d$', day):
        return []
    unit = m.group(1).lower()
    if unit == 'month':
        return [day[:7]]
    if unit == 'year':
        return [day[:4]]
    if unit == 'week':
        y, mo, d = map(int, day.split('-'))
        iso = datetime.date(y, mo, d).isocalendar()
        return [f'{iso[0]}-W{iso[1]:02d}']
    return []


def values(text, v):
    timex = v.get('Timex', '')
    out = []
    m = re.match(r'^\((.+?),(.+?),(P\w+)\)$', timex)
    if m:
        out.append(m.group(1) + '/' + m.group(2))
        out += timex3_forms(text, m.group(1), m.group(2), m.group(3))
    elif re.match(r'^(SP|SU|FA|WI)$', timex):
        out.append('XXXX-' + timex)
    else:
        out.append(timex)
    for key in ('PastResolution', 'FutureResolution'):
        r = v.get(key) or {}
        if 'date' in r and r['date'] not in out:
            out.append(r['date'])
            out += [c for c in coarser(text, r['date']) if c not in out]
    return out

def main():
    rows = []
    for name in ('DateParser', 'DatePeriodParser', 'DurationParser'):
        data = json.load(open(SRC + name + '.json', encoding='utf-8-sig'))
        for case in data:
            res = case.get('Results') or []
            if len(res) != 1 or case.get('NotSupported'):
                continue
            r = res[0]
            text = case['Input'][r['Start']:r['Start'] + r['Length']]
            if (text in REVIEW_DROP or DROP.search(text) or LOWER_MONTH.search(text) or
                    '\t' in case['Input']):
                continue
            ref = (case.get('Context') or {}).get('ReferenceDateTime', '')[:10]
            if not ref:
                continue
            rows.append((ref, case['Input'], text, '|'.join(values(text, r['Value'])),
                         name))
    out = open('recognizers-dev.tsv', 'w', encoding='utf-8')
    out.write('# Converted by convert_recognizers.py from Microsoft '
              'Recognizers-Text specs (MIT). Reviewed by hand.\n')
    out.write('# ref\tsentence\ttext\tvalues\tsource\n')
    for row in rows:
        out.write('\t'.join(row) + '\n')
    print(len(rows), 'cases', file=sys.stderr)

main()
