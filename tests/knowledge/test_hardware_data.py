"""Tests for the curated hardware table: schema, data sanity, name lookup and error reporting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from knowledge.curated import Fact
from knowledge.errors import KnowledgeDataError, ToolInputError
from knowledge.hardware import HARDWARE_FILE, Accelerator, HardwareTable, load_hardware, normalise_name

CHECKED_ON = dt.date(2026, 11, 24)


@pytest.fixture(scope="module")
def table() -> HardwareTable:
    """Return the bundled hardware table."""
    return load_hardware()


def _all_facts(table: HardwareTable) -> list[tuple[str, Fact[object]]]:
    facts: list[tuple[str, Fact[object]]] = []
    for acc in table.accelerators:
        facts += [(f"{acc.name}.{field}", fact) for field, fact in acc.facts().items()]
    defaults = table.defaults
    facts.append(("defaults.utilisation", defaults.utilisation))
    if defaults.utilisation_by_kind is not None:
        facts.append(("defaults.utilisation_by_kind", defaults.utilisation_by_kind))
    return facts


def test_bundled_file_validates_and_is_cached(table: HardwareTable) -> None:
    """The bundled YAML loads, and loading it again without a path returns the cached table."""
    assert isinstance(table, HardwareTable)
    assert load_hardware() is table
    assert isinstance(load_hardware(HARDWARE_FILE), HardwareTable)


def test_required_accelerators_are_present(table: HardwareTable) -> None:
    """The table covers the devices the estimators are expected to know."""
    for name in [
        "T4", "L4", "A10G", "A10", "L40S", "A100-40GB", "A100-80GB", "H100-SXM-80GB", "RTX 3090", "RTX 4090",
        "RTX A6000", "M1 16GB", "M2 Max 32GB", "M3 Pro 18GB", "M4 Max 36GB",
        "cpu-4core", "cpu-8core", "cpu-16core", "cpu-32core",
    ]:  # fmt: skip
        assert table.find(name).name == name
    kinds = {acc.kind for acc in table.accelerators}
    assert kinds == {"gpu", "apple", "cpu"}


@pytest.mark.parametrize("acc", load_hardware().accelerators, ids=lambda a: a.name)
def test_accelerator_values_are_sane(acc: Accelerator) -> None:
    """Memory is positive, prices are not negative, and GPU FP16 is never below FP32."""
    assert acc.memory_gb.value > 0
    assert acc.hourly_usd.value >= 0
    assert acc.memory_bandwidth_gb_s.value > 0
    assert acc.fp32_tflops.value > 0
    if acc.kind == "gpu":
        assert acc.fp16_tflops.value >= acc.fp32_tflops.value
        assert acc.int8_support.value is True
    assert acc.peak_tflops("fp16") == acc.fp16_tflops.value
    assert acc.peak_tflops("fp32") == acc.fp32_tflops.value


def test_every_fact_has_http_source_and_check_date(table: HardwareTable) -> None:
    """Every fact carries a URL source and a curation date (the table's, or later for entries added since)."""
    facts = _all_facts(table)
    assert len(facts) > 6 * len(table.accelerators)
    for where, fact in facts:
        assert fact.source.startswith("http"), where
        assert fact.checked_on >= CHECKED_ON, where


def test_prices_name_where_they_come_from(table: HardwareTable) -> None:
    """Every hourly price has a note naming the instance, rental offer or amortisation behind it."""
    for acc in table.accelerators:
        assert acc.hourly_usd.note, acc.name
        if acc.kind == "apple":
            assert "amortised" in acc.hourly_usd.note.lower(), acc.name


def test_aliases_are_unique_across_entries(table: HardwareTable) -> None:
    """No name or alias, once normalised, points at two entries."""
    owner: dict[str, str] = {}
    for acc in table.accelerators:
        for label in {normalise_name(x) for x in [acc.name, *acc.aliases]}:
            assert label not in owner, f"{label!r} used by {owner.get(label)} and {acc.name}"
            owner[label] = acc.name


def test_defaults(table: HardwareTable) -> None:
    """The default accelerator is the 8-core CPU class and utilisation is a sourced fraction."""
    assert table.defaults.accelerator == "cpu-8core"
    assert table.default().name == "cpu-8core"
    assert 0 < table.defaults.utilisation.value <= 1
    assert table.defaults.utilisation.note
    for acc in table.accelerators:
        assert 0 < table.utilisation_for(acc) <= 1


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("T4", "T4"),
        ("tesla t4", "T4"),
        ("Tesla T4", "T4"),
        ("nvidia t4", "T4"),
        ("NVIDIA A100 80GB", "A100-80GB"),
        ("A100 80GB", "A100-80GB"),
        ("a100", "A100-40GB"),
        ("rtx 4090", "RTX 4090"),
        ("NVIDIA GeForce RTX 4090", "RTX 4090"),
        ("4090", "RTX 4090"),
        ("M2 Mac", "M2 16GB"),
        ("mac m2", "M2 16GB"),
        ("Apple M2 Max", "M2 Max 32GB"),
        ("h100", "H100-SXM-80GB"),
        ("H100 PCIe", "H100-PCIe-80GB"),
        ("L4 GPU", "L4"),
        ("g5.xlarge", "A10G"),
        ("cpu only", "cpu-8core"),
        ("CPU", "cpu-8core"),
        ("16 vCPU", "cpu-16core"),
    ],
)
def test_find_resolves_user_strings(table: HardwareTable, typed: str, expected: str) -> None:
    """Realistic user strings resolve to the expected entry."""
    assert table.find(typed).name == expected


