-- The language a person wants messages in; null = not chosen (the language of their request is used instead).
ALTER TABLE users ADD COLUMN preferred_locale text CHECK (preferred_locale IN ('vi', 'en'));
