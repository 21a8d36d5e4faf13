"""pytest plugin (registered through the ``pytest11`` entry point): fixtures for testing
integrations against the local Forter mock. Fixtures are added by the mock's module."""
