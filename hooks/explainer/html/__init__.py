"""5. Changes to the finished HTML of every page: accessibility fixes, the page action and 404 page, and the
Content-Security-Policy (always last)."""
