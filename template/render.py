"""Turns a fresh copy of the template into the user's project, in place (Copier's `_tasks`).

The template is a runnable project named "Starter", so Copier copies it as it is and this script
then rewrites it: the starter's names and domains become the answers, blocks between
`[copier] if <feature>` / `[copier] end` comment lines are kept or dropped, lines naming the
environment variables of a dropped feature go from env files, docs tables and manifests, a
LICENSE is written, and `.env` gets secrets generated here (never asked, never in the answers
file). It runs on every render Copier makes: the copy, and the old and new trees of an update.

Usage: render.py ANSWERS_JSON [DESTINATION]   (destination: the current directory)
"""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import generated
import seams

TEMPLATE_ROOT = Path(__file__).resolve().parent

STARTER_DOMAIN = "app.example.com"
STARTER_STAGING_DOMAIN = "staging.example.com"
# README.md, docs/index.md and the package metadata carry this sentence; the answer replaces it.
STARTER_DESCRIPTION = "A Django REST API and a Next.js app, with the services, tests and deployment around them."

# Never walked: dependencies, caches and builds (a git checkout ignores them anyway).
SKIPPED_DIRS = {
    ".git",
    "node_modules",
    ".venv",
    ".tools",
    ".next",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    "site",
    "coverage",
    "htmlcov",
    "test-results",
    "playwright-report",
}
# Written by a later step (LICENSE) or by Copier itself, never rewritten here.
UNTOUCHED_FILES = {".copier-answers.yml", "LICENSE"}

# `# [copier] if k8s`, `// [copier] if not social`, `# [copier] else`, `<!-- [copier] end -->`,
# `{/* [copier] end */}` (JSX), `%% [copier] end` (a Mermaid diagram in Markdown): a
# comment line of its own (not Python code, so linters leave it alone).
MARKER = re.compile(
    r"^\s*(?:#|//|%%|<!--|/\*|\{/\*)\s*\[copier\]\s+(?P<word>if|else|end)\b"
    r"\s*(?P<expr>[a-z0-9_ ]*?)\s*(?:-->|\*/\}?)?\s*$"
)

# What belongs to one feature, for the lines no marker can wrap (a comment would break a
# Markdown table or an env file's listing). When the feature is off:
# - every line that starts with one of its environment variables goes: assignments, commented
#   examples, table rows, manifest keys, one-per-line lists (`# SOCIAL_AUTH_GITHUB_KEY=`,
#   `| `SOCIAL_AUTH_GITHUB_KEY` | ...`, `  SOCIAL_AUTH_GITHUB_KEY: ...`);
# - every Markdown table row that names one of its paths goes.
FEATURE_ENV_VARS = {
    "social_github": ("SOCIAL_AUTH_GITHUB_",),
    "social_google": ("SOCIAL_AUTH_GOOGLE_OAUTH2_",),
}
FEATURE_PATHS = {
    # The decision records copier.yml leaves out go from the decisions index as well.
    "k8s": ("infra/k8s", "k8s/", "check_k8s.py", "deploy.sh", "kustomize", "kubectl", "0002-keda-queue-depth"),
    "docs_site": ("mkdocs", "docs-serve.sh", "make docs"),
    "template": ("make test-template",),
    "social_github": ("/social/github/",),
    "social_google": ("/social/google-oauth2/",),
    "social": (
        "/social/",
        "social-accounts",
        "social_apis.py",
        "social_accounts.py",
        "social-login.md",
        "connected-accounts.tsx",
        "SocialLoginButtons",
        "useSocialAccounts",
    ),
}
CLOSING = ("}", "]", ")")
ENV_LINE = r"^\s*(?:#\s*)?(?:\|\s*)?[`'\"]?(?:{})"

LICENSES = {"MIT": "MIT.txt", "Apache-2.0": "Apache-2.0.txt", "Proprietary": "Proprietary.txt"}

# The compose stack's passwords and key in .env (from .env.example): generated per project.
GENERATED_SECRETS = {
    "DJANGO_SECRET_KEY": 50,
    "POSTGRES_PASSWORD": 24,
    "RABBITMQ_DEFAULT_PASS": 24,
    "FLOWER_PASSWORD": 24,
    "METRICS_TOKEN": 24,
}


