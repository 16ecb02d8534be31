-- A numbering pattern that does not print the year keeps one counter for ever (year 0), instead of
-- one per year that restarted every January and repeated last year's numbers. Each such pattern
-- continues from the highest value any of its yearly counters reached.
INSERT INTO number_sequence (pattern, year, last_value)
SELECT pattern, 0, MAX(last_value) FROM number_sequence
WHERE year <> 0 AND pattern NOT LIKE '%{yyyy}%' AND pattern NOT LIKE '%{yy}%'
GROUP BY pattern;

DELETE FROM number_sequence
WHERE year <> 0 AND pattern NOT LIKE '%{yyyy}%' AND pattern NOT LIKE '%{yy}%';
