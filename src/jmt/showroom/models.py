"""交易平台: the category tree with its attributes, tags, products (a workflow object: 审核中 / 上架 / 下架 …)
with their attribute values and ordered images."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from jmt.workflow.models import WorkflowObject


class Category(models.Model):
    """A node of the category tree: a plain parent link and a position among its siblings.
    Moves go through ``services.category_move``, which refuses a cycle."""

    name = models.CharField("分类名称", max_length=40)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    position = models.PositiveIntegerField("排序", default=0)
    enabled = models.BooleanField("启用", default=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[Category]] = models.Manager()

    class Meta:
        verbose_name = "商品分类"
        ordering = ("position", "id")
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["parent", "position"], name="showroom_cat_sibling")
        ]

    def __str__(self) -> str:
        return self.name


class AttributeKind(models.TextChoices):
    TEXT = "text", "文本"
    NUMBER = "number", "数值"
    CHOICE = "choice", "选项"


class Attribute(models.Model):
    """An attribute of a category, inherited by its sub-categories. Removing it keeps products' values
    (their rows keep the name and unit; the link becomes empty)."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="attributes")
    name = models.CharField("属性名称", max_length=20)
    kind = models.CharField("类型", max_length=10, choices=AttributeKind.choices, default=AttributeKind.TEXT)
    unit = models.CharField("单位", max_length=10, blank=True)
    choices = models.JSONField("可选值", default=list, blank=True)
    position = models.PositiveIntegerField("排序", default=0)
    filterable = models.BooleanField("可筛选", default=True)

    objects: ClassVar[models.Manager[Attribute]] = models.Manager()

    class Meta:
        verbose_name = "分类属性"
        ordering = ("position", "id")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["category", "name"], name="showroom_attribute_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    name = models.CharField("标签名称", max_length=12, unique=True)
    color = models.CharField("颜色", max_length=16, default="purple")
    position = models.PositiveIntegerField("排序", default=0)

    objects: ClassVar[models.Manager[Tag]] = models.Manager()

    class Meta:
        verbose_name = "商品标签"
        ordering = ("position", "id")

    def __str__(self) -> str:
        return self.name


class ProductState(models.TextChoices):
    DRAFT = "draft", "草稿"
    PENDING = "pending", "审核中"
    RETURNED = "returned", "已退回"
    LISTED = "listed", "上架"
    UNLISTED = "unlisted", "下架"


class Product(WorkflowObject):
    """A merchant's product. ``search_key`` (name, pinyin, initials, category and tags; lower case) is
    computed by the services on every save; ``state`` is written only by the workflow."""

    name = models.CharField("商品名称", max_length=60)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products")
    description = models.TextField("商品描述", blank=True)
    price_cny = models.DecimalField("价格（人民币）", max_digits=12, decimal_places=2)
    price_usd = models.DecimalField("价格（美元）", max_digits=12, decimal_places=2, null=True, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="products")
    search_key = models.TextField("检索键", blank=True, default="")
    return_reason = models.CharField("退回原因", max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    listed_at = models.DateTimeField("上架时间", null=True, blank=True)

    objects: ClassVar[models.Manager[Product]] = models.Manager()

    class Meta:
        verbose_name = "商品"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["state", "category", "-listed_at"], name="showroom_product_hall"),
            models.Index(fields=["state", "-listed_at"], name="showroom_product_listed"),
            models.Index(fields=["merchant", "-created_at"], name="showroom_product_merchant"),
        ]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=models.Q(price_cny__gte=0), name="showroom_price_cny_not_negative"),
            models.CheckConstraint(
                condition=models.Q(price_usd__isnull=True) | models.Q(price_usd__gte=0),
                name="showroom_price_usd_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProductValue(models.Model):
    """One attribute value of a product. ``name`` and ``unit`` are copied from the attribute, so the
    value stays readable when the attribute is removed from its category."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="values")
    attribute = models.ForeignKey(Attribute, null=True, blank=True, on_delete=models.SET_NULL, related_name="values")
    name = models.CharField("属性名称", max_length=20)
    unit = models.CharField("单位", max_length=10, blank=True)
    value = models.CharField("属性值", max_length=100)
    number = models.DecimalField("数值", max_digits=14, decimal_places=4, null=True, blank=True)

    objects: ClassVar[models.Manager[ProductValue]] = models.Manager()

    class Meta:
        verbose_name = "商品属性值"
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["attribute", "value"], name="showroom_value_filter"),
            models.Index(fields=["attribute", "number"], name="showroom_value_number"),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"


class ProductImage(models.Model):
    """An uploaded picture, checked by content and stored as a thumbnail and a display size.
    ``key`` is random: the public image URL cannot be guessed from a product id."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images")
    key = models.CharField(max_length=32, unique=True)
    position = models.PositiveIntegerField("排序", default=0)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[models.Manager[ProductImage]] = models.Manager()

    class Meta:
        verbose_name = "商品图片"
        ordering = ("position", "id")

    def __str__(self) -> str:
        return self.key
