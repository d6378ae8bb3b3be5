-- Fragment: {value} as Python's repr() shows a string, so a rejection names a bad value in
-- the words a batch uses (resolvers/core/validation.py: "got 'abc'"). Exact for printable
-- text, backslashes, tabs and line breaks; other control characters stay as they are.
CASE WHEN STRPOS({value}, '''') > 0 AND STRPOS({value}, '"') = 0
     THEN '"' || REPLACE(REPLACE(REPLACE(REPLACE({value}, CHR(92), CHR(92) || CHR(92)),
          CHR(10), CHR(92) || 'n'), CHR(13), CHR(92) || 'r'), CHR(9), CHR(92) || 't') || '"'
     ELSE '''' || REPLACE(REPLACE(REPLACE(REPLACE(REPLACE({value}, CHR(92), CHR(92) || CHR(92)),
          CHR(10), CHR(92) || 'n'), CHR(13), CHR(92) || 'r'), CHR(9), CHR(92) || 't'),
          '''', CHR(92) || '''') || ''''
END
