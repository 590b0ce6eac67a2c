"""Output: reporters for findings, and (in later modules) briefs, pages and feeds."""
