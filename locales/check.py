#!/usr/bin/env python3
"""Self-check of the Fluent catalogues under locales/.

    pip install fluent.syntax fluent.runtime
    python3 locales/check.py

Fails (exit 1) when a file does not parse, when a language lacks a file or a message
another has, when a message's variables differ between languages, when a plural
selector lacks a CLDR category (en and kk: one, other; ru: one, few, many, other), when
a message holds HTML markup, or when a word mixes Latin and Cyrillic letters. It also
formats every message in each language with sample values (counts 0, 1, 2, 5, 11, 21,
22, 1.5) and fails on any formatting error. Messages whose Kazakh or Russian text is
the same as the English are listed for a human to look at; they are not errors.
"""
import pathlib
import re
import sys

from fluent.syntax import ast, parse

ROOT = pathlib.Path(__file__).resolve().parent
LANGS = ["en", "kk", "ru"]
PLURALS = {"en": {"one", "other"}, "kk": {"one", "other"}, "ru": {"one", "few", "many", "other"}}
CLDR = {"zero", "one", "two", "few", "many", "other"}
TAG = re.compile(r"</?(a|abbr|b|br|code|del|div|em|i|ins|kbd|p|small|span|strong|time)\b[^>]*>", re.I)
MIXED = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі])\w+\b")
# Identical to English in Kazakh and Russian on purpose (names, codes, formats).
SAME_OK = re.compile(r"^(site-name|language-.*|timezone-.*|time-format|email-summary-line|cli-field-error|cli-moderated|cli-help-show-reference|import-at-.*)$")

errors = []


def err(msg):
    errors.append(msg)


def walk(node, found):
    """Collect variable names and select expressions of a pattern."""
    if isinstance(node, ast.VariableReference):
        found["vars"].add(node.id.name)
    if isinstance(node, ast.SelectExpression):
        found["selects"].append(node)
    if isinstance(node, ast.BaseNode):
        for value in vars(node).values():
            if isinstance(value, list):
                for item in value:
                    walk(item, found)
            elif isinstance(value, ast.BaseNode):
                walk(value, found)


def text_of(pattern):
    out = []
    def collect(n):
        if isinstance(n, ast.TextElement):
            out.append(n.value)
        if isinstance(n, ast.BaseNode):
            for v in vars(n).values():
                if isinstance(v, list):
                    for i in v:
                        collect(i)
                elif isinstance(v, ast.BaseNode):
                    collect(v)
    collect(pattern)
    return " ".join(out)


catalogue = {}  # lang -> id -> (file, message)
sources = {}    # lang -> file -> text
for lang in LANGS:
    catalogue[lang] = {}
    sources[lang] = {}
    for path in sorted((ROOT / lang).glob("*.ftl")):
        text = path.read_text(encoding="utf-8")
        sources[lang][path.name] = text
        resource = parse(text)
        for entry in resource.body:
            if isinstance(entry, ast.Junk):
                err(f"{lang}/{path.name}: parse error: {entry.annotations[0].message} near {entry.content[:60]!r}")
            elif isinstance(entry, (ast.Message, ast.Term)):
                name = ("-" if isinstance(entry, ast.Term) else "") + entry.id.name
                if name in catalogue[lang]:
                    err(f"{lang}/{path.name}: {name} defined twice")
                if entry.value is None:
                    err(f"{lang}/{path.name}: {name} has no value")
                catalogue[lang][name] = (path.name, entry)

files = {lang: set(sources[lang]) for lang in LANGS}
for lang in LANGS[1:]:
    if files[lang] != files["en"]:
        err(f"{lang}: files differ from en: {sorted(files[lang] ^ files['en'])}")

ids = {lang: set(catalogue[lang]) for lang in LANGS}
for lang in LANGS[1:]:
    for name in sorted(ids["en"] - ids[lang]):
        err(f"{lang}: lacks {name}")
    for name in sorted(ids[lang] - ids["en"]):
        err(f"{lang}: has {name}, which en lacks")

