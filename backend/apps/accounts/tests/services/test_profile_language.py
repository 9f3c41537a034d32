"""The language preference: what the emails are written in."""

import pytest
from django.core.exceptions import ValidationError

from apps.accounts.services.profile import user_update

pytestmark = pytest.mark.django_db


def test_the_language_is_one_of_the_offered_ones(user, settings):
    offered = settings.LANGUAGES[-1][0]
    assert user_update(user=user, language=offered).language == offered

    with pytest.raises(ValidationError) as error:
        user_update(user=user, language="fr")

    assert error.value.error_dict["language"][0].code == "invalid_choice"
    user.refresh_from_db()
    assert user.language == offered
