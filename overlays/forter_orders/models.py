"""Every request and response model, in one place: ``from forter_orders.models import ...``.

The classes are generated from the packaged ``openapi.yaml`` (package ``forter_orders_api``)
and re-exported here under their Python names, with the types a model's members use:

* ``UNSET`` / ``Unset``: a member left out of the JSON (``None`` would be JSON ``null``);
* ``UnknownValue``: a value of an open set that the spec does not list, e.g. a decision
  Forter adds later (``decision.forter_decision`` is ``"APPROVE" | "DECLINE" |
  "NOT_REVIEWED" | UnknownValue``).

Names follow the generator's rules: wire names in camelCase become snake_case (``amountUSD``
-> ``amount_usd``, ``forterMobileUID`` -> ``forter_mobile_uid``), and a name that would shadow
a Python builtin gets a trailing underscore (``bin`` -> ``bin_``, ``type`` -> ``type_``,
``zip`` -> ``zip_``). docs/models.md lists every member whose Python name is not the plain
snake_case of its wire name, and which class each schema became.

Importing this module imports all the generated models (about 80 small modules); ``import
forter_orders`` alone does not.
"""

from forter_orders_api.models import *  # noqa: F403 - the generated package's __all__
from forter_orders_api.models import __all__ as _generated_names
from forter_orders_api.types import UNSET, UnknownValue, Unset

__all__ = [*_generated_names, "UNSET", "UnknownValue", "Unset"]
