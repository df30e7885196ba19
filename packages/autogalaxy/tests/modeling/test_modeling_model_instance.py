import pytest

from autogalaxy.modeling import ModelInstance


def test_insertion_order_indexing_and_added_attributes():
    instance = ModelInstance({"lens": 1.0, "source": 2.0})
    assert list(instance) == [1.0, 2.0]
    assert instance[1] == 2.0 and instance["lens"] == 1.0
    instance.extra = 3.0
    assert instance.keys() == ["lens", "source", "extra"]
    assert instance.dict == {"lens": 1.0, "source": 2.0, "extra": 3.0}
    assert len(instance) == 3
    assert repr(instance) == "ModelInstance(lens, source, extra)"
    with pytest.raises(AttributeError):
        instance["missing"]
