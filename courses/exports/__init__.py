"""Attendance and allowance exports: column definitions, row sources, writers, PDFs."""
