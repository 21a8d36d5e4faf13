from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.amount import Amount
    from ..models.ip_record import IpRecord
    from ..models.personal_details import PersonalDetails
    from ..models.rating import Rating


T = TypeVar("T", bound="SellerDetails")


@_attrs_define(repr=False)
class SellerDetails:
    """A marketplace seller or a driver: account age, ratings, funds and logins.

    Attributes:
        available_funds_for_withdrawal (Amount | Unset): An amount of money as decimal strings (never floats):
            amountLocalCurrency with its ISO 4217 currency, and optionally amountUSD. Some senders give amountUSD with its
            currency and no amountLocalCurrency.
        rating_as_buyer (Rating | Unset): A rating score and its source.
        rating_as_seller (Rating | Unset): A rating score and its source.
        seller_account_creation_date (int | Unset): Epoch seconds.
        seller_last_login_ip (IpRecord | Unset): An IP address with when it was seen.
        seller_personal_details (PersonalDetails | Unset): A person's name and email.
        seller_registration_ip (IpRecord | Unset): An IP address with when it was seen.
        seller_past_sales_count (int | Unset):
        seller_past_sales_sum (Amount | Unset): An amount of money as decimal strings (never floats):
            amountLocalCurrency with its ISO 4217 currency, and optionally amountUSD. Some senders give amountUSD with its
            currency and no amountLocalCurrency.
    """

    available_funds_for_withdrawal: Amount | Unset = UNSET
    rating_as_buyer: Rating | Unset = UNSET
    rating_as_seller: Rating | Unset = UNSET
    seller_account_creation_date: int | Unset = UNSET
    seller_last_login_ip: IpRecord | Unset = UNSET
    seller_personal_details: PersonalDetails | Unset = UNSET
    seller_registration_ip: IpRecord | Unset = UNSET
    seller_past_sales_count: int | Unset = UNSET
    seller_past_sales_sum: Amount | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.ip_record import IpRecord  # noqa: PLC0415
        from ..models.personal_details import PersonalDetails  # noqa: PLC0415
        from ..models.rating import Rating  # noqa: PLC0415

        available_funds_for_withdrawal: dict[str, Any] | Unset = UNSET
        if not isinstance(self.available_funds_for_withdrawal, Unset):
            available_funds_for_withdrawal = (
                self.available_funds_for_withdrawal.to_dict()
            )

        rating_as_buyer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rating_as_buyer, Unset):
            rating_as_buyer = self.rating_as_buyer.to_dict()

        rating_as_seller: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rating_as_seller, Unset):
            rating_as_seller = self.rating_as_seller.to_dict()

        seller_account_creation_date = self.seller_account_creation_date

        seller_last_login_ip: dict[str, Any] | Unset = UNSET
        if not isinstance(self.seller_last_login_ip, Unset):
            seller_last_login_ip = self.seller_last_login_ip.to_dict()

        seller_personal_details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.seller_personal_details, Unset):
            seller_personal_details = self.seller_personal_details.to_dict()

        seller_registration_ip: dict[str, Any] | Unset = UNSET
        if not isinstance(self.seller_registration_ip, Unset):
            seller_registration_ip = self.seller_registration_ip.to_dict()

        seller_past_sales_count = self.seller_past_sales_count

        seller_past_sales_sum: dict[str, Any] | Unset = UNSET
        if not isinstance(self.seller_past_sales_sum, Unset):
            seller_past_sales_sum = self.seller_past_sales_sum.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if available_funds_for_withdrawal is not UNSET:
            field_dict["availableFundsForWithdrawal"] = available_funds_for_withdrawal
        if rating_as_buyer is not UNSET:
            field_dict["ratingAsBuyer"] = rating_as_buyer
        if rating_as_seller is not UNSET:
            field_dict["ratingAsSeller"] = rating_as_seller
        if seller_account_creation_date is not UNSET:
            field_dict["sellerAccountCreationDate"] = seller_account_creation_date
        if seller_last_login_ip is not UNSET:
            field_dict["sellerLastLoginIP"] = seller_last_login_ip
        if seller_personal_details is not UNSET:
            field_dict["sellerPersonalDetails"] = seller_personal_details
        if seller_registration_ip is not UNSET:
            field_dict["sellerRegistrationIP"] = seller_registration_ip
        if seller_past_sales_count is not UNSET:
            field_dict["sellerPastSalesCount"] = seller_past_sales_count
        if seller_past_sales_sum is not UNSET:
            field_dict["sellerPastSalesSum"] = seller_past_sales_sum

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount import Amount  # noqa: PLC0415
        from ..models.ip_record import IpRecord  # noqa: PLC0415
        from ..models.personal_details import PersonalDetails  # noqa: PLC0415
        from ..models.rating import Rating  # noqa: PLC0415

        d = dict(src_dict)
        _available_funds_for_withdrawal = d.pop("availableFundsForWithdrawal", UNSET)
        available_funds_for_withdrawal: Amount | Unset
        if isinstance(_available_funds_for_withdrawal, Unset):
            available_funds_for_withdrawal = UNSET
        else:
            available_funds_for_withdrawal = Amount.from_dict(
                _available_funds_for_withdrawal
            )

        _rating_as_buyer = d.pop("ratingAsBuyer", UNSET)
        rating_as_buyer: Rating | Unset
        if isinstance(_rating_as_buyer, Unset):
            rating_as_buyer = UNSET
        else:
            rating_as_buyer = Rating.from_dict(_rating_as_buyer)

        _rating_as_seller = d.pop("ratingAsSeller", UNSET)
        rating_as_seller: Rating | Unset
        if isinstance(_rating_as_seller, Unset):
            rating_as_seller = UNSET
        else:
            rating_as_seller = Rating.from_dict(_rating_as_seller)

        seller_account_creation_date = d.pop("sellerAccountCreationDate", UNSET)

        _seller_last_login_ip = d.pop("sellerLastLoginIP", UNSET)
        seller_last_login_ip: IpRecord | Unset
        if isinstance(_seller_last_login_ip, Unset):
            seller_last_login_ip = UNSET
        else:
            seller_last_login_ip = IpRecord.from_dict(_seller_last_login_ip)

        _seller_personal_details = d.pop("sellerPersonalDetails", UNSET)
        seller_personal_details: PersonalDetails | Unset
        if isinstance(_seller_personal_details, Unset):
            seller_personal_details = UNSET
        else:
            seller_personal_details = PersonalDetails.from_dict(
                _seller_personal_details
            )

        _seller_registration_ip = d.pop("sellerRegistrationIP", UNSET)
        seller_registration_ip: IpRecord | Unset
        if isinstance(_seller_registration_ip, Unset):
            seller_registration_ip = UNSET
        else:
            seller_registration_ip = IpRecord.from_dict(_seller_registration_ip)

        seller_past_sales_count = d.pop("sellerPastSalesCount", UNSET)

        _seller_past_sales_sum = d.pop("sellerPastSalesSum", UNSET)
        seller_past_sales_sum: Amount | Unset
        if isinstance(_seller_past_sales_sum, Unset):
            seller_past_sales_sum = UNSET
        else:
            seller_past_sales_sum = Amount.from_dict(_seller_past_sales_sum)

        seller_details = cls(
            available_funds_for_withdrawal=available_funds_for_withdrawal,
            rating_as_buyer=rating_as_buyer,
            rating_as_seller=rating_as_seller,
            seller_account_creation_date=seller_account_creation_date,
            seller_last_login_ip=seller_last_login_ip,
            seller_personal_details=seller_personal_details,
            seller_registration_ip=seller_registration_ip,
            seller_past_sales_count=seller_past_sales_count,
            seller_past_sales_sum=seller_past_sales_sum,
        )

        seller_details.additional_properties = d
        return seller_details

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
