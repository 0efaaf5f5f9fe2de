"""Curated accelerator specs and hourly prices for the cost and hardware-fit estimators."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from knowledge.curated import DATA_DIR, Fact, load_data
from knowledge.errors import ToolInputError, close_matches

Kind = Literal["gpu", "apple", "cpu"]
Precision = Literal["fp16", "fp32"]

Positive = Annotated[float, Field(gt=0)]
NonNegative = Annotated[float, Field(ge=0)]
Fraction = Annotated[float, Field(gt=0, le=1)]

HARDWARE_FILE = DATA_DIR / "hardware.yaml"
CLOUD_INSTANCES_FILE = DATA_DIR / "cloud_instances.yaml"

# Entry keys that are metadata, never facts.
_META_KEYS = frozenset({"name", "aliases", "source", "checked_on", "note", "kind", "accelerator"})

# Vendor words users prepend ("NVIDIA GeForce RTX 4090", "Apple M2") and suffixes they append ("T4 GPU").
_PREFIXES = ("nvidia", "geforce", "tesla", "apple")
_SUFFIXES = ("gpu",)


def normalise_name(name: str) -> str:
    """Return the lookup key of an accelerator name: lower case, without spaces, hyphens or underscores.

    Args:
        name: A name or alias as a user would type it, e.g. ``"Tesla T4"``.

    Returns:
        The key used for matching, e.g. ``"teslat4"``.
    """
    return re.sub(r"[\s\-_]+", "", name.strip().lower())


def _candidate_keys(name: str) -> Iterator[str]:
    """Yield the normalised name, then variants with vendor prefixes and a trailing "gpu" removed."""
    key = normalise_name(name)
    yield key
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix):
                key = key[len(prefix) :]
                changed = True
                yield key
        for suffix in _SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                changed = True
                yield key


def _wrap_facts(data: Any, meta: frozenset[str]) -> Any:
    """Turn plain values into Fact dicts that inherit the entry-level provenance.

    Plain values inherit the entry's ``source``, ``checked_on`` and ``note``; values written as a
    mapping with a ``value`` key inherit only ``source`` and ``checked_on`` (their note is their own).

    Args:
        data: The raw mapping of one entry, as read from YAML.
        meta: Keys that are entry metadata, never facts.

    Returns:
        The mapping with every fact in ``Fact`` form; non-mappings are returned unchanged.
    """
    if not isinstance(data, dict):
        return data
    inherited = {"source": data.get("source"), "checked_on": data.get("checked_on")}
    wrapped = dict(data)
    for key, value in data.items():
        if key in meta or value is None:
            continue
        if isinstance(value, dict) and "value" in value:
            wrapped[key] = {**inherited, **value}
        else:
            fact = {"value": value, **inherited}
            if data.get("note") is not None:
                fact["note"] = data["note"]
            wrapped[key] = fact
    return wrapped


class _HardwareEntry(BaseModel):
    """Shared shape: entry-level ``source``/``checked_on``/``note`` apply to facts given as plain values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(min_length=4)
    checked_on: dt.date
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _wrap_plain_values(cls, data: Any) -> Any:
        return _wrap_facts(data, _META_KEYS)


class Accelerator(_HardwareEntry):
    """One device class: a GPU, an Apple-silicon unified-memory class, or a cloud CPU class.

    Every spec is a ``Fact`` (value plus provenance); read numbers as ``acc.memory_gb.value``.
    Peak TFLOPS are dense (no structured sparsity); ``fp16_tflops`` is the tensor-core FP16/BF16
    rate with FP32 accumulation for NVIDIA GPUs, the GPU FP16 rate for Apple, and the AVX-512 FP32
    rate for CPU classes (half precision is not assumed to be faster on CPU).
    """

    name: str = Field(min_length=2)
    aliases: list[str] = []
    kind: Kind
    memory_gb: Fact[Positive]
    fp16_tflops: Fact[Positive]
    fp32_tflops: Fact[Positive]
    memory_bandwidth_gb_s: Fact[Positive]
    int8_support: Fact[bool]
    hourly_usd: Fact[NonNegative]
    tdp_watts: Fact[Positive] | None = None
    power_notes: Fact[str] | None = None

    def peak_tflops(self, precision: Precision = "fp16") -> float:
        """Return the dense peak throughput for a precision.

        Args:
            precision: ``"fp16"`` (also BF16) or ``"fp32"``.

        Returns:
            Peak TFLOPS for one device.
        """
        return self.fp16_tflops.value if precision == "fp16" else self.fp32_tflops.value

    def facts(self) -> dict[str, Fact[Any]]:
        """Return every fact of this entry by field name, for provenance display.

        Returns:
            A mapping such as ``{"memory_gb": Fact(...), "hourly_usd": Fact(...)}``; absent optional facts are left out.
        """
        return {name: value for name, value in self if isinstance(value, Fact)}


class HardwareDefaults(_HardwareEntry):
    """What the estimators assume when the caller does not say."""

    accelerator: str = Field(min_length=2)
    utilisation: Fact[Fraction]
    utilisation_by_kind: Fact[dict[Kind, Fraction]] | None = None


