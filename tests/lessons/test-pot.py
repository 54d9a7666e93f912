#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Translation of the lessons, end to end (suite po), TAP, standard library only:
#   1. data/lessons/lesson-strings.h is up to date with the lessons;
#   2. xgettext, run over po/POTFILES.in with the arguments of meson's glib
#      preset (what `ninja switchyard-pot` runs), extracts every lesson text,
#      with a translator comment naming the lesson and the field;
#   3. a pseudo-translation of that POT, compiled with msgfmt, is what
#      SwyLesson returns for every text of every lesson (through
#      lesson-dump), except one translation with broken markup, for which it
#      keeps the original; without LANGUAGE it returns the originals.
#
# Usage: test-pot.py SOURCE_ROOT LESSON_DUMP XGETTEXT MSGFMT

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

SRC, DUMP, XGETTEXT, MSGFMT = sys.argv[1:5]
LESSONS_DIR = os.path.join(SRC, "data", "lessons")
LESSONS = sorted(os.path.join(LESSONS_DIR, f) for f in os.listdir(LESSONS_DIR)
                 if f.endswith(".swy"))
SCRIPT = os.path.join(SRC, "build-aux", "lesson-strings.py")
TMP = tempfile.mkdtemp(prefix="swy-pot-")

# The arguments meson's i18n module passes for preset: 'glib' (meson 1.0).
GLIB_PRESET = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
]

spec = importlib.util.spec_from_file_location("lesson_strings", SCRIPT)
lesson_strings = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lesson_strings)

results = []


def test(name):
    def wrap(func):
        results.append((name, func))
        return func
    return wrap


def eq(got, want, what=""):
    if got != want:
        raise AssertionError(f"{what}: got {got!r}, want {want!r}")


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def unquote(s):
    """The value of one C-style quoted string of a PO file."""
    assert s.startswith('"') and s.endswith('"'), s
    out, i, s = [], 0, s[1:-1]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    while i < len(s):
        if s[i] == "\\":
            out.append(escapes[s[i + 1]])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def parse_po(text):
    """Entries of a PO/POT file: a list of {comments, references, msgid}."""
    entries, entry, field = [], None, None
    for line in text.splitlines() + [""]:
        if not line.strip():
            if entry is not None and "msgid" in entry:
                entries.append(entry)
            entry, field = None, None
            continue
        entry = entry or {"comments": [], "references": [], "flags": []}
        if line.startswith("#."):
            entry["comments"].append(line[2:].strip())
        elif line.startswith("#:"):
            entry["references"] += line[2:].split()
        elif line.startswith("#,"):
            entry["flags"] += [f.strip() for f in line[2:].split(",")]
        elif line.startswith("msgid "):
            field = "msgid"
            entry[field] = unquote(line[6:])
        elif line.startswith("msgstr "):
            field = "msgstr"
            entry[field] = unquote(line[7:])
        elif line.startswith('"') and field:
            entry[field] += unquote(line)
    return [e for e in entries if e["msgid"]]


def po_quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def pseudo(s):
    return "⟦" + s + "⟧"


def all_texts():
    """(lesson file name, place, text) of every translatable text."""
    for path in LESSONS:
        for place, text, _ in lesson_strings.lesson_strings(path):
            yield os.path.basename(path), place, text


state = {}


@test("lesson-strings.h is up to date with data/lessons (else: ninja -C _build lesson-strings)")
def _():
    proc = subprocess.run([sys.executable, SCRIPT, "--check",
                           os.path.join(LESSONS_DIR, "lesson-strings.h"), *LESSONS],
                          capture_output=True, text=True)
    eq(proc.returncode, 0, proc.stderr.strip())


@test("po/POTFILES.in lists lesson-strings.h")
def _():
    with open(os.path.join(SRC, "po", "POTFILES.in"), encoding="utf-8") as f:
        files = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    if "data/lessons/lesson-strings.h" not in files:
        raise AssertionError(files)


@test("xgettext over POTFILES.in, as switchyard-pot runs it, extracts the lessons")
def _():
    pot = os.path.join(TMP, "switchyard.pot")
    proc = subprocess.run([XGETTEXT, "--package-name=switchyard", "-p", TMP,
                           "-f", os.path.join(SRC, "po", "POTFILES.in"), "-D", SRC,
                           "-k_", "-o", "switchyard.pot", *GLIB_PRESET],
                          capture_output=True, text=True)
    eq(proc.returncode, 0, f"xgettext: {proc.stderr}")
    with open(pot, encoding="utf-8") as f:
        state["pot"] = parse_po(f.read())


