-- Fragment: the words validation._refuse_unstorable uses for the first control character of
-- {cell} ({before} matches the text before it): its code point and its position from 0.
'must not contain a control character (U+'
|| UPPER(LPAD(TO_HEX(ASCII(SUBSTRING({cell}, LENGTH(REGEXP_SUBSTR({cell}, {before})) + 1, 1))), 4, '0'))
|| ' at position ' || CAST(LENGTH(REGEXP_SUBSTR({cell}, {before})) AS VARCHAR) || ')'
