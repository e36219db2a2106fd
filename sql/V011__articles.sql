-- Blog and news (PRODUCT.md §13, API.md "Blog and news"). body_html is rendered from body_md
-- by cmark when the article is saved, so a read never renders and never sees raw Markdown.
-- Slugs are unique per type: /blog/x and /news/x are different articles.
CREATE TABLE articles (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    type          text NOT NULL CHECK (type IN ('blog', 'news')),
    slug          text NOT NULL CHECK (char_length(slug) <= 80 AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title         text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    excerpt       text NOT NULL CHECK (char_length(excerpt) <= 500),
    body_md       text NOT NULL,
    body_html     text NOT NULL,
    state         text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'in_review', 'published')),
    review_note   text CHECK (char_length(review_note) <= 2000),
    created_by    uuid NOT NULL REFERENCES users (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    published_at  timestamptz,
    CONSTRAINT articles_type_slug_key UNIQUE (type, slug),
    CHECK ((state = 'published') = (published_at IS NOT NULL))
);

-- The readers' lists: newest published first.
CREATE INDEX articles_published_idx ON articles (type, published_at DESC) WHERE state = 'published';
