import factory
from django.contrib.auth.hashers import make_password

from apps.accounts.models import User
from apps.common.auth import ClientInfo

DEFAULT_PASSWORD = "correct-horse-battery-staple"
FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
# A client for services that start sessions: the test client's address, a desktop browser.
TEST_CLIENT = ClientInfo(ip="127.0.0.1", user_agent=FIREFOX_ON_LINUX)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    is_email_verified = True
    password = factory.LazyFunction(lambda: make_password(DEFAULT_PASSWORD))


def access_token_for(user: User) -> str:
    """A real sign-in's access token: bearer tokens are checked against their session (``sid``)."""
    from apps.accounts.services.sessions import session_start

    return session_start(user=user, client=TEST_CLIENT).access
