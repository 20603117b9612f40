"""2. Extraction, one article at a time: dates, figures, people and organisations, each citing its sentence.

`article.extract()` runs the extractors over one article; `words` holds the month, weekday and number words they share."""
