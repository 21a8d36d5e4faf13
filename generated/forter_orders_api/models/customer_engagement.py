from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, TextIO, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, repr_set_members

if TYPE_CHECKING:
    from ..models.customer_engagement_item import CustomerEngagementItem
    from ..models.geo_location import GeoLocation
    from ..models.invite import Invite


T = TypeVar("T", bound="CustomerEngagement")


@_attrs_define(repr=False)
class CustomerEngagement:
    """How the customer engages with the merchant (reviews, wish lists, messages, ...).

    Attributes:
        community_posts_written (CustomerEngagementItem | Unset): One kind of engagement: whether it is in use, how many
            items, and when.
        invites (list[Invite] | Unset):
        liked_items (CustomerEngagementItem | Unset): One kind of engagement: whether it is in use, how many items, and
            when.
        messages_received (CustomerEngagementItem | Unset): One kind of engagement: whether it is in use, how many
            items, and when.
        messages_sent (CustomerEngagementItem | Unset): One kind of engagement: whether it is in use, how many items,
            and when.
        newsletters (CustomerEngagementItem | Unset): One kind of engagement: whether it is in use, how many items, and
            when.
        reviews_written (CustomerEngagementItem | Unset): One kind of engagement: whether it is in use, how many items,
            and when.
        saved_locations (list[GeoLocation] | Unset):
        shared_items (CustomerEngagementItem | Unset): One kind of engagement: whether it is in use, how many items, and
            when.
        wishlist (CustomerEngagementItem | Unset): One kind of engagement: whether it is in use, how many items, and
            when.
    """

    community_posts_written: CustomerEngagementItem | Unset = UNSET
    invites: list[Invite] | Unset = UNSET
    liked_items: CustomerEngagementItem | Unset = UNSET
    messages_received: CustomerEngagementItem | Unset = UNSET
    messages_sent: CustomerEngagementItem | Unset = UNSET
    newsletters: CustomerEngagementItem | Unset = UNSET
    reviews_written: CustomerEngagementItem | Unset = UNSET
    saved_locations: list[GeoLocation] | Unset = UNSET
    shared_items: CustomerEngagementItem | Unset = UNSET
    wishlist: CustomerEngagementItem | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return repr_set_members(self)

    def to_dict(self) -> dict[str, Any]:
        from ..models.customer_engagement_item import CustomerEngagementItem  # noqa: PLC0415
        from ..models.geo_location import GeoLocation  # noqa: PLC0415
        from ..models.invite import Invite  # noqa: PLC0415

        community_posts_written: dict[str, Any] | Unset = UNSET
        if not isinstance(self.community_posts_written, Unset):
            community_posts_written = self.community_posts_written.to_dict()

        invites: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.invites, Unset):
            invites = []
            for invites_item_data in self.invites:
                invites_item = invites_item_data.to_dict()
                invites.append(invites_item)

        liked_items: dict[str, Any] | Unset = UNSET
        if not isinstance(self.liked_items, Unset):
            liked_items = self.liked_items.to_dict()

        messages_received: dict[str, Any] | Unset = UNSET
        if not isinstance(self.messages_received, Unset):
            messages_received = self.messages_received.to_dict()

        messages_sent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.messages_sent, Unset):
            messages_sent = self.messages_sent.to_dict()

        newsletters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.newsletters, Unset):
            newsletters = self.newsletters.to_dict()

        reviews_written: dict[str, Any] | Unset = UNSET
        if not isinstance(self.reviews_written, Unset):
            reviews_written = self.reviews_written.to_dict()

        saved_locations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.saved_locations, Unset):
            saved_locations = []
            for saved_locations_item_data in self.saved_locations:
                saved_locations_item = saved_locations_item_data.to_dict()
                saved_locations.append(saved_locations_item)

        shared_items: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shared_items, Unset):
            shared_items = self.shared_items.to_dict()

        wishlist: dict[str, Any] | Unset = UNSET
        if not isinstance(self.wishlist, Unset):
            wishlist = self.wishlist.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if community_posts_written is not UNSET:
            field_dict["communityPostsWritten"] = community_posts_written
        if invites is not UNSET:
            field_dict["invites"] = invites
        if liked_items is not UNSET:
            field_dict["likedItems"] = liked_items
        if messages_received is not UNSET:
            field_dict["messagesReceived"] = messages_received
        if messages_sent is not UNSET:
            field_dict["messagesSent"] = messages_sent
        if newsletters is not UNSET:
            field_dict["newsletters"] = newsletters
        if reviews_written is not UNSET:
            field_dict["reviewsWritten"] = reviews_written
        if saved_locations is not UNSET:
            field_dict["savedLocations"] = saved_locations
        if shared_items is not UNSET:
            field_dict["sharedItems"] = shared_items
        if wishlist is not UNSET:
            field_dict["wishlist"] = wishlist

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_engagement_item import CustomerEngagementItem  # noqa: PLC0415
        from ..models.geo_location import GeoLocation  # noqa: PLC0415
        from ..models.invite import Invite  # noqa: PLC0415

        d = dict(src_dict)
        _community_posts_written = d.pop("communityPostsWritten", UNSET)
        community_posts_written: CustomerEngagementItem | Unset
        if isinstance(_community_posts_written, Unset):
            community_posts_written = UNSET
        else:
            community_posts_written = CustomerEngagementItem.from_dict(
                _community_posts_written
            )

        _invites = d.pop("invites", UNSET)
        invites: list[Invite] | Unset = UNSET
        if _invites is not UNSET:
            invites = []
            for invites_item_data in _invites:
                invites_item = Invite.from_dict(invites_item_data)

                invites.append(invites_item)

        _liked_items = d.pop("likedItems", UNSET)
        liked_items: CustomerEngagementItem | Unset
        if isinstance(_liked_items, Unset):
            liked_items = UNSET
        else:
            liked_items = CustomerEngagementItem.from_dict(_liked_items)

        _messages_received = d.pop("messagesReceived", UNSET)
        messages_received: CustomerEngagementItem | Unset
        if isinstance(_messages_received, Unset):
            messages_received = UNSET
        else:
            messages_received = CustomerEngagementItem.from_dict(_messages_received)

        _messages_sent = d.pop("messagesSent", UNSET)
        messages_sent: CustomerEngagementItem | Unset
        if isinstance(_messages_sent, Unset):
            messages_sent = UNSET
        else:
            messages_sent = CustomerEngagementItem.from_dict(_messages_sent)

        _newsletters = d.pop("newsletters", UNSET)
        newsletters: CustomerEngagementItem | Unset
        if isinstance(_newsletters, Unset):
            newsletters = UNSET
        else:
            newsletters = CustomerEngagementItem.from_dict(_newsletters)

        _reviews_written = d.pop("reviewsWritten", UNSET)
        reviews_written: CustomerEngagementItem | Unset
        if isinstance(_reviews_written, Unset):
            reviews_written = UNSET
        else:
            reviews_written = CustomerEngagementItem.from_dict(_reviews_written)

        _saved_locations = d.pop("savedLocations", UNSET)
        saved_locations: list[GeoLocation] | Unset = UNSET
        if _saved_locations is not UNSET:
            saved_locations = []
            for saved_locations_item_data in _saved_locations:
                saved_locations_item = GeoLocation.from_dict(saved_locations_item_data)

                saved_locations.append(saved_locations_item)

        _shared_items = d.pop("sharedItems", UNSET)
        shared_items: CustomerEngagementItem | Unset
        if isinstance(_shared_items, Unset):
            shared_items = UNSET
        else:
            shared_items = CustomerEngagementItem.from_dict(_shared_items)

        _wishlist = d.pop("wishlist", UNSET)
        wishlist: CustomerEngagementItem | Unset
        if isinstance(_wishlist, Unset):
            wishlist = UNSET
        else:
            wishlist = CustomerEngagementItem.from_dict(_wishlist)

        customer_engagement = cls(
            community_posts_written=community_posts_written,
            invites=invites,
            liked_items=liked_items,
            messages_received=messages_received,
            messages_sent=messages_sent,
            newsletters=newsletters,
            reviews_written=reviews_written,
            saved_locations=saved_locations,
            shared_items=shared_items,
            wishlist=wishlist,
        )

        customer_engagement.additional_properties = d
        return customer_engagement

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
