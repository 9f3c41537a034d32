import factory
from django.contrib.auth.hashers import make_password

from apps.accounts.models import User

DEFAULT_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    is_email_verified = True
    password = factory.LazyFunction(lambda: make_password(DEFAULT_PASSWORD))
