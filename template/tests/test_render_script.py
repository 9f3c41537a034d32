"""template/render.py on small trees: markers, renames, feature lines, secrets, license."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import render

ANSWERS = render.Answers(
    project_name="Acme Shop",
    project_slug="acmeshop",
    description="Shoes, sold online.",
    author_name="Acme",
    author_email="dev@acme.test",
    domain="shop.acme.test",
    languages="both",
    social_providers="github",
    k8s=False,
    docs_site=True,
    license="MIT",
)
FEATURES = ANSWERS.features()


def test_rename_rewrites_names_domains_and_description():
    text = (
        "# Starter\nA Django REST API and a Next.js app, with the services, tests and deployment around them.\n"
        "name: starter-api at https://app.example.com and https://staging.example.com, STARTER_X, "
        "mail ada@example.com\n"
    )

    assert render.rename(text, ANSWERS) == (
        "# Acme Shop\nShoes, sold online.\n"
        "name: acmeshop-api at https://shop.acme.test and https://staging.shop.acme.test, ACMESHOP_X, "
        "mail ada@example.com\n"
    )


def test_rename_is_idempotent_so_an_update_can_render_over_a_rendered_tree():
    once = render.rename("Starter starter app.example.com", ANSWERS)

    assert render.rename(once, ANSWERS) == once


def test_markers_keep_or_drop_blocks_and_always_disappear():
    text = (
        "a\n# [copier] if k8s\nk8s only\n# [copier] else\nwithout k8s\n# [copier] end\n"
        "  // [copier] if social_github\n  github\n  // [copier] if not social_google\n  github alone\n"
        "  // [copier] end\n  // [copier] end\n<!-- [copier] if template -->\nmachinery\n<!-- [copier] end -->\nz\n"
    )

    assert render.apply_markers(text, FEATURES) == "a\nwithout k8s\n  github\n  github alone\nz\n"


def test_mermaid_comments_are_markers_too():
    # A diagram cannot hold an HTML comment; in the template both labels are live and Mermaid
    # keeps the last one, so the `else` branch is the template's own.
    text = (
        '```mermaid\n    %% [copier] if not k8s\n    a["nginx"]\n'
        '    %% [copier] else\n    a["Ingress"]\n    %% [copier] end\n```\n'
    )

    assert render.apply_markers(text, FEATURES) == '```mermaid\n    a["nginx"]\n```\n'


def test_a_dropped_block_between_blank_lines_leaves_one_blank_line():
    text = "import a\n\n// [copier] if k8s\nimport b\n// [copier] end\n\nexport c\n"

    assert render.apply_markers(text, FEATURES) == "import a\n\nexport c\n"


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("# [copier] if nonsense\n# [copier] end\n", "unknown feature 'nonsense'"),
        ("# [copier] if k8s\n", "'if' without 'end'"),
        ("# [copier] end\n", "'end' without 'if'"),
    ],
)
def test_broken_markers_fail_the_render_with_the_place(text, error):
    with pytest.raises(render.MarkerError, match=error):
        render.apply_markers(text, FEATURES, "f.py")


def test_switched_off_features_lose_their_variables_and_table_rows():
    text = (
        "# SOCIAL_AUTH_GOOGLE_OAUTH2_KEY=\n"
        "| `SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET` | | google |\n"
        "  SOCIAL_AUTH_GOOGLE_OAUTH2_KEY: x\n"
        "SOCIAL_AUTH_GITHUB_KEY=\n"
        "| `infra/k8s/` | manifests |\n"
        "| [0002](0002-keda-queue-depth-autoscaling.md) | an excluded decision record |\n"
        "Prose naming SOCIAL_AUTH_GOOGLE_OAUTH2_KEY stays.\n"
    )

    assert render.drop_feature_lines(text, FEATURES, markdown=True) == (
        "SOCIAL_AUTH_GITHUB_KEY=\nProse naming SOCIAL_AUTH_GOOGLE_OAUTH2_KEY stays.\n"
    )


def test_render_writes_env_secrets_once_and_a_license(tmp_path):
    (tmp_path / ".env.example").write_text("POSTGRES_PASSWORD=app-dev-password\nPOSTGRES_USER=app\n")
    (tmp_path / "settings.py").write_text('NAME = "Starter"\n# [copier] if k8s\nK8S = True\n# [copier] end\n')

    render.main(["render.py", json.dumps(ANSWERS.__dict__), str(tmp_path)])
    first = (tmp_path / ".env").read_text()
    render.main(["render.py", json.dumps(ANSWERS.__dict__), str(tmp_path)])

    assert (tmp_path / "settings.py").read_text() == 'NAME = "Acme Shop"\n'
    assert "app-dev-password" not in first and "POSTGRES_USER=app\n" in first
    assert (tmp_path / ".env").read_text() == first  # an existing .env is the project's
    assert "Copyright (c) 20" in (tmp_path / "LICENSE").read_text()
    assert "Acme <dev@acme.test>" in (tmp_path / "LICENSE").read_text()


def test_every_marker_in_the_template_is_well_formed():
    root = Path(__file__).resolve().parents[2]
    names = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\0")
    checked = 0
    for name in filter(None, names):
        path = root / name
        if not path.is_file() or path.suffix in {".png", ".jpg", ".woff2", ".ico"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if "[copier]" not in text or name.startswith("template/"):
            continue
        for value in (True, False):
            render.apply_markers(text, dict.fromkeys(FEATURES, value), name)
        checked += 1
    assert checked > 10