@dataclass(frozen=True)
class Answers:
    project_name: str
    project_slug: str
    description: str
    author_name: str
    author_email: str
    domain: str
    languages: str  # en, de, both
    social_providers: str  # none, github, google, both
    k8s: bool
    docs_site: bool
    license: str

    @classmethod
    def from_json(cls, text: str) -> Answers:
        data = json.loads(text)
        return cls(**{name: data[name] for name in cls.__dataclass_fields__})

    def features(self) -> dict[str, bool]:
        """The names markers test. `template` is only true in the template repository itself."""
        github = self.social_providers in {"github", "both"}
        google = self.social_providers in {"google", "both"}
        return {
            "template": False,
            "k8s": self.k8s,
            "docs_site": self.docs_site,
            "social": github or google,
            "social_github": github,
            "social_google": google,
            "lang_en": self.languages in {"en", "both"},
            "lang_de": self.languages in {"de", "both"},
            "lang_both": self.languages == "both",
        }


def rename(text: str, answers: Answers) -> str:
    """The starter's description, name, slug and domains become the project's."""
    if "starter" not in text.lower() and "example.com" not in text:
        return text
    # The answers go in last, so an answer is never rewritten itself.
    text = text.replace(STARTER_DESCRIPTION, "\0description\0")
    text = text.replace(STARTER_STAGING_DOMAIN, "staging.\0domain\0")
    text = text.replace(STARTER_DOMAIN, "\0domain\0")
    text = text.replace("STARTER", answers.project_slug.upper())
    text = text.replace("Starter", "\0name\0")
    text = text.replace("starter", answers.project_slug)
    for key, value in (
        ("description", answers.description),
        ("name", answers.project_name),
        ("domain", answers.domain),
    ):
        text = text.replace(f"\0{key}\0", value)
    return text


class MarkerError(ValueError):
    pass


def _evaluate(expr: str, features: dict[str, bool], where: str) -> bool:
    negate = expr.startswith("not ")
    name = expr.removeprefix("not ").strip()
    if name not in features:
        raise MarkerError(f"{where}: unknown feature {name!r} (known: {', '.join(sorted(features))})")
    return features[name] != negate


def _follow_marker(word: str, expr: str, stack: list[tuple[bool, bool]], features: dict[str, bool], here: str) -> bool:
    """Updates the stack of blocks for one marker; True for the `if` or `end` of a kept block."""
    if word == "if":
        stack.append((_evaluate(expr, features, here), all(c for c, _ in stack)))
        return all(c for c, _ in stack)
    if not stack:
        raise MarkerError(f"{here}: '{word}' without 'if'")
    condition, outer = stack.pop()
    if word == "else":
        stack.append((not condition, outer))
        return False
    return condition and all(c for c, _ in stack)


def apply_markers(text: str, features: dict[str, bool], where: str = "<text>", leave_seams: bool = False) -> str:
    """Keeps the blocks whose condition holds, drops the others, and always drops the markers.

    With `leave_seams`, the `if` and `end` of a kept block leave a `seams.SEAM` line (for `seams.join`).
    """
    kept: list[str] = []
    stack: list[tuple[bool, bool]] = []  # (this block's condition, the enclosing blocks are kept)
    dropped = False  # lines were dropped since the last kept one
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        match = MARKER.match(line)
        here = f"{where}:{number}"
        if match is None:
            if not all(condition for condition, _ in stack):
                dropped = True
            elif dropped and not line.strip() and (not kept or not kept[-1].strip()):
                continue  # a dropped block between two blank lines leaves one, as formatters want
            else:
                if dropped and kept and not kept[-1].strip() and line.lstrip().startswith(CLOSING):
                    kept.pop()  # nor a blank line before a closing bracket (`});`, `]`)
                kept.append(line)
                dropped = False
            continue
        if _follow_marker(match["word"], match["expr"], stack, features, here) and leave_seams:
            kept.append(seams.SEAM)
    if stack:
        raise MarkerError(f"{where}: 'if' without 'end'")
    while dropped and kept and not kept[-1].strip():
        kept.pop()  # a dropped block at the end leaves no blank line at the end of the file
    return "".join(kept)


