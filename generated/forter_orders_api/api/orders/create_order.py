from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.order import Order
from ...models.order_decision import OrderDecision
from ...types import UNSET, Response, Unset


def _get_kwargs(
    order_id: str,
    *,
    body: Order,
    api_version: str,
    x_forter_siteid: str,
    x_forter_sub_merchant_siteid: str | Unset = UNSET,
    x_forter_client: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["api-version"] = api_version

    headers["x-forter-siteid"] = x_forter_siteid

    if not isinstance(x_forter_sub_merchant_siteid, Unset):
        headers["x-forter-sub-merchant-siteid"] = x_forter_sub_merchant_siteid

    if not isinstance(x_forter_client, Unset):
        headers["x-forter-client"] = x_forter_client

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/orders/{order_id}".format(
            order_id=quote(str(order_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | OrderDecision | None:
    if response.status_code == 200:
        response_200 = OrderDecision.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if response.status_code == 502:
        response_502 = ErrorResponse.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = ErrorResponse.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = ErrorResponse.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | OrderDecision]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Order,
    api_version: str,
    x_forter_siteid: str,
    x_forter_sub_merchant_siteid: str | Unset = UNSET,
    x_forter_client: str | Unset = UNSET,
) -> Response[ErrorResponse | OrderDecision]:
    """Send an order and get Forter's decision

     Validates the order and returns Forter's fraud decision for it.

    Args:
        order_id (str):
        api_version (str):
        x_forter_siteid (str):
        x_forter_sub_merchant_siteid (str | Unset):
        x_forter_client (str | Unset):
        body (Order): An order sent to Forter for a fraud decision (Order v3). Wire names are
            camelCase. Required (the `required` list): orderId, orderType, timeSentToForter,
            checkoutTime, totalAmount and cartItems (each with basicItemData name, quantity and
            price); web and app orders also carry connectionInformation (customerIP, userAgent).
            Recommended by Forter (`x-forter-recommended`): authorizationStep, payment,
            primaryDeliveryDetails, primaryRecipient and accountOwner.

            Objects are open: Forter accepts members this description does not list, and the generated
            models keep them (additional_properties). The client derives a strict view from this
            description for its warnings: every object with properties is closed unless it is marked
            `x-forter-free-form`, the recommended members become required, and the rules under
            `x-forter-strict-allOf` apply, so a misspelled member is reported instead of silently
            ignored by Forter.

            Web vs mobile-app orders (a strict-view rule, `x-forter-strict-allOf`): an order whose
            orderType is MOBILE, IOS or ANDROID comes from a native app and carries
            connectionInformation.forterMobileUID; its forterTokenCookie is absent or null. A WEB
            order (mobile web and app webviews included) carries
            connectionInformation.forterTokenCookie. Forter answered recorded web orders without a
            token, so the rule is guidance, not a condition of acceptance.

            Names the public sources did not show in their real casing carry `x-forter-confidence:
            inferred` until a sandbox run confirms them; `x-forter-seen-in` names the public senders
            (repository, path, commit) that show a member, its casing, a null or a type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OrderDecision]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        api_version=api_version,
        x_forter_siteid=x_forter_siteid,
        x_forter_sub_merchant_siteid=x_forter_sub_merchant_siteid,
        x_forter_client=x_forter_client,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Order,
    api_version: str,
    x_forter_siteid: str,
    x_forter_sub_merchant_siteid: str | Unset = UNSET,
    x_forter_client: str | Unset = UNSET,
) -> ErrorResponse | OrderDecision | None:
    """Send an order and get Forter's decision

     Validates the order and returns Forter's fraud decision for it.

    Args:
        order_id (str):
        api_version (str):
        x_forter_siteid (str):
        x_forter_sub_merchant_siteid (str | Unset):
        x_forter_client (str | Unset):
        body (Order): An order sent to Forter for a fraud decision (Order v3). Wire names are
            camelCase. Required (the `required` list): orderId, orderType, timeSentToForter,
            checkoutTime, totalAmount and cartItems (each with basicItemData name, quantity and
            price); web and app orders also carry connectionInformation (customerIP, userAgent).
            Recommended by Forter (`x-forter-recommended`): authorizationStep, payment,
            primaryDeliveryDetails, primaryRecipient and accountOwner.

            Objects are open: Forter accepts members this description does not list, and the generated
            models keep them (additional_properties). The client derives a strict view from this
            description for its warnings: every object with properties is closed unless it is marked
            `x-forter-free-form`, the recommended members become required, and the rules under
            `x-forter-strict-allOf` apply, so a misspelled member is reported instead of silently
            ignored by Forter.

            Web vs mobile-app orders (a strict-view rule, `x-forter-strict-allOf`): an order whose
            orderType is MOBILE, IOS or ANDROID comes from a native app and carries
            connectionInformation.forterMobileUID; its forterTokenCookie is absent or null. A WEB
            order (mobile web and app webviews included) carries
            connectionInformation.forterTokenCookie. Forter answered recorded web orders without a
            token, so the rule is guidance, not a condition of acceptance.

            Names the public sources did not show in their real casing carry `x-forter-confidence:
            inferred` until a sandbox run confirms them; `x-forter-seen-in` names the public senders
            (repository, path, commit) that show a member, its casing, a null or a type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OrderDecision
    """

    return sync_detailed(
        order_id=order_id,
        client=client,
        body=body,
        api_version=api_version,
        x_forter_siteid=x_forter_siteid,
        x_forter_sub_merchant_siteid=x_forter_sub_merchant_siteid,
        x_forter_client=x_forter_client,
    ).parsed


async def asyncio_detailed(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Order,
    api_version: str,
    x_forter_siteid: str,
    x_forter_sub_merchant_siteid: str | Unset = UNSET,
    x_forter_client: str | Unset = UNSET,
) -> Response[ErrorResponse | OrderDecision]:
    """Send an order and get Forter's decision

     Validates the order and returns Forter's fraud decision for it.

    Args:
        order_id (str):
        api_version (str):
        x_forter_siteid (str):
        x_forter_sub_merchant_siteid (str | Unset):
        x_forter_client (str | Unset):
        body (Order): An order sent to Forter for a fraud decision (Order v3). Wire names are
            camelCase. Required (the `required` list): orderId, orderType, timeSentToForter,
            checkoutTime, totalAmount and cartItems (each with basicItemData name, quantity and
            price); web and app orders also carry connectionInformation (customerIP, userAgent).
            Recommended by Forter (`x-forter-recommended`): authorizationStep, payment,
            primaryDeliveryDetails, primaryRecipient and accountOwner.

            Objects are open: Forter accepts members this description does not list, and the generated
            models keep them (additional_properties). The client derives a strict view from this
            description for its warnings: every object with properties is closed unless it is marked
            `x-forter-free-form`, the recommended members become required, and the rules under
            `x-forter-strict-allOf` apply, so a misspelled member is reported instead of silently
            ignored by Forter.

            Web vs mobile-app orders (a strict-view rule, `x-forter-strict-allOf`): an order whose
            orderType is MOBILE, IOS or ANDROID comes from a native app and carries
            connectionInformation.forterMobileUID; its forterTokenCookie is absent or null. A WEB
            order (mobile web and app webviews included) carries
            connectionInformation.forterTokenCookie. Forter answered recorded web orders without a
            token, so the rule is guidance, not a condition of acceptance.

            Names the public sources did not show in their real casing carry `x-forter-confidence:
            inferred` until a sandbox run confirms them; `x-forter-seen-in` names the public senders
            (repository, path, commit) that show a member, its casing, a null or a type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | OrderDecision]
    """

    kwargs = _get_kwargs(
        order_id=order_id,
        body=body,
        api_version=api_version,
        x_forter_siteid=x_forter_siteid,
        x_forter_sub_merchant_siteid=x_forter_sub_merchant_siteid,
        x_forter_client=x_forter_client,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    order_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: Order,
    api_version: str,
    x_forter_siteid: str,
    x_forter_sub_merchant_siteid: str | Unset = UNSET,
    x_forter_client: str | Unset = UNSET,
) -> ErrorResponse | OrderDecision | None:
    """Send an order and get Forter's decision

     Validates the order and returns Forter's fraud decision for it.

    Args:
        order_id (str):
        api_version (str):
        x_forter_siteid (str):
        x_forter_sub_merchant_siteid (str | Unset):
        x_forter_client (str | Unset):
        body (Order): An order sent to Forter for a fraud decision (Order v3). Wire names are
            camelCase. Required (the `required` list): orderId, orderType, timeSentToForter,
            checkoutTime, totalAmount and cartItems (each with basicItemData name, quantity and
            price); web and app orders also carry connectionInformation (customerIP, userAgent).
            Recommended by Forter (`x-forter-recommended`): authorizationStep, payment,
            primaryDeliveryDetails, primaryRecipient and accountOwner.

            Objects are open: Forter accepts members this description does not list, and the generated
            models keep them (additional_properties). The client derives a strict view from this
            description for its warnings: every object with properties is closed unless it is marked
            `x-forter-free-form`, the recommended members become required, and the rules under
            `x-forter-strict-allOf` apply, so a misspelled member is reported instead of silently
            ignored by Forter.

            Web vs mobile-app orders (a strict-view rule, `x-forter-strict-allOf`): an order whose
            orderType is MOBILE, IOS or ANDROID comes from a native app and carries
            connectionInformation.forterMobileUID; its forterTokenCookie is absent or null. A WEB
            order (mobile web and app webviews included) carries
            connectionInformation.forterTokenCookie. Forter answered recorded web orders without a
            token, so the rule is guidance, not a condition of acceptance.

            Names the public sources did not show in their real casing carry `x-forter-confidence:
            inferred` until a sandbox run confirms them; `x-forter-seen-in` names the public senders
            (repository, path, commit) that show a member, its casing, a null or a type.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | OrderDecision
    """

    return (
        await asyncio_detailed(
            order_id=order_id,
            client=client,
            body=body,
            api_version=api_version,
            x_forter_siteid=x_forter_siteid,
            x_forter_sub_merchant_siteid=x_forter_sub_merchant_siteid,
            x_forter_client=x_forter_client,
        )
    ).parsed