def test_find_unknown_raises_with_suggestion(table: HardwareTable) -> None:
    """An unknown name raises ToolInputError that suggests close entries."""
    with pytest.raises(ToolInputError) as info:
        table.find("A101")
    message = str(info.value)
    assert "A101" in message
    assert "Did you mean" in message
    assert "A100-40GB" in message or "A10" in message


def _entry(**overrides: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "name": "Test GPU",
        "aliases": ["tg"],
        "kind": "gpu",
        "source": "https://example.com/datasheet",
        "checked_on": "2026-11-24",
        "memory_gb": 16,
        "fp16_tflops": 65,
        "fp32_tflops": 8.1,
        "memory_bandwidth_gb_s": 320,
        "int8_support": True,
        "hourly_usd": {"value": 0.5, "source": "https://example.com/pricing", "note": "example"},
    }
    entry.update(overrides)
    return entry


def _write(tmp_path: Path, accelerators: list[dict[str, object]]) -> Path:
    data = {
        "accelerators": accelerators,
        "defaults": {
            "accelerator": "Test GPU",
            "source": "https://example.com/mfu",
            "checked_on": "2026-11-24",
            "utilisation": 0.3,
        },
    }
    path = tmp_path / "hardware.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_minimal_file_loads_and_plain_values_inherit_provenance(tmp_path: Path) -> None:
    """Plain values take the entry's source and date; mapping facts keep their own source."""
    table = load_hardware(_write(tmp_path, [_entry()]))
    acc = table.find("tg")
    assert acc.memory_gb.value == 16
    assert acc.memory_gb.source == "https://example.com/datasheet"
    assert acc.hourly_usd.source == "https://example.com/pricing"
    assert acc.hourly_usd.checked_on == CHECKED_ON


def test_negative_memory_names_file_and_field(tmp_path: Path) -> None:
    """A negative memory value is rejected with a message naming the file, the entry and the field."""
    path = _write(tmp_path, [_entry(memory_gb=-16)])
    with pytest.raises(KnowledgeDataError) as info:
        load_hardware(path)
    message = str(info.value)
    assert str(path) in message
    assert "memory_gb" in message
    assert "Test GPU" in message


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"hourly_usd": -1}, "hourly_usd"),
        ({"kind": "tpu"}, "kind"),
        ({"vram": 16}, "vram"),
        ({"source": None}, "source"),
    ],
)
def test_invalid_entries_are_rejected(tmp_path: Path, overrides: dict[str, object], field: str) -> None:
    """Bad values, unknown kinds, unknown keys and missing sources all fail with the field named."""
    with pytest.raises(KnowledgeDataError) as info:
        load_hardware(_write(tmp_path, [_entry(**overrides)]))
    assert field in str(info.value)


def test_duplicate_alias_across_entries_is_rejected(tmp_path: Path) -> None:
    """Two entries may not claim the same alias, even spelled differently."""
    path = _write(tmp_path, [_entry(), _entry(name="Other GPU", aliases=["T-G"])])
    with pytest.raises(KnowledgeDataError, match="already used"):
        load_hardware(path)


def test_unknown_default_accelerator_is_rejected(tmp_path: Path) -> None:
    """The default accelerator must be one of the listed entries."""
    path = _write(tmp_path, [_entry()])
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["defaults"]["accelerator"] = "cpu-8core"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(KnowledgeDataError, match="defaults"):
        load_hardware(path)


def test_broken_yaml_syntax_names_file(tmp_path: Path) -> None:
    """Unparseable YAML is reported with the file path."""
    path = tmp_path / "hardware.yaml"
    path.write_text("accelerators: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeDataError) as info:
        load_hardware(path)
    assert str(path) in str(info.value)
