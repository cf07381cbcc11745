"""Cross-site scripting: every payload through every text entry point, every page that
shows the text rendered and parsed.

The entry points: trainee names (the model, a walk-in typed at roll call, roster
cells through the admin import), question bank text, choices and explanations,
questions imported from XLSX, short answers a trainee types, certificate template
wording and signer, the certificate's frozen values, Wagtail page titles and body
blocks (rich text through the editor's own converter), a data request's details, a
search query. The world is built once for the package, inside a transaction rolled
back at the end; each page is rendered once with many payloads on it and audited
by tests/lms/xss_payloads.py.
"""
