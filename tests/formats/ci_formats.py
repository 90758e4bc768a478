#!/usr/bin/python3
"""CI formats: GitHub annotations and Markdown on a generated fabric; every example's SARIF validates against the SARIF 2.1.0 schema
(../shared/data/sarif) and says what the JSON report says; every example's JUnit is well-formed
XML with one testcase per requirement and a failure per violated one.  A malformed design gives
an FL101 result and a JUnit error.
    tests/formats/ci_formats.py FAULTLINE"""
import glob
from html.parser import HTMLParser
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMA = os.path.join(ROOT, "..", "shared", "data", "sarif", "sarif-schema-2.1.0.json")
faultline = sys.argv[1]
os.chdir(ROOT)  # repository-relative paths, as a CI job runs it
with open(SCHEMA) as f:
    schema = json.load(f)
failures = []


def run(*args):
    return subprocess.run([faultline, "check", *args], capture_output=True, text=True)


designs = sorted(glob.glob("examples/**/*.fl", recursive=True)) + ["tests/bad/duplicate-device.fl"]
for design in designs:
    report = json.loads(run("--format", "json", design).stdout)
    sarif_run = run("--format", "sarif", design)
    junit_run = run("--format", "junit", design)
    sarif = json.loads(sarif_run.stdout)
    try:
        jsonschema.validate(sarif, schema)
    except jsonschema.ValidationError as e:
        failures.append(f"{design}: SARIF does not validate: {e.message} at {list(e.absolute_path)}")
    results = sarif["runs"][0]["results"]
    d = report["designs"][0]
    want = sum(len(q["violations"]) for q in d["requirements"] if q["status"] == "violated")
    got = sum(1 for r in results if r["ruleId"] == "FL001")
    if got != want:
        failures.append(f"{design}: {got} FL001 results, the JSON report has {want} violating sets")
    for r in results:
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        if uri != design:
            failures.append(f"{design}: result points at {uri}")
        if r["ruleId"] == "FL001" and "relatedLocations" not in r and "no fault" not in r["message"]["text"]:
            failures.append(f"{design}: a violation without related locations for its events")
    # Code scanning matches alerts across runs by partialFingerprints: one per violating set,
    # distinct within the run, the same in a second run.
    prints = [r.get("partialFingerprints", {}).get("faultlineSet/v1") for r in results
              if r["ruleId"] == "FL001"]
    if None in prints or len(set(prints)) != len(prints):
        failures.append(f"{design}: FL001 fingerprints missing or not distinct")
    again = json.loads(run("--format", "sarif", design).stdout)["runs"][0]["results"]
    if [r.get("partialFingerprints") for r in again] != [r.get("partialFingerprints") for r in results]:
        failures.append(f"{design}: fingerprints change between two runs")
    if d["status"] == "error" and not any(r["ruleId"] == "FL101" for r in results):
        failures.append(f"{design}: a design with errors gives no FL101 result")
    if sarif_run.returncode != junit_run.returncode:
        failures.append(f"{design}: exit codes differ between formats")
    suites = ET.fromstring(junit_run.stdout)
    cases = suites.findall("./testsuite/testcase")
    if d["status"] == "error":
        if not suites.findall("./testsuite/testcase/error"):
            failures.append(f"{design}: JUnit has no error for a design with errors")
        continue
    if len(cases) != len(d["requirements"]):
        failures.append(f"{design}: {len(cases)} testcases for {len(d['requirements'])} requirements")
    for case, q in zip(cases, d["requirements"]):
        failed = case.find("failure") is not None
        if failed != (q["status"] == "violated") or case.get("name") != q["text"]:
            failures.append(f"{design}: testcase '{case.get('name')}' does not match '{q['text']}' ({q['status']})")

# GitHub annotations: one line each, escaped, at most 10, the rest counted in a notice; the
# Markdown summary appended to $GITHUB_STEP_SUMMARY.
import re
import shutil
import tempfile

annotation = re.compile(r"^::(error|warning) file=[^,:]+,line=\d+,col=\d+,title=[^,:]*::[^\n\r]*$")
with tempfile.TemporaryDirectory() as tmp:
    fabric = os.path.join(tmp, "fabric.fl")
    subprocess.run([os.path.join(ROOT, "bench", "gen-fabric"), "4", "--requirements", "12", "-o", fabric], check=True)
    summary = os.path.join(tmp, "summary.md")
    with open(summary, "w") as f:
        f.write("earlier step\n")
    gh = subprocess.run([faultline, "check", "--format", "github", fabric], capture_output=True, text=True,
                        env={**os.environ, "GITHUB_STEP_SUMMARY": summary})
    lines = gh.stdout.splitlines()
    errors = [l for l in lines if l.startswith("::error")]
    if len(errors) != 10 or not all(annotation.match(l) for l in errors):
        failures.append(f"github: {len(errors)} error annotations (want 10, well-formed)")
    if not lines or not lines[-1].startswith("::notice") or "::2 more findings" not in lines[-1]:
        failures.append(f"github: no notice for the 2 findings past the runner's limit: {lines[-1:]}")
    if gh.returncode != 1:
        failures.append(f"github: exit code {gh.returncode}, want 1")
    text = open(summary).read()
    if not text.startswith("earlier step\n## faultline: 0 proved, 12 violated"):
        failures.append("github: the step summary was not appended: " + text[:80])
    md = run("--format", "markdown", fabric).stdout
    if md.count("\n### ") != 12 or "| **violated** | 1 |" not in md:
        failures.append("markdown: expected a table row and a section per violated requirement")

