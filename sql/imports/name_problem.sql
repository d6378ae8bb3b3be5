-- Fragment: why the cell {cell} breaks validation.parse_name, or NULL. A blank cell is absent,
-- as `hrgraph load` sends it; control characters are searched in the cell as written
-- ({before} matches the text before the first one).
CASE WHEN {cell} IS NULL OR REGEXP_REPLACE({cell}, {lead}, '') = '' THEN 'is required'
     WHEN LENGTH({cell}) > 255 THEN 'must be at most 255 characters, got ' || LENGTH({cell})
     WHEN {cell} ~ {control}
     THEN 'must not contain a control character (U+'
          || UPPER(LPAD(TO_HEX(ASCII(SUBSTRING({cell}, LENGTH(REGEXP_SUBSTR({cell}, {before})) + 1, 1))), 4, '0'))
          || ' at position ' || CAST(LENGTH(REGEXP_SUBSTR({cell}, {before})) AS VARCHAR) || ')'
END
