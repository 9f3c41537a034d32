"""The files no marker can go into, because a tool writes them, pruned of a feature that is off.

A project's checks regenerate these files and compare (`make schema-check`, `make client-check`,
`uv lock --check`, the catalog test), so each one loses exactly what its tool would have left out:

- backend/openapi.yaml (drf-spectacular) and frontend/src/lib/api/schema.gen.ts
  (openapi-typescript): the feature's paths, then the operations and component schemas that
  nothing left refers to;
- backend/uv.lock: the feature's packages, then every package nothing left requires;
- frontend/messages/*.json: the feature's message keys;
- backend/locale/*/LC_MESSAGES/django.po: the entries whose every source file is gone.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path

# API path prefixes, packages (uv.lock) and message keys (dotted) of each feature.
FEATURE_API_PATHS = {"social": ("/api/v1/auth/social/", "/api/v1/users/me/social-accounts/")}
FEATURE_PACKAGES = {"social": ("social-auth-app-django",)}
FEATURE_MESSAGES = {
    "social": (
        "auth.callbackTitle",
        "auth.signingIn",
        "auth.socialLoginFailed",
        "account.connected",
        "account.connectedIntro",
        "account.connectedIntroNoPassword",
        "account.connectedNone",
        "account.connectedSince",
        "account.unlink",
        "account.unlinkTitle",
        "account.unlinkBody",
        "errors.last_login_method",
        "errors.social",
    ),
    # One language: no language switcher in the header, no language choice on the account page.
    "lang_both": (
        "nav.language",
        "nav.localeName",
        "account.language",
        "account.languageLabel",
        "account.languageHint",
        "account.saveLanguage",
        "account.languageSaved",
    ),
}

OPENAPI = "backend/openapi.yaml"
API_TYPES = "frontend/src/lib/api/schema.gen.ts"
LOCK = "backend/uv.lock"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def drop_entries(text: str, section: str, indent: int, drop: Callable[[str], bool]) -> str:
    """Drops the entries of a block whose key `drop` accepts.

    The block is what follows the line `section` (stripped) until a line indented less than
    `indent`; an entry is a key line at exactly `indent`, the doc comment right above it and
    everything below it indented deeper (or a closing `}` at its own indent, as in TypeScript).
    """
    kept: list[str] = []
    comment: list[str] = []  # a doc comment at the entries' indent: it goes with the next key
    inside = dropping = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not inside:
            kept.append(line)
            inside = stripped == section
        elif comment and not comment[-1].rstrip().endswith("*/"):
            comment.append(line)
        elif stripped and _indent(line) < indent:
            kept.extend([*comment, line])
            comment, inside, dropping = [], False, False
        elif _indent(line) == indent and stripped.startswith("/**"):
            comment.append(line)
        else:
            if stripped and _indent(line) == indent and not stripped.startswith(("}", "]")):
                dropping = drop(stripped.split(":", 1)[0].strip("\"'"))
            if not dropping:
                kept.extend([*comment, line])
            comment = []
    return "".join(kept + comment)


def _prune_unreferenced(text: str, original: str, section: str, indent: int, reference: str) -> str:
    """Drops the entries that lost every reference to them (outside themselves), until none does."""

    def references(name: str, within: str) -> int:
        return len(re.findall(reference.format(re.escape(name)), within))

    while True:
        names = set(re.findall(rf"^ {{{indent}}}[\"']?([\w$-]+)[\"']?:", text, flags=re.MULTILINE))
        fewer = [name for name in names if references(name, text) < references(name, original)]
        gone = {
            name
            for name in fewer
            if not references(name, drop_entries(text, section, indent, lambda key, name=name: key == name))
        }
        if not gone:
            return text
        text = drop_entries(text, section, indent, gone.__contains__)


def prune_openapi(text: str, prefixes: tuple[str, ...]) -> str:
    pruned = drop_entries(text, "paths:", 2, lambda key: key.startswith(prefixes))
    return _prune_unreferenced(pruned, text, "schemas:", 4, r"#/components/schemas/{}'")


def prune_api_types(text: str, prefixes: tuple[str, ...]) -> str:
    pruned = drop_entries(text, "export interface paths {", 2, lambda key: key.startswith(prefixes))
    pruned = _prune_unreferenced(pruned, text, "export interface operations {", 2, r'operations\["{}"\]')
    return _prune_unreferenced(pruned, text, "schemas: {", 4, r'components\["schemas"\]\["{}"\]')


def prune_lock(text: str, packages: tuple[str, ...]) -> str:
    """The project's own package no longer requires `packages`; what nothing else requires goes."""
    blocks = re.split(r"(?m)^(?=\[\[package\]\]\n)", text)
    root = next(i for i, b in enumerate(blocks) if re.search(r'(?m)^source = \{ (?:virtual|editable) = "\." \}', b))
    names = "|".join(re.escape(p) for p in packages)
    blocks[root] = re.sub(rf'(?m)^\s*\{{ name = "(?:{names})"[ ,].*\n', "", blocks[root])
    # A name can have several entries (versions for different Python versions or platforms).
    packages_of: dict[str, list[dict]] = {}
    for block in blocks[1:]:
        package = tomllib.loads(block)["package"][0]
        packages_of.setdefault(package["name"], []).append(package)
    needed, todo = set(), [tomllib.loads(blocks[root])["package"][0]["name"]]
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        for package in packages_of[name]:
            groups = [package.get("dependencies", [])]
            groups += [*package.get("optional-dependencies", {}).values()]
            groups += [*package.get("dev-dependencies", {}).values()]
            todo += [dependency["name"] for group in groups for dependency in group]
    kept = blocks[0] + "".join(b for b in blocks[1:] if tomllib.loads(b)["package"][0]["name"] in needed)
    return kept.rstrip("\n") + "\n"


