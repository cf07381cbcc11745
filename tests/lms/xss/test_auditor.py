"""The payloads and the auditor themselves."""

import inspect
from collections.abc import Iterable

import pytest
from django.apps import apps
from wagtail import blocks as wagtail_blocks
from wagtail.fields import StreamField

from cms import blocks as cms_blocks
from courses.vietnamese import nfc
from tests.lms.xss.placement import NAMES
from tests.lms.xss_payloads import PAYLOADS, audit, markers_of

pytestmark = pytest.mark.django_db


def test_there_are_at_least_two_hundred_distinct_payloads():
    assert len(PAYLOADS) >= 200
    assert len(markers_of(PAYLOADS)) == len(PAYLOADS)
    assert len({p.text for p in PAYLOADS}) == len(PAYLOADS)
    families = {p.family for p in PAYLOADS}
    assert {
        "script",
        "handler",
        "scheme",
        "breakout",
        "template",
        "unicode",
    } <= families
    assert len(NAMES) >= 200
    assert any("Nguyễn" in nfc(p.text) for p in PAYLOADS)


def test_the_auditor_flags_payloads_written_into_a_page_unescaped():
    """Otherwise every test below would pass on a page that runs them."""
    flagged = {
        context: sum(
            bool(audit(template.replace("P", p.text), [p]).findings) for p in PAYLOADS
        )
        for context, template in {
            "text": "<div>P</div>",
            "double-quoted attribute": '<input value="P">',
            "single-quoted attribute": "<input value='P'>",
        }.items()
    }
    tag_openers = sum(p.opens_tag for p in PAYLOADS)
    assert flagged["text"] >= tag_openers
    assert flagged["double-quoted attribute"] >= sum('"' in p.text for p in PAYLOADS)
    assert flagged["single-quoted attribute"] >= sum("'" in p.text for p in PAYLOADS)


def test_no_lesson_block_is_raw_html():
    """RawHTMLBlock prints editors' HTML as typed: no block may be or hold one."""
    offenders = [
        name
        for name, member in inspect.getmembers(cms_blocks, inspect.isclass)
        if issubclass(member, wagtail_blocks.RawHTMLBlock)
    ]

    def walk(block) -> Iterable:
        yield block
        for child in getattr(block, "child_blocks", {}).values():
            yield from walk(child)
        if child := getattr(block, "child_block", None):
            yield from walk(child)

    for model in apps.get_models():
        for model_field in model._meta.get_fields():
            if isinstance(model_field, StreamField):
                offenders += [
                    f"{model._meta.label}.{model_field.name}: {type(block).__name__}"
                    for block in walk(model_field.stream_block)
                    if isinstance(block, wagtail_blocks.RawHTMLBlock)
                ]
    assert offenders == []
