"""Writes for accounts, one module per sub-domain. Callers import from the modules themselves:

- ``registration``: sign-up and email verification
- ``sessions``: password login, JWT sessions (start, refresh rotation, logout, revocation)
- ``passwords``: reset by email and change
- ``profile``: profile changes and account deletion
- ``email_change``: moving the account to another email address
- ``housekeeping``: periodic clean-up (beat)
"""
