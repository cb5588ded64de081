DROP TABLE suggestion_drafts;
DROP TABLE upvotes;
DROP TABLE suggestions;
