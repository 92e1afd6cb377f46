"""The project's own ``bridge_sample`` test, run by CI with the plugin over the recorded samples
(``bash .ci/samples``): every sample, converted into every other format, is what the official
SDK's types accept. Skipped without ``--bridge-samples``."""

from __future__ import annotations

import pytest

from openai_claude_bridge.options import FORMATS, Format
from openai_claude_bridge.testing.samples import Sample
from tests.support.external import convert_recording, sdk_problems


@pytest.mark.parametrize("target", FORMATS)
def test_the_sdk_accepts_every_conversion(bridge_sample: Sample, target: Format) -> None:
    if target == bridge_sample.format:
        pytest.skip("X -> X gives the sample back as it came, fields the SDK does not know too")
    output = convert_recording(bridge_sample, target)
    assert sdk_problems(bridge_sample.kind, target, output) == []
