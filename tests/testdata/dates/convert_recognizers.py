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
source file. A range TIMEX "(b,e,P..)" is written as "b/e".
"""
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


def values(v):
    timex = v.get('Timex', '')
    out = []
    m = re.match(r'^\((.+?),(.+?),(P\w+)\)$', timex)
    if m:
        out.append(m.group(1) + '/' + m.group(2))
    else:
        out.append(timex)
    for key in ('PastResolution', 'FutureResolution'):
        r = v.get(key) or {}
        if 'date' in r and r['date'] not in out:
            out.append(r['date'])
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
            rows.append((ref, case['Input'], text, '|'.join(values(r['Value'])),
                         name))
    out = open('recognizers-dev.tsv', 'w', encoding='utf-8')
    out.write('# Converted by convert_recognizers.py from Microsoft '
              'Recognizers-Text specs (MIT). Reviewed by hand.\n')
    out.write('# ref\tsentence\ttext\tvalues\tsource\n')
    for row in rows:
        out.write('\t'.join(row) + '\n')
    print(len(rows), 'cases', file=sys.stderr)

main()
