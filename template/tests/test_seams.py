"""seams.py: where a kept block's markers stood in Python, the blank lines are ruff's."""

from __future__ import annotations

import render
import seams

FEATURES = {"social": True, "lang_de": False}


def first_party(top: str) -> bool:
    return top in {"apps", "config"}


def rendered(text: str) -> str:
    return seams.join(render.apply_markers(text, FEATURES, leave_seams=True), first_party)


def test_a_kept_import_joins_its_section_and_the_next_section_stays_apart():
    text = (
        "from django.utils import timezone\n\n# [copier] if social\nfrom social_django.models import U\n\n"
        "# [copier] end\nfrom apps.accounts.models import User\n"
    )

    assert rendered(text) == (
        "from django.utils import timezone\nfrom social_django.models import U\n\n"
        "from apps.accounts.models import User\n"
    )


def test_a_kept_parenthesized_import_at_the_end_leaves_one_blank_line_before_the_code():
    text = (
        "from apps.accounts import apis\n\n# [copier] if social\nfrom apps.accounts.social_apis import (\n"
        "    Api,\n    view,\n)\n\n# [copier] end\n\nurlpatterns = []\n"
    )

    assert rendered(text) == (
        "from apps.accounts import apis\nfrom apps.accounts.social_apis import (\n    Api,\n    view,\n)\n\n"
        "urlpatterns = []\n"
    )


def test_two_blank_lines_before_a_definition_after_the_imports():
    text = "import uuid\n\n# [copier] if social\nimport json\n\n# [copier] end\n\n\ndef f():\n    pass\n"

    assert rendered(text) == "import uuid\nimport json\n\n\ndef f():\n    pass\n"


def test_elsewhere_the_longer_run_of_blank_lines_stays_not_their_sum():
    text = (
        "def a():\n    pass\n\n\n# [copier] if social\ndef b():\n    pass\n\n\n# [copier] end\n\n\ndef c():\n    pass\n"
    )
    code = "x = [\n    1,\n    # [copier] if social\n    2,\n    # [copier] end\n]\n"

    assert rendered(text) == "def a():\n    pass\n\n\ndef b():\n    pass\n\n\ndef c():\n    pass\n"
    assert rendered(code) == "x = [\n    1,\n    2,\n]\n"


def test_a_kept_block_at_the_end_of_the_file_leaves_no_blank_line_after_it():
    text = "def a():\n    pass\n\n\n# [copier] if social\ndef b():\n    pass\n\n\n# [copier] end\n"

    assert rendered(text) == "def a():\n    pass\n\n\ndef b():\n    pass\n"


def test_a_dropped_block_leaves_no_seam():
    text = "import uuid\n\n# [copier] if lang_de\nimport json\n\n# [copier] end\n\nx = 1\n"

    assert rendered(text) == "import uuid\n\nx = 1\n"
