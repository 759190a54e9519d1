"""What every writer shares: files written whole or not at all (files), the fonts and
fitting text into boxes and paragraphs (text), and the one guard for spreadsheet cells
(cells). Imports no capability package: each of them may use this."""
