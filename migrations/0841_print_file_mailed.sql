-- The mail house confirms a print file went to the post (issue #17 item 3): a paper letter is queued, printed
-- (in a print file), then mailed. Staff see which in the client file.
ALTER TABLE print_file ADD COLUMN mailed_at timestamptz;