@test("the POT holds every lesson text, with a translator comment naming its place")
def _():
    by_id = {e["msgid"]: e for e in state["pot"]}
    missing = []
    for name, place, text in all_texts():
        entry = by_id.get(text)
        if entry is None:
            missing.append(f"{name} {place}")
            continue
        if not any(c.startswith(f"Translators: {name}, {place}") for c in entry["comments"]):
            raise AssertionError(f"{name} {place}: comments {entry['comments']}")
        if not any(r.startswith("data/lessons/lesson-strings.h:") for r in entry["references"]):
            raise AssertionError(f"{name} {place}: references {entry['references']}")
    eq(missing, [], "texts missing from the POT")


@test("the POT has a title and an instruction from two lessons, word for word")
def _():
    ids = {e["msgid"] for e in state["pot"]}
    title = read_json(os.path.join(LESSONS_DIR, "01-main-loop.swy"))["lesson"]["title"]
    eq(title, "Events and the main loop", "lesson 01 title")
    steps = read_json(os.path.join(LESSONS_DIR, "08-backpressure.swy"))["lesson"]["steps"]
    instruction = steps[2]["instruction"]
    eq(instruction.startswith("Make the queue smaller"), True, "lesson 08 step 2")
    for s in (title, instruction):
        if s not in ids:
            raise AssertionError(f"not in the POT: {s!r}")


def expected(pot_lesson, translate):
    """What lesson-dump prints for a lesson when each text goes through translate."""
    lesson = pot_lesson["lesson"]
    body = lesson["body"]
    if isinstance(body, list):
        body = "\n\n".join(translate(p) for p in body)
    else:
        body = translate(body)
    out = {
        "title": translate(lesson["title"]),
        "summary": translate(lesson["summary"]),
        "body": body,
        "steps": [],
    }
    for step in lesson["steps"]:
        s = {"instruction": translate(step["instruction"])}
        q = step.get("question")
        if q:
            s["question"] = translate(q["text"])
            s["choices"] = [translate(c) for c in q["choices"]]
            s["explanation"] = translate(q["explanation"])
        out["steps"].append(s)
    return out


def dump(env):
    proc = subprocess.run([DUMP, os.path.join(TMP, "locale"), *LESSONS],
                          capture_output=True, text=True, env=env)
    eq(proc.returncode, 0, f"lesson-dump: {proc.stderr}")
    return json.loads(proc.stdout)


# A translation that breaks the markup: SwyLesson must keep the original.
BROKEN = read_json(os.path.join(LESSONS_DIR, "05-sync-vs-queued.swy"))["lesson"]["steps"][0]
BROKEN = BROKEN["instruction"]


@test("a pseudo-translation of the POT compiles with msgfmt --check")
def _():
    lesson_ids = {text for _, _, text in all_texts()}
    lines = ['msgid ""', 'msgstr ""',
             '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: x-test\\n"', ""]
    for e in state["pot"]:
        if e["msgid"] not in lesson_ids:
            continue
        translation = "<b>" + e["msgid"] if e["msgid"] == BROKEN else pseudo(e["msgid"])
        if "c-format" in e["flags"]:
            lines.append("#, c-format")
        lines += [f"msgid {po_quote(e['msgid'])}", f"msgstr {po_quote(translation)}", ""]
    po = os.path.join(TMP, "x-test.po")
    with open(po, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    mo_dir = os.path.join(TMP, "locale", "x-test", "LC_MESSAGES")
    os.makedirs(mo_dir)
    proc = subprocess.run([MSGFMT, "--check", "-o", os.path.join(mo_dir, "switchyard.mo"), po],
                          capture_output=True, text=True)
    eq(proc.returncode, 0, f"msgfmt: {proc.stderr}")


@test("with LANGUAGE=x-test, SwyLesson returns the translation of every text")
def _():
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="x-test")
    got = dump(env)
    eq(sorted(got), [os.path.basename(p) for p in LESSONS], "lessons")

    def translate(s):
        return s if s == BROKEN else pseudo(s)

    for path in LESSONS:
        name = os.path.basename(path)
        eq(got[name], expected(read_json(path), translate), name)
    first = got["05-sync-vs-queued.swy"]["steps"][0]["instruction"]
    eq(first, BROKEN, "the translation with broken markup falls back to the original")


@test("without LANGUAGE, SwyLesson returns the original texts")
def _():
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LANG")}
    env["LC_ALL"] = "C.UTF-8"
    got = dump(env)
    for path in LESSONS:
        name = os.path.basename(path)
        eq(got[name], expected(read_json(path), lambda s: s), name)


def main():
    print(f"1..{len(results)}")
    failed = 0
    for i, (name, func) in enumerate(results, 1):
        try:
            func()
            print(f"ok {i} - {name}")
        except Exception as e:  # noqa: BLE001 (report every failure)
            failed += 1
            print(f"not ok {i} - {name}")
            for line in str(e).splitlines() or [type(e).__name__]:
                print(f"# {line}")
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
