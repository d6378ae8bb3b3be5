"""Questions the offline engine answers: offered when it refuses, shown to Bedrock as few-shots."""

from __future__ import annotations

from resolvers.core.questions.catalog import Catalog

EXAMPLES = (
    "How many people were hired in {year}?",
    "How many people were hired in {department} in Q2 {year}?",
    "Hires by department in {year}",
    "Hires per month in {year}",
    "Top 5 jobs by hires in {year}",
    "Which department hired the fewest people in {year}?",
    "Hires per quarter for each department and job in {year}",
    "Which departments hired more than the mean in {year}?",
    "What share of hires in {year} went to each department?",
    "Who were the first 3 people hired in {year}?",
    "List the employees of {department} hired in March {year}",
    "Compare hires in {year} and {next_year} by department",
    "How many {job} hires were there between {year}-01-01 and {year}-06-30?",
    "How many departments are there?",
)


def suggestions(catalog: Catalog, year: int = 2021, count: int = 6) -> list[str]:
    """Example questions filled in with live names, so each one can actually be asked."""
    department = catalog.departments[0] if catalog.departments else "Engineering"
    job = catalog.jobs[0] if catalog.jobs else "Recruiter"
    names = {"department": department, "job": job, "year": year, "next_year": year + 1}
    return [example.format(**names) for example in EXAMPLES[:count]]


def all_examples(catalog: Catalog, year: int = 2021) -> list[str]:
    return suggestions(catalog, year, len(EXAMPLES))
