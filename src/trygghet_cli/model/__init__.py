"""The pydantic types of the domain. No I/O here: loading lives in :mod:`trygghet_cli.loading`."""
