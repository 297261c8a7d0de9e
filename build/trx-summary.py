#!/usr/bin/env python3
"""Print "<passed> <failed> <skipped>" summed over every .trx file under the given directory.

Counts leaf <UnitTestResult outcome=...> elements (a result with <InnerResults>, e.g. a
theory reported as one test case, is only the aggregate of its children).
NotExecuted/Inconclusive are skipped; anything but Passed (Failed, Error, Timeout, ...) fails.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET


def local(tag):
    return tag.rsplit("}", 1)[-1]


passed = failed = skipped = 0
for trx in sorted(pathlib.Path(sys.argv[1]).rglob("*.trx")):
    for el in ET.parse(trx).iter():
        if local(el.tag) != "UnitTestResult":
            continue
        if any(local(c.tag) == "InnerResults" and len(c) for c in el):
            continue
        outcome = el.get("outcome", "")
        if outcome == "Passed":
            passed += 1
        elif outcome in ("NotExecuted", "Inconclusive"):
            skipped += 1
        else:
            failed += 1
print(passed, failed, skipped)
