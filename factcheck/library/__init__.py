"""Published fact-checks (ClaimReview) kept in the workspace, and search over them and the worksheets."""