# HTML: self-contained (no script, nothing fetched), names from the design escaped, a drawing
# when dot is installed and a sentence saying so when it is not; -o writes the file.
with tempfile.TemporaryDirectory() as tmp:
    evil = os.path.join(tmp, "evil.fl")
    with open(evil, "w") as f:
        f.write('design "x";\ndevice "<script>alert(1)</script>" router; device b router; device c router;\n'
                'link "<script>alert(1)</script>":1 -- b:1;\nlink "<script>alert(1)</script>":2 -- c:1;\n'
                'faults { down device; }\nrequire reach c -> b;\n')
    page = os.path.join(tmp, "report.html")
    r = run("--format", "html", "-o", page, evil)
    html = open(page).read() if os.path.exists(page) else ""
    if r.returncode != 1 or not html.startswith("<!DOCTYPE html>") or r.stdout:
        failures.append(f"html: -o did not write the page (exit {r.returncode})")
    if "<script" in html or re.search(r'(src|href)="https?:', html):
        failures.append("html: a script or an external fetch in the page")
    if "&lt;script&gt;alert(1)&lt;/script&gt;" not in html:
        failures.append("html: the device name is not shown escaped")
    if shutil.which("dot") and "<svg" not in html:
        failures.append("html: dot is installed but the page has no drawing")
    nodot = subprocess.run([faultline, "check", "--format", "html", evil], capture_output=True, text=True,
                           env={**os.environ, "PATH": "/nonexistent"})
    if "Graphviz <code>dot</code> is not installed" not in nodot.stdout:
        failures.append("html: without dot the page does not say why there is no drawing")

# Markdown (the GitHub step summary and review tickets) rendered by cmark-gfm, GitHub's own
# renderer: names and file names full of Markdown and HTML syntax come out as the same text,
# inside the table, the headings, the set lists and the code spans of error locations, and
# make no element of their own.
HOSTILE = "<b>*x*</b>|y_z~~s~~&lt;[a](http://e) `c`"
ALLOWED_TAGS = {"h2", "h3", "table", "thead", "tbody", "tr", "th", "td", "strong", "ol", "ul", "li",
                "code", "br", "p"}


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.code = set(), "", []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)

    def handle_data(self, data):
        self.text += data
        if self.lasttag == "code":
            self.code.append(data)


if not shutil.which("cmark-gfm"):
    failures.append("markdown: cmark-gfm is not installed (scripts/bootstrap.sh installs it)")
else:
    with tempfile.TemporaryDirectory() as tmp:
        good = os.path.join(tmp, "odd_*name*[1].fl")
        bad = os.path.join(tmp, "bad_`tick`_|.fl")
        with open(good, "w") as f:
            q = '"' + HOSTILE + '"'
            f.write(f'design "x";\ndevice {q} router; device b router; device c router;\n'
                    f'link {q}:1 -- b:1;\nlink {q}:2 -- c:1;\nfaults {{ down device; }}\n'
                    'require reach c -> b;\n')
        with open(bad, "w") as f:
            f.write('design y;\ndevice a router;\nlink a:1 -- "`zz`_|":1;\n')
        md = run("--format", "markdown", good, bad).stdout
        rendered = subprocess.run(["cmark-gfm", "-e", "table"], input=md, capture_output=True,
                                  text=True).stdout
        page = Text()
        page.feed(rendered)
        if page.tags - ALLOWED_TAGS:
            failures.append(f"markdown: names made elements {sorted(page.tags - ALLOWED_TAGS)}")
        if "down " + HOSTILE not in page.text:
            failures.append("markdown: the violating set does not read as the device's name")
        for shown in (good + ":6", bad + ":3:13", "unknown device '`zz`_|'"):
            if shown not in page.text:
                failures.append(f"markdown: '{shown}' is not shown as it is")
        if bad + ":3:13" not in page.code:
            failures.append(f"markdown: the error location is not a code span of its own: {page.code}")
        if rendered.count("<tr>") != 3:
            failures.append("markdown: the table lost its shape (a '|' in a name ended a cell?)")

# HTML: a set several requirements share is drawn once, later ones link to it; ids are unique
# (Graphviz's own node and edge ids are dropped); a `common` event shows every device it fails
# and the faults line behind it.
twin = run("--format", "html", "examples/incidents/twin-core-routers.fl").stdout
ids = re.findall(r'\bid="([^"]*)"', twin)
if len(ids) != len(set(ids)):
    failures.append("html: duplicate ids in the twin-core page")
if shutil.which("dot") and (twin.count("<svg") != 1 or twin.count('drawn <a href="#drawing-1">above') != 3):
    failures.append("html: the shared set of twin-core is not drawn exactly once")
for line in ("7 | device core1", "8 | device core2", "34 |   common os;"):
    if line not in twin:
        failures.append(f"html: twin-core's common event does not show '{line}'")

for f in failures:
    print(f)
print(f"ci formats: {len(designs)} designs, {len(failures)} problems")
sys.exit(1 if failures else 0)
