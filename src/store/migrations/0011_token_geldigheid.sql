-- Tokens that end (services/token_geldigheid.h): a token may carry its last valid day, the
-- date in Amsterdam, inclusive (YYYY-MM-DD). NULL: no end — tokens issued before 0011 and
-- the beheerder token of `init`, which bootstraps the installation; a beheerder revokes them
-- (ingetrokken_op). The index serves revoking all tokens of a medewerker at once.
ALTER TABLE tokens ADD COLUMN geldig_tot TEXT;
CREATE INDEX tokens_medewerker ON tokens (medewerker_id);
