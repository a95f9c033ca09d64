"""Django's password validators, saying why in Chinese.

Django's own Chinese catalogue lacks the plural forms of the length rule, so a short password was
refused in English. Each validator here keeps Django's check and its error code and says it in Chinese.
"""

from __future__ import annotations

from django.contrib.auth import password_validation as django_validators


class MinimumLengthValidator(django_validators.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return f"密码太短，至少需要 {self.min_length} 个字符。"

    def get_help_text(self) -> str:
        return f"密码至少需要 {self.min_length} 个字符。"


class CommonPasswordValidator(django_validators.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return "这个密码太常见了，请换一个不容易被猜到的密码。"

    def get_help_text(self) -> str:
        return "密码不能是常见密码。"


class NumericPasswordValidator(django_validators.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return "密码不能全部是数字。"

    def get_help_text(self) -> str:
        return "密码不能全部是数字。"