def prune_messages(text: str, keys: tuple[str, ...]) -> str:
    messages = json.loads(text)
    changed = False
    for key in keys:
        *parents, last = key.split(".")
        node = messages
        for part in parents:
            node = node.get(part, {})
        changed |= node.pop(last, None) is not None
    return json.dumps(messages, indent=2, ensure_ascii=False) + "\n" if changed else text


def prune_catalog(text: str, exists: Callable[[str], bool]) -> str:
    """Drops the entries whose every source (`#: file` lines) is gone from the project."""
    entries = text.split("\n\n")
    kept = []
    for entry in entries:
        sources = [name for line in entry.splitlines() if line.startswith("#: ") for name in line[3:].split()]
        if sources and not any(exists(name.rsplit(":", 1)[0]) for name in sources):
            continue
        kept.append(entry)
    pruned = "\n\n".join(kept)
    return pruned.rstrip("\n") + "\n" if text.endswith("\n") else pruned


def prune(root: Path, features: dict[str, bool]) -> None:
    """Prunes every generated file of `root` of the features that are off."""
    off = [name for name, on in features.items() if not on]
    prefixes = tuple(p for name in off for p in FEATURE_API_PATHS.get(name, ()))
    packages = tuple(p for name in off for p in FEATURE_PACKAGES.get(name, ()))
    keys = tuple(k for name in off for k in FEATURE_MESSAGES.get(name, ()))
    edits: list[tuple[Path, Callable[[str], str]]] = []
    if prefixes:
        edits += [(root / OPENAPI, lambda t: prune_openapi(t, prefixes))]
        edits += [(root / API_TYPES, lambda t: prune_api_types(t, prefixes))]
    if packages:
        edits.append((root / LOCK, lambda t: prune_lock(t, packages)))
    if keys:
        edits += [(path, lambda t: prune_messages(t, keys)) for path in root.glob("frontend/messages/*.json")]
    for catalog in root.glob("backend/locale/*/LC_MESSAGES/django.po"):
        backend = catalog.parents[3]
        edits.append((catalog, lambda t, base=backend: prune_catalog(t, lambda name: (base / name).exists())))
    for path, edit in edits:
        if path.exists():
            text = path.read_text(encoding="utf-8")
            new = edit(text)
            if new != text:
                path.write_text(new, encoding="utf-8")
