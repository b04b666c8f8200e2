"""The office profile: who the secretariat is, how it numbers its papers, whom it addresses.

One YAML file beside the archive (``office.yaml`` in the folder of ``minutes.db``),
written by ``minutes office init`` and edited by hand. Every document takes the organ's
name, 发文机关标志, numbers, contact and member units from it. The file is read with
``yaml.safe_load`` after a size check, and every field is checked by type: a clerk's
typo is one error line naming the field, never a traceback.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from minutes.errors import MinutesError

PROFILE_NAME = "office.yaml"
MAX_BYTES = 64 * 1024  # a profile is a page of settings; anything larger is not one
REPORT_TARGETS = ("office", "lead")  # whom a unit of a role reports to


class ProfileError(MinutesError):
    """The office profile is missing, unreadable or has a wrong field."""


@dataclass
class Profile:
    organ: str  # 青川市大气污染防治工作领导小组办公室
    short_name: str = ""  # 市大气办
    masthead: str = ""  # 发文机关标志; default ``{organ}``
    minutes_number: str = "第{n}期"
    assignment_number: str = "〔{year}〕督字{n}号"
    contact: str = ""
    phone: str = ""
    members: list[str] = field(default_factory=list)  # the member units (各成员单位)
    # a collective name as documents write it → the units it stands for; the name
    # 各成员单位 stands for ``members`` unless listed here
    groups: dict[str, list[str]] = field(default_factory=dict)
    # role → whom its unit reports to: "office" (this office) or "lead" (the task's lead unit)
    report_to: dict[str, str] = field(default_factory=lambda: {"lead": "office", "responsible": "office", "support": "lead"})

    @property
    def name(self) -> str:
        """How running text names the office: the short name when there is one."""
        return self.short_name or self.organ

    def recipients(self, unit: str) -> list[str]:
        """The units a name written in a task stands for: 各成员单位 → every member, a
        group → its units, any other name → itself."""
        if unit in self.groups:
            return list(self.groups[unit])
        if unit == "各成员单位" and self.members:
            return list(self.members)
        return [unit]

    def assignment_number_for(self, year: int, n: int) -> str:
        return self.assignment_number.format(year=year, n=n)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


EXAMPLE = Profile(
    organ="青川市大气污染防治工作领导小组办公室",
    short_name="市大气办",
    masthead="青川市大气污染防治工作领导小组办公室",
    contact="联系人姓名",
    phone="0000-00000000",
    members=["市生态环境局", "市住房城乡建设局", "市交通运输局", "市公安局"],
    groups={"各区县人民政府": ["甲区人民政府", "乙县人民政府"]},
)

_TEXT_FIELDS = ("organ", "short_name", "masthead", "minutes_number", "assignment_number", "contact", "phone")


def profile_path(db: str | Path) -> Path:
    """Where the profile of the archive ``db`` lives: ``office.yaml`` beside it."""
    return Path(db).resolve().parent / PROFILE_NAME


def parse_profile(text: str, name: str = PROFILE_NAME) -> Profile:
    """A profile from its YAML text; ``name`` is how messages call the file."""
    import yaml

    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ProfileError(f"{name} is larger than {MAX_BYTES // 1024} KB; it is not an office profile")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ProfileError(f"{name} is not valid YAML{where}: {getattr(error, 'problem', None) or error}") from None
    if not isinstance(data, dict):
        raise ProfileError(f"{name} must be a YAML mapping of fields (organ, short_name, members, ...)")
    known = {f for f in Profile.__dataclass_fields__}
    unknown = sorted(str(key) for key in data if key not in known)
    if unknown:
        raise ProfileError(f"{name}: unknown field {unknown[0]!r} (known: {', '.join(sorted(known))})")
    values: dict[str, Any] = {}
    for key in _TEXT_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ProfileError(f"{name}: field {key!r} must be a text, not {type(value).__name__}")
        values[key] = str(value).strip()
    if not values.get("organ"):
        raise ProfileError(f"{name}: field 'organ' (the office's full name) is required")
    for key in ("minutes_number", "assignment_number"):
        if key in values:
            _check_pattern(name, key, values[key])
    if data.get("members") is not None:
        values["members"] = _names(name, "members", data["members"])
    if data.get("groups") is not None:
        groups = data["groups"]
        if not isinstance(groups, dict):
            raise ProfileError(f"{name}: field 'groups' must map a collective name to a list of units")
        values["groups"] = {str(k).strip(): _names(name, f"groups.{k}", v) for k, v in groups.items()}
    if data.get("report_to") is not None:
        rules = data["report_to"]
        if not isinstance(rules, dict) or not all(
            k in ("lead", "support", "responsible") and v in REPORT_TARGETS for k, v in rules.items()
        ):
            raise ProfileError(f"{name}: field 'report_to' maps lead/support/responsible to office or lead")
        values["report_to"] = {**Profile("x").report_to, **rules}
    return Profile(**values)


def _check_pattern(name: str, key: str, pattern: str) -> None:
    if "{n}" not in pattern:
        raise ProfileError(f"{name}: field {key!r} must contain {{n}} (the number), e.g. 第{{n}}期")
    try:
        pattern.format(year=2025, n=1)
    except (KeyError, IndexError, ValueError) as error:
        raise ProfileError(f"{name}: field {key!r} may use only {{year}} and {{n}} ({error})") from None


def _names(name: str, key: str, value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ProfileError(f"{name}: field {key!r} must be a list of unit names")
    return [v.strip() for v in value]


def load_profile(db: str | Path) -> Profile | None:
    """The profile beside the archive ``db``, or None when there is none."""
    path = profile_path(db)
    if not path.exists():
        return None
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ProfileError(f"{path.name} is larger than {MAX_BYTES // 1024} KB; it is not an office profile")
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ProfileError(f"cannot read {path}: {getattr(error, 'strerror', None) or error}") from None
    return parse_profile(text, path.name)


def dump_profile(profile: Profile) -> str:
    """The profile as the YAML ``minutes office init`` writes (field order kept, Chinese as is)."""
    import yaml

    head = (
        "# 办公室信息：所有文书（会议纪要、交办单、督办通知、台账）都从这里取机关名称、编号和联系人。\n"
        "# minutes_number / assignment_number: {n} 为序号，{year} 为年份。\n"
        "# groups: 文中的统称（各区县人民政府）→ 实际收文单位；report_to: 各职责单位向谁反馈（office 本办 / lead 牵头单位）。\n"
    )
    return head + yaml.safe_dump(profile.to_dict(), allow_unicode=True, sort_keys=False)
