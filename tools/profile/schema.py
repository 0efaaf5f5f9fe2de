"""The requirement profile: a strict, documented contract shared by batch files, the API and the agent."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from knowledge.deployment import CpuArch
from knowledge.errors import InputFileError, ProfileError, ToolInputError
from knowledge.hardware import load_hardware
from knowledge.languages import normalise_language
from tools.documents.file_readers import decode_text
from tools.profile.yaml_limits import safe_load_bounded

KNOWN_DOMAINS = ("general", "legal", "medical", "finance", "code", "scientific", "ecommerce", "support")
Priority = Literal["quality", "cost", "latency"]

# Documented defaults: the output lists every field that fell back to one of these.
DEFAULTS: dict[str, Any] = {
    "domain": "general",
    "languages": ["en"],
    "doc_length_tokens": 500,
    "corpus_docs": 10_000,
    "queries_per_month": 100_000,
    "budget_usd_month": None,
    "hardware": {"accelerator": "none", "ram_gb": 16, "cpu_cores": 8},
    "deployment": "any",
    "data_must_stay_on_prem": False,
    "license": "commercial",
    "latency_p95_ms": None,
    "priorities": ["quality", "cost", "latency"],
    "top_k": 3,
    # Deployment fields (issue 15): None takes the documented default in knowledge/data/deployment.yaml; never asked,
    # and the answer's ``limits`` (not ``assumed_defaults``) states the value each one took.
    "query_length_tokens": None,
    "max_first_indexing_days": None,
    "max_compute_utilisation": None,
    "one_time_budget_usd": None,
    "precision_critical": None,
}
DEPLOYMENT_FIELDS: tuple[str, ...] = ("query_length_tokens", "max_first_indexing_days", "max_compute_utilisation",
                                      "one_time_budget_usd", "precision_critical")
DEFAULT_NOTES = {
    "domain": "general (no domain-specific benchmark)",
    "languages": "English only",
    "doc_length_tokens": "500 tokens per document",
    "corpus_docs": "10,000 documents",
    "queries_per_month": "100,000 queries a month",
    "budget_usd_month": "no budget limit",
    "hardware": "CPU only, 8 cores, 16 GB RAM",
    "deployment": "self-hosted or API",
    "data_must_stay_on_prem": "data may be sent to a hosted API",
    "license": "commercial use required",
    "latency_p95_ms": "no latency target",
    "priorities": "quality, then cost, then latency",
    "top_k": "3 recommendations",
    "query_length_tokens": "the domain's average query length (knowledge/data/deployment.yaml)",
    "max_first_indexing_days": "first indexing within 7 days",
    "max_compute_utilisation": "monthly embedding compute within half the month",
    "one_time_budget_usd": "one month's budget for the first indexing",
    "precision_critical": "a reranker for legal, medical and finance",
}


def _not_a_boolean(value: Any) -> Any:
    # pydantic reads true as 1 and false as 0 for numbers: a budget of "true" dollars is a mistake, not a number.
    if isinstance(value, bool):
        raise ValueError(f"expected a number, got {str(value).lower()}")
    return value


class Hardware(BaseModel):
    """What the user runs embeddings on: an accelerator name (or "none") and memory sizes."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    _numbers = field_validator("vram_gb", "ram_gb", "cpu_cores", mode="before")(_not_a_boolean)

    accelerator: str = Field(default="none", min_length=1, max_length=100)
    vram_gb: float | None = Field(default=None, gt=0, le=10_000)
    ram_gb: float | None = Field(default=16, gt=0, le=100_000)
    cpu_cores: int | None = Field(default=8, gt=0, le=4096)
    # Deployment fields (issue 15): not in DEFAULTS, so the interview never asks for them; the answer's ``limits``
    # states the value each one took.
    owned: bool = Field(default=True, description="true: the hardware is yours (cost is time); false: rented by the "
                        "hour at the hardware table's price")
    cpu_arch: CpuArch | None = Field(default=None, description="x86 (default for CPU servers), arm_server, arm (a "
                                     "Raspberry-Pi-class board) or apple; sets the CPU's throughput class")

    @field_validator("cpu_arch", mode="before")
    @classmethod
    def _cpu_arch(cls, value: Any) -> Any:
        aliases = {"x86_64": "x86", "amd64": "x86", "intel": "x86", "amd": "x86", "arm64": "arm", "aarch64": "arm",
                   "raspberry pi": "arm", "arm board": "arm", "graviton": "arm_server", "ampere": "arm_server",
                   "apple silicon": "apple", "mac": "apple"}
        return aliases.get(value.strip().lower(), value.strip().lower()) if isinstance(value, str) else value

    @property
    def is_cpu_only(self) -> bool:
        """True when there is no GPU or Apple accelerator."""
        return self.accelerator.strip().lower() in ("none", "cpu", "cpu only", "")

    @model_validator(mode="after")
    def _vram_known(self) -> Hardware:
        if self.is_cpu_only:
            return self
        try:
            acc = load_hardware().find(self.accelerator)
        except ToolInputError:
            if self.vram_gb is None:
                raise ValueError(
                    f"accelerator {self.accelerator!r} is not in the hardware table and vram_gb is not given; "
                    "give vram_gb or one of: " + ", ".join(load_hardware().suggest(self.accelerator) or ["T4", "L4"])
                ) from None
            return self
        if self.vram_gb is None and acc.kind != "cpu":
            self.vram_gb = float(acc.memory_gb.value)
        return self

    def cpu_class(self) -> str:
        """The hardware-table CPU class closest to ``cpu_cores`` (rounded down, at least 4 cores)."""
        return _cpu_class(self.cpu_cores or 8)