same_as_english = []
for name in sorted(ids["en"]):
    facts = {}
    for lang in LANGS:
        if name not in catalogue[lang]:
            continue
        file, message = catalogue[lang][name]
        if file != catalogue["en"][name][0]:
            err(f"{lang}: {name} is in {file}, en has it in {catalogue['en'][name][0]}")
        found = {"vars": set(), "selects": []}
        walk(message.value, found)
        facts[lang] = found
        plural_vars = set()
        for select in found["selects"]:
            keys = {v.key.name for v in select.variants if isinstance(v.key, ast.Identifier)}
            # A selector on a string (`$kind`) also ends in *[other]: only a category
            # besides it makes a plural.
            if keys & (CLDR - {"other"}):
                if not isinstance(select.selector, ast.VariableReference):
                    err(f"{lang}: {name}: a plural selector must select on a variable")
                    continue
                plural_vars.add(select.selector.id.name)
                if keys - CLDR:
                    err(f"{lang}: {name}: unknown plural category {sorted(keys - CLDR)}")
                if keys != PLURALS[lang]:
                    err(f"{lang}: {name}: plural categories {sorted(keys)}, expected {sorted(PLURALS[lang])}")
                default = [v.key.name for v in select.variants if v.default]
                if default != ["other"]:
                    err(f"{lang}: {name}: the default variant must be *[other], is {default}")
        found["plural_vars"] = plural_vars
        text = text_of(message.value)
        if TAG.search(text):
            err(f"{lang}: {name}: HTML markup in the message: {TAG.search(text).group(0)}")
        for word in MIXED.findall(text):
            err(f"{lang}: {name}: a word mixes Latin and Cyrillic letters: {word!r}")
    for lang in LANGS[1:]:
        if lang not in facts:
            continue
        if facts[lang]["vars"] != facts["en"]["vars"]:
            err(f"{lang}: {name}: variables {sorted(facts[lang]['vars'])}, en has {sorted(facts['en']['vars'])}")
        if facts[lang]["plural_vars"] != facts["en"]["plural_vars"]:
            err(f"{lang}: {name}: plural selector on {sorted(facts[lang]['plural_vars'])}, en on {sorted(facts['en']['plural_vars'])}")
        if (text_of(catalogue[lang][name][1].value) == text_of(catalogue["en"][name][1].value)
                and not SAME_OK.match(name)):
            same_as_english.append(f"{lang}: {name}")

# Format every message with sample values.
try:
    from fluent.runtime import FluentBundle, FluentResource
except ImportError:
    print("fluent.runtime is not installed: formatting not checked", file=sys.stderr)
else:
    for lang in LANGS:
        bundle = FluentBundle([lang], use_isolating=False)
        for text in sources[lang].values():
            bundle.add_resource(FluentResource(text))
        for name, (file, message) in catalogue[lang].items():
            if name.startswith("-"):
                continue
            found = {"vars": set(), "selects": []}
            walk(message.value, found)
            for n in (0, 1, 2, 5, 11, 21, 22, 1.5):
                args = {v: n for v in found["vars"]}
                value, problems = bundle.format_pattern(bundle.get_message(name).value, args)
                if problems:
                    err(f"{lang}: {name}: formatting with {n}: {problems}")
                if "{" in value or "}" in value:
                    err(f"{lang}: {name}: a placeable shows through: {value!r}")

for e in errors:
    print("ERROR", e)
if same_as_english:
    print(f"{len(same_as_english)} messages read the same as in English (check they need no translation):")
    for s in same_as_english:
        print("  ", s)
counts = {lang: len(catalogue[lang]) for lang in LANGS}
print("messages:", ", ".join(f"{lang} {n}" for lang, n in counts.items()),
      "| files:", len(files["en"]), "| errors:", len(errors))
sys.exit(1 if errors else 0)
