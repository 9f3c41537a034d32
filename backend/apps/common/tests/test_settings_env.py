from django.conf import settings


def test_tests_run_with_the_test_environment():
    assert settings.DJANGO_ENV == "test"
    assert settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]
