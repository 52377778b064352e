"""The public careers site: published vacancies, applications, job alerts, the candidate
assistant with its recruiter-maintained FAQ, and first-party, cookieless event counts."""
