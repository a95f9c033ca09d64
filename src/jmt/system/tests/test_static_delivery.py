"""The built front end is served pre-compressed, with hashed assets cached for a year and pages revalidated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client


def _entry_script() -> str:
    """The merchant PC entry chunk named in the built index.html (hashed by Vite)."""
    index = Path(settings.WEB_DIST) / "index.html"
    if not index.exists():
        pytest.fail("web/dist is missing: build the front end first (make web)")
    match = re.search(r'src="(/assets/[^"]+\.js)"', index.read_text())
    assert match, "index.html names no entry script"
    return match.group(1)


def test_hashed_assets_come_brotli_compressed_and_cached_for_a_year(client: Client):
    response = client.get(_entry_script(), HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert "immutable" in response["Cache-Control"]
    assert "max-age=315360000" in response["Cache-Control"]


def test_a_browser_without_brotli_gets_gzip(client: Client):
    response = client.get(_entry_script(), HTTP_ACCEPT_ENCODING="gzip")

    assert response["Content-Encoding"] == "gzip"


@pytest.mark.django_db
def test_the_page_itself_is_revalidated_so_a_new_release_is_picked_up(client: Client):
    response = client.get("/login")

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(("page", "surface"), [("index.html", "merchant"), ("admin/index.html", "admin")])
def test_the_desktop_pages_link_their_prebuilt_antd_stylesheet(client: Client, page: str, surface: str):
    html = (Path(settings.WEB_DIST) / page).read_text()
    match = re.search(rf'<link rel="stylesheet" href="(/assets/antd-{surface}-\w+\.css)"', html)
    assert match, f"{page} links no antd stylesheet"
    # Before the app's own stylesheets, which override antd's at equal weight.
    assert html.index(match.group(0)) < html.index('<link rel="stylesheet" crossorigin')

    response = client.get(match.group(1), HTTP_ACCEPT_ENCODING="br")

    assert response["Content-Encoding"] == "br"
    assert "immutable" in response["Cache-Control"]


def test_the_h5_page_links_no_antd_stylesheet():
    assert not re.search(r"/assets/antd-[\w-]+\.css", (Path(settings.WEB_DIST) / "m" / "index.html").read_text())
