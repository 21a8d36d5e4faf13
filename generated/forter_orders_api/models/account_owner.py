from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.free_form_object import FreeFormObject
    from ..models.social_network_profile import SocialNetworkProfile


T = TypeVar("T", bound="AccountOwner")


@_attrs_define(repr=False)
class AccountOwner:
    """The customer's account at the merchant (accountOwner); its email drives Forter's sandbox test decisions.

    Attributes:
        email (str | Unset): Email. On a sandbox site the addresses under `x-forter-test-decisions` get that decision
            (the local mock answers them the same way).
        first_name (str | Unset):
        last_name (str | Unset):
        social_network_data (list[SocialNetworkProfile] | Unset):
        account_id (int | str | Unset): The customer's account id; a string, or a number where the platform's ids are
            numbers.
        created (int | Unset): Account creation time, Unix epoch (seconds or milliseconds, as checkoutTime).
        past_orders_count (int | Unset):
        past_orders_sum (float | Unset): What the customer's past orders add up to, as a JSON number (not an Amount
            object): Forter's Magento 2 plugin and its popshop demo send the sum of the orders' grand totals.
        full_name (str | Unset):
        birth_date (datetime.date | Unset): YYYY-MM-DD.
        gender (str | Unset): Note: example "male" (lower-cased page).
        loyalty_programs_in_account (list[FreeFormObject] | Unset):
        registration_ip (str | Unset): IP address the account was registered from.
    """

    email: str | Unset = UNSET
    first_name: str | Unset = UNSET
    last_name: str | Unset = UNSET
    social_network_data: list[SocialNetworkProfile] | Unset = UNSET
    account_id: int | str | Unset = UNSET
    created: int | Unset = UNSET
    past_orders_count: int | Unset = UNSET
    past_orders_sum: float | Unset = UNSET
    full_name: str | Unset = UNSET
    birth_date: datetime.date | Unset = UNSET
    gender: str | Unset = UNSET
    loyalty_programs_in_account: list[FreeFormObject] | Unset = UNSET
    registration_ip: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.social_network_profile import SocialNetworkProfile  # noqa: PLC0415

        email = self.email

        first_name = self.first_name

        last_name = self.last_name

        social_network_data: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.social_network_data, Unset):
            social_network_data = []
            for social_network_data_item_data in self.social_network_data:
                social_network_data_item = social_network_data_item_data.to_dict()
                social_network_data.append(social_network_data_item)

        account_id: int | str | Unset
        if isinstance(self.account_id, Unset):
            account_id = UNSET
        else:
            account_id = self.account_id

        created = self.created

        past_orders_count = self.past_orders_count

        past_orders_sum = self.past_orders_sum

        full_name = self.full_name

        birth_date: str | Unset = UNSET
        if not isinstance(self.birth_date, Unset):
            birth_date = self.birth_date.isoformat()

        gender = self.gender

        loyalty_programs_in_account: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.loyalty_programs_in_account, Unset):
            loyalty_programs_in_account = []
            for (
                loyalty_programs_in_account_item_data
            ) in self.loyalty_programs_in_account:
                loyalty_programs_in_account_item = (
                    loyalty_programs_in_account_item_data.to_dict()
                )
                loyalty_programs_in_account.append(loyalty_programs_in_account_item)

        registration_ip = self.registration_ip

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if first_name is not UNSET:
            field_dict["firstName"] = first_name
        if last_name is not UNSET:
            field_dict["lastName"] = last_name
        if social_network_data is not UNSET:
            field_dict["socialNetworkData"] = social_network_data
        if account_id is not UNSET:
            field_dict["accountId"] = account_id
        if created is not UNSET:
            field_dict["created"] = created
        if past_orders_count is not UNSET:
            field_dict["pastOrdersCount"] = past_orders_count
        if past_orders_sum is not UNSET:
            field_dict["pastOrdersSum"] = past_orders_sum
        if full_name is not UNSET:
            field_dict["fullName"] = full_name
        if birth_date is not UNSET:
            field_dict["birthDate"] = birth_date
        if gender is not UNSET:
            field_dict["gender"] = gender
        if loyalty_programs_in_account is not UNSET:
            field_dict["loyaltyProgramsInAccount"] = loyalty_programs_in_account
        if registration_ip is not UNSET:
            field_dict["registrationIP"] = registration_ip

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.free_form_object import FreeFormObject  # noqa: PLC0415
        from ..models.social_network_profile import SocialNetworkProfile  # noqa: PLC0415

        d = dict(src_dict)
        email = d.pop("email", UNSET)

        first_name = d.pop("firstName", UNSET)

        last_name = d.pop("lastName", UNSET)

        _social_network_data = d.pop("socialNetworkData", UNSET)
        social_network_data: list[SocialNetworkProfile] | Unset = UNSET
        if _social_network_data is not UNSET:
            social_network_data = []
            for social_network_data_item_data in _social_network_data:
                social_network_data_item = SocialNetworkProfile.from_dict(
                    social_network_data_item_data
                )

                social_network_data.append(social_network_data_item)

        def _parse_account_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        account_id = _parse_account_id(d.pop("accountId", UNSET))

        created = d.pop("created", UNSET)

        past_orders_count = d.pop("pastOrdersCount", UNSET)

        past_orders_sum = d.pop("pastOrdersSum", UNSET)

        full_name = d.pop("fullName", UNSET)

        _birth_date = d.pop("birthDate", UNSET)
        birth_date: datetime.date | Unset
        if isinstance(_birth_date, Unset):
            birth_date = UNSET
        else:
            birth_date = datetime.date.fromisoformat(_birth_date)

        gender = d.pop("gender", UNSET)

        _loyalty_programs_in_account = d.pop("loyaltyProgramsInAccount", UNSET)
        loyalty_programs_in_account: list[FreeFormObject] | Unset = UNSET
        if _loyalty_programs_in_account is not UNSET:
            loyalty_programs_in_account = []
            for loyalty_programs_in_account_item_data in _loyalty_programs_in_account:
                loyalty_programs_in_account_item = FreeFormObject.from_dict(
                    loyalty_programs_in_account_item_data
                )

                loyalty_programs_in_account.append(loyalty_programs_in_account_item)

        registration_ip = d.pop("registrationIP", UNSET)

        account_owner = cls(
            email=email,
            first_name=first_name,
            last_name=last_name,
            social_network_data=social_network_data,
            account_id=account_id,
            created=created,
            past_orders_count=past_orders_count,
            past_orders_sum=past_orders_sum,
            full_name=full_name,
            birth_date=birth_date,
            gender=gender,
            loyalty_programs_in_account=loyalty_programs_in_account,
            registration_ip=registration_ip,
        )

        account_owner.additional_properties = d
        return account_owner

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
