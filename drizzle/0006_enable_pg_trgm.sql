-- The posts list's caption search ("Caption contains") uses a trigram GIN index on posts.caption
-- (posts_caption_trgm_idx, declared in lib/db/schema/posts.ts). pg_trgm is a trusted extension
-- (PostgreSQL 13+), so the database owner may create it; PGlite loads it in lib/db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
