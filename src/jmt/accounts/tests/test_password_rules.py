"""The weak-password message is Chinese from start to end (Django's validators said it partly in English)."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.core.exceptions import ValidationError


def _has_latin_words(text: str) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in text)


@pytest.mark.parametrize("password", ["abc", "12345678", "password", "1234"])
def test_a_weak_password_is_refused_in_chinese_only(password):
    with pytest.raises(ValidationError) as caught:
        validate_password(password)
    messages = caught.value.messages
    assert messages
    assert not [m for m in messages if _has_latin_words(m)], messages


def test_a_short_password_keeps_django_error_code_and_says_the_length():
    with pytest.raises(ValidationError) as caught:
        validate_password("Ab3$x")
    assert [e.code for e in caught.value.error_list] == ["password_too_short"]
    assert "8" in caught.value.messages[0]


def test_a_strong_password_passes_and_the_rules_are_explained_in_chinese():
    validate_password("Jmt-Crystal-2026")
    assert all(not _has_latin_words(text) for text in password_validators_help_texts())
