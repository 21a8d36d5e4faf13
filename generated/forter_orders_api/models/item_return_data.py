from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject
    from ..models.pos_details import PosDetails


T = TypeVar("T", bound="ItemReturnData")


@_attrs_define(repr=False)
class ItemReturnData:
    """A returned item, for point-of-sale returns.

    Attributes:
        pos_details (PosDetails | Unset): The store and workstation of a point-of-sale transaction.
        return_status_log (FreeFormObject | Unset): A free-form object passed through to Forter as is (processor,
            gateway and platform payloads, whose members are defined by the sending system).
    """

    pos_details: PosDetails | Unset = UNSET
    return_status_log: FreeFormObject | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.pos_details import PosDetails  # noqa: PLC0415

        pos_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pos_details, Unset):
            pos_details = self.pos_details.to_dict()

        return_status_log: dict[str, Any] | Unset = UNSET
        if not isinstance(self.return_status_log, Unset):
            return_status_log = self.return_status_log.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if pos_details is not UNSET:
            field_dict["posDetails"] = pos_details
        if return_status_log is not UNSET:
            field_dict["returnStatusLog"] = return_status_log

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.pos_details import PosDetails  # noqa: PLC0415

        d = dict(src_dict)
        _pos_details = d.pop("posDetails", UNSET)
        pos_details: PosDetails | Unset
        if isinstance(_pos_details, Unset):
            pos_details = UNSET
        else:
            pos_details = PosDetails.from_dict(_pos_details)

        _return_status_log = d.pop("returnStatusLog", UNSET)
        return_status_log: FreeFormObject | Unset
        if isinstance(_return_status_log, Unset):
            return_status_log = UNSET
        else:
            return_status_log = FreeFormObject.from_dict(_return_status_log)

        item_return_data = cls(
            pos_details=pos_details,
            return_status_log=return_status_log,
        )

        item_return_data.additional_properties = d
        return item_return_data

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