class HardwareTable(BaseModel):
    """Schema of ``hardware.yaml``: the accelerators and the defaults, with name lookup."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    accelerators: list[Accelerator] = Field(min_length=1)
    defaults: HardwareDefaults

    _index: dict[str, Accelerator] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _build_index(self) -> HardwareTable:
        index: dict[str, Accelerator] = {}
        for acc in self.accelerators:
            for label in [acc.name, *acc.aliases]:
                key = normalise_name(label)
                if not key:
                    raise ValueError(f"accelerator {acc.name!r} has an empty alias")
                owner = index.get(key)
                if owner is not None and owner is not acc:
                    raise ValueError(f"name or alias {label!r} of {acc.name!r} is already used by {owner.name!r}")
                index[key] = acc
        self._index = index
        if self._lookup(self.defaults.accelerator) is None:
            raise ValueError(f"defaults.accelerator {self.defaults.accelerator!r} is not a listed accelerator")
        return self

    def _lookup(self, name: str) -> Accelerator | None:
        for key in _candidate_keys(name):
            if key in self._index:
                return self._index[key]
        # An Apple chip with another memory size than the table's part ("M3 Max 64GB"): the chip, whose memory the
        # profile's vram_gb gives; a GPU's memory picks a different card, so only Apple chips fall back this way.
        bare = re.sub(r"[\s\-]*\d+\s*gb$", "", name.strip(), flags=re.IGNORECASE)
        if bare != name.strip():
            chip = self._lookup(bare)
            if chip is not None and chip.kind == "apple":
                return chip
        return None

    def labels(self) -> list[str]:
        """Return every accepted name and alias, names first.

        Returns:
            The names of all accelerators followed by all their aliases.
        """
        return [acc.name for acc in self.accelerators] + [a for acc in self.accelerators for a in acc.aliases]

    def find(self, name: str) -> Accelerator:
        """Return the accelerator a user string refers to.

        Matching is case-insensitive on names and aliases, ignores spaces, hyphens and underscores,
        and tolerates vendor prefixes ("NVIDIA", "GeForce", "Tesla", "Apple") and a trailing "GPU".

        Args:
            name: What the user typed, e.g. ``"Tesla T4"``, ``"NVIDIA A100 80GB"``, ``"M2 Mac"``, ``"cpu only"``.

        Returns:
            The matching accelerator.

        Raises:
            ToolInputError: No accelerator matches; the message suggests close names.
        """
        found = self._lookup(name)
        if found is not None:
            return found
        suggestions = self.suggest(name)
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        raise ToolInputError(f"Unknown accelerator {name!r}.{hint}")

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Return the canonical names of up to ``n`` accelerators whose name or alias is close to ``name``.

        Args:
            name: What the user typed.
            n: How many names at most.

        Returns:
            Canonical accelerator names, closest first; empty when nothing is close.
        """
        labels = close_matches(name, self.labels(), n=3 * n)
        if not labels:
            pool = {normalise_name(label): label for label in self.labels()}
            stripped = list(_candidate_keys(name))[-1]
            labels = [pool[key] for key in close_matches(stripped, pool, n=3 * n)]
        names: list[str] = []
        for label in labels:
            canonical = self._index[normalise_name(label)].name
            if canonical not in names:
                names.append(canonical)
        return names[:n]

    def default(self) -> Accelerator:
        """Return the accelerator assumed when none is given.

        Returns:
            The entry named by ``defaults.accelerator``.
        """
        return self.find(self.defaults.accelerator)

    def utilisation_for(self, accelerator: Accelerator) -> float:
        """Return the fraction of peak throughput embedding inference typically reaches on a device.

        Args:
            accelerator: The device the estimate is for.

        Returns:
            The per-kind utilisation when curated, else the global default.
        """
        by_kind = self.defaults.utilisation_by_kind
        if by_kind is not None and accelerator.kind in by_kind.value:
            return by_kind.value[accelerator.kind]
        return self.defaults.utilisation.value


def load_hardware(path: Path | None = None) -> HardwareTable:
    """Load and validate the hardware table.

    Args:
        path: A YAML file to read; ``None`` reads the bundled ``knowledge/data/hardware.yaml`` (cached).

    Returns:
        The validated table.

    Raises:
        KnowledgeDataError: The file is unreadable or invalid; the message names the file and the field.
    """
    return load_data(path, HARDWARE_FILE, HardwareTable)


class CloudInstance(BaseModel):
    """One cloud instance family that names the card it rents (``g5`` is an A10G, ``Standard_NC6s_v3`` a V100)."""

    model_config = ConfigDict(extra="forbid")

    family: str = Field(min_length=2, description="Python regex of the family name on lower-case text")
    card: str = Field(min_length=1, description="a name of the hardware table")
    provider: str = Field(min_length=1)
    source: str = Field(min_length=1)

    @model_validator(mode="after")
    def _valid(self) -> CloudInstance:
        try:
            re.compile(self.family)
        except re.error as exc:
            raise ValueError(f"family {self.family!r} is not a valid regular expression: {exc}") from exc
        try:
            load_hardware().find(self.card)
        except ToolInputError as exc:
            raise ValueError(f"card {self.card!r} of family {self.family!r} is not in hardware.yaml") from exc
        return self


class CloudInstanceTable(BaseModel):
    """Schema of ``cloud_instances.yaml``: instance families, most specific first."""

    model_config = ConfigDict(extra="forbid")

    instances: list[CloudInstance] = Field(min_length=1)


def load_cloud_instances(path: Path | None = None) -> CloudInstanceTable:
    """Load and validate the cloud instance families (each card checked against the hardware table).

    Args:
        path: A YAML file to read; ``None`` reads the bundled ``knowledge/data/cloud_instances.yaml`` (cached).

    Raises:
        KnowledgeDataError: The file is unreadable or invalid; the message names the file and the entry.
    """
    return load_data(path, CLOUD_INSTANCES_FILE, CloudInstanceTable)
