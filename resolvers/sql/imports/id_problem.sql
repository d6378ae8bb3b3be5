-- Fragment: why the stripped id text {text} breaks validation.parse_id, or NULL when it is an
-- id. {absent} is the answer for a blank cell (NULL where the column is optional).
CASE WHEN {text} IS NULL OR {text} = '' THEN {absent}
     WHEN {text} !~ '^[0-9]+$' THEN 'must be a positive integer, got ' || {repr}
     WHEN LTRIM({text}, '0') = '' THEN 'must be a positive integer, got 0'
     WHEN LENGTH(LTRIM({text}, '0')) > 10
     THEN 'must be at most 2147483647, got a number of '
          || CAST(LENGTH(LTRIM({text}, '0')) AS VARCHAR) || ' digits'
     WHEN LENGTH(LTRIM({text}, '0')) = 10 AND LTRIM({text}, '0') > '2147483647'
     THEN 'must be at most 2147483647, got ' || LTRIM({text}, '0')
END
