"""template/render.py on small trees: markers, renames, feature lines, secrets, license."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import generated
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


# Generated files (template/generated.py): what their tools would have written without a feature.
OPENAPI = """paths:
  /api/a/:
    get:
      schema:
        $ref: '#/components/schemas/Shared'
  /api/social/x/:
    get:
      schema:
        $ref: '#/components/schemas/Only'
components:
  schemas:
    Inner:
      type: string
    Only:
      properties:
        inner:
          $ref: '#/components/schemas/Inner'
    Shared:
      type: object
    Unused:
      type: object
  securitySchemes:
    jwt: {}
"""


def test_openapi_loses_the_paths_and_the_schemas_only_they_referenced():
    pruned = generated.prune_openapi(OPENAPI, ("/api/social/",))

    assert pruned == (
        "paths:\n  /api/a/:\n    get:\n      schema:\n        $ref: '#/components/schemas/Shared'\n"
        "components:\n  schemas:\n    Shared:\n      type: object\n    Unused:\n      type: object\n"
        "  securitySchemes:\n    jwt: {}\n"
    )


API_TYPES = """export interface paths {
  "/api/a/": {
    get: operations["a"];
  };
  "/api/social/x/": {
    /** @description X. */
    get: operations["x"];
  };
}
export interface components {
  schemas: {
    /** @description Only X. */
    Only: {
      id: number;
    };
    /**
     * @description Kept.
     */
    Shared: string;
  };
}
export interface operations {
  a: {
    content: components["schemas"]["Shared"];
  };
  x: {
    content: components["schemas"]["Only"];
  };
}
"""


def test_api_types_lose_the_paths_their_operations_and_schemas_with_doc_comments():
    pruned = generated.prune_api_types(API_TYPES, ("/api/social/",))

    assert pruned == (
        'export interface paths {\n  "/api/a/": {\n    get: operations["a"];\n  };\n}\n'
        "export interface components {\n  schemas: {\n"
        "    /**\n     * @description Kept.\n     */\n    Shared: string;\n  };\n}\n"
        'export interface operations {\n  a: {\n    content: components["schemas"]["Shared"];\n  };\n}\n'
    )


LOCK = """version = 1

[[package]]
name = "app"
source = { virtual = "." }
dependencies = [
    { name = "kept" },
    { name = "social" },
]

[package.metadata]
requires-dist = [
    { name = "kept", specifier = ">=1" },
    { name = "social", specifier = ">=2" },
]

[[package]]
name = "kept"
dependencies = [
    { name = "shared" },
]

[[package]]
name = "shared"

[[package]]
name = "social"
dependencies = [
    { name = "shared" },
    { name = "only-social", marker = "python_full_version < '3.12'" },
]

[[package]]
name = "only-social"
"""


def test_lock_loses_the_package_and_what_only_it_required():
    pruned = generated.prune_lock(LOCK, ("social",))

    assert (
        pruned
        == LOCK.replace('    { name = "social" },\n', "")
        .replace('    { name = "social", specifier = ">=2" },\n', "")
        .split('\n[[package]]\nname = "social"')[0]
        .rstrip("\n")
        + "\n"
    )


def test_messages_lose_their_keys_and_keep_their_layout():
    text = json.dumps({"auth": {"a": "A", "social": "S"}, "errors": {"social": {"x": "X"}}}, indent=2) + "\n"

    pruned = generated.prune_messages(text, ("auth.social", "errors.social", "errors.missing"))

    assert pruned == '{\n  "auth": {\n    "a": "A"\n  },\n  "errors": {}\n}\n'
    assert generated.prune_messages(text, ("auth.missing",)) == text


def test_catalog_loses_the_entries_whose_sources_are_all_gone():
    text = (
        'msgid ""\nmsgstr ""\n\n#: apps/a.py apps/gone.py\nmsgid "Both"\nmsgstr "B"\n\n'
        '#: apps/gone.py\nmsgid "Gone"\nmsgstr "G"\n\n#, fuzzy\nmsgid "No source"\nmsgstr ""\n'
    )

    pruned = generated.prune_catalog(text, lambda name: name != "apps/gone.py")

    assert pruned == text.replace('#: apps/gone.py\nmsgid "Gone"\nmsgstr "G"\n\n', "")
    last = 'msgid ""\nmsgstr ""\n\n#: apps/gone.py\nmsgid "Gone"\nmsgstr "G"\n'
    assert generated.prune_catalog(last, lambda name: False) == 'msgid ""\nmsgstr ""\n'


def test_features_that_are_on_leave_generated_files_alone(tmp_path):
    (tmp_path / "backend").mkdir()
    (tmp_path / generated.OPENAPI).write_text(OPENAPI)

    generated.prune(tmp_path, dict.fromkeys(FEATURES, True))

    assert (tmp_path / generated.OPENAPI).read_text() == OPENAPI


def test_a_dropped_block_leaves_no_blank_line_before_a_closing_bracket_or_at_the_end():
    block = "describe(() => {\n  test(1);\n\n  // [copier] if lang_both\n  test(2);\n  // [copier] end\n});\n"
    tail = "a();\n\n// [copier] if lang_both\nb();\n// [copier] end\n"
    python_tail = "a()\n\n\n# [copier] if lang_both\ndef b():\n    pass\n\n\n# [copier] end\n"
    features = {**FEATURES, "lang_both": False}

    assert render.apply_markers(block, features) == "describe(() => {\n  test(1);\n});\n"
    assert render.apply_markers(tail, features) == "a();\n"
    assert render.apply_markers(python_tail, features) == "a()\n"
