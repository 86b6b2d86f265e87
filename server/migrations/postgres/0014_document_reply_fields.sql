-- Union documents (ADR 0010): the rectification deadline the enterprise promised in its reply (ACCEPT) and
-- the reason a document was withdrawn, kept on the document beside the other reply and review fields.
ALTER TABLE union_documents ADD COLUMN reply_rectification_deadline TEXT NOT NULL DEFAULT '';
ALTER TABLE union_documents ADD COLUMN withdraw_reason TEXT NOT NULL DEFAULT '';