def drop_feature_lines(text: str, features: dict[str, bool], markdown: bool) -> str:
    """Drops the lines of switched-off features that markers cannot wrap (FEATURE_ENV_VARS, FEATURE_PATHS)."""
    prefixes = [re.escape(p) for feature, ps in FEATURE_ENV_VARS.items() if not features[feature] for p in ps]
    env_line = re.compile(ENV_LINE.format("|".join(prefixes))) if prefixes else None
    paths = [p for feature, ps in FEATURE_PATHS.items() if not features[feature] for p in ps] if markdown else []
    if env_line is None and not paths:
        return text
    kept = []
    for line in text.splitlines(keepends=True):
        if env_line is not None and env_line.match(line):
            continue
        if line.lstrip().startswith("|") and any(p in line for p in paths):
            continue
        kept.append(line)
    return "".join(kept)


def project_files(root: Path) -> list[Path]:
    """The files to rewrite: what git would track in a checkout, else everything but SKIPPED_DIRS."""
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    inside_git = listing.returncode == 0 and (root / ".git").exists()
    if inside_git:
        candidates = [root / name for name in listing.stdout.split("\0") if name]
    else:
        candidates = [p for p in root.rglob("*") if not SKIPPED_DIRS.intersection(p.relative_to(root).parts)]
    return [p for p in candidates if p.is_file() and not p.is_symlink() and p.name not in UNTOUCHED_FILES]


def rewrite_file(path: Path, answers: Answers, features: dict[str, bool], root: Path) -> None:
    raw = path.read_bytes()
    if b"\0" in raw:
        return  # binary (images, fonts)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    python = path.suffix == ".py"
    new = apply_markers(text, features, str(path.relative_to(root)), leave_seams=python)
    if python:
        new = seams.join(new, lambda top: any((root / "backend" / name).exists() for name in (top, f"{top}.py")))
    new = drop_feature_lines(new, features, markdown=path.suffix == ".md")
    new = rename(new, answers)
    if new != text:
        path.write_text(new, encoding="utf-8")


def rename_paths(root: Path, answers: Answers) -> None:
    """Files and folders named after the starter (none today; new ones are caught here)."""
    for path in sorted(root.rglob("*starter*"), key=lambda p: len(p.parts), reverse=True):
        if SKIPPED_DIRS.intersection(path.relative_to(root).parts):
            continue
        path.rename(path.with_name(rename(path.name, answers)))


def write_license(root: Path, answers: Answers) -> None:
    text = (TEMPLATE_ROOT / "licenses" / LICENSES[answers.license]).read_text(encoding="utf-8")
    holder = f"{answers.author_name} <{answers.author_email}>"
    text = text.replace("<year>", str(datetime.now(UTC).year)).replace("<copyright holders>", holder)
    (root / "LICENSE").write_text(text, encoding="utf-8")


def write_env(root: Path) -> None:
    """`.env` for `docker compose up` with this project's own secrets; an existing one is kept."""
    env_file = root / ".env"
    if env_file.exists() or not (root / ".env.example").exists():
        return
    lines = []
    for line in (root / ".env.example").read_text(encoding="utf-8").splitlines():
        name = line.split("=", 1)[0]
        generated = name in GENERATED_SECRETS
        lines.append(f"{name}={secrets.token_urlsafe(GENERATED_SECRETS[name])}" if generated else line)
    env_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env_file.chmod(0o600)


def render(root: Path, answers: Answers) -> None:
    features = answers.features()
    for path in project_files(root):
        rewrite_file(path, answers, features, root)
    generated.prune(root, features)
    rename_paths(root, answers)
    write_license(root, answers)
    write_env(root)


def main(argv: list[str]) -> int:
    if len(argv) not in {2, 3}:
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(argv[2] if len(argv) == 3 else ".").resolve()
    render(root, Answers.from_json(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