@functools.cache
def _cpu_class(cores: int) -> str:
    classes = sorted((int(a.name.split("-")[1].removesuffix("core")), a.name)
                     for a in load_hardware().accelerators if a.kind == "cpu")
    chosen = classes[0][1]
    for n, name in classes:
        if n <= cores:
            chosen = name
    return chosen


class RequirementProfile(BaseModel):
    """What the user needs; see DEFAULTS for the value each missing field takes."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False, allow_inf_nan=False)

    _numbers = field_validator("doc_length_tokens", "corpus_docs", "queries_per_month", "budget_usd_month",
                               "latency_p95_ms", "top_k", "query_length_tokens", "max_first_indexing_days",
                               "max_compute_utilisation", "one_time_budget_usd", mode="before")(_not_a_boolean)

    id: str = Field(default="profile", min_length=1, max_length=200)
    domain: str = Field(default=DEFAULTS["domain"], min_length=1, max_length=200)
    # validate_default: the default ("en") must be normalised like a given value ("eng"), or no model lists it.
    languages: list[str] = Field(default_factory=lambda: list(DEFAULTS["languages"]), min_length=1, max_length=50,
                                 validate_default=True)
    doc_length_tokens: int = Field(default=DEFAULTS["doc_length_tokens"], gt=0, le=10_000_000)
    corpus_docs: int = Field(default=DEFAULTS["corpus_docs"], gt=0, le=100_000_000_000)
    queries_per_month: int = Field(default=DEFAULTS["queries_per_month"], ge=0, le=1_000_000_000_000)
    budget_usd_month: float | None = Field(default=DEFAULTS["budget_usd_month"], ge=0, le=1_000_000_000)
    hardware: Hardware = Field(default_factory=Hardware)
    deployment: Literal["self_hosted", "api", "any"] = DEFAULTS["deployment"]
    data_must_stay_on_prem: bool = DEFAULTS["data_must_stay_on_prem"]
    license: Literal["commercial", "any"] = DEFAULTS["license"]
    latency_p95_ms: float | None = Field(default=DEFAULTS["latency_p95_ms"], gt=0, le=600_000)
    priorities: list[Priority] = Field(default_factory=lambda: list(DEFAULTS["priorities"]), min_length=1,
                                       json_schema_extra={"uniqueItems": True})  # checked by _priorities
    top_k: int = Field(default=DEFAULTS["top_k"], ge=1, le=20)
    # Deployment fields (issue 15): optional overrides of the documented defaults in knowledge/data/deployment.yaml.
    query_length_tokens: int | None = Field(default=None, gt=0, le=100_000,
                                            description="average query length; default per domain")
    max_first_indexing_days: float | None = Field(default=None, gt=0, le=3650,
                                                  description="the first pass must finish within this; default 7")
    max_compute_utilisation: float | None = Field(default=None, gt=0, le=1, description="share of the month the "
                                                  "monthly embedding compute may use; default 0.5")
    one_time_budget_usd: float | None = Field(default=None, ge=0, le=1_000_000_000, description="cash for the first "
                                              "pass; default one month's budget_usd_month")
    precision_critical: bool | None = Field(default=None, description="suggest a reranker; default true for legal, "
                                            "medical and finance")

    @field_validator("domain")
    @classmethod
    def _domain(cls, value: str) -> str:
        return value.strip().lower()

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: list[str]) -> list[str]:
        try:
            codes = [normalise_language(v, "languages").code for v in value]
        except ToolInputError as exc:  # a ValueError lets pydantic report it beside the other fields' errors
            raise ValueError(str(exc).replace("for languages; ", "")) from None
        return list(dict.fromkeys(codes))

    @field_validator("priorities")
    @classmethod
    def _priorities(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise ValueError("each priority may appear once")
        return value

    @property
    def known_domain(self) -> str:
        """The domain if it is one the benchmarks know, else "general"."""
        return self.domain if self.domain in KNOWN_DOMAINS else "general"

    @property
    def assumed_defaults(self) -> dict[str, str]:
        """Fields the user did not give, with the default that was assumed (in words)."""
        return {f: DEFAULT_NOTES[f] for f in DEFAULTS if f not in self.model_fields_set and f not in DEPLOYMENT_FIELDS}


# The profile's fields, defined once. The contract's order is RequirementProfile's; the interview asks the
# questions of INTERVIEW_ORDER in this order (scale first, then where it runs, then the limits); the rest of the
# fields (priorities, top_k and the DEPLOYMENT_FIELDS) are never asked. Everything else derives from these two.
PROFILE_FIELDS: tuple[str, ...] = tuple(name for name in RequirementProfile.model_fields if name != "id")
INTERVIEW_ORDER: tuple[str, ...] = (
    "domain", "languages", "doc_length_tokens", "corpus_docs", "queries_per_month", "data_must_stay_on_prem",
    "deployment", "hardware", "budget_usd_month", "latency_p95_ms", "license",
)
ASKED_FIELDS: tuple[str, ...] = tuple(f for f in PROFILE_FIELDS if f in INTERVIEW_ORDER)  # in the contract's order
NUMERIC_FIELDS: tuple[str, ...] = tuple(
    f for f in ASKED_FIELDS if RequirementProfile.model_fields[f].annotation in (int, float, float | None))


def _problems(exc: ValidationError) -> dict[str, str]:
    out: dict[str, str] = {}
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"] if not isinstance(p, int)) or "profile"
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field; allowed: " + ", ".join(RequirementProfile.model_fields)
            if field.startswith("hardware."):
                msg = "unknown field; allowed: " + ", ".join(Hardware.model_fields)
        out.setdefault(field, msg)
    return out


def parse_profile(data: Any, where: str = "") -> RequirementProfile:
    """Validate a mapping into a RequirementProfile; raise ProfileError naming every bad field."""
    if isinstance(data, RequirementProfile):
        return data
    if not isinstance(data, dict):
        raise ProfileError({"profile": f"expected a mapping of fields, got {type(data).__name__}"}, where)
    try:
        return RequirementProfile.model_validate(data)
    except ValidationError as exc:
        raise ProfileError(_problems(exc), where) from exc
    except ToolInputError as exc:  # language normalisation raised with the field named
        raise ProfileError({getattr(exc, "field", "profile"): str(exc)}, where) from exc


def load_profile_file(path: Path) -> RequirementProfile:
    """Read one profile from a YAML or JSON file."""
    import json

    import yaml

    try:
        text = decode_text(str(path), path.read_bytes())
    except OSError as exc:
        raise ProfileError({"file": f"cannot read {path}: {exc.strerror or exc}"}) from exc
    except ToolInputError as exc:  # not text, or not UTF-8: the message names the byte, line and column
        raise ProfileError({"file": str(exc)}) from exc
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else safe_load_bounded(text, str(path))
    except InputFileError as exc:  # an alias bomb
        raise ProfileError({"file": str(exc)}) from exc
    except (ValueError, yaml.YAMLError) as exc:
        kind = "JSON" if path.suffix.lower() == ".json" else "YAML"
        raise ProfileError({"file": f"{path} is not valid {kind}: {exc}"}) from exc
    except RecursionError:
        raise ProfileError({"file": f"{path}: nested too deeply"}) from None
    return parse_profile(data, where=str(path))
