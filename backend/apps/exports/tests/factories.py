import factory

from apps.accounts.tests.factories import UserFactory
from apps.exports.models import Export


class ExportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Export

    user = factory.SubFactory(UserFactory)
