#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Fills translations/dllab_zh_CN.ts from a table {source text: translation} (JSON). A translation that
# loses or adds a placeholder (%1, %n, %v, %m, %p) is refused; one whose leading/trailing spaces or line
# breaks differ is noted (fine where Chinese punctuation replaces a space).
# Usage: scripts/translate_merge.py TABLE.json [TS] [--context=NAME]   (only that context's messages)
# (after `ninja update_translations` added the new sources)
import json, re, sys
import xml.etree.ElementTree as ET

args = [a for a in sys.argv[1:] if not a.startswith("--context")]
only = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--context=")), None)
table = json.load(open(args[0], encoding="utf-8"))
ts = args[1] if len(args) > 1 else "translations/dllab_zh_CN.ts"
tree = ET.parse(ts)
context_of = {m: c.find("name").text for c in tree.iter("context") for m in c.iter("message")}
ph = re.compile(r"%L?(\d{1,2}|n|v|m|p)")
bad, filled = [], 0
for m in tree.iter("message"):
    src = m.find("source").text or ""
    tr = m.find("translation")
    if src not in table or (only and context_of[m] != only):
        continue
    t = table[src]
    if sorted(ph.findall(src)) != sorted(ph.findall(t)):
        bad.append(f"placeholders differ: {src!r} -> {t!r}")
        continue
    if src.count("\n") != t.count("\n") or (src[:1] == " ") != (t[:1] == " ") or (src[-1:] == " ") != (t[-1:] == " "):
        print(f"note: spaces or line breaks differ (fine where Chinese punctuation replaces a space): {src!r} -> {t!r}")
    tr.attrib.pop("type", None)
    if m.get("numerus") == "yes":
        for f in list(tr):
            tr.remove(f)
        ET.SubElement(tr, "numerusform").text = t  # Chinese has one plural form
    else:
        tr.text = t
    filled += 1
tree.write(ts, encoding="utf-8", xml_declaration=True)
print(f"{filled} messages filled; {len(bad)} problems")
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
