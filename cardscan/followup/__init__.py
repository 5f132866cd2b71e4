"""Follow-ups: drafts from templates, tracking what is due, calendar reminders."""
