"""Web lookups: the address guard, the page fetcher, the search providers (issue 5)."""
