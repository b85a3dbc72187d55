"""The viewer window (Qt). Everything here draws; the data it shows comes from core."""
