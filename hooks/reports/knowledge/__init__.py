"""What the years say together, derived from the model and nothing else:
laws and campaigns across years, the calendar, plan follow-ups, trends,
year-on-year comparison, the measures index and the downloads."""
