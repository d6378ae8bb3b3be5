-- Fragment: why the cell {cell} breaks validation.parse_name, or NULL. A blank cell is absent,
-- as `hrgraph load` sends it; control characters are searched in the cell as written.
CASE WHEN {cell} IS NULL OR REGEXP_REPLACE({cell}, {lead}, '') = '' THEN 'is required'
     WHEN LENGTH({cell}) > 255 THEN 'must be at most 255 characters, got ' || LENGTH({cell})
     WHEN {cell} ~ {control} THEN {control_problem}
END
