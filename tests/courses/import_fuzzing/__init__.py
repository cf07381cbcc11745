"""Hundreds of malformed rosters and question files, sent the way users send them.

A roster goes through check_roster (the preview) and, when that passes, import_roster
(the confirmation); a question file through import_questions as a dry run, then for
real. For every file: no exception but the services' own answers, every row written
or none, and each message one of the import's own Vietnamese sentences, never Python's
text. The worst files (bombs, a million rows, the largest damaged files) must be refused
within 10 s and 300 MB: safety limits, so asserted here rather than benchmarked.


The files come from tests/courses/import_mutations/ (seeded, the same on every run)
and from hypothesis (derandomized). helpers.py holds what every module checks a file
with; conftest.py the class and course the files are sent to.
"""
