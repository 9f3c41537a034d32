"""The not-found convention: ``_get`` raises Http404, ``_find`` returns None."""

import uuid

import pytest
from django.http import Http404

from apps.exports import selectors
from apps.exports.tests.factories import ExportFactory

pytestmark = pytest.mark.django_db


def test_someone_elses_export_is_as_absent_as_an_unknown_one(user):
    theirs = ExportFactory()

    for export_id in (theirs.pk, uuid.uuid4()):
        with pytest.raises(Http404):
            selectors.export_get_for_user(user=user, export_id=str(export_id))
    assert selectors.export_get_for_user(user=theirs.user, export_id=str(theirs.pk)) == theirs


def test_an_export_deleted_meanwhile_is_not_found():
    export = ExportFactory()

    assert selectors.export_find(export_id=str(export.pk)) == export
    assert selectors.export_find(export_id=str(uuid.uuid4())) is None


def test_the_list_holds_the_newest_exports_of_the_user_only(user):
    mine = [ExportFactory(user=user, status="succeeded") for _ in range(selectors.EXPORTS_LIST_LIMIT + 2)]
    ExportFactory(status="succeeded")

    listed = selectors.exports_list_for_user(user=user)

    assert listed == list(reversed(mine))[: selectors.EXPORTS_LIST_LIMIT]
