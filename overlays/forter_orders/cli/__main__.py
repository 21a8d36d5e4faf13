"""``python -m forter_orders.cli``: the same as the ``forter-orders`` command."""

from . import main

main()
