import pytest

from jmt.merchants.models import RegistrationStatus
from jmt.registration.models import Application
from jmt.registration.seed import seed_registration

pytestmark = pytest.mark.django_db


def test_the_demo_seed_leaves_one_application_waiting_in_review_and_runs_again(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    merchant = seed_registration()
    assert merchant is not None
    assert seed_registration() is None
    app = Application.objects.get()
    assert (app.kind, app.state) == ("existing", "review")
    assert app.merchant.registration_status == RegistrationStatus.IN_PROGRESS
    assert len(list((tmp_path / "media").rglob("*"))) > 4  # the four documents are real files
